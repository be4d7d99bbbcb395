import type { Pod } from '../model/index.js';
import { findUntoleratedTaint } from '../model/index.js';
import { matchesPodNodeAffinity, usesMatchFields } from './filters.js';
import type { AffinityResult, Internals, TolerationResult } from './internals.js';
import { MEMO_LIMIT } from './internals.js';
import { preferredAffinityScore } from './scores/nodeAffinity.js';
import { intolerablePreferNoScheduleCount } from './scores/taintToleration.js';

// Per-pod results of the static filters and static scores, computed once per node class (nodes with the
// same taints share a taint class, nodes with the same labels a label class) and memoised by the pod's
// tolerations / affinity, so the per-node loop only indexes small arrays.

const NONE_AFFINITY_KEY = '';
const NONE_AFFINITY: AffinityResult = { key: NONE_AFFINITY_KEY, matches: null, preferred: null, perNode: false };

/** Taint results for a pod's tolerations, per taint class. */
export function tolerationResult(internals: Internals, pod: Pod): TolerationResult {
  const memo = internals.memo;
  const key = pod.tolerations.length === 0 ? '' : JSON.stringify(pod.tolerations);
  let result = memo.tolerations.get(key);
  if (result !== undefined) return result;
  const classes = memo.taintClasses;
  const untolerated = new Int32Array(classes.length);
  const preferCount = new Int32Array(classes.length);
  let anyFail = false;
  let anyPrefer = false;
  for (let c = 0; c < classes.length; c++) {
    const taints = classes[c]!;
    const bad = findUntoleratedTaint(taints, pod.tolerations);
    untolerated[c] = bad === undefined ? -1 : taints.indexOf(bad);
    if (bad !== undefined) anyFail = true;
    const count = intolerablePreferNoScheduleCount(taints, pod.tolerations);
    preferCount[c] = count;
    if (count > 0) anyPrefer = true;
  }
  result = { key, untolerated: anyFail ? untolerated : null, preferCount: anyPrefer ? preferCount : null };
  if (memo.tolerations.size >= MEMO_LIMIT) memo.tolerations.clear();
  memo.tolerations.set(key, result);
  return result;
}

/** Node-affinity results for a pod's nodeSelector and affinity, per label class (or per node). */
export function affinityResult(internals: Internals, pod: Pod): AffinityResult {
  const na = pod.affinity?.nodeAffinity;
  if (
    Object.keys(pod.nodeSelector).length === 0 &&
    na?.requiredDuringSchedulingIgnoredDuringExecution === undefined &&
    (na?.preferredDuringSchedulingIgnoredDuringExecution?.length ?? 0) === 0
  ) {
    return NONE_AFFINITY;
  }
  const memo = internals.memo;
  const key = JSON.stringify([pod.nodeSelector, na]);
  let result = memo.affinities.get(key);
  if (result !== undefined) return result;
  const preferredTerms = na?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  const perNode = usesMatchFields(pod);
  const count = perNode ? internals.cols.size : memo.labelClasses.length;
  const matches = new Uint8Array(count);
  const preferred = new Int32Array(count);
  let anyMiss = false;
  let anyPreferred = false;
  for (let c = 0; c < count; c++) {
    // A label class is evaluated on a stand-in node carrying its labels (names only matter per node).
    const node = perNode ? internals.nodes[c]! : { ...internals.nodes[0]!, name: '', labels: memo.labelClasses[c]! };
    const ok = matchesPodNodeAffinity(pod, node);
    matches[c] = ok ? 1 : 0;
    if (!ok) anyMiss = true;
    const p = preferredAffinityScore(preferredTerms, node.name, node.labels);
    preferred[c] = p;
    if (p !== 0) anyPreferred = true;
  }
  result = { key, matches: anyMiss ? matches : null, preferred: anyPreferred ? preferred : null, perNode };
  if (memo.affinities.size >= MEMO_LIMIT) memo.affinities.clear();
  memo.affinities.set(key, result);
  return result;
}
