import type { Pod } from '../model/index.js';
import { BATCH_CPU, BATCH_MEMORY, CPU, MEMORY } from '../resources/index.js';
import { compareImportance, startTimeOrNow } from './importance.js';
import type { Internals } from './internals.js';
import { allPods } from './internals.js';
import { disruptionsAllowed, pdbSelectsPod } from './PodDisruptionBudget.js';
import type { PodContext } from './podContext.js';
import {
  MESSAGE_PREEMPTION_POLICY_NEVER,
  REASON_NO_PREEMPTION_VICTIMS,
  REASON_PREEMPTION_NOT_HELPFUL,
  summarizeReasons,
} from './reasons.js';
import { fitReasons } from './schedulePod.js';

// kube-scheduler's DefaultPreemption PostFilter on the struct-of-arrays view
// (pkg/scheduler/framework/preemption/preemption.go, plugins/defaultpreemption/default_preemption.go).
// Gleaner dry-runs every potential node (upstream samples max(10 %, 100) of them from a random offset)
// and breaks final ties by node order (upstream: map order), so the outcome is deterministic.

/** Preemption result (internal). */
export type PreemptionOutcome =
  | {
      readonly kind: 'preempt';
      readonly nodeIndex: number;
      readonly victims: readonly Pod[];
      readonly pdbViolations: number;
    }
  | { readonly kind: 'fail'; readonly message: string };

/** The resources a preemptor requests, as parallel arrays of names, amounts and node columns (internal). */
interface Needs {
  readonly names: readonly string[];
  readonly amounts: readonly number[];
  readonly alloc: readonly (ArrayLike<number> | undefined)[];
  readonly req: readonly (ArrayLike<number> | undefined)[];
}

function needsOf(internals: Internals, ctx: PodContext): Needs {
  const cols = internals.cols;
  const s = ctx.shape;
  const names: string[] = [];
  const amounts: number[] = [];
  const alloc: (ArrayLike<number> | undefined)[] = [];
  const req: (ArrayLike<number> | undefined)[] = [];
  const add = (
    name: string,
    amount: number,
    a: ArrayLike<number> | undefined,
    r: ArrayLike<number> | undefined,
  ): void => {
    if (amount <= 0) return;
    names.push(name);
    amounts.push(amount);
    alloc.push(a);
    req.push(r);
  };
  add(CPU, s.cpu, cols.allocatableCpu, cols.requestedCpu);
  add(MEMORY, s.memory, cols.allocatableMemory, cols.requestedMemory);
  add(BATCH_CPU, s.batchCpu, cols.allocatableBatchCpu, cols.requestedBatchCpu);
  add(BATCH_MEMORY, s.batchMemory, cols.allocatableBatchMemory, cols.requestedBatchMemory);
  s.extNames.forEach((name, k) => {
    add(name, s.extAmounts[k]!, cols.extendedAllocatable.get(name), cols.extendedRequested.get(name));
  });
  return { names, amounts, alloc, req };
}

/** Whether the preemptor fits node `i` once `freed` (per need) and `freedPods` are released. */
function fitsWith(internals: Internals, needs: Needs, i: number, freed: Float64Array, freedPods: number): boolean {
  const cols = internals.cols;
  if (cols.requestedPods[i]! - freedPods + 1 > cols.allocatablePods[i]!) return false;
  for (let k = 0; k < needs.names.length; k++) {
    const free = (needs.alloc[k]?.[i] ?? 0) - (needs.req[k]?.[i] ?? 0) + freed[k]!;
    if (needs.amounts[k]! > free) return false;
  }
  return true;
}

function release(needs: Needs, freed: Float64Array, pod: Pod, sign: 1 | -1): void {
  for (let k = 0; k < needs.names.length; k++) freed[k] = freed[k]! + sign * (pod.requests[needs.names[k]!] ?? 0);
}

/** Stable insertion sort by importance (lists on one node are short). */
function sortByImportance(pods: Pod[]): void {
  for (let a = 1; a < pods.length; a++) {
    const p = pods[a]!;
    let b = a - 1;
    while (b >= 0 && compareImportance(pods[b]!, p) > 0) {
      pods[b + 1] = pods[b]!;
      b--;
    }
    pods[b + 1] = p;
  }
}

/** Earliest start among the victims sharing the highest victim priority (`GetEarliestPodStartTime`). */
function earliestTopStart(victims: readonly Pod[]): number {
  const top = victims[0]!.priority;
  let earliest = Number.POSITIVE_INFINITY;
  for (const v of victims) if (v.priority === top) earliest = Math.min(earliest, startTimeOrNow(v));
  return earliest;
}

/** The node-choice key of a candidate, compared lexicographically (smaller is better). */
interface ChoiceKey {
  readonly pdbViolations: number;
  readonly topPriority: number;
  readonly prioritySum: number;
  readonly count: number;
  /** Negated earliest start of the top-priority victims (a later start is better). */
  readonly negEarliestTop: number;
}

function choiceKey(victims: readonly Pod[], pdbViolations: number): ChoiceKey {
  let sum = 0;
  for (const v of victims) sum += v.priority + 2 ** 31;
  return {
    pdbViolations,
    topPriority: victims[0]!.priority,
    prioritySum: sum,
    count: victims.length,
    negEarliestTop: -earliestTopStart(victims),
  };
}

