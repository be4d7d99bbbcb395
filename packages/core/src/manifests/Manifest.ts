import type { SloConfig } from '../colocation/index.js';
import type { PropagationPolicy } from '../fleet/index.js';
import type { Node, Pod, PriorityClass, StringMap } from '../model/index.js';
import type { SparkApplication } from '../spark/index.js';

/** A loaded `sparkoperator.k8s.io/v1beta2 SparkApplication`, with the operator's defaults applied. */
export interface SparkApplicationManifest {
  /** Discriminant. */
  readonly kind: 'SparkApplication';
  /** 0-based index of the document in the input. */
  readonly document: number;
  /** The application. */
  readonly application: SparkApplication;
}

/** A loaded PropagationPolicy or ClusterPropagationPolicy (Karmada or ACK One Fleet), with Karmada's defaults applied. */
export interface PropagationPolicyManifest {
  /** Discriminant: the namespaced or the cluster-scoped policy. */
  readonly kind: 'PropagationPolicy' | 'ClusterPropagationPolicy';
  /** 0-based index of the document in the input. */
  readonly document: number;
  /** The policy. */
  readonly policy: PropagationPolicy;
}

/** A loaded `scheduling.k8s.io/v1 PriorityClass`. */
export interface PriorityClassManifest {
  /** Discriminant. */
  readonly kind: 'PriorityClass';
  /** 0-based index of the document in the input. */
  readonly document: number;
  /** The class. */
  readonly priorityClass: PriorityClass;
}

/** A loaded `v1 Namespace`. */
export interface NamespaceManifest {
  /** Discriminant. */
  readonly kind: 'Namespace';
  /** 0-based index of the document in the input. */
  readonly document: number;
  /** `metadata.name`. */
  readonly name: string;
  /** `metadata.labels` (Karmada policies may select namespaces by label). */
  readonly labels: StringMap;
  /** `metadata.annotations`. */
  readonly annotations: StringMap;
}

/**
 * A loaded `v1 ConfigMap`. When it is Koordinator's SLO ConfigMap (`ack-slo-config` on ACK,
 * `slo-controller-config` upstream, in `kube-system` or `koordinator-system`, or with no namespace
 * given), `sloConfig` holds its parsed colocation, threshold and QoS strategies.
 */
export interface ConfigMapManifest {
  /** Discriminant. */
  readonly kind: 'ConfigMap';
  /** 0-based index of the document in the input. */
  readonly document: number;
  /** `metadata.name`. */
  readonly name: string;
  /** `metadata.namespace`, when given. */
  readonly namespace?: string;
  /** `data`, as written. */
  readonly data: StringMap;
  /** The parsed SLO configuration, for Koordinator's SLO ConfigMap only. */
  readonly sloConfig?: SloConfig;
}

/** A pod of a cluster dump left out because it no longer holds resources. */
export interface SkippedPod {
  /** `metadata.name`. */
  readonly name: string;
  /** `metadata.namespace`. */
  readonly namespace: string;
  /** Why: the pod has terminated. */
  readonly phase: 'Succeeded' | 'Failed';
}

/**
 * Nodes and pods of a cluster, from `kubectl get nodes -o json` / `kubectl get pods -A -o json` output
 * (`List`, `NodeList`, `PodList`) or from single `Node` / `Pod` manifests. Pods in phase `Succeeded` or
 * `Failed` hold no resources; they are listed in `skippedPods` instead of `pods`.
 *
 * A pod's requests and limits are summed over its containers as kube-scheduler does ({@link podResources});
 * its `priority` is `spec.priority` as the API server resolved it (0 when a hand-written pod has none);
 * its `startTime` is `status.startTime` in milliseconds since the Unix epoch. A node without
 * `status.allocatable` offers its capacity; it is `virtual` when it carries the
 * `virtual-kubelet.io/provider` taint or the `type: virtual-kubelet` label.
 */
export interface ClusterObjectsManifest {
  /** Discriminant: the document's kind. */
  readonly kind: 'List' | 'NodeList' | 'PodList' | 'Node' | 'Pod';
  /** 0-based index of the document in the input. */
  readonly document: number;
  /** The nodes, in document order. */
  readonly nodes: readonly Node[];
  /** The pods still holding resources (pending, running or unknown), in document order. */
  readonly pods: readonly Pod[];
  /** The terminated pods that were left out. */
  readonly skippedPods: readonly SkippedPod[];
}

/** One loaded document, discriminated by `kind`. */
export type Manifest =
  | SparkApplicationManifest
  | PropagationPolicyManifest
  | PriorityClassManifest
  | NamespaceManifest
  | ConfigMapManifest
  | ClusterObjectsManifest;
