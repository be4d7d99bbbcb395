import type { Pod } from '../model/index.js';
import { CPU, MEMORY } from '../resources/index.js';

// Koordinator's two pod axes: the QoS class (how the node isolates the pod) and the priority class (which
// resource tier it is accounted in), and Kubernetes' own QoS class they fall back on.
// koordinator: apis/extension/qos.go, apis/extension/qos_utils.go, apis/extension/priority.go,
//              apis/extension/priority_utils.go

/**
 * Koordinator QoS class of a pod: `SYSTEM` (system daemons), `LSE` (exclusive cores), `LSR` (reserved
 * cores), `LS` (shared pool, typical online service), `BE` (best effort, throttled and evicted first), or
 * `NONE` when neither the label nor the Kubernetes QoS gives one (upstream's empty string).
 */
export type KoordQoSClass = 'SYSTEM' | 'LSE' | 'LSR' | 'LS' | 'BE' | 'NONE';

/**
 * Koordinator priority class of a pod, i.e. its resource tier: `koord-prod` (cpu/memory), `koord-mid`
 * (mid-cpu/mid-memory), `koord-batch` (batch-cpu/batch-memory), `koord-free`, or `none` (upstream's empty
 * string).
 */
export type KoordPriorityClass = 'koord-prod' | 'koord-mid' | 'koord-batch' | 'koord-free' | 'none';

/** Kubernetes QoS class (`status.qosClass`), derived from the cpu/memory requests and limits. */
export type KubernetesQoSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

/** A pod's Koordinator classification; see {@link classifyPod}. */
export interface PodClassification {
  /** Koordinator QoS class (label `koordinator.sh/qosClass`, else from the Kubernetes QoS). */
  readonly qosClass: KoordQoSClass;
  /** Koordinator priority class (label, else `spec.priority` range, else from the QoS class). */
  readonly priorityClass: KoordPriorityClass;
  /** Kubernetes QoS class computed from cpu/memory requests and limits. */
  readonly kubernetesQoS: KubernetesQoSClass;
}

/** Pod label naming the Koordinator QoS class (`LS`, `BE`, …). */
export const LABEL_POD_QOS = 'koordinator.sh/qosClass';
/** Pod label that overrides the priority class of an already running pod (`koord-batch`, …). */
export const LABEL_POD_PRIORITY_CLASS = 'koordinator.sh/priority-class';
/** Pod label carrying the sub-priority inside a priority class (integer, higher is more important). */
export const LABEL_POD_PRIORITY = 'koordinator.sh/priority';

/** An inclusive range of `spec.priority` values. */
export interface PriorityRange {
  /** Smallest value in the range. */
  readonly min: number;
  /** Largest value in the range. */
  readonly max: number;
}

/**
 * Inclusive `spec.priority` ranges of the Koordinator priority classes; any other value (0, 1000000, a
 * negative one) is `none`. The gaps between ranges are deliberate.
 * koordinator: apis/extension/priority.go
 */
export const KOORD_PRIORITY_RANGES: { readonly [K in Exclude<KoordPriorityClass, 'none'>]: PriorityRange } =
  Object.freeze({
    'koord-prod': Object.freeze({ min: 9000, max: 9999 }),
    'koord-mid': Object.freeze({ min: 7000, max: 7999 }),
    'koord-batch': Object.freeze({ min: 5000, max: 5999 }),
    'koord-free': Object.freeze({ min: 3000, max: 3999 }),
  });

/** The QoS class a Guaranteed pod without a QoS label is treated as (upstream `QoSClassForGuaranteed`). */
export const QOS_CLASS_FOR_GUARANTEED: KoordQoSClass = 'LSR';

/**
 * The QoS class named by the pod's `koordinator.sh/qosClass` label, exactly (case-sensitive); `NONE` when
 * the label is absent or holds any other value. Used by koordlet to pick BE pods (upstream
 * `GetPodQoSClassRaw`).
 */
export function qosClassFromLabel(pod: Pod): KoordQoSClass {
  const v = pod.labels[LABEL_POD_QOS];
  return v === 'SYSTEM' || v === 'LSE' || v === 'LSR' || v === 'LS' || v === 'BE' ? v : 'NONE';
}

/**
 * The Kubernetes QoS class of a pod from its effective cpu/memory requests and limits, as
 * `GetPodQOS` computes it: `BestEffort` when no non-zero cpu or memory request or limit is set;
 * `Guaranteed` when both cpu and memory limits are set and every set request equals its limit (an unset
 * request defaults to the limit); else `Burstable`. Extended resources — including Koordinator's
 * `kubernetes.io/batch-cpu` / `batch-memory` — do not count, so a colocated BE pod whose cpu/memory were
 * renamed to batch resources is `BestEffort`, as the kubelet sees it.
 *
 * Gleaner's Pod carries pod-level sums, so a pod whose one container is Guaranteed and another has no
 * resources at all is classified Guaranteed here (Burstable upstream); the difference does not arise for
 * pods built from Spark or the seed manifests.
 */
