import type {
  ClusterScorer,
  KubernetesVersion,
  Node,
  Pod,
  PriorityClass,
  PropagationPolicy,
  SloConfig,
  SparkApplication,
  StringMap,
  Taint,
} from '@gleaner/core';
import type { NodeLoadSpec } from '../load/index.js';

/** One node of a member with the online services on it and how their usage moves. */
export interface NodeConfig {
  readonly node: Node;
  /** Online (LS) pods bound to the node; they keep their requests while their usage moves. */
  readonly onlinePods: readonly Pod[];
  /** Online CPU utilisation over time, as a fraction of node capacity (the curve's terms, evaluated in bulk). */
  readonly cpuLoad: NodeLoadSpec;
  /** Online memory utilisation over time, as a fraction of node capacity. */
  readonly memoryLoad: NodeLoadSpec;
  /** Usage of system daemons outside pods (millicores, bytes). */
  readonly systemCpu: number;
  readonly systemMemory: number;
}

/** One member cluster of the simulated fleet. */
export interface MemberConfig {
  readonly name: string;
  readonly kubernetesVersion: KubernetesVersion;
  readonly labels: StringMap;
  readonly taints: readonly Taint[];
  readonly region?: string;
  readonly provider?: string;
  readonly zone?: string;
  readonly nodes: readonly NodeConfig[];
  /** Price per vCPU-second of pods on this member's virtual nodes (0 when unknown). */
  readonly virtualPricePerVcpuSecond: number;
}

/** One SparkApplication the run submits to the fleet. */
export interface JobArrival {
  readonly atMs: number;
  readonly workload: string;
  /** The application, already named uniquely. */
  readonly app: SparkApplication;
  /** Work in executor core-seconds converted to millicore-milliseconds. */
  readonly workMilliCoreMs: number;
}

/** Parameters of the fleet's global scheduler (the assumptions ACK does not document). */
export interface FleetParams {
  readonly rescheduleTimeoutMs: number;
  readonly preoccupation: boolean;
  readonly preoccupationTtlMs: number;
  readonly preoccupationMinVersion: string;
  readonly syncPeriodMs: number;
  readonly retryIntervalMs: number;
  readonly scorer: ClusterScorer | 'round-robin' | 'random';
  readonly dispenser: 'webster' | 'legacy';
}

/** Pod start-up latency samplers, in ms (container creation to Running). */
export interface StartupLatency {
  readonly regular: () => number;
  readonly virtualDriver: () => number;
  readonly virtualExecutor: () => number;
}

/** Everything the world needs, resolved from a scenario: integer units, loaded manifests, built curves. */
export interface WorldConfig {
  readonly name: string;
  readonly seed: string | number;
  readonly durationMs: number;
  readonly sampleIntervalMs: number;
  readonly loadTickMs: number;
  readonly members: readonly MemberConfig[];
  readonly priorityClasses: readonly PriorityClass[];
  readonly policies: readonly PropagationPolicy[];
  readonly slo: SloConfig;
  /** Applications in submission order. */
  readonly arrivals: readonly JobArrival[];
  readonly fleet: FleetParams;
  readonly startupLatency: StartupLatency;
  /** Work an evicted executor loses (the unfinished task it was running), in ms of its running time. */
  readonly lostWorkPerEvictionMs: number;
  /**
   * Debug mode: check the world's fast batch-resource totals against core's `computeBatchResources` at every
   * report and throw on any difference (slow; for tests).
   */
  readonly verifyKernels?: boolean;
  /** Random source for the `random` cluster scorer. */
  readonly scorerRandom: () => number;
}
