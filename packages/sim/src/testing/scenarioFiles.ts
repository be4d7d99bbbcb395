import type { PriorityClass, PropagationPolicy, SloConfig, SparkApplication } from '@gleaner/core';
import { stringify } from 'yaml';
import type { ManifestObject } from '../scenario/createScenario.js';
import { ACK_SLO_CONFIG_DATA, ackSloConfig } from './ackSloConfig.js';
import {
  priorityClassObject,
  propagationPolicyObject,
  sloConfigMapObject,
  sparkApplicationObject,
} from './manifestObjects.js';
import type { ScenarioCase } from './ScenarioCase.js';

/** The name {@link scenarioFiles} gives the scenario file itself. */
export const SCENARIO_FILE_NAME = 'scenario.yaml';

function isManifestObject(value: unknown): value is ManifestObject {
  return typeof value === 'object' && value !== null && 'metadata' in value && 'apiVersion' in value;
}

const yaml = (value: unknown): string => stringify(value, { lineWidth: 0, aliasDuplicateObjects: false });

/**
 * Writes an in-memory scenario out as the files `gleaner run` reads: `scenario.yaml` (its workloads'
 * `application`, its `manifests` and `colocation.sloConfig` pointing at the files beside it), one
 * `<workload>.app.yaml` SparkApplication per workload, `manifests.yaml` with the PriorityClasses and
 * policies, and `slo.yaml` with the colocation ConfigMap. Returns file name → text, scenario first.
 * Member snapshots (`resources.snapshots`) are not written; such members get a comment instead.
 */
export function scenarioFiles(c: ScenarioCase): Record<string, string> {
  const files: Record<string, string> = {};
  const r = c.resources;
  const others: Record<string, string> = {};

  const workloads = (c.input.workloads ?? []).map((w) => {
    const app = r.applications?.[w.name] ?? (w.application === undefined ? undefined : r.applications?.[w.application]);
    if (app === undefined) return w;
    const file = `${w.name}.app.yaml`;
    others[file] = yaml(isManifestObject(app) ? app : sparkApplicationObject(app as SparkApplication));
    return { ...w, application: file };
  });

  const docs: unknown[] = [
    ...(r.priorityClasses ?? []).map((p) => (isManifestObject(p) ? p : priorityClassObject(p as PriorityClass))),
    ...(r.policies ?? []).map((p) => (isManifestObject(p) ? p : propagationPolicyObject(p as PropagationPolicy))),
  ];
  if (docs.length > 0) others['manifests.yaml'] = docs.map(yaml).join('---\n');
  if (r.sloConfig !== undefined) {
    const slo = r.sloConfig;
    others['slo.yaml'] = yaml(
      isManifestObject(slo)
        ? slo
        : JSON.stringify(slo) === JSON.stringify(ackSloConfig)
          ? // The seeds' ConfigMap as they write it, rather than every default spelled out.
            { ...sloConfigMapObject(slo), data: ACK_SLO_CONFIG_DATA }
          : sloConfigMapObject(slo as SloConfig),
    );
  }

  const input = {
    ...c.input,
    ...(docs.length > 0 ? { manifests: ['manifests.yaml'] } : {}),
    ...(r.sloConfig === undefined ? {} : { colocation: { ...(c.input.colocation ?? {}), sloConfig: 'slo.yaml' } }),
    ...(c.input.workloads === undefined ? {} : { workloads }),
  };
  const snapshotMembers = Object.keys(r.snapshots ?? {});
  files[SCENARIO_FILE_NAME] =
    (snapshotMembers.length > 0
      ? `# Members ${snapshotMembers.join(', ')} were given node snapshots in memory; they are not written here.\n`
      : '') + yaml(input);
  Object.assign(files, others);
  return files;
}

/**
 * {@link scenarioFiles} as one text: each file under a `# ==> name <==` header line, scenario first, ready
 * to paste into an issue or split back into files (`csplit` on the headers, or by hand).
 */
export function formatScenarioFiles(files: Readonly<Record<string, string>>): string {
  return Object.entries(files)
    .map(([name, text]) => `# ==> ${name} <==\n${text.endsWith('\n') ? text : `${text}\n`}`)
    .join('\n');
}
