/** Kubernetes labels or annotations: string keys to string values. */
export type StringMap = { readonly [key: string]: string };

/** A set-based requirement of a `metav1.LabelSelector` (`matchExpressions` entry). */
export interface LabelSelectorRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  readonly values?: readonly string[];
}

/**
 * A `metav1.LabelSelector`: `matchLabels` and `matchExpressions` are ANDed. An empty selector matches
 * everything; a `null`/absent selector field is handled by the caller (it usually matches nothing).
 */
export interface LabelSelector {
  readonly matchLabels?: StringMap;
  readonly matchExpressions?: readonly LabelSelectorRequirement[];
}

/** A requirement of a `core/v1 NodeSelectorTerm`; adds `Gt`/`Lt` (integer comparison) to the set operators. */
export interface NodeSelectorRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  readonly values?: readonly string[];
}

/** A `core/v1 NodeSelectorTerm`: its requirements are ANDed; `matchFields` supports `metadata.name`. */
export interface NodeSelectorTerm {
  readonly matchExpressions?: readonly NodeSelectorRequirement[];
  readonly matchFields?: readonly NodeSelectorRequirement[];
}

/** A `core/v1 NodeSelector`: its terms are ORed. */
export interface NodeSelector {
  readonly nodeSelectorTerms: readonly NodeSelectorTerm[];
}

/** One `preferredDuringSchedulingIgnoredDuringExecution` entry of node affinity (weight 1–100). */
export interface PreferredSchedulingTerm {
  readonly weight: number;
  readonly preference: NodeSelectorTerm;
}

/** `core/v1 NodeAffinity`. */
export interface NodeAffinity {
  readonly requiredDuringSchedulingIgnoredDuringExecution?: NodeSelector;
  readonly preferredDuringSchedulingIgnoredDuringExecution?: readonly PreferredSchedulingTerm[];
}

/** `core/v1 Affinity`; only node affinity is modelled (pod (anti-)affinity is out of scope). */
export interface Affinity {
  readonly nodeAffinity?: NodeAffinity;
}