export function kubernetesQoSClass(pod: Pod): KubernetesQoSClass {
  const rc = pod.requests[CPU] ?? 0;
  const rm = pod.requests[MEMORY] ?? 0;
  const lc = pod.limits[CPU] ?? 0;
  const lm = pod.limits[MEMORY] ?? 0;
  if (rc === 0 && rm === 0 && lc === 0 && lm === 0) return 'BestEffort';
  if (lc > 0 && lm > 0 && (rc === 0 || rc === lc) && (rm === 0 || rm === lm)) return 'Guaranteed';
  return 'Burstable';
}

/**
 * The pod's QoS class with Koordinator's default: the label when it names a known class, else the
 * Kubernetes QoS mapped Guaranteed → `LSR`, Burstable → `LS`, BestEffort → `BE` (upstream
 * `GetPodQoSClassWithDefault`). Never `NONE` for a real pod.
 */
export function podQoSClass(pod: Pod): KoordQoSClass {
  const fromLabel = qosClassFromLabel(pod);
  if (fromLabel !== 'NONE') return fromLabel;
  return qosClassForKubernetesQoS(kubernetesQoSClass(pod));
}

function qosClassForKubernetesQoS(k: KubernetesQoSClass): KoordQoSClass {
  return k === 'Guaranteed' ? QOS_CLASS_FOR_GUARANTEED : k === 'Burstable' ? 'LS' : 'BE';
}

/** The priority class whose `spec.priority` range holds `priority`, or `none`. */
export function priorityClassOfValue(priority: number): KoordPriorityClass {
  const r = KOORD_PRIORITY_RANGES;
  if (priority >= r['koord-prod'].min && priority <= r['koord-prod'].max) return 'koord-prod';
  if (priority >= r['koord-mid'].min && priority <= r['koord-mid'].max) return 'koord-mid';
  if (priority >= r['koord-batch'].min && priority <= r['koord-batch'].max) return 'koord-batch';
  if (priority >= r['koord-free'].min && priority <= r['koord-free'].max) return 'koord-free';
  return 'none';
}

function priorityClassFromName(name: string): KoordPriorityClass {
  return name === 'koord-prod' || name === 'koord-mid' || name === 'koord-batch' || name === 'koord-free'
    ? name
    : 'none';
}

/** The default priority class of a QoS class: SYSTEM/LSE/LSR/LS → `koord-prod`, BE → `koord-batch`. */
export function priorityClassForQoS(qos: KoordQoSClass): KoordPriorityClass {
  if (qos === 'BE') return 'koord-batch';
  return qos === 'NONE' ? 'none' : 'koord-prod';
}

function rawPriorityClass(pod: Pod): KoordPriorityClass {
  const label = pod.labels[LABEL_POD_PRIORITY_CLASS];
  // A present label decides alone, even when its value is unknown (then `none`, and the QoS fallback applies).
  if (label !== undefined) return priorityClassFromName(label);
  return priorityClassOfValue(pod.priority);
}

/**
 * The pod's priority class with Koordinator's default (upstream `GetPodPriorityClassWithDefault`):
 * 1. the `koordinator.sh/priority-class` label, when present (an unknown value gives `none`);
 * 2. else the range holding the resolved numeric `spec.priority` (`priorityClassName` itself is never read);
 * 3. if still `none`, derived from the QoS class ({@link priorityClassForQoS} of {@link podQoSClass}).
 */
export function podPriorityClass(pod: Pod): KoordPriorityClass {
  const raw = rawPriorityClass(pod);
  return raw !== 'none' ? raw : priorityClassForQoS(podQoSClass(pod));
}

/** Classifies a pod: Koordinator QoS class, Koordinator priority class and Kubernetes QoS class. */
export function classifyPod(pod: Pod): PodClassification {
  const kubernetesQoS = kubernetesQoSClass(pod);
  const fromLabel = qosClassFromLabel(pod);
  const qosClass = fromLabel !== 'NONE' ? fromLabel : qosClassForKubernetesQoS(kubernetesQoS);
  const raw = rawPriorityClass(pod);
  return { qosClass, priorityClass: raw !== 'none' ? raw : priorityClassForQoS(qosClass), kubernetesQoS };
}

/**
 * Whether a priority class counts as high priority (HP) for the batch-resource calculation: everything
 * but `koord-batch` and `koord-free`, so prod, mid and `none` pods (and metrics) are subtracted from what
 * batch pods may use.
 * koordinator: pkg/slo-controller/noderesource/plugins/batchresource/plugin.go
 */
export function isHighPriorityClassForBatch(priorityClass: KoordPriorityClass): boolean {
  return priorityClass !== 'koord-batch' && priorityClass !== 'koord-free';
}

/** Whether a pod counts as high priority for the batch-resource calculation ({@link isHighPriorityClassForBatch}). */
export function isHighPriorityForBatch(pod: Pod): boolean {
  return isHighPriorityClassForBatch(podPriorityClass(pod));
}
