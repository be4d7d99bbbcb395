import { QUALITY_AXES, type QualityAxis, type QualityScenario } from './QualityScenario.js';
import type { QualityVariant } from './QualityVariant.js';
import { QUALITY_SCENARIO_DIR } from './standardScenarios.js';

const policy = (file: string): string => `${QUALITY_SCENARIO_DIR}common/${file}`;

/**
 * The baseline every variant departs from — the defaults of the scenario schema and of Koordinator: the
 * idle-aware cluster scorer (`most-idle`), preoccupation on (for members ≥ 1.28), reschedule timeout
 * 300 s, the seed's Divided + Gang policy, CPU reclaim 60 %. It is written out explicitly, so a scenario
 * file that sets something else is still compared against these values.
 */
export const BASELINE_VARIANT: QualityVariant = {
  name: 'baseline',
  axis: null,
  description: 'most-idle scorer, preoccupation on, timeout 300 s, Divided + Gang, CPU reclaim 60 %',
  overrides: [
    'fleetScheduler.scorer=most-idle',
    'fleetScheduler.preoccupation=true',
    'fleetScheduler.rescheduleTimeout=300s',
    `manifests.{policyIndex}=${policy('divided-gang.yaml')}`,
    'colocation.cpuReclaimThresholdPercent=60',
  ],
};

/**
 * The variants of each axis, one setting changed from {@link BASELINE_VARIANT} at a time:
 *
 * - **scorer**: `round-robin` (the member after the last one chosen) and `random` (a seeded random member),
 *   both among the members that can hold the whole application — versus `most-idle`;
 * - **preoccupation**: off (no holds at dispatch; the fleet sees a member's new pods only at its next sync);
 * - **timeout**: reschedule after 60 s and 900 s instead of 300 s — with preoccupation off, and compared
 *   with `preoccupation=off`: with preoccupation on, a Gang job's driver starts on the node held for it, so
 *   nothing is ever rescheduled and the timeout cannot matter;
 * - **replication**: `Duplicated + Gang` and plain `Duplicated` instead of `Divided + Gang`. Duplicated means
 *   "every selected member gets the full object": for a SparkApplication, a copy of the whole job — driver
 *   and every executor — in every member, each computing the same result. With Gang the whole application
 *   goes to one member that can hold it, which is what a Spark job needs; Gleaner's core lets Gang decide,
 *   so Duplicated + Gang must measure exactly like Divided + Gang. Plain Duplicated is capacity-blind;
 *   the simulator runs the first target member's copy only (see docs/quality.md);
 * - **reclaim**: Koordinator's `cpuReclaimThresholdPercent` at 50 % and 70 % instead of 60 %.
 */
export const AXIS_VARIANTS: Readonly<Record<QualityAxis, readonly QualityVariant[]>> = {
  scorer: [
    {
      name: 'scorer=round-robin',
      axis: 'scorer',
      description: 'round-robin among the members that fit',
      overrides: ['fleetScheduler.scorer=round-robin'],
    },
    {
      name: 'scorer=random',
      axis: 'scorer',
      description: 'a random member among those that fit',
      overrides: ['fleetScheduler.scorer=random'],
    },
  ],
  preoccupation: [
    {
      name: 'preoccupation=off',
      axis: 'preoccupation',
      description: 'no holds at dispatch',
      overrides: ['fleetScheduler.preoccupation=false'],
    },
  ],
  timeout: [
    {
      name: 'timeout=60s',
      axis: 'timeout',
      description: 'preoccupation off; reschedule a job whose driver is not running after 60 s',
      overrides: ['fleetScheduler.preoccupation=false', 'fleetScheduler.rescheduleTimeout=60s'],
      reference: 'preoccupation=off',
    },
    {
      name: 'timeout=900s',
      axis: 'timeout',
      description: 'preoccupation off; reschedule a job whose driver is not running after 900 s',
      overrides: ['fleetScheduler.preoccupation=false', 'fleetScheduler.rescheduleTimeout=900s'],
      reference: 'preoccupation=off',
    },
  ],
  replication: [
    {
      name: 'Duplicated+Gang',
      axis: 'replication',
      description: 'replicaSchedulingType Duplicated with customSchedulingType Gang',
      overrides: [`manifests.{policyIndex}=${policy('duplicated-gang.yaml')}`],
    },
    {
      name: 'Duplicated',
      axis: 'replication',
      description: 'replicaSchedulingType Duplicated, no Gang (capacity-blind, every member)',
      overrides: [`manifests.{policyIndex}=${policy('duplicated.yaml')}`],
    },
  ],
  reclaim: [
    {
      name: 'reclaim=50%',
      axis: 'reclaim',
      description: 'cpuReclaimThresholdPercent 50',
      overrides: ['colocation.cpuReclaimThresholdPercent=50'],
    },
    {
      name: 'reclaim=70%',
      axis: 'reclaim',
      description: 'cpuReclaimThresholdPercent 70',
      overrides: ['colocation.cpuReclaimThresholdPercent=70'],
    },
  ],
};

/**
 * The variants run on `scenario`: the baseline first, then each of its axes' variants in
 * {@link QUALITY_AXES} order; a variant another one is compared with (`reference`) is included even
 * when its own axis is not.
 */
export function variantsFor(scenario: QualityScenario): QualityVariant[] {
  const out: QualityVariant[] = [BASELINE_VARIANT];
  const add = (v: QualityVariant): void => {
    if (out.some((o) => o.name === v.name)) return;
    if (v.reference !== undefined) {
      const ref = ALL_VARIANTS.find((r) => r.name === v.reference);
      if (ref !== undefined) add(ref);
    }
    out.push(v);
  };
  for (const axis of QUALITY_AXES) if (scenario.axes.includes(axis)) AXIS_VARIANTS[axis].forEach(add);
  return out;
}

const ALL_VARIANTS: readonly QualityVariant[] = QUALITY_AXES.flatMap((axis) => AXIS_VARIANTS[axis]);

/**
 * The overrides of one run of `variant` on `scenario`: the baseline's (so every variant starts from the
 * same settings), then the variant's, then the caller's extra ones (`--set`); the `{policyIndex}`
 * placeholder is resolved for the scenario.
 */
export function variantOverrides(
  scenario: QualityScenario,
  variant: QualityVariant,
  extra: readonly string[] = [],
): string[] {
  const resolve = (set: string): string => set.replace('{policyIndex}', String(scenario.policyManifestIndex));
  const base = variant === BASELINE_VARIANT ? [] : BASELINE_VARIANT.overrides;
  return [...base, ...variant.overrides, ...extra].map(resolve);
}
