import { convertDocument } from './convertDocument.js';
import type { Manifest } from './Manifest.js';
import type { ManifestIssue } from './ManifestIssue.js';
import { readDocuments } from './readDocuments.js';

/** Default {@link LoadManifestsOptions.maxSize}: 32 Mi characters, above any hand-written manifest set. */
export const DEFAULT_MAX_MANIFEST_SIZE = 32 * 1024 * 1024;

/** Default {@link LoadManifestsOptions.maxAliasCount}, the `yaml` package's own default. */
export const DEFAULT_MAX_ALIAS_COUNT = 100;

/** Limits that keep hostile or accidental input (a huge dump, an alias bomb) from exhausting memory. */
export interface LoadManifestsOptions {
  /**
   * Longest input accepted, in characters (UTF-16 code units; about bytes for ASCII YAML). Longer input is
   * refused with one `too-large` issue before any parsing. Default {@link DEFAULT_MAX_MANIFEST_SIZE}.
   */
  readonly maxSize?: number;
  /** Most YAML alias expansions allowed per document (`yaml`'s `maxAliasCount`). Default {@link DEFAULT_MAX_ALIAS_COUNT}. */
  readonly maxAliasCount?: number;
}

/**
 * The outcome of {@link loadManifests}. It always carries both lists: `manifests` holds every document that
 * loaded (in input order), `issues` every problem found (in input order). `ok` is `true` exactly when
 * there are no issues, so `if (!result.ok)` is the one check most callers need; a caller that wants to go
 * on with the valid part of a partly broken input still can.
 */
export type LoadManifestsResult =
  | {
      /** No problems: every non-empty document loaded. */
      readonly ok: true;
      /** The loaded documents, in input order. */
      readonly manifests: readonly Manifest[];
      /** Always empty here. */
      readonly issues: readonly [];
    }
  | {
      /** At least one document (or the input as a whole) has a problem. */
      readonly ok: false;
      /** The documents that did load, in input order. */
      readonly manifests: readonly Manifest[];
      /** The problems, at least one, in input order. */
      readonly issues: readonly ManifestIssue[];
    };

/**
 * Loads Kubernetes manifests from text: a multi-document YAML stream (`---` separated) or JSON. Each
 * document becomes a typed {@link Manifest} with the defaults the API server, its webhooks and the
 * operators would apply, or one issue per problem naming the document index, the field path and, for
 * YAML, the line. User input never makes it throw.
 *
 * Modelled kinds: `SparkApplication` (`sparkoperator.k8s.io/v1beta2`); `PropagationPolicy` and
 * `ClusterPropagationPolicy` (`policy.karmada.io/v1alpha1`, `policy.one.alibabacloud.com/v1alpha1`);
 * `PriorityClass` (`scheduling.k8s.io/v1`); `Namespace`, `ConfigMap` (Koordinator's SLO ConfigMap is
 * parsed), `Node`, `Pod`, and kubectl's `List` / `NodeList` / `PodList` (`v1`). Any other kind is an
 * `unsupported-kind` issue, never dropped silently. Unknown fields of a modelled kind are ignored, as the
 * API server prunes them. Empty documents are skipped. The text is read as YAML 1.2, so `yes`/`no` are
 * strings, not booleans.
 *
 * @example
 * ```ts
 * const result = loadManifests(text);
 * if (!result.ok) for (const i of result.issues) console.error(`document ${i.document}: ${formatFieldPath(i.path)}: ${i.message}`);
 * for (const m of result.manifests) if (m.kind === 'SparkApplication') sparkPods(m.application, classes);
 * ```
 */
export function loadManifests(text: string, options: LoadManifestsOptions = {}): LoadManifestsResult {
  const maxSize = options.maxSize ?? DEFAULT_MAX_MANIFEST_SIZE;
  const maxAliasCount = options.maxAliasCount ?? DEFAULT_MAX_ALIAS_COUNT;
  if (typeof text !== 'string') {
    return fail([], [{ code: 'syntax', document: 0, path: [], message: `expected text, got ${typeof text}` }]);
  }
  if (text.length > maxSize) {
    return fail(
      [],
      [
        {
          code: 'too-large',
          document: 0,
          path: [],
          message: `the input is ${text.length} characters long; the limit is ${maxSize} (raise maxSize to load it)`,
        },
      ],
    );
  }
  const manifests: Manifest[] = [];
  const issues: ManifestIssue[] = [];
  try {
    const read = readDocuments(text, maxAliasCount);
    issues.push(...read.issues);
    for (const doc of read.documents) {
      const r = convertDocument(doc);
      if (r.manifest !== undefined) manifests.push(r.manifest);
      else issues.push(...r.issues);
    }
  } catch (error) {
    // A defect or a resource limit of the runtime, never a verdict on the input: still report, not throw.
    const message = error instanceof Error ? error.message : String(error);
    issues.push({ code: 'syntax', document: 0, path: [], message: `the input could not be read: ${message}` });
  }
  // Syntax issues come from a first pass over all documents; keep the output in document order.
  issues.sort((a, b) => a.document - b.document);
  return issues.length === 0 ? { ok: true, manifests, issues: [] } : fail(manifests, issues);
}

function fail(manifests: readonly Manifest[], issues: readonly ManifestIssue[]): LoadManifestsResult {
  return { ok: false, manifests, issues };
}
