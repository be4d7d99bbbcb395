/**
 * Why a manifest (or the whole input) was rejected. Stable strings, so callers can branch without parsing
 * messages:
 *
 * - `too-large`: the input is longer than {@link LoadManifestsOptions.maxSize}.
 * - `syntax`: the YAML/JSON text does not parse (the message names the line).
 * - `alias-limit`: the document expands more YAML aliases than allowed (a "billion laughs" document).
 * - `too-deep`: the document nests collections deeper than the loader follows.
 * - `forbidden-key`: a `__proto__` key, refused so no object's prototype can be replaced.
 * - `not-an-object`: the document is a scalar or a sequence, not a Kubernetes object.
 * - `unsupported-kind`: an `apiVersion`/`kind` the loader does not model.
 * - `invalid-field`: a field has the wrong type or an out-of-range value.
 */
export type ManifestIssueCode =
  | 'too-large'
  | 'syntax'
  | 'alias-limit'
  | 'too-deep'
  | 'forbidden-key'
  | 'not-an-object'
  | 'unsupported-kind'
  | 'invalid-field';

/**
 * One problem found while loading manifests: where it is (document index, field path, line) and what is
 * wrong. Plain data, in the style of a zod issue.
 */
export interface ManifestIssue {
  /** Machine-readable reason. */
  readonly code: ManifestIssueCode;
  /** 0-based index of the YAML document in the input (`---` separated); 0 for JSON. */
  readonly document: number;
  /**
   * Field path inside the document, e.g. `['spec', 'executor', 'cores']`; array positions are numbers.
   * Empty for problems with the whole document (syntax, unsupported kind is `['kind']`).
   */
  readonly path: readonly (string | number)[];
  /** Human-readable explanation, one sentence, naming the offending value where it helps. */
  readonly message: string;
  /** The document's `kind`, when it could be read. */
  readonly kind?: string;
  /** The document's `metadata.name`, when it could be read. */
  readonly name?: string;
  /** 1-based line in the input text where the problem is, when known (YAML input). */
  readonly line?: number;
}
