import { describe, expect, it } from 'vitest';
import { bufferedIo, type CliIo } from '../../src/cli/CliIo.js';
import { createProgress } from '../../src/cli/progressBar.js';

/** A stand-in terminal: what cli-progress needs of a TTY stream, keeping what it writes. */
function fakeTty(): { stream: NodeJS.WritableStream & { isTTY: true }; text: () => string } {
  let text = '';
  const stream = {
    isTTY: true as const,
    columns: 100,
    write: (s: string) => {
      text += s;
      return true;
    },
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
    clearScreenDown: () => true,
    on: () => stream,
    removeListener: () => stream,
  };
  return { stream: stream as unknown as NodeJS.WritableStream & { isTTY: true }, text: () => text };
}

describe('createProgress', () => {
  it('draws nothing when output is not a terminal', () => {
    const io = bufferedIo();
    const progress = createProgress(io, 'simulating');
    progress.update(5, 10, 'half');
    progress.stop();
    expect(io.out()).toBe('');
    expect(io.err()).toBe('');
  });

  it('draws a bar on stderr when stdout and stderr are terminals, and can be turned off', () => {
    const out = fakeTty();
    const err = fakeTty();
    const io: CliIo = { stdout: out.stream, stderr: err.stream };
    const progress = createProgress(io, 'simulating');
    progress.update(0, 10, '0 s of 2 h');
    progress.update(10, 10, '2 h of 2 h');
    progress.stop();
    expect(err.text()).toContain('simulating');
    expect(err.text()).toContain('2 h of 2 h');
    expect(out.text()).toBe('');
    const off = fakeTty();
    const quiet = createProgress({ stdout: out.stream, stderr: off.stream }, 'simulating', false);
    quiet.update(1, 2, 'x');
    quiet.stop();
    expect(off.text()).toBe('');
  });

  it('stays silent when only stderr is a terminal (stdout piped)', () => {
    const err = fakeTty();
    const io: CliIo = { stdout: bufferedIo().stdout, stderr: err.stream };
    const progress = createProgress(io, 'sweeping');
    progress.update(1, 2, 'x');
    progress.stop();
    expect(err.text()).toBe('');
  });
});
