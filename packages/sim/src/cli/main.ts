// The `gleaner` executable: runs the CLI on the process arguments and sets the exit code.
import { processIo } from './CliIo.js';
import { runCli } from './runCli.js';

// A closed pipe (`gleaner validate … | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// exitCode rather than exit(): let buffered output reach a pipe before the process ends.
process.exitCode = await runCli(process.argv.slice(2), processIo());
