import { resolve } from 'node:path';
import {
  DEFAULT_SLO_CONFIG,
  formatFieldPath,
  loadManifests,
  type Manifest,
  type Node,
  type Pod,
  type PriorityClass,
  type PropagationPolicy,
  type SloConfig,
  type SparkApplication,
} from '@gleaner/core';
import type { LoadScenarioResult, Scenario, ScenarioIssue } from './loadScenario.js';
import { withInlineThresholds } from './loadScenario.js';
import { type ScenarioInput, scenarioSchema } from './schema.js';

/**
 * A Kubernetes manifest as a plain object, exactly as it would be written in YAML (`apiVersion`, `kind`,
 * `metadata`, `spec` …). {@link createScenario} converts it with core's `loadManifests`, so the operator's
 * and the API server's defaults apply as they do for files.
 */
export interface ManifestObject {
  /** API group/version, e.g. `sparkoperator.k8s.io/v1beta2`. */
  readonly apiVersion: string;
  /** The object's kind, e.g. `SparkApplication`. */
  readonly kind: string;
  /** `metadata` (name, namespace, labels, annotations). */
  readonly metadata: Readonly<Record<string, unknown>>;
  /** Any other top-level field (`spec`, `value`, `data` …). */
  readonly [field: string]: unknown;
}

/**
 * The manifests an in-memory scenario uses in place of the files a scenario file names. Each entry takes
 * either core's typed object (as `loadManifests` returns it) or a {@link ManifestObject} written like YAML.
 */
export interface ScenarioResources {
  /**
   * The SparkApplication template of each workload, keyed by the workload's `name` (or by the string its
   * `application` field holds).
   */
  readonly applications?: Readonly<Record<string, SparkApplication | ManifestObject>>;
  /** PriorityClasses the pods may name (what `manifests:` files would hold). */
  readonly priorityClasses?: readonly (PriorityClass | ManifestObject)[];
  /** PropagationPolicy / ClusterPropagationPolicy objects of the fleet. */
  readonly policies?: readonly (PropagationPolicy | ManifestObject)[];
  /**
   * The colocation configuration (what `colocation.sloConfig` would name): a parsed `SloConfig` or an
   * `ack-slo-config` / `slo-controller-config` ConfigMap object. Default: Koordinator's built-in defaults
   * (colocation disabled). The scenario's inline `colocation` percentages apply on top, as for files.
   */
  readonly sloConfig?: SloConfig | ManifestObject;
  /** Nodes and running pods of members described by a snapshot, by member name. */
  readonly snapshots?: Readonly<
    Record<
      string,
      | {
          /** The member's nodes (e.g. from `kubectl get nodes -o json` via `loadManifests`). */
          readonly nodes: readonly Node[];
          /** Pods running on them, which become online load (default none). */
          readonly pods?: readonly Pod[];
        }
      | undefined
    >
  >;
  /**
   * Directory trace files named by the scenario resolve against (they are read when the run starts).
   * Default: the current working directory.
   */
  readonly baseDir?: string;
  /** Name used for this scenario in problems and results' provenance. Default `<in-memory scenario>`. */
  readonly file?: string;
}

/** The file label of scenarios made by {@link createScenario} when none is given. */
export const IN_MEMORY_SCENARIO_FILE = '<in-memory scenario>';

function isManifestObject(value: unknown): value is ManifestObject {
  return typeof value === 'object' && value !== null && 'metadata' in value && 'apiVersion' in value;
}

/** Converts one plain manifest object with core's loader, reporting problems under `path`. */
function convert(
  value: ManifestObject,
  file: string,
  path: readonly (string | number)[],
  issues: ScenarioIssue[],
): Manifest | undefined {
  const loaded = loadManifests(JSON.stringify(value));
  for (const i of loaded.issues) {
    issues.push({
      file,
      path: [...path, ...i.path],
      message: i.message,
    });
  }
  if (!loaded.ok) return undefined;
  if (loaded.manifests.length !== 1) {
    issues.push({ file, path: [...path], message: 'expected exactly one manifest object' });
    return undefined;
  }
  return loaded.manifests[0];
}

/**
 * Builds a {@link Scenario} — the value `loadScenario` returns and `runScenario` takes — from an object,
 * without touching the file system: property tests and library users make scenarios this way. The input
 * is validated with the same zod schema as files and its defaults are filled; manifests come as objects in
 * `resources` instead of file paths, so the scenario's `manifests` list and `snapshot` / `sloConfig` paths
 * must be empty (their content goes into `resources`). Trace files named by load curves or trace
 * workloads are still read, relative to `resources.baseDir`, when the run starts.
 *
 * Problems come back as data, as from `loadScenario`: every issue with its field path, never a throw.
 *
 * @example
 * ```ts
 * const made = createScenario(
 *   {
 *     name: 'two-members', seed: 1, duration: '2h',
 *     fleet: { members: [{ name: 'a', kubernetesVersion: '1.28', nodePools: [pool] }] },
 *     workloads: [{ name: 'pi', application: 'pi', arrival: { type: 'poisson', ratePerHour: 10 }, workCoreSeconds: 600 }],
 *   },
 *   { applications: { pi: sparkPi }, sloConfig: ackSloConfig },
 * );
 * if (made.ok) console.log((await runScenario(made.scenario)).result.summary);
 * ```
 */
