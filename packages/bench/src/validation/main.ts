// `pnpm validate:traces`: the numbers of docs/validation.md, from the real traces in ../shared/traces.
import { sharedTracesDir } from './sharedTraces.js';
import { validateBatchReplay } from './validateBatchReplay.js';
import { validateGpuPacking } from './validateGpuPacking.js';
import { validateOnlineReplay } from './validateOnlineReplay.js';
import { batchReplayMarkdown, gpuPackingMarkdown, onlineReplayMarkdown } from './validationReport.js';

const scaleArg = process.argv.indexOf('--scale');
const scale = scaleArg >= 0 ? Number(process.argv[scaleArg + 1]) : 0.1;
const traces = sharedTracesDir();
if (traces === undefined) {
  process.stdout.write('skipped: ../shared/traces not found\n');
} else if (!(scale > 0 && scale <= 1)) {
  process.stderr.write(
    `validate:traces: --scale needs a number in (0, 1], got "${process.argv[scaleArg + 1] ?? ''}"\n`,
  );
  process.exitCode = 2;
} else {
  const timed = async <T>(label: string, run: () => Promise<T>, show: (r: T) => string): Promise<void> => {
    const started = performance.now();
    const result = await run();
    process.stdout.write(`${show(result)}(${label}: ${((performance.now() - started) / 1000).toFixed(1)} s wall)\n\n`);
  };
  await timed('a', () => validateOnlineReplay(traces), onlineReplayMarkdown);
  // (b) twice: the default online-memory assumption (40 %), and 10 % to show that BE memory is what binds.
  await timed(
    'b',
    async () => [
      await validateBatchReplay(traces, { scale }),
      await validateBatchReplay(traces, { scale, onlineMemory: 0.1 }),
    ],
    batchReplayMarkdown,
  );
  await timed('c', () => validateGpuPacking(traces), gpuPackingMarkdown);
}
