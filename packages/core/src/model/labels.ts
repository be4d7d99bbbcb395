/** Kubernetes labels or annotations: string keys to string values. */
export type StringMap = { readonly [key: string]: string };

/** A set-based requirement of a `metav1.LabelSelector` (`matchExpressions` entry). */
export interface LabelSelectorRequirement {
  /** The label key the requirement tests. */
  readonly key: string;
  /** `In`/`NotIn` test the value against `values`; `Exists`/`DoesNotExist` test only the key. */
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  /** Candidate values: non-empty for `In`/`NotIn`, empty for `Exists`/`DoesNotExist`. */
  readonly values?: readonly string[];
}

/**
 * A `metav1.LabelSelector`: `matchLabels` and `matchExpressions` are ANDed. An empty selector matches
 * everything; a `null`/absent selector field is handled by the caller (it usually matches nothing).
 */
export interface LabelSelector {
  /** Labels that must be present with exactly these values. */
  readonly matchLabels?: StringMap;
  /** Set-based requirements, all of which must hold. */
  readonly matchExpressions?: readonly LabelSelectorRequirement[];
}

/** A requirement of a `core/v1 NodeSelectorTerm`; adds `Gt`/`Lt` (integer comparison) to the set operators. */
export interface NodeSelectorRequirement {
  /** The node label key (or, in `matchFields`, the field `metadata.name`). */
  readonly key: string;
  /** Set operators as in label selectors, plus `Gt`/`Lt` comparing the label as an integer. */
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  /** Candidate values; exactly one integer for `Gt`/`Lt`, exactly one name in `matchFields`. */
  readonly values?: readonly string[];
}

/** A `core/v1 NodeSelectorTerm`: its requirements are ANDed; `matchFields` supports `metadata.name`. */
export interface NodeSelectorTerm {
  /** Requirements on the node's labels. */
  readonly matchExpressions?: readonly NodeSelectorRequirement[];
  /** Requirements on the node's fields (`metadata.name`, with `In`/`NotIn`). */
  readonly matchFields?: readonly NodeSelectorRequirement[];
}

/** A `core/v1 NodeSelector`: its terms are ORed. */
export interface NodeSelector {
  /** Alternatives: a node matches when any one term matches. */
  readonly nodeSelectorTerms: readonly NodeSelectorTerm[];
}

/** One `preferredDuringSchedulingIgnoredDuringExecution` entry of node affinity (weight 1–100). */
export interface PreferredSchedulingTerm {
  /** Score added (1–100, before normalisation) to nodes matching `preference`. */
  readonly weight: number;
  /** The term a preferred node matches. */
  readonly preference: NodeSelectorTerm;
}

/** `core/v1 NodeAffinity`. */
export interface NodeAffinity {
  /** Hard constraint: the pod only lands on nodes matching this selector. */
  readonly requiredDuringSchedulingIgnoredDuringExecution?: NodeSelector;
  /** Soft constraints: weighted terms that raise a matching node's score. */
  readonly preferredDuringSchedulingIgnoredDuringExecution?: readonly PreferredSchedulingTerm[];
}

/** `core/v1 Affinity`; only node affinity is modelled (pod (anti-)affinity is out of scope). */
export interface Affinity {
  /** Node affinity of the pod. */
  readonly nodeAffinity?: NodeAffinity;
}
