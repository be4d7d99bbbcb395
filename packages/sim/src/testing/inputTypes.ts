import type { ScenarioInput } from '../scenario/schema.js';

/** The `fleet:` block of a scenario, as written (before defaults). */
export type FleetInput = ScenarioInput['fleet'];
/** A member cluster entry of a scenario, as written (before defaults). */
export type MemberInput = FleetInput['members'][number];
/** A node pool entry of a member, as written (before defaults). */
export type NodePoolInput = NonNullable<MemberInput['nodePools']>[number];
/** An online-load curve (the scenario's `cpu:` / `memory:` curve shape), as written. */
export type LoadCurveInput = NonNullable<NodePoolInput['online']>['cpu'];
/** A workload entry of a scenario (synthetic arrivals or a trace), as written. */
export type WorkloadInput = NonNullable<ScenarioInput['workloads']>[number];
/** The `fleetScheduler` block of a scenario, as written. */
export type FleetSchedulerInput = NonNullable<ScenarioInput['fleetScheduler']>;