export function createScenario(input: ScenarioInput, resources: ScenarioResources = {}): LoadScenarioResult {
  const file = resources.file ?? IN_MEMORY_SCENARIO_FILE;
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({ file, path: i.path as (string | number)[], message: i.message })),
    };
  }
  const spec = parsed.data;
  const issues: ScenarioIssue[] = [];

  for (const [i, path] of spec.manifests.entries()) {
    issues.push({
      file,
      path: ['manifests', i],
      message: `${path}: an in-memory scenario reads no files; pass the manifests in resources.priorityClasses / resources.policies`,
    });
  }

  const priorityClasses: PriorityClass[] = [];
  for (const [i, pc] of (resources.priorityClasses ?? []).entries()) {
    if (!isManifestObject(pc)) {
      priorityClasses.push(pc);
      continue;
    }
    const m = convert(pc, file, ['resources', 'priorityClasses', i], issues);
    if (m === undefined) continue;
    if (m.kind === 'PriorityClass') priorityClasses.push(m.priorityClass);
    else
      issues.push({
        file,
        path: ['resources', 'priorityClasses', i],
        message: `expected a PriorityClass, got ${m.kind}`,
      });
  }

  const policies: PropagationPolicy[] = [];
  for (const [i, p] of (resources.policies ?? []).entries()) {
    if (!isManifestObject(p)) {
      policies.push(p);
      continue;
    }
    const m = convert(p, file, ['resources', 'policies', i], issues);
    if (m === undefined) continue;
    if (m.kind === 'PropagationPolicy' || m.kind === 'ClusterPropagationPolicy') policies.push(m.policy);
    else
      issues.push({ file, path: ['resources', 'policies', i], message: `expected a PropagationPolicy, got ${m.kind}` });
  }

  let sloConfig: SloConfig = DEFAULT_SLO_CONFIG;
  if (spec.colocation.sloConfig !== undefined) {
    issues.push({
      file,
      path: ['colocation', 'sloConfig'],
      message: `${spec.colocation.sloConfig}: an in-memory scenario reads no files; pass the configuration in resources.sloConfig`,
    });
  }
  const slo = resources.sloConfig;
  if (slo !== undefined && !isManifestObject(slo)) {
    sloConfig = slo;
  } else if (slo !== undefined) {
    const m = convert(slo, file, ['resources', 'sloConfig'], issues);
    if (m?.kind === 'ConfigMap' && m.sloConfig !== undefined) sloConfig = m.sloConfig;
    else if (m !== undefined) {
      issues.push({
        file,
        path: ['resources', 'sloConfig'],
        message: 'not an ack-slo-config / slo-controller-config ConfigMap',
      });
    }
  }
  sloConfig = withInlineThresholds(sloConfig, spec);

  const given = resources.applications ?? {};
  const applications = new Map<string, SparkApplication>();
  for (const [i, w] of spec.workloads.entries()) {
    const key = Object.hasOwn(given, w.name)
      ? w.name
      : w.application !== undefined && Object.hasOwn(given, w.application)
        ? w.application
        : undefined;
    if (key === undefined) {
      // A trace workload may go without a template; a synthetic one may not.
      if (!('trace' in w)) {
        issues.push({
          file,
          path: ['workloads', i, 'application'],
          message: `no SparkApplication for workload "${w.name}" in resources.applications`,
        });
      }
      continue;
    }
    const app = given[key]!;
    if (!isManifestObject(app)) {
      applications.set(w.name, app);
      continue;
    }
    const m = convert(app, file, ['resources', 'applications', key], issues);
    if (m?.kind === 'SparkApplication') applications.set(w.name, m.application);
    else if (m !== undefined) {
      issues.push({
        file,
        path: ['resources', 'applications', key],
        message: `expected a SparkApplication, got ${m.kind}`,
      });
    }
  }

  const snapshots = new Map<string, { nodes: readonly Node[]; pods: readonly Pod[] }>();
  const names = new Set<string>();
  for (const [i, member] of spec.fleet.members.entries()) {
    if (names.has(member.name)) {
      issues.push({ file, path: ['fleet', 'members', i, 'name'], message: `duplicate member name "${member.name}"` });
    }
    names.add(member.name);
    const snap = resources.snapshots?.[member.name];
    if (member.snapshot !== undefined && snap === undefined) {
      issues.push({
        file,
        path: ['fleet', 'members', i, 'snapshot'],
        message: `an in-memory scenario reads no files; pass member "${member.name}"'s nodes in resources.snapshots`,
      });
    }
    if (snap !== undefined) snapshots.set(member.name, { nodes: snap.nodes, pods: snap.pods ?? [] });
  }
  for (const name of Object.keys(resources.snapshots ?? {})) {
    if (!names.has(name)) {
      issues.push({ file, path: ['resources', 'snapshots', name], message: `no member named "${name}" in the fleet` });
    }
  }

  if (issues.length > 0) return { ok: false, issues };
  const scenario: Scenario = {
    file,
    baseDir: resolve(resources.baseDir ?? '.'),
    spec,
    priorityClasses,
    policies,
    sloConfig,
    applications,
    snapshots,
  };
  return { ok: true, scenario };
}

/** A one-line description of an issue of {@link createScenario}, for error messages. */
export function formatScenarioIssue(issue: ScenarioIssue): string {
  return `${issue.file}${issue.path.length > 0 ? ` ${formatFieldPath(issue.path)}` : ''}: ${issue.message}`;
}
