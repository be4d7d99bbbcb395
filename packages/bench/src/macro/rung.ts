import { createScenario, formatScenarioIssue, parseDuration } from '@gleaner/sim';
import type { RungSpec } from './ladderScenario.js';
import { ladderScenario } from './ladderScenario.js';
import { loadRunScenario } from './simApi.js';

/**
 * One rung of the fleet-size ladder, run in the current process: build the scenario in memory, run it with
 * the simulator's `runScenario`, and report wall time, events, simulated-time speed and peak RSS.
 * @module
 */

/** What one rung measured. */
export interface RungResult {
  /** The rung. */
  readonly spec: RungSpec;
  /** Simulated duration in ms. */
  readonly simulatedMs: number;
  /** Wall time of the simulation loop (`timing.wallMs` of `runScenario`), ms. */
  readonly runWallMs: number;
  /** Wall time of building the world and the scenario (everything but the loop), ms. */
  readonly setupWallMs: number;
  /** Events the engine fired. */
  readonly events: number;
  /** Events per wall second of the loop. */
  readonly eventsPerSecond: number;
  /** Simulated seconds per wall second of the loop. */
  readonly simSecondsPerWallSecond: number;
  /** Applications submitted and completed. */
  readonly jobsSubmitted: number;
  /** Applications completed. */
  readonly jobsCompleted: number;
  /** Fleet decisions taken. */
  readonly fleetDecisions: number;
  /** CPU time (user + system) of the whole rung, seconds: less sensitive than wall time to a busy machine. */
  readonly cpuSeconds: number;
  /** Peak resident set size of the process, MiB (`process.resourceUsage().maxRSS`). */
  readonly peakRssMiB: number;
  /** Whether it ran in a child process of its own (then the RSS is the rung's alone). */
  readonly isolated: boolean;
}

/** Runs one rung here and now. */
export async function runRung(spec: RungSpec, isolated: boolean): Promise<RungResult> {
  const runScenario = await loadRunScenario();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const { input, resources } = ladderScenario(spec);
  const made = createScenario(input, resources);
  if (!made.ok) throw new Error(`runRung: ${made.issues.map(formatScenarioIssue).join('; ')}`);
  const { result, timing } = await runScenario(made.scenario);
  const totalMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const simulatedMs = parseDuration(spec.duration) ?? 0;
  const runWallMs = Math.max(1, timing.wallMs);
  return {
    spec,
    simulatedMs,
    runWallMs,
    setupWallMs: Math.round(totalMs - timing.wallMs),
    events: timing.events,
    eventsPerSecond: (timing.events / runWallMs) * 1000,
    simSecondsPerWallSecond: simulatedMs / runWallMs,
    jobsSubmitted: result.summary.jobsSubmitted,
    jobsCompleted: result.summary.jobsCompleted,
    fleetDecisions: result.counters.fleetDecisions,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    isolated,
  };
}
