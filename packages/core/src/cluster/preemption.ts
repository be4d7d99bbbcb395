import type { Pod } from '../model/index.js';
import { compareImportance, startTimeOrNow } from './importance.js';
import type { Internals } from './internals.js';
import { allPods } from './internals.js';
import { fitMask, newTally, tallyMask, tallyReasons } from './nodeResourcesFit.js';
import type { ResolvedOptions } from './options.js';
import { preemptionCandidatesToFind } from './options.js';
import { disruptionsAllowed, pdbSelectsPod } from './PodDisruptionBudget.js';
import type { PodContext } from './podContext.js';
import {
  MESSAGE_PREEMPTION_POLICY_NEVER,
  REASON_NO_PREEMPTION_VICTIMS,
  REASON_PREEMPTION_NOT_HELPFUL,
  summarizeReasons,
} from './reasons.js';

// kube-scheduler's DefaultPreemption PostFilter on the struct-of-arrays view
// (pkg/scheduler/framework/preemption/preemption.go, plugins/defaultpreemption/default_preemption.go).
// The dry run visits the potential nodes sequentially from an offset (0 unless a seeded generator is
// given; upstream draws it at random and runs 16 nodes in parallel) and final ties go to the first
// candidate (upstream: Go map order), so the outcome is deterministic. One pass over the nodes; the best
// candidate so far is kept, compared by pickOneNodeForPreemption's criteria.

/** Preemption result (internal). */
export type PreemptionOutcome =
  | {
      readonly kind: 'preempt';
      readonly nodeIndex: number;
      readonly victims: readonly Pod[];
      readonly pdbViolations: number;
    }
  | { readonly kind: 'fail'; readonly message: string };

/** Stable insertion sort by importance of `pods[0..count)` (lists on one node are short). */
function sortByImportance(pods: Pod[], count: number): void {
  let sorted = true;
  for (let a = 1; a < count && sorted; a++) if (compareImportance(pods[a - 1]!, pods[a]!) > 0) sorted = false;
  if (sorted) return;
  for (let a = 1; a < count; a++) {
    const p = pods[a]!;
    let b = a - 1;
    while (b >= 0 && compareImportance(pods[b]!, p) > 0) {
      pods[b + 1] = pods[b]!;
      b--;
    }
    pods[b + 1] = p;
  }
}

/** Earliest start among the first `count` victims sharing the highest victim priority (`GetEarliestPodStartTime`). */
function earliestTopStart(victims: readonly Pod[], count: number): number {
  const top = victims[0]!.priority;
  let earliest = Number.POSITIVE_INFINITY;
  for (let k = 0; k < count; k++) {
    const v = victims[k]!;
    if (v.priority === top) earliest = Math.min(earliest, startTimeOrNow(v));
  }
  return earliest;
}

/** The best candidate of one list so far, by pickOneNodeForPreemption's criteria (internal). */
class Best {
  node = -1;
  victims: Pod[] = [];
  violations = 0;
  top = 0;
  sum = 0;
  start = 0;

  /** Offers a candidate (victims `list[0..count)`); keeps it when strictly better than the current one. */
  offer(node: number, list: readonly Pod[], count: number, violations: number): void {
    if (count === 0) {
      // A node that needs no eviction wins at once (the first one found).
      if (this.node < 0 || this.victims.length > 0) {
        this.node = node;
        this.victims = [];
        this.violations = 0;
      }
      return;
    }
    if (this.node >= 0 && this.victims.length === 0) return;
    const top = list[0]!.priority;
    let sum = 0;
    for (let k = 0; k < count; k++) sum += list[k]!.priority + 2 ** 31;
    const start = earliestTopStart(list, count);
    let better = this.node < 0;
    if (!better) {
      if (violations !== this.violations) better = violations < this.violations;
      else if (top !== this.top) better = top < this.top;
      else if (sum !== this.sum) better = sum < this.sum;
      else if (count !== this.victims.length) better = count < this.victims.length;
      else better = start > this.start;
    }
    if (!better) return;
    this.node = node;
    this.victims = list.slice(0, count);
    this.violations = violations;
    this.top = top;
    this.sum = sum;
    this.start = start;
  }
}

