import { parseSloConfigData } from '../colocation/index.js';
import { checkStructure } from './checkStructure.js';
import { convertClusterObjects } from './clusterObjectsDocument.js';
import { type LocalIssue, type Outcome, runSchema } from './localIssue.js';
import type { ClusterObjectsManifest, Manifest } from './Manifest.js';
import type { ManifestIssue } from './ManifestIssue.js';
import type { RawDocument } from './readDocuments.js';
import { configMapManifest } from './schemas/configMap.js';
import { namespaceManifest } from './schemas/namespace.js';
import { priorityClassManifest } from './schemas/priorityClass.js';
import { propagationPolicyManifest } from './schemas/propagationPolicy.js';
import { sparkApplicationManifest } from './schemas/sparkApplication.js';

/** Names of Koordinator's SLO ConfigMap (ACK's and upstream's) and the namespaces it lives in. */
const SLO_CONFIG_MAP_NAMES: readonly string[] = ['ack-slo-config', 'slo-controller-config'];
const SLO_CONFIG_MAP_NAMESPACES: readonly string[] = ['kube-system', 'koordinator-system'];

const POLICY_API_VERSIONS = ['policy.one.alibabacloud.com/v1alpha1', 'policy.karmada.io/v1alpha1'];

/** The kinds the loader models, and the API versions each is accepted in. */
const SUPPORTED: Readonly<Record<string, readonly string[]>> = {
  SparkApplication: ['sparkoperator.k8s.io/v1beta2'],
  PropagationPolicy: POLICY_API_VERSIONS,
  ClusterPropagationPolicy: POLICY_API_VERSIONS,
  PriorityClass: ['scheduling.k8s.io/v1'],
  Namespace: ['v1'],
  ConfigMap: ['v1'],
  Node: ['v1'],
  Pod: ['v1'],
  NodeList: ['v1'],
  PodList: ['v1'],
  List: ['v1'],
};

/** What converting one document produced: a manifest, or the issues that stopped it. */
export type ConversionResult =
  | { readonly manifest: Manifest; readonly issues?: undefined }
  | { readonly manifest?: undefined; readonly issues: readonly ManifestIssue[] };

function isSloConfigMap(name: string, namespace: string | undefined): boolean {
  return (
    SLO_CONFIG_MAP_NAMES.includes(name) && (namespace === undefined || SLO_CONFIG_MAP_NAMESPACES.includes(namespace))
  );
}

function convertKnown(kind: string, value: unknown, document: number): Outcome<Manifest> {
  switch (kind) {
    case 'SparkApplication': {
      const r = runSchema(sparkApplicationManifest, value);
      return r.ok ? { ok: true, value: { kind, document, application: r.value } } : r;
    }
    case 'PropagationPolicy':
    case 'ClusterPropagationPolicy': {
      const r = runSchema(propagationPolicyManifest, value);
      return r.ok ? { ok: true, value: { kind, document, policy: r.value } } : r;
    }
    case 'PriorityClass': {
      const r = runSchema(priorityClassManifest, value);
      return r.ok ? { ok: true, value: { kind, document, priorityClass: r.value } } : r;
    }
    case 'Namespace': {
      const r = runSchema(namespaceManifest, value);
      if (!r.ok) return r;
      const { name, labels, annotations } = r.value.metadata;
      return { ok: true, value: { kind, document, name, labels, annotations } };
    }
    case 'ConfigMap': {
      const r = runSchema(configMapManifest, value);
      if (!r.ok) return r;
      const { name, namespace } = r.value.metadata;
      const base = { kind, document, name, ...(namespace === undefined ? {} : { namespace }), data: r.value.data };
      if (!isSloConfigMap(name, namespace)) return { ok: true, value: base };
      const slo = parseSloConfigData(r.value.data);
      if (!slo.ok) {
        return {
          ok: false,
          issues: slo.issues.map((i) => ({ code: 'invalid-field', path: ['data', ...i.path], message: i.message })),
        };
      }
      return { ok: true, value: { ...base, sloConfig: slo.config } };
    }
    default: {
      const listKind = kind as ClusterObjectsManifest['kind'];
      const r = convertClusterObjects(listKind, value);
      return r.ok ? { ok: true, value: { kind: listKind, document, ...r.value } } : r;
    }
  }
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Converts one parsed document into a typed manifest, or explains why it cannot: a structural problem
 * (`__proto__`, nesting), a document that is not an object, a kind the loader does not model, or field
 * errors from the kind's schema.
 */
export function convertDocument(doc: RawDocument): ConversionResult {
  const value = doc.value;
  const record =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  const kind = stringField(record?.kind);
  const metadata = record?.metadata;
  const name =
    typeof metadata === 'object' && metadata !== null
      ? stringField((metadata as Record<string, unknown>).name)
      : undefined;
  const finish = (local: readonly LocalIssue[]): ConversionResult => ({
    issues: local.map((i) => {
      const line = doc.lineOf(i.path);
      return {
        code: i.code,
        document: doc.index,
        path: i.path,
        message: i.message,
        ...(kind === undefined ? {} : { kind }),
        ...(name === undefined ? {} : { name }),
        ...(line === undefined ? {} : { line }),
      };
    }),
  });

  const structure = checkStructure(value);
  if (structure.length > 0) return finish(structure);
  if (record === undefined) {
    const what = Array.isArray(value) ? 'a list' : `the value ${JSON.stringify(value)}`;
    return finish([
      {
        code: 'not-an-object',
        path: [],
        message: `expected a Kubernetes object (a mapping with apiVersion and kind), got ${what}`,
      },
    ]);
  }
  if (kind === undefined) {
    return finish([
      {
        code: 'invalid-field',
        path: ['kind'],
        message: typeof record.kind === 'string' || record.kind === undefined ? 'required' : 'must be a string',
      },
    ]);
  }
  const versions = SUPPORTED[kind];
  const apiVersion = record.apiVersion;
  if (versions === undefined || !Object.hasOwn(SUPPORTED, kind)) {
    return finish([
      {
        code: 'unsupported-kind',
        path: ['kind'],
        message: `${JSON.stringify(kind)}${typeof apiVersion === 'string' ? ` (${apiVersion})` : ''} is not a supported kind; Gleaner reads ${Object.keys(SUPPORTED).join(', ')}`,
      },
    ]);
  }
  if (typeof apiVersion !== 'string' || !versions.includes(apiVersion)) {
    return finish([
      {
        code: apiVersion === undefined ? 'invalid-field' : 'unsupported-kind',
        path: ['apiVersion'],
        message:
          apiVersion === undefined
            ? 'required'
            : `${kind} in apiVersion ${JSON.stringify(apiVersion)} is not supported; expected ${versions.join(' or ')}`,
      },
    ]);
  }
  const r = convertKnown(kind, record, doc.index);
  return r.ok ? { manifest: r.value } : finish(r.issues);
}
