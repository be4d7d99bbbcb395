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
 * An empty selector matches everything. `NotIn` and `DoesNotExist` hold when the key is absent. A selector
 * the API would reject (`In`/`NotIn` without values, `Exists`/`DoesNotExist` with values) matches nothing,
 * as `LabelSelectorAsSelector` fails for it and its callers then select nothing.
 */
export function matchesLabelSelector(selector: LabelSelector, labels: StringMap): boolean {
  if (selector.matchLabels !== undefined) {
    for (const key in selector.matchLabels) {
      if (!Object.hasOwn(labels, key) || labels[key] !== selector.matchLabels[key]) return false;
    }
  }
  for (const req of selector.matchExpressions ?? []) {
    if (!requirementValid(req)) return false;
    if (!requirementHolds(req, labelValue(labels, req.key))) return false;
  }
  return true;
}

/** Whether `labels` carry every key/value of a pod's `spec.nodeSelector` (an empty map matches all). */
export function matchesNodeSelectorMap(nodeSelector: StringMap, labels: StringMap): boolean {
  for (const key in nodeSelector) if (labelValue(labels, key) !== nodeSelector[key]) return false;
  return true;
}

/** Own value of `key`, so keys such as `constructor` never resolve through `Object.prototype`. */
function labelValue(labels: StringMap, key: string): string | undefined {
  return Object.hasOwn(labels, key) ? labels[key] : undefined;
}

// What Go's strconv.ParseInt(s, 10, 64) accepts: an optional sign and decimal digits, within int64.
const INTEGER = /^[+-]?\d+$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** The int64 value of `text`, or `undefined` where Go's `ParseInt` would fail. */
function parseInt64(text: string): bigint | undefined {
  if (!INTEGER.test(text)) return undefined;
  const value = BigInt(text);
  return value < INT64_MIN || value > INT64_MAX ? undefined : value;
}

/** The value-count rules of apimachinery's `labels.NewRequirement`; a requirement breaking them selects nothing. */
function requirementValid(req: NodeSelectorRequirement): boolean {
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
    case 'NotIn':
      return values.length > 0;
    case 'Exists':
    case 'DoesNotExist':
      return values.length === 0;
    case 'Gt':
    case 'Lt':
      return values.length === 1 && parseInt64(values[0]!) !== undefined;
  }
}

/** Whether a valid requirement holds for a label (or field) `value`, `undefined` when the key is absent. */
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
      // Compared as int64 (BigInt, so values beyond 2^53 stay exact); a non-integer label never matches.
      const bound = parseInt64(values[0]!);
      const actual = value === undefined ? undefined : parseInt64(value);
      if (bound === undefined || actual === undefined) return false;
      return req.operator === 'Gt' ? actual > bound : actual < bound;
    }
  }
}

/** Node fields a `matchFields` requirement can name; only `metadata.name` exists in Kubernetes. */
const NODE_NAME_FIELD = 'metadata.name';

/** `matchFields` admits only `In`/`NotIn` with exactly one value, as the node-affinity helper parses it. */
function fieldRequirementValid(req: NodeSelectorRequirement): boolean {
  return (req.operator === 'In' || req.operator === 'NotIn') && (req.values ?? []).length === 1;
}

/**
 * Whether a node matches one `NodeSelectorTerm`: all `matchExpressions` against its labels and all
 * `matchFields` (only `metadata.name` exists) hold. A term with no requirements matches nothing, as in
 * Kubernetes; so does a term with an invalid requirement (wrong value count, a non-integer `Gt`/`Lt`
 * bound, a field operator other than `In`/`NotIn`).
 */
export function matchesNodeSelectorTerm(term: NodeSelectorTerm, nodeName: string, labels: StringMap): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  for (const req of exprs) {
    if (!requirementValid(req) || !requirementHolds(req, labelValue(labels, req.key))) return false;
  }
  for (const req of fields) {
    if (!fieldRequirementValid(req)) return false;
    if (!requirementHolds(req, req.key === NODE_NAME_FIELD ? nodeName : undefined)) return false;
  }
  return true;
}

/** Whether a node matches a `NodeSelector` (its terms are ORed; no terms matches nothing). */
export function matchesNodeSelector(selector: NodeSelector, nodeName: string, labels: StringMap): boolean {
  return selector.nodeSelectorTerms.some((term) => matchesNodeSelectorTerm(term, nodeName, labels));
}