/**
 * `pickOneNodeForPreemption` as a lexicographic order: fewest PDB violations; lowest highest-victim
 * priority; smallest Σ(priority + 2³¹) (the shift makes fewer victims win here too); fewest victims; latest
 * earliest start among the highest-priority victims. Applying the criteria one after another, as upstream
 * does, picks the same node; remaining ties go to the earlier node.
 */
function lessThan(a: ChoiceKey, b: ChoiceKey): boolean {
  if (a.pdbViolations !== b.pdbViolations) return a.pdbViolations < b.pdbViolations;
  if (a.topPriority !== b.topPriority) return a.topPriority < b.topPriority;
  if (a.prioritySum !== b.prioritySum) return a.prioritySum < b.prioritySum;
  if (a.count !== b.count) return a.count < b.count;
  return a.negEarliestTop < b.negEarliestTop;
}

function bump(counts: Map<string, number>, reason: string): void {
  counts.set(reason, (counts.get(reason) ?? 0) + 1);
}

/**
 * DefaultPreemption for a pod that fits nowhere: eligibility (`preemptionPolicy: Never` never preempts),
 * potential nodes (status `codes[i] === 1`: only resource failures can be fixed), victims per node
 * (`SelectVictimsOnNode`: remove every pod of strictly lower priority; if the preemptor then fits,
 * reprieve PDB-violating pods first, then the others, each most important first, keeping a pod whenever
 * the preemptor still fits), then the node choice. Reads the view only; one pass over the nodes.
 */
export function preemptPod(internals: Internals, ctx: PodContext, codes: Uint8Array): PreemptionOutcome {
  const pod = ctx.pod;
  if (pod.preemptionPolicy === 'Never') return { kind: 'fail', message: MESSAGE_PREEMPTION_POLICY_NEVER };
  const pdbs = internals.pdbs;
  const allowed = pdbs.length === 0 ? [] : pdbs.map((pdb) => disruptionsAllowed(pdb, allPods(internals)));
  const left = allowed.slice();
  const needs = needsOf(internals, ctx);
  const freed = new Float64Array(needs.names.length);
  const counts = new Map<string, number>();
  const reasons: string[] = [];
  const potential: Pod[] = [];
  const violating: Pod[] = [];
  const nonViolating: Pod[] = [];
  const victims: Pod[] = [];
  let best: { nodeIndex: number; victims: Pod[]; pdbViolations: number; key: ChoiceKey | undefined } | undefined;
  for (let i = 0; i < codes.length; i++) {
    if (codes[i] !== 1) {
      bump(counts, REASON_PREEMPTION_NOT_HELPFUL);
      continue;
    }
    potential.length = 0;
    for (const p of internals.podsByNode[i]!) if (p.priority < pod.priority) potential.push(p);
    if (potential.length === 0) {
      bump(counts, REASON_NO_PREEMPTION_VICTIMS);
      continue;
    }
    freed.fill(0);
    for (const p of potential) release(needs, freed, p, 1);
    if (!fitsWith(internals, needs, i, freed, potential.length)) {
      reasons.length = 0;
      fitReasons(internals.cols, ctx.shape, i, reasons, potential.length, needs.names, freed);
      for (const r of reasons) bump(counts, r);
      continue;
    }
    sortByImportance(potential);
    violating.length = 0;
    nonViolating.length = 0;
    for (let j = 0; j < left.length; j++) left[j] = allowed[j]!;
    for (const p of potential) {
      let violated = false;
      for (let j = 0; j < pdbs.length; j++) {
        const pdb = pdbs[j]!;
        if (!pdbSelectsPod(pdb, p) || (pdb.disruptedPods?.includes(p.name) ?? false)) continue;
        left[j] = left[j]! - 1;
        if (left[j]! < 0) violated = true;
      }
      (violated ? violating : nonViolating).push(p);
    }
    victims.length = 0;
    let removed = potential.length;
    let pdbViolations = 0;
    for (let g = 0; g < 2; g++) {
      const group = g === 0 ? violating : nonViolating;
      for (const p of group) {
        release(needs, freed, p, -1);
        if (fitsWith(internals, needs, i, freed, removed - 1)) {
          removed--;
          continue;
        }
        release(needs, freed, p, 1);
        victims.push(p);
        if (g === 0) pdbViolations++;
      }
    }
    if (violating.length > 0 && nonViolating.length > 0) sortByImportance(victims);
    if (victims.length === 0) {
      if (best?.key !== undefined || best === undefined)
        best = { nodeIndex: i, victims: [], pdbViolations: 0, key: undefined };
      continue;
    }
    if (best !== undefined && best.key === undefined) continue;
    const key = choiceKey(victims, pdbViolations);
    if (best === undefined || lessThan(key, best.key!))
      best = { nodeIndex: i, victims: victims.slice(), pdbViolations, key };
  }
  if (best === undefined) return { kind: 'fail', message: summarizeReasons(codes.length, counts).message };
  return { kind: 'preempt', nodeIndex: best.nodeIndex, victims: best.victims, pdbViolations: best.pdbViolations };
}
