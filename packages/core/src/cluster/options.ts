import type { Pod } from '../model/index.js';
import { CPU, MEMORY, type ResourceName } from '../resources/index.js';
import type { ClusterView } from './ClusterView.js';
import type { ScoringStrategy } from './scores/resourceAllocation.js';

/** A resource and its weight in a resource score (`scoringStrategy.resources[]` of kube-scheduler). */
export interface ResourceWeight {
  /** Resource name, e.g. `cpu`, `memory`, `kubernetes.io/batch-cpu`. */
  readonly name: ResourceName;
  /** Positive integer weight; 0 or absent is reset to 1, as kube-scheduler's defaulting does. */
  readonly weight?: number;
}

/**
 * A user score plugin: the raw score of one feasible node for `pod` (`nodeIndex` into `view`). It must be
 * a pure function of its arguments. With `normalize: 'none'` the result should already be in 0–100.
 */
export type ScoreFunction = (pod: Pod, nodeIndex: number, view: ClusterView) => number;

/** A user-supplied score plugin, run after the built-in ones on every scored node. */
export interface ScorePlugin {
  /** Name, for reports. */
  readonly name: string;
  /** Weight multiplied into the normalised score (default 1). */
  readonly weight?: number;
  /** The raw score. */
  readonly score: ScoreFunction;
  /**
   * How raw scores become 0–100: `none` (taken as is, truncated to an integer), `max` (kube-scheduler's
   * `DefaultNormalizeScore`: `raw × 100 / max`), `reverse-max` (`100 − raw × 100 / max`). Default `none`.
   */
  readonly normalize?: 'none' | 'max' | 'reverse-max';
}

/** Weights of kube-scheduler's default-profile score plugins that Gleaner models (0 turns one off). */
export interface PluginWeights {
  /** NodeResourcesFit (the scoring strategy), default 1. */
  readonly NodeResourcesFit?: number;
  /** NodeResourcesBalancedAllocation, default 1. */
  readonly NodeResourcesBalancedAllocation?: number;
  /** NodeAffinity (preferred terms), default 2. */
  readonly NodeAffinity?: number;
  /** TaintToleration (`PreferNoSchedule` taints), default 3. */
  readonly TaintToleration?: number;
}

/** Knobs of one member cluster's scheduler; every field is optional and defaults to kube-scheduler's. */
export interface ClusterSchedulingOptions {
  /** NodeResourcesFit scoring strategy; default `LeastAllocated`. */
  readonly scoringStrategy?: ScoringStrategy;
  /** Resources and weights of the scoring strategy; default cpu 1, memory 1. */
  readonly scoringResources?: readonly ResourceWeight[];
  /** Resources of NodeResourcesBalancedAllocation; default cpu 1, memory 1 (weights unused by the formula). */
  readonly balancedResources?: readonly ResourceWeight[];
  /** Score plugin weights; defaults as in kube-scheduler's default profile. */
  readonly pluginWeights?: PluginWeights;
  /** Extra score plugins, added to the built-in score. */
  readonly scorePlugins?: readonly ScorePlugin[];
  /**
   * `percentageOfNodesToScore`: stop filtering once this share of nodes (at least 100) is feasible.
   * Default 100: every feasible node is scored. 0 means kube-scheduler's adaptive value `50 − nodes/125`
   * (at least 5). Clusters under 100 nodes are always fully evaluated.
   */
  readonly percentageOfNodesToScore?: number;
  /**
   * Node index where filtering starts (kube-scheduler rotates it by the nodes evaluated each cycle; see
   * `evaluatedNodes` in the decision). Default 0. Only matters with `percentageOfNodesToScore` < 100.
   */
  readonly startNodeIndex?: number;
  /** Pod-level preemption (DefaultPreemption) after a pod finds no node; default true. */
  readonly preemption?: boolean;
  /**
   * DefaultPreemptionArgs `minCandidateNodesPercentage` (default 10) and `minCandidateNodesAbsolute`
   * (default 100): the dry run stops once it has max(potential nodes × percentage / 100, absolute) candidates
   * (capped at the potential nodes) including at least one that violates no PodDisruptionBudget. Set the
   * percentage to 100 to dry-run every potential node.
   */
  readonly minCandidateNodesPercentage?: number;
  /** See `minCandidateNodesPercentage`. */
  readonly minCandidateNodesAbsolute?: number;
  /**
   * Koordinator job-level preemption for gangs: victims chosen for all pending members at once; default true
   * (the koord-scheduler chart default). Needs `preemption` too.
   */
  readonly jobLevelPreemption?: boolean;
  /**
   * Tie-break source. Without it the tied node that comes first in evaluation order wins (node order
   * when filtering starts at 0) and the preemption dry run starts at the first potential node. With it, a
   * tied node is chosen uniformly as kube-scheduler's `selectHost` does (reservoir sampling), and the dry
   * run starts at a random potential node as upstream does, drawing from this seeded generator of numbers
   * in [0, 1).
   */
  readonly random?: () => number;
}

