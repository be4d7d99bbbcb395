import { createRequire } from 'node:module';
import { Command } from 'commander';
import type { CliContext } from './CliContext.js';
import { compareCommand } from './compareCommand.js';
import { mergeCommand } from './mergeCommand.js';
import { placeCommand } from './placeCommand.js';
import { runCommand } from './runCommand.js';
import { sweepCommand } from './sweepCommand.js';
import { validateCommand } from './validateCommand.js';

/**
 * The commands of `gleaner`, one factory per file. To add a command, write `<name>Command.ts` exporting
 * a `(context) => Command` factory and list it here.
 */
export const COMMANDS: readonly ((context: CliContext) => Command)[] = [
  validateCommand,
  placeCommand,
  runCommand,
  compareCommand,
  sweepCommand,
  mergeCommand,
];

function packageVersion(): string {
  // src/cli and dist/cli both sit two levels below the package root.
  const pkg = createRequire(import.meta.url)('../../package.json') as { version?: string };
  return pkg.version ?? '0.0.0';
}

/**
 * Builds the `gleaner` program: its commands, version and help, with all output routed through
 * `context.io` and commander's `process.exit` replaced by thrown errors (see `runCli`).
 */
export function createProgram(context: CliContext): Command {
  const { io } = context;
  const program = new Command('gleaner')
    .description('Batch work on the idle capacity of a Kubernetes fleet: validate, place, simulate.')
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showHelpAfterError('(run "gleaner --help" for usage)');
  for (const make of COMMANDS) {
    const command = make(context);
    // Commands built with `new Command` do not inherit the parent's output and exit settings by themselves.
    command.copyInheritedSettings(program);
    program.addCommand(command);
  }
  return program;
}