/** Writes `pod` at `list[at]`, growing the reusable list when needed. */
function put(list: Pod[], at: number, pod: Pod): void {
  if (at < list.length) list[at] = pod;
  else list.push(pod);
}

/**
 * DefaultPreemption for a pod that fits nowhere: eligibility (`preemptionPolicy: Never` never preempts),
 * potential nodes (status `codes[i] === 1`: only resource failures can be fixed), victims per node
 * (`SelectVictimsOnNode`: remove every pod of strictly lower priority; if the preemptor then fits,
 * reprieve PDB-violating pods first, then the others, each most important first, keeping a pod whenever
 * the preemptor still fits), then the node choice (`pickOneNodeForPreemption`): fewest PDB violations;
 * lowest highest-victim priority; smallest Σ(priority + 2³¹); fewest victims; latest earliest start among
 * the highest-priority victims; then the first candidate in dry-run order. The dry run visits the
 * potential nodes from an offset (0, or drawn from `opts.random` as upstream draws it) and stops once it
 * holds max(potential × minCandidateNodesPercentage / 100, minCandidateNodesAbsolute) candidates, at
 * least one of them violating no budget; each list (violating / not) keeps at most that many. Reads the
 * view only.
 */
export function preemptPod(
  internals: Internals,
  ctx: PodContext,
  codes: Uint8Array,
  opts: ResolvedOptions,
): PreemptionOutcome {
  const pod = ctx.pod;
  if (pod.preemptionPolicy === 'Never') return { kind: 'fail', message: MESSAGE_PREEMPTION_POLICY_NEVER };
  const pdbs = internals.pdbs;
  const allowed = pdbs.length === 0 ? [] : pdbs.map((pdb) => disruptionsAllowed(pdb, allPods(internals)));
  const left = allowed.slice();
  const shape = ctx.shape;
  const cols = internals.cols;
  const extNames = shape.extNames;
  const freedExt = extNames.length === 0 ? null : new Float64Array(extNames.length);
  const tally = newTally(shape);
  let notHelpful = 0;
  let noVictims = 0;
  // Reusable per-node lists, used up to their counts.
  const potential: Pod[] = [];
  const ordered: Pod[] = [];
  const isViolating: boolean[] = [];
  const victims: Pod[] = [];
  // Potential nodes: those failing only for reasons eviction can fix. The dry run visits them from an
  // offset and stops once it has enough candidates, at least one of them violating no budget.
  const potentialNodes = new Int32Array(codes.length);
  let total = 0;
  for (let i = 0; i < codes.length; i++) {
    if (codes[i] === 1) potentialNodes[total++] = i;
    else notHelpful++;
  }
  const wanted = preemptionCandidatesToFind(opts, total);
  const offset = opts.random === undefined || total === 0 ? 0 : Math.floor(opts.random() * total);
  const bestNonViolating = new Best();
  const bestViolating = new Best();
  let nonViolatingCount = 0;
  let violatingCount = 0;
  for (let step = 0; step < total; step++) {
    if (nonViolatingCount > 0 && nonViolatingCount + violatingCount >= wanted) break;
    const i = potentialNodes[(offset + step) % total]!;
    // Remove every pod of strictly lower priority.
    let np = 0;
    let fPods = 0;
    let fCpu = 0;
    let fMemory = 0;
    let fBatchCpu = 0;
    let fBatchMemory = 0;
    freedExt?.fill(0);
    for (const p of internals.podsByNode[i]!) {
      if (p.priority >= pod.priority) continue;
      put(potential, np++, p);
      const r = p.requests;
      fPods++;
      fCpu += r.cpu ?? 0;
      fMemory += r.memory ?? 0;
      fBatchCpu += r['kubernetes.io/batch-cpu'] ?? 0;
      fBatchMemory += r['kubernetes.io/batch-memory'] ?? 0;
      if (freedExt !== null)
        for (let k = 0; k < extNames.length; k++) freedExt[k] = freedExt[k]! + (r[extNames[k]!] ?? 0);
    }
    if (np === 0) {
      noVictims++;
      continue;
    }
    const mask = fitMask(cols, shape, i, fPods, fCpu, fMemory, fBatchCpu, fBatchMemory, freedExt);
    if (mask !== 0) {
      tallyMask(tally, mask);
      continue;
    }
    sortByImportance(potential, np);
    // Split by PodDisruptionBudget, then order: violating first, each group most important first.
    let no = 0;
    let nViolating = 0;
    if (pdbs.length > 0) {
      for (let j = 0; j < left.length; j++) left[j] = allowed[j]!;
      for (let k = 0; k < np; k++) {
        const p = potential[k]!;
        let violated = false;
        for (let j = 0; j < pdbs.length; j++) {
          const pdb = pdbs[j]!;
          if (!pdbSelectsPod(pdb, p) || (pdb.disruptedPods?.includes(p.name) ?? false)) continue;
          left[j] = left[j]! - 1;
          if (left[j]! < 0) violated = true;
        }
        if (violated) nViolating++;
        isViolating[k] = violated;
      }
      for (let k = 0; k < np; k++) if (isViolating[k]) put(ordered, no++, potential[k]!);
      for (let k = 0; k < np; k++) if (!isViolating[k]) put(ordered, no++, potential[k]!);
    } else {
      for (let k = 0; k < np; k++) put(ordered, no++, potential[k]!);
    }
    // Reprieve: take each pod back while the preemptor still fits.
    let nv = 0;
    let violations = 0;
    for (let k = 0; k < no; k++) {
      const p = ordered[k]!;
      const r = p.requests;
      const cpu = r.cpu ?? 0;
      const memory = r.memory ?? 0;
      const batchCpu = r['kubernetes.io/batch-cpu'] ?? 0;
      const batchMemory = r['kubernetes.io/batch-memory'] ?? 0;
      if (freedExt !== null)
        for (let e = 0; e < extNames.length; e++) freedExt[e] = freedExt[e]! - (r[extNames[e]!] ?? 0);
      const mask = fitMask(
        cols,
        shape,
        i,
        fPods - 1,
        fCpu - cpu,
        fMemory - memory,
        fBatchCpu - batchCpu,
        fBatchMemory - batchMemory,
        freedExt,
      );
      if (mask === 0) {
        fPods--;
        fCpu -= cpu;
        fMemory -= memory;
        fBatchCpu -= batchCpu;
        fBatchMemory -= batchMemory;
        continue;
      }
      if (freedExt !== null)
        for (let e = 0; e < extNames.length; e++) freedExt[e] = freedExt[e]! + (r[extNames[e]!] ?? 0);
      put(victims, nv++, p);
      if (k < nViolating) violations++;
    }
    if (nViolating > 0 && nViolating < no) sortByImportance(victims, nv);
    // Each candidate list holds at most `wanted` candidates; later ones are dropped, as upstream.
    if (violations === 0) {
      if (nonViolatingCount < wanted) bestNonViolating.offer(i, victims, nv, 0);
      nonViolatingCount = Math.min(nonViolatingCount + 1, wanted);
    } else {
      if (violatingCount < wanted) bestViolating.offer(i, victims, nv, violations);
      violatingCount = Math.min(violatingCount + 1, wanted);
    }
  }
  // Non-violating candidates come first and win on the first criterion.
  const best = bestNonViolating.node >= 0 ? bestNonViolating : bestViolating;
  if (best.node < 0) {
    const counts = new Map<string, number>();
    if (notHelpful > 0) counts.set(REASON_PREEMPTION_NOT_HELPFUL, notHelpful);
    if (noVictims > 0) counts.set(REASON_NO_PREEMPTION_VICTIMS, noVictims);
    tallyReasons(ctx.shape, tally, counts);
    return { kind: 'fail', message: summarizeReasons(codes.length, counts).message };
  }
  return { kind: 'preempt', nodeIndex: best.node, victims: best.victims, pdbViolations: best.violations };
}
