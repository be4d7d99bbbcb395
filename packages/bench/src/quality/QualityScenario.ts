/** A policy axis the quality benchmark varies, one at a time, around a scenario's baseline. */
export type QualityAxis = 'scorer' | 'preoccupation' | 'timeout' | 'replication' | 'reclaim';

/** Every axis, in the order the tables show them. */
export const QUALITY_AXES: readonly QualityAxis[] = ['scorer', 'preoccupation', 'timeout', 'replication', 'reclaim'];

/** One standard scenario of the quality benchmark: a scenario file and the policy axes that matter on it. */
export interface QualityScenario {
  /** Short name, used on the command line (`--scenario seed-fleet`) and in the results. */
  readonly name: string;
  /** Absolute path of the scenario file. */
  readonly file: string;
  /** One sentence on what the scenario stresses. */
  readonly description: string;
  /**
   * Index in the scenario's `manifests:` list of the file holding the SparkApplication PropagationPolicy
   * (the replication variants replace that entry with another policy file).
   */
  readonly policyManifestIndex: number;
  /** The axes varied on this scenario (an axis that cannot change anything here is left out). */
  readonly axes: readonly QualityAxis[];
}
