import type { Pod } from '../model/index.js';
import { BATCH_CPU, BATCH_MEMORY, CPU, MEMORY } from '../resources/index.js';
import { compareImportance, startTimeOrNow } from './importance.js';
import type { Internals } from './internals.js';
import { allPods } from './internals.js';
import { disruptionsAllowed, pdbSelectsPod } from './PodDisruptionBudget.js';
import {
  MESSAGE_PREEMPTION_POLICY_NEVER,
  REASON_NO_PREEMPTION_VICTIMS,
  REASON_PREEMPTION_NOT_HELPFUL,
  summarizeReasons,
} from './reasons.js';
import type { PodContext } from './schedulePod.js';
import { fitReasons } from './schedulePod.js';

// kube-scheduler's DefaultPreemption PostFilter on the struct-of-arrays view
// (pkg/scheduler/framework/preemption/preemption.go, plugins/defaultpreemption/default_preemption.go).
// Gleaner dry-runs every potential node (upstream samples max(10 %, 100) of them from a random offset)
// and breaks final ties by node order (upstream: map order), so the outcome is deterministic.

/** A node where preemption works, with its minimal victims (internal). */
export interface PreemptionCandidate {
  readonly nodeIndex: number;
  /** Victims, most important first. */
  readonly victims: readonly Pod[];
  readonly pdbViolations: number;
}

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

/**
 * `SelectVictimsOnNode`: remove every pod of strictly lower priority; if the preemptor then fits, reprieve
 * as many as possible — PDB-violating ones first, then the others, each most important first — keeping a
 * pod whenever the preemptor still fits with it. Returns undefined when the node cannot host the pod.
 */
function selectVictims(
  internals: Internals,
  ctx: PodContext,
  needs: Needs,
  i: number,
  potential: Pod[],
  allowed: readonly number[],
  failReasons: string[],
): PreemptionCandidate | undefined {
  const freed = new Float64Array(needs.names.length);
  for (const p of potential) release(needs, freed, p, 1);
  if (!fitsWith(internals, needs, i, freed, potential.length)) {
    fitReasons(internals.cols, ctx.shape, i, failReasons, potential.length, (name) => {
      const k = needs.names.indexOf(name);
      return k < 0 ? 0 : freed[k]!;
    });
    return undefined;
  }
  potential.sort(compareImportance);
  const pdbs = internals.pdbs;
  let violating: Pod[] = [];
  let nonViolating: Pod[] = potential;
  if (pdbs.length > 0) {
    const left = allowed.slice();
    violating = [];
    nonViolating = [];
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
  }
  const victims: Pod[] = [];
  let removed = potential.length;
  let pdbViolations = 0;
  const reprieve = (p: Pod): boolean => {
    release(needs, freed, p, -1);
    if (fitsWith(internals, needs, i, freed, removed - 1)) {
      removed--;
      return true;
    }
    release(needs, freed, p, 1);
    victims.push(p);
    return false;
  };
  for (const p of violating) if (!reprieve(p)) pdbViolations++;
  for (const p of nonViolating) reprieve(p);
  if (violating.length > 0 && nonViolating.length > 0) victims.sort(compareImportance);
  return { nodeIndex: i, victims, pdbViolations };
}

/** Earliest start among the victims sharing the highest victim priority (`GetEarliestPodStartTime`). */
function earliestTopStart(victims: readonly Pod[]): number {
  const top = victims[0]!.priority;
  let earliest = Number.POSITIVE_INFINITY;
  for (const v of victims) if (v.priority === top) earliest = Math.min(earliest, startTimeOrNow(v));
  return earliest;
}

/**
 * `pickOneNodeForPreemption`: the first criterion that leaves one node wins — fewest PDB violations;
 * lowest highest-victim priority; smallest Σ(priority + 2³¹); fewest victims; latest earliest start among
 * the highest-priority victims; then the first candidate (node order).
 */
export function pickCandidate(candidates: readonly PreemptionCandidate[]): PreemptionCandidate {
  for (const c of candidates) if (c.victims.length === 0) return c;
  const criteria: ((c: PreemptionCandidate) => number)[] = [
    (c) => -c.pdbViolations,
    (c) => -c.victims[0]!.priority,
    (c) => -c.victims.reduce((sum, v) => sum + v.priority + 2 ** 31, 0),
    (c) => -c.victims.length,
    (c) => earliestTopStart(c.victims),
  ];
  let pool = candidates;
  for (const score of criteria) {
    let best = Number.NEGATIVE_INFINITY;
    let next: PreemptionCandidate[] = [];
    for (const c of pool) {
      const s = score(c);
      if (s > best) {
        best = s;
        next = [c];
      } else if (s === best) next.push(c);
    }
    if (next.length === 1) return next[0]!;
    pool = next;
  }
  return pool[0]!;
}

/**
 * DefaultPreemption for a pod that fits nowhere: eligibility (`preemptionPolicy: Never` never preempts),
 * potential nodes (status `codes[i] === 1`: only resource failures can be fixed), victims per node, then
 * the node choice. Reads the view only.
 */
export function preemptPod(internals: Internals, ctx: PodContext, codes: Uint8Array): PreemptionOutcome {
  const pod = ctx.pod;
  if (pod.preemptionPolicy === 'Never') return { kind: 'fail', message: MESSAGE_PREEMPTION_POLICY_NEVER };
  const pdbs = internals.pdbs;
  const allowed = pdbs.length === 0 ? [] : pdbs.map((pdb) => disruptionsAllowed(pdb, allPods(internals)));
  const needs = needsOf(internals, ctx);
  const counts = new Map<string, number>();
  const bump = (reason: string): void => {
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  };
  const candidates: PreemptionCandidate[] = [];
  const reasons: string[] = [];
  for (let i = 0; i < codes.length; i++) {
    if (codes[i] !== 1) {
      bump(REASON_PREEMPTION_NOT_HELPFUL);
      continue;
    }
    const potential: Pod[] = [];
    for (const p of internals.podsByNode[i]!) if (p.priority < pod.priority) potential.push(p);
    if (potential.length === 0) {
      bump(REASON_NO_PREEMPTION_VICTIMS);
      continue;
    }
    reasons.length = 0;
    const candidate = selectVictims(internals, ctx, needs, i, potential, allowed, reasons);
    if (candidate === undefined) for (const r of reasons) bump(r);
    else candidates.push(candidate);
  }
  if (candidates.length === 0) return { kind: 'fail', message: summarizeReasons(codes.length, counts).message };
  const chosen = pickCandidate(candidates);
  return { kind: 'preempt', nodeIndex: chosen.nodeIndex, victims: chosen.victims, pdbViolations: chosen.pdbViolations };
}
