import { QualityInputError } from './QualityInputError.js';

/** The options of `pnpm bench:quality`, parsed. */
export interface QualityArgs {
  /** `--quick`: 2 seeds, the seed-fleet scenario only (a smoke run, not a result). */
  readonly quick: boolean;
  /** `--seeds N`: seeds per variant (default 10; 2 with `--quick`). */
  readonly seeds: number | undefined;
  /** `--scenario NAME` (repeatable): run only these scenarios. */
  readonly scenarios: readonly string[];
  /** `--workers N`: worker threads. */
  readonly workers: number | undefined;
  /** `--out DIR`: where the JSON and markdown go. */
  readonly out: string | undefined;
  /** `--set key=value` (repeatable): an override applied to every run. */
  readonly sets: readonly string[];
  /** `--help`. */
  readonly help: boolean;
}

/** The `--help` text of `pnpm bench:quality`. */
export const QUALITY_USAGE = `Usage: pnpm bench:quality [options]

Runs the standard quality scenarios under each policy variant over several seeds and prints harvest ratio,
online interference, job wait and completion percentiles, reschedules and evictions with 95% confidence
intervals. Writes packages/bench/results/quality-<date>.json and .md.

Options:
  --quick            2 seeds, the seed-fleet scenario only (a smoke run; not a result to quote)
  --seeds N          seeds per variant (default 10)
  --scenario NAME    run only this scenario (repeatable): seed-fleet, ten-member-diurnal, fragmentation,
                     serverless-burst
  --workers N        worker threads (default: available parallelism)
  --out DIR          output directory (default packages/bench/results)
  --set KEY=VALUE    scenario override applied to every run (repeatable), e.g. --set duration=2h
  --help             this text
`;

function positiveInteger(flag: string, text: string | undefined): number {
  const n = text === undefined ? Number.NaN : Number(text);
  if (!Number.isSafeInteger(n) || n < 1)
    throw new QualityInputError(`${flag} needs a whole number ≥ 1, got "${text ?? ''}"`);
  return n;
}

/**
 * Parses the command line of `pnpm bench:quality` (without `node` and the script).
 *
 * @throws {@link QualityInputError} for an unknown option or a missing / malformed value.
 */
export function parseQualityArgs(argv: readonly string[]): QualityArgs {
  let quick = false;
  let help = false;
  let seeds: number | undefined;
  let workers: number | undefined;
  let out: string | undefined;
  const scenarios: string[] = [];
  const sets: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const [flag, inline] = arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new QualityInputError(`${flag} needs a value`);
      i++;
      return next;
    };
    switch (flag) {
      case '--quick':
        quick = true;
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      case '--seeds':
        seeds = positiveInteger(flag, value());
        break;
      case '--workers':
        workers = positiveInteger(flag, value());
        break;
      case '--scenario':
        scenarios.push(value());
        break;
      case '--out':
        out = value();
        break;
      case '--set':
        sets.push(value());
        break;
      default:
        throw new QualityInputError(`unknown option "${arg}" (see --help)`);
    }
  }
  return { quick, seeds, scenarios, workers, out, sets, help };
}
