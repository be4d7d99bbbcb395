import type { Summary } from '../metrics/SimulationResult.js';
import type { ScenarioCase } from './ScenarioCase.js';
import { formatScenarioFiles, scenarioFiles } from './scenarioFiles.js';

/** What {@link PolicyComparisonError} reports about a failed comparison. */
export interface PolicyComparisonFailure {
  /** Name of the base policy. */
  readonly base: string;
  /** Name of the candidate policy. */
  readonly candidate: string;
  /** The smallest scenario found on which the property fails. */
  readonly scenario: ScenarioCase;
  /** What the property (or the invariants) threw on it. */
  readonly cause: unknown;
  /** fast-check seed of the check. */
  readonly seed: number;
  /** fast-check path of the counter-example (with `seed`, replays it first). */
  readonly path: string;
  /** Scenarios tried up to the first failure. */
  readonly numRuns: number;
  /** Shrink steps that led from the first failure to this one. */
  readonly numShrinks: number;
  /** Both runs' summaries on the counter-example, when it completed. */
  readonly summaries?: {
    /** The base policy's run. */
    readonly base: Summary;
    /** The candidate policy's run. */
    readonly candidate: Summary;
  };
}

const KEY_NUMBERS = [
  'jobsSubmitted',
  'jobsCompleted',
  'jobsFailed',
  'jobsUnfinished',
  'harvestRatio',
  'evictions',
  'reschedules',
  'throttledNodeMs',
  'virtualVcpuSeconds',
] as const;

function summaryTable(base: string, candidate: string, s: { base: Summary; candidate: Summary }): string {
  const width = Math.max(...KEY_NUMBERS.map((k) => k.length));
  const rows = KEY_NUMBERS.map(
    (k) => `  ${k.padEnd(width)}  ${String(s.base[k]).padStart(12)}  ${String(s.candidate[k]).padStart(12)}`,
  );
  return [
    `  ${''.padEnd(width)}  ${base.slice(0, 12).padStart(12)}  ${candidate.slice(0, 12).padStart(12)}`,
    ...rows,
  ].join('\n');
}

/**
 * Thrown by {@link comparePolicies} when the property fails: the message names both policies, what failed,
 * both runs' key numbers and the shrunk counter-example as scenario files (YAML) — save them and
 * `gleaner run scenario.yaml` replays the base run — plus the seed and path that replay it in the test.
 */
export class PolicyComparisonError extends Error {
  /** The failure's details (the scenario, the cause, the replay seed and path). */
  readonly failure: PolicyComparisonFailure;
  /** The counter-example as files: name → YAML text, `scenario.yaml` first. */
  readonly files: Readonly<Record<string, string>>;

  /** Builds the error and its report from the failure. */
  constructor(failure: PolicyComparisonFailure) {
    const files = scenarioFiles(failure.scenario);
    const cause = failure.cause instanceof Error ? failure.cause.message : String(failure.cause);
    const lines = [
      `comparePolicies: "${failure.candidate}" vs "${failure.base}" failed on a generated scenario (after ${failure.numRuns} scenario${failure.numRuns === 1 ? '' : 's'}, shrunk ${failure.numShrinks} time${failure.numShrinks === 1 ? '' : 's'}).`,
      cause,
      ...(failure.summaries === undefined
        ? []
        : [
            '',
            'Key numbers on the counter-example:',
            summaryTable(failure.base, failure.candidate, failure.summaries),
          ]),
      '',
      `Replay in the test with { seed: ${failure.seed}, path: '${failure.path}' }, or save the files below and run \`gleaner run scenario.yaml\`:`,
      '',
      formatScenarioFiles(files),
    ];
    super(lines.join('\n'), { cause: failure.cause });
    this.name = 'PolicyComparisonError';
    this.failure = failure;
    this.files = files;
  }
}
