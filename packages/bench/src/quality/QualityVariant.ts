import type { QualityAxis } from './QualityScenario.js';

/** One policy setting of the quality matrix: the baseline, or one axis moved away from it. */
export interface QualityVariant {
  /** Stable identifier (`baseline`, `scorer=random`, `reclaim=70%`, …). */
  readonly name: string;
  /** The axis this variant moves; `null` for the baseline. */
  readonly axis: QualityAxis | null;
  /** What the variant changes, for people. */
  readonly description: string;
  /**
   * The `key=value` scenario overrides that make this variant (as `gleaner compare --set` takes them).
   * A `{policyIndex}` in a key stands for the scenario's SparkApplication policy entry in `manifests:`.
   */
  readonly overrides: readonly string[];
  /**
   * Name of the variant this one is compared with (its paired Δ columns), when not the baseline: the
   * timeout variants run with preoccupation off and are compared with `preoccupation=off`.
   */
  readonly reference?: string;
}
