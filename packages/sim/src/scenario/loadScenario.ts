import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  DEFAULT_EVICT_LOWER_PERCENT_GAP,
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
import { parseDocument } from 'yaml';
import { OverrideError } from './OverrideError.js';
import { applyOverrides } from './overrides.js';
import { type ScenarioSpec, scenarioSchema } from './schema.js';

/** Largest scenario or manifest file read, in bytes (a guard against pointing at a trace by mistake). */
export const MAX_SCENARIO_FILE_BYTES = 16 * 1024 * 1024;

/** One problem with a scenario: the file it is in, the field path, and what is wrong. */
export interface ScenarioIssue {
  /** The file the problem is in (the scenario, or a manifest or trace it names). */
  readonly file: string;
  /** Field path inside that file (`['fleet', 'members', 0, 'name']`); empty for the file as a whole. */
  readonly path: readonly (string | number)[];
  /** What is wrong, in one line. */
  readonly message: string;
}

/**
 * A validated scenario with every file it names loaded: the spec (defaults filled, quantities and durations
 * as written), and the manifests resolved relative to the scenario file.
 */
export interface Scenario {
  /** The scenario file as given. */
  readonly file: string;
  /** Directory relative paths in the scenario resolve against. */
  readonly baseDir: string;
  /** The scenario with its defaults filled (quantities and durations as written). */
  readonly spec: ScenarioSpec;
  /** PriorityClasses from the `manifests` files. */
  readonly priorityClasses: readonly PriorityClass[];
  /** PropagationPolicy / ClusterPropagationPolicy objects from the `manifests` files. */
  readonly policies: readonly PropagationPolicy[];
  /** The colocation configuration: the ConfigMap named by `colocation.sloConfig`, else Koordinator's defaults. */
  readonly sloConfig: SloConfig;
  /** The SparkApplication template of each workload, by workload name. */
  readonly applications: ReadonlyMap<string, SparkApplication>;
  /** Nodes and running pods of members described by a kubectl snapshot, by member name. */
  readonly snapshots: ReadonlyMap<
    string,
    {
      /** The member's nodes. */
      readonly nodes: readonly Node[];
      /** Pods running on them (they become online load). */
      readonly pods: readonly Pod[];
    }
  >;
}

/** Result of {@link loadScenario}: the scenario, or every problem found. */
export type LoadScenarioResult =
  | {
      /** Loaded: no problems. */
      readonly ok: true;
      /** The scenario, ready for `runScenario`. */
      readonly scenario: Scenario;
    }
  | {
      /** Not loaded. */
      readonly ok: false;
      /** Every problem found. */
      readonly issues: readonly ScenarioIssue[];
    };

/** Options of {@link loadScenario}. */
export interface LoadScenarioOptions {
  /** `key=value` overrides applied to the file before validation (`gleaner compare --set`). */
  readonly overrides?: readonly string[];
}

async function readText(file: string): Promise<{ text: string } | { error: string }> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) return { error: 'is a directory, not a file' };
    if (info.size > MAX_SCENARIO_FILE_BYTES) {
      return { error: `is ${info.size} bytes; scenario and manifest files are limited to ${MAX_SCENARIO_FILE_BYTES}` };
    }
    return { text: await readFile(file, 'utf8') };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { error: code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(error) };
  }
}

/**
 * Reads, validates and resolves a scenario file (YAML or JSON). Relative paths in it resolve against the
 * scenario's directory; every referenced manifest is loaded, so a broken policy is reported before a run
 * starts. Problems come back as data naming the file and the field path; it never throws for user input.
 */
export async function loadScenario(file: string, options: LoadScenarioOptions = {}): Promise<LoadScenarioResult> {
  const read = await readText(file);
  if ('error' in read) return { ok: false, issues: [{ file, path: [], message: read.error }] };
  const doc = parseDocument(read.text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => ({
        file,
        path: [],
        message: `YAML syntax: ${e.message.split('\n')[0]}${e.linePos ? ` (line ${e.linePos[0].line})` : ''}`,
      })),
    };
  }
  let raw: unknown = doc.toJS({ maxAliasCount: 100 });
  try {
    raw = applyOverrides(raw, options.overrides ?? []);
  } catch (error) {
    if (error instanceof OverrideError)
      return { ok: false, issues: [{ file, path: error.path, message: error.message }] };
    throw error;
  }
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({ file, path: i.path as (string | number)[], message: i.message })),
    };
  }
  return resolveScenario(file, parsed.data);
}

