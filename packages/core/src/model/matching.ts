import type { LabelSelector, NodeSelector, NodeSelectorRequirement, NodeSelectorTerm, StringMap } from './labels.js';
import type { Taint, TaintEffect, Toleration } from './taints.js';

/**
 * Whether one toleration tolerates one taint, by Kubernetes' rule (`Toleration.ToleratesTaint`): the
 * effect matches (an empty toleration effect matches all), the key matches (an empty key with `Exists`
 * matches every key), and the value matches for `Equal` (the default operator) or is ignored for `Exists`.
 */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect !== undefined && toleration.effect !== taint.effect) return false;
  const key = toleration.key ?? '';
  if (key !== '' && key !== taint.key) return false;
  const operator = toleration.operator ?? 'Equal';
  if (operator === 'Exists') return true;
  // An empty key is only valid with Exists; with Equal it matches nothing.
  if (key === '') return false;
  return (toleration.value ?? '') === (taint.value ?? '');
}

/**
 * The first taint among `taints` whose effect is in `effects` and that no toleration tolerates, or
 * `undefined` when all are tolerated (kube-scheduler's TaintToleration filter uses NoSchedule + NoExecute).
 */
export function findUntoleratedTaint(
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
  effects: readonly TaintEffect[] = ['NoSchedule', 'NoExecute'],
): Taint | undefined {
  for (const taint of taints) {
    if (!effects.includes(taint.effect)) continue;
    if (!tolerations.some((t) => toleratesTaint(t, taint))) return taint;
  }
  return undefined;
}

/**
 * Whether `labels` satisfy a `metav1.LabelSelector`: all `matchLabels` equal and every expression holds.
 * An empty selector matches everything. `NotIn` and `DoesNotExist` hold when the key is absent.
 */
export function matchesLabelSelector(selector: LabelSelector, labels: StringMap): boolean {
  if (selector.matchLabels !== undefined) {
    for (const key in selector.matchLabels) {
      if (labels[key] !== selector.matchLabels[key]) return false;
    }
  }
  for (const req of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, req.key);
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
        if (!has || !values.includes(labels[req.key]!)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels[req.key]!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
    }
  }
  return true;
}

/** Whether `labels` carry every key/value of a pod's `spec.nodeSelector` (an empty map matches all). */
export function matchesNodeSelectorMap(nodeSelector: StringMap, labels: StringMap): boolean {
  for (const key in nodeSelector) if (labels[key] !== nodeSelector[key]) return false;
  return true;
}

const INTEGER = /^-?\d+$/;

function requirementHolds(req: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      // Both sides must be integers, as in apimachinery's labels.Requirement; otherwise no match.
      const bound = values[0];
      if (value === undefined || bound === undefined || !INTEGER.test(value) || !INTEGER.test(bound)) return false;
      return req.operator === 'Gt' ? Number(value) > Number(bound) : Number(value) < Number(bound);
    }
  }
}

/**
 * Whether a node matches one `NodeSelectorTerm`: all `matchExpressions` against its labels and all
 * `matchFields` (only `metadata.name` exists) hold. A term with no requirements matches nothing, as in
 * Kubernetes.
 */
export function matchesNodeSelectorTerm(term: NodeSelectorTerm, nodeName: string, labels: StringMap): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  for (const req of exprs) {
    if (!requirementHolds(req, Object.hasOwn(labels, req.key) ? labels[req.key] : undefined)) return false;
  }
  for (const req of fields) {
    if (!requirementHolds(req, req.key === 'metadata.name' ? nodeName : undefined)) return false;
  }
  return true;
}

/** Whether a node matches a `NodeSelector` (its terms are ORed; no terms matches nothing). */
export function matchesNodeSelector(selector: NodeSelector, nodeName: string, labels: StringMap): boolean {
  return selector.nodeSelectorTerms.some((term) => matchesNodeSelectorTerm(term, nodeName, labels));
}
