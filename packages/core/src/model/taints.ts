/** Effect of a taint: which pods it keeps away and whether it evicts running ones. */
export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';

/** A `core/v1 Taint` on a node (or, in Karmada, on a member cluster). */
export interface Taint {
  readonly key: string;
  readonly value?: string;
  readonly effect: TaintEffect;
}

/**
 * A `core/v1 Toleration`. An empty `key` with `Exists` tolerates every taint; an absent `effect` matches
 * every effect; `operator` defaults to `Equal`.
 */
export interface Toleration {
  readonly key?: string;
  readonly operator?: 'Exists' | 'Equal';
  readonly value?: string;
  readonly effect?: TaintEffect;
  /** Seconds a `NoExecute` taint is tolerated before eviction; absent = forever. */
  readonly tolerationSeconds?: number;
}
