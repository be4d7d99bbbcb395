import type { Pod, SparkApplication, SparkLifecycle, SparkLifecycleConfig, SparkPods } from '@gleaner/core';

/** Where one pod of an application is in its life, as the simulator tracks it. */
export type PodPhase = 'pending' | 'starting' | 'running';

/** One driver or executor pod of a running application attempt. */
export interface JobPod {
  /** `id` of the application the pod belongs to. */
  readonly job: number;
  /** Pod as submitted to the member's scheduler. */
  readonly pod: Pod;
  readonly role: 'driver' | 'executor';
  phase: PodPhase;
  /** Global node index once bound, −1 while pending. */
  node: number;
  /** When the pod started running (ms), −1 before. */
  runningSinceMs: number;
  /** Batch-resource pod (Koordinator BE): its CPU is subject to the koordlet ceiling. */
  readonly be: boolean;
  /** High priority for the batch calculation (prod/mid/none class): its usage is subtracted from batch. */
  readonly hp: boolean;
  /** CPU the pod may use when not throttled, in millicores (its request). */
  readonly cpu: number;
  readonly memory: number;
}

/**
 * Everything the simulator knows about one SparkApplication over its life: the spec, its lifecycle value
 * (core's pure state machine), where it is, its pods and its progress. Mutable world state.
 */
export interface JobRuntime {
  readonly id: number;
  readonly app: SparkApplication;
  readonly workload: string;
  /** The driver and executor pods `sparkPods` computed for the application. */
  readonly sparkPods: SparkPods;
  readonly driverTemplate: Pod;
  readonly executorTemplate: Pod;
  readonly executorTarget: number;
  readonly batchSize: number;
  readonly batchDelayMs: number;
  readonly submitMs: number;
  /** Total work in millicore-milliseconds. */
  readonly workMilliCoreMs: number;
  doneMilliCoreMs: number;
  /** Granted CPU of all running executors, millicores: the rate work is done at. */
  rateMilli: number;
  lastProgressMs: number;
  lifecycle: SparkLifecycle;
  readonly lifecycleConfig: SparkLifecycleConfig;
  /** Member index the application is dispatched to, −1 while in the fleet queue. */
  member: number;
  /** Members this application failed to start on (timeout reschedule excludes them while others qualify). */
  readonly failedMembers: Set<string>;
  pods: JobPod[];
  nextExecutorId: number;
  dispatchMs: number | null;
  startMs: number | null;
  finishMs: number | null;
  dispatchedAtMs: number;
  reschedules: number;
  evictions: number;
  /** Cancels the pending completion / reschedule-timeout / allocation timers. */
  cancelCompletion: (() => void) | null;
  cancelTimeout: (() => void) | null;
  allocating: boolean;
  /** Names of reserved-node placeholders still held for this application, by member node index. */
  reservedNodes: number[];
  lastMember: string | null;
  /** Fleet view version this application last failed to be placed against (−1: never tried). */
  triedAtFleetVersion: number;
}
