import { fileURLToPath } from 'node:url';
import type { QualityScenario } from './QualityScenario.js';

// From src/quality/ (tsx) and from dist/quality/ (compiled) alike, the package root is two levels up.
const packageRoot = new URL('../../', import.meta.url);
const scenario = (relative: string): string => fileURLToPath(new URL(relative, packageRoot));

/** Directory of the quality scenarios' own files (`packages/bench/scenarios`). */
export const QUALITY_SCENARIO_DIR: string = scenario('scenarios/');

/**
 * The standard scenarios of `pnpm bench:quality`, sized so the whole matrix (every variant × 10 seeds)
 * runs in minutes on two cores:
 *
 * - **seed-fleet** — `examples/seed-fleet`, the seed documents' setup as written: two members (1.28 with
 *   preoccupation, 1.26 without), 24 h, SparkPi at 12/h. Light load: the policies barely matter here, which
 *   is itself a finding (no timeout axis: nothing is ever rescheduled, even without preoccupation).
 * - **ten-member-diurnal** — ten members 2.4 h apart, four 32-core nodes each, diurnal online load; 12 h
 *   of 4–24-executor applications at 40/h (about 40 % of the batch CPU published at 60 % reclaim, 80 % of
 *   it at 50 %).
 * - **fragmentation** — two members of thirty 16-core nodes; applications with 4-core / 12 GiB executors,
 *   of which at most one fits on a node; 12 h.
 * - **serverless-burst** — a regular member and a member with an ECI virtual node; colocated SparkPi plus
 *   bursts of 40-executor wordcount jobs that only the virtual node can hold; 8 h of a Beijing day.
 *
 * The replication axis runs on the two-member scenarios only: its outcome is structural (see
 * `AXIS_VARIANTS`) and plain Duplicated turns a loaded ten-member fleet into a reschedule storm that costs
 * minutes of simulation for the same finding.
 */
export const STANDARD_SCENARIOS: readonly QualityScenario[] = [
  {
    name: 'seed-fleet',
    file: scenario('../../examples/seed-fleet/scenario.yaml'),
    description: 'The seed setup: 2 members (1.28 + 1.26), 32 nodes, SparkPi 12/h, 24 h.',
    policyManifestIndex: 2,
    axes: ['scorer', 'preoccupation', 'replication', 'reclaim'],
  },
  {
    name: 'ten-member-diurnal',
    file: scenario('scenarios/ten-member-diurnal/scenario.yaml'),
    description: '10 members 2.4 h apart, 40 × 32-core nodes, diurnal online load, 4–24 executors at 40/h, 12 h.',
    policyManifestIndex: 1,
    axes: ['scorer', 'preoccupation', 'timeout', 'reclaim'],
  },
  {
    name: 'fragmentation',
    file: scenario('scenarios/fragmentation/scenario.yaml'),
    description: '2 members × 30 small (16-core) nodes, 4-core/12 GiB executors (≤ 1 per node), 12 h.',
    policyManifestIndex: 1,
    axes: ['scorer', 'preoccupation', 'timeout', 'reclaim'],
  },
  {
    name: 'serverless-burst',
    file: scenario('scenarios/serverless-burst/scenario.yaml'),
    description: 'A regular member + a member with an ECI virtual node; SparkPi plus 40-executor bursts, 8 h.',
    policyManifestIndex: 1,
    axes: ['scorer', 'preoccupation', 'timeout', 'replication', 'reclaim'],
  },
];