/** Options with defaults applied (internal). */
export interface ResolvedOptions {
  readonly strategy: ScoringStrategy;
  readonly scoringResources: readonly { readonly name: string; readonly weight: number }[];
  readonly balancedResources: readonly string[];
  readonly fitWeight: number;
  readonly balancedWeight: number;
  readonly affinityWeight: number;
  readonly taintWeight: number;
  readonly plugins: readonly ScorePlugin[];
  readonly percentage: number;
  readonly startNodeIndex: number;
  readonly preemption: boolean;
  readonly minCandidateNodesPercentage: number;
  readonly minCandidateNodesAbsolute: number;
  readonly jobLevelPreemption: boolean;
  readonly random: (() => number) | undefined;
  /** Identifies what the cached resource scores depend on. */
  readonly cacheKey: string;
  /** Identifies what a placement index's totals depend on (cacheKey plus the static plugin weights). */
  readonly indexKey: string;
}

const DEFAULT_RESOURCES: readonly ResourceWeight[] = [
  { name: CPU, weight: 1 },
  { name: MEMORY, weight: 1 },
];

function weightOrDefault(value: number | undefined, fallback: number, what: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`scheduleInCluster: ${what} must be an integer >= 0`);
  return value;
}

function bounded(value: number | undefined, fallback: number, max: number, what: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`scheduleInCluster: ${what} must be an integer in 0..${max}`);
  }
  return value;
}

const resolvedCache = new WeakMap<ClusterSchedulingOptions, ResolvedOptions>();
const NO_OPTIONS: ClusterSchedulingOptions = Object.freeze({});

/** Applies defaults and validates (throws `RangeError` on a negative weight or a percentage outside 0–100). */
export function resolveOptions(options: ClusterSchedulingOptions = NO_OPTIONS): ResolvedOptions {
  const cached = resolvedCache.get(options);
  if (cached !== undefined) return cached;
  const scoringResources = (options.scoringResources ?? DEFAULT_RESOURCES).map((r) => ({
    name: r.name,
    weight: r.weight === undefined || r.weight === 0 ? 1 : weightOrDefault(r.weight, 1, `weight of ${r.name}`),
  }));
  const balancedResources = (options.balancedResources ?? DEFAULT_RESOURCES).map((r) => r.name);
  const w = options.pluginWeights ?? {};
  const percentage = options.percentageOfNodesToScore ?? 100;
  if (!Number.isInteger(percentage) || percentage < 0 || percentage > 100) {
    throw new RangeError('scheduleInCluster: percentageOfNodesToScore must be an integer in 0..100');
  }
  const startNodeIndex = options.startNodeIndex ?? 0;
  if (!Number.isInteger(startNodeIndex) || startNodeIndex < 0) {
    throw new RangeError('scheduleInCluster: startNodeIndex must be an integer >= 0');
  }
  const strategy = options.scoringStrategy ?? 'LeastAllocated';
  const fitWeight = weightOrDefault(w.NodeResourcesFit, 1, 'pluginWeights.NodeResourcesFit');
  const balancedWeight = weightOrDefault(
    w.NodeResourcesBalancedAllocation,
    1,
    'pluginWeights.NodeResourcesBalancedAllocation',
  );
  const affinityWeight = weightOrDefault(w.NodeAffinity, 2, 'pluginWeights.NodeAffinity');
  const taintWeight = weightOrDefault(w.TaintToleration, 3, 'pluginWeights.TaintToleration');
  const cacheKey = `${strategy}|${fitWeight}|${balancedWeight}|${scoringResources.map((r) => `${r.name}:${r.weight}`).join(',')}|${balancedResources.join(',')}`;
  const resolved: ResolvedOptions = {
    strategy,
    scoringResources,
    balancedResources,
    fitWeight,
    balancedWeight,
    affinityWeight,
    taintWeight,
    plugins: options.scorePlugins ?? [],
    percentage,
    startNodeIndex,
    preemption: options.preemption ?? true,
    minCandidateNodesPercentage: bounded(options.minCandidateNodesPercentage, 10, 100, 'minCandidateNodesPercentage'),
    minCandidateNodesAbsolute: bounded(
      options.minCandidateNodesAbsolute,
      100,
      Number.MAX_SAFE_INTEGER,
      'minCandidateNodesAbsolute',
    ),
    jobLevelPreemption: options.jobLevelPreemption ?? true,
    random: options.random,
    cacheKey,
    indexKey: `${cacheKey}|${affinityWeight}|${taintWeight}`,
  };
  resolvedCache.set(options, resolved);
  return resolved;
}

/** DefaultPreemption's `calculateNumCandidates` for `n` potential nodes. */
export function preemptionCandidatesToFind(opts: ResolvedOptions, n: number): number {
  const count = Math.max(Math.trunc((n * opts.minCandidateNodesPercentage) / 100), opts.minCandidateNodesAbsolute);
  return Math.min(count, n);
}

/** kube-scheduler's `numFeasibleNodesToFind` (pkg/scheduler/schedule_one.go) for `n` nodes. */
export function feasibleNodesToFind(percentage: number, n: number): number {
  if (n < 100 || percentage >= 100) return n;
  let pct = percentage;
  if (pct === 0) pct = Math.max(5, 50 - Math.trunc(n / 125));
  const count = Math.trunc((n * pct) / 100);
  return Math.max(count, 100);
}
