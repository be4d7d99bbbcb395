import { describe, expect, it } from 'vitest';
import { bufferedIo, ExitCode, exitCodeFor, runCli } from '../../src/cli/index.js';

describe('runCli', () => {
  it('prints the version and exits 0', async () => {
    const io = bufferedIo();
    expect(await runCli(['--version'], io)).toBe(ExitCode.OK);
    expect(io.out()).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('prints help on stdout for --help and lists the validate command', async () => {
    const io = bufferedIo();
    expect(await runCli(['--help'], io)).toBe(ExitCode.OK);
    expect(io.out()).toContain('Usage: gleaner');
    expect(io.out()).toContain('validate');
    expect(io.err()).toBe('');
  });

  it('exits 2 with a one-line message for an unknown command, option or a missing argument', async () => {
    for (const argv of [['frobnicate'], ['validate'], ['validate', '--nope', 'x.yaml'], []]) {
      const io = bufferedIo();
      expect(await runCli(argv, io)).toBe(ExitCode.USAGE);
      expect(io.err()).not.toContain('    at ');
    }
    const io = bufferedIo();
    await runCli(['frobnicate'], io);
    expect(io.err()).toContain("error: unknown command 'frobnicate'");
  });

  it('exits 2 for an option value that does not parse', async () => {
    const io = bufferedIo();
    expect(await runCli(['validate', '--max-size', 'big', 'x.yaml'], io)).toBe(ExitCode.USAGE);
    expect(io.err()).toContain('expected a positive whole number of bytes');
  });

  it('maps every error code to its documented exit code', () => {
    expect([exitCodeFor('INVALID_INPUT'), exitCodeFor('USAGE'), exitCodeFor('IO'), exitCodeFor('INTERNAL')]).toEqual([
      1, 2, 3, 70,
    ]);
  });
});
