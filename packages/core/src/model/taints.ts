/** Effect of a taint: which pods it keeps away and whether it evicts running ones. */
export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';

/** A `core/v1 Taint` on a node (or, in Karmada, on a member cluster). */
export interface Taint {
  /** Taint key, e.g. `virtual-kubelet.io/provider`. */
  readonly key: string;
  /** Taint value; absent and empty are the same. */
  readonly value?: string;
  /** What the taint does to pods that do not tolerate it. */
  readonly effect: TaintEffect;
}

/**
 * A `core/v1 Toleration`. An empty `key` with `Exists` tolerates every taint; an absent `effect` matches
 * every effect; `operator` defaults to `Equal`.
 */
export interface Toleration {
  /** Taint key to tolerate; empty or absent (with `Exists`) tolerates every key. */
  readonly key?: string;
  /** `Equal` (the default) compares the value; `Exists` ignores it. */
  readonly operator?: 'Exists' | 'Equal';
  /** Value compared under `Equal`; absent and empty are the same. */
  readonly value?: string;
  /** Taint effect to tolerate; absent tolerates every effect. */
  readonly effect?: TaintEffect;
  /** Seconds a `NoExecute` taint is tolerated before eviction; absent = forever. */
  readonly tolerationSeconds?: number;
}
