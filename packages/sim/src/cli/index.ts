// The cli face: the `gleaner` program, runnable in-process.
export type { CliContext } from './CliContext.js';
export type { CliErrorCode } from './CliError.js';
export { CliError, InputOutputError, InvalidInputError, UsageError } from './CliError.js';
export type { BufferedIo, CliIo, CliWriter } from './CliIo.js';
export { bufferedIo, processIo } from './CliIo.js';
export { ExitCode, exitCodeFor } from './exitCodes.js';
export { COMMANDS, createProgram } from './program.js';
export { runCli } from './runCli.js';
export type { ValidateOptions } from './validateCommand.js';
export { runValidate, validateCommand } from './validateCommand.js';