/** Loads the files a validated scenario names; `file` is where relative paths resolve from. */
export async function resolveScenario(file: string, spec: ScenarioSpec): Promise<LoadScenarioResult> {
  const baseDir = dirname(resolve(file));
  const issues: ScenarioIssue[] = [];
  const at = (p: string): string => resolve(baseDir, p);

  const loadFile = async (path: string, field: (string | number)[]): Promise<readonly Manifest[] | undefined> => {
    const target = at(path);
    const read = await readText(target);
    if ('error' in read) {
      issues.push({ file, path: field, message: `${path}: ${read.error}` });
      return undefined;
    }
    const result = loadManifests(read.text);
    for (const i of result.issues) {
      issues.push({
        file: target,
        path: [],
        message: `document ${i.document}${i.path.length > 0 ? ` ${formatFieldPath(i.path)}` : ''}: ${i.message}`,
      });
    }
    return result.ok ? result.manifests : undefined;
  };

  const priorityClasses: PriorityClass[] = [];
  const policies: PropagationPolicy[] = [];
  for (const [i, path] of spec.manifests.entries()) {
    for (const m of (await loadFile(path, ['manifests', i])) ?? []) {
      if (m.kind === 'PriorityClass') priorityClasses.push(m.priorityClass);
      else if (m.kind === 'PropagationPolicy' || m.kind === 'ClusterPropagationPolicy') policies.push(m.policy);
    }
  }

  let sloConfig: SloConfig = DEFAULT_SLO_CONFIG;
  if (spec.colocation.sloConfig !== undefined) {
    const manifests = await loadFile(spec.colocation.sloConfig, ['colocation', 'sloConfig']);
    const found = manifests?.find((m) => m.kind === 'ConfigMap' && m.sloConfig !== undefined);
    if (
      manifests !== undefined &&
      (found === undefined || found.kind !== 'ConfigMap' || found.sloConfig === undefined)
    ) {
      issues.push({
        file,
        path: ['colocation', 'sloConfig'],
        message: `${spec.colocation.sloConfig}: no ack-slo-config / slo-controller-config ConfigMap in it`,
      });
    } else if (found?.kind === 'ConfigMap' && found.sloConfig !== undefined) {
      sloConfig = found.sloConfig;
    }
  }
  sloConfig = withInlineThresholds(sloConfig, spec);

  const applications = new Map<string, SparkApplication>();
  for (const [i, w] of spec.workloads.entries()) {
    if (w.application === undefined) continue;
    const manifests = await loadFile(w.application, ['workloads', i, 'application']);
    if (manifests === undefined) continue;
    const app = manifests.find((m) => m.kind === 'SparkApplication');
    if (app?.kind !== 'SparkApplication') {
      issues.push({
        file,
        path: ['workloads', i, 'application'],
        message: `${w.application}: no SparkApplication in it`,
      });
      continue;
    }
    applications.set(w.name, app.application);
  }

  const snapshots = new Map<string, { nodes: Node[]; pods: Pod[] }>();
  for (const [i, member] of spec.fleet.members.entries()) {
    if (member.snapshot === undefined) continue;
    const nodes: Node[] = [];
    const pods: Pod[] = [];
    for (const [field, path] of [
      ['nodes', member.snapshot.nodes],
      ['pods', member.snapshot.pods],
    ] as const) {
      if (path === undefined) continue;
      for (const m of (await loadFile(path, ['fleet', 'members', i, 'snapshot', field])) ?? []) {
        if ('nodes' in m) {
          nodes.push(...m.nodes);
          pods.push(...m.pods);
        }
      }
    }
    snapshots.set(member.name, { nodes, pods });
  }

  const names = new Set<string>();
  for (const [i, member] of spec.fleet.members.entries()) {
    if (names.has(member.name)) {
      issues.push({ file, path: ['fleet', 'members', i, 'name'], message: `duplicate member name "${member.name}"` });
    }
    names.add(member.name);
  }
  for (const [i, w] of spec.workloads.entries()) {
    if (w.application === undefined && !('trace' in w)) {
      issues.push({ file, path: ['workloads', i, 'application'], message: 'a workload needs an application' });
    }
  }

  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, scenario: { file, baseDir, spec, priorityClasses, policies, sloConfig, applications, snapshots } };
}

/**
 * The inline percent overrides of the scenario's `colocation` block applied over the loaded SLO config
 * (shared with `createScenario`, so files and in-memory scenarios resolve the same way).
 */
export function withInlineThresholds(config: SloConfig, spec: ScenarioSpec): SloConfig {
  const c = spec.colocation;
  return {
    ...config,
    colocation: {
      ...config.colocation,
      ...(c.cpuReclaimThresholdPercent === undefined
        ? {}
        : { cpuReclaimThresholdPercent: c.cpuReclaimThresholdPercent }),
      ...(c.memoryReclaimThresholdPercent === undefined
        ? {}
        : { memoryReclaimThresholdPercent: c.memoryReclaimThresholdPercent }),
    },
    resourceThreshold: {
      ...config.resourceThreshold,
      ...(c.cpuSuppressThresholdPercent === undefined
        ? {}
        : { cpuSuppressThresholdPercent: c.cpuSuppressThresholdPercent }),
      ...(c.memoryEvictThresholdPercent === undefined
        ? {}
        : {
            memoryEvictThresholdPercent: c.memoryEvictThresholdPercent,
            // koordlet releases down to the lower bound (default threshold − 2); a lower bound left at or
            // above a lowered threshold would make koordlet reject the config and never evict.
            memoryEvictLowerPercent: Math.min(
              config.resourceThreshold.memoryEvictLowerPercent,
              c.memoryEvictThresholdPercent - DEFAULT_EVICT_LOWER_PERCENT_GAP,
            ),
          }),
    },
  };
}
