import * as z from 'zod';
import type { Node, Pod } from '../model/index.js';
import { type LocalIssue, type Outcome, runSchema } from './localIssue.js';
import type { ClusterObjectsManifest, SkippedPod } from './Manifest.js';
import { nodeObject, type ParsedPod, podObject } from './schemas/clusterObjects.js';

/** The nodes and pods of one cluster-objects document. */
export type ClusterObjects = Pick<ClusterObjectsManifest, 'nodes' | 'pods' | 'skippedPods'>;

const list = z.object({ items: z.array(z.unknown()).default([]) });

/**
 * Converts a `Node`, `Pod`, `NodeList`, `PodList` or `List` document. Items are checked one by one, so a
 * bad item is reported at `items[i]…` without hiding the problems of the others. A `List` may mix nodes
 * and pods; any other item kind is reported.
 */
export function convertClusterObjects(kind: ClusterObjectsManifest['kind'], value: unknown): Outcome<ClusterObjects> {
  const nodes: Node[] = [];
  const pods: Pod[] = [];
  const skippedPods: SkippedPod[] = [];
  const issues: LocalIssue[] = [];
  const addPod = ({ pod, phase }: ParsedPod): void => {
    if (phase === 'Succeeded' || phase === 'Failed')
      skippedPods.push({ name: pod.name, namespace: pod.namespace, phase });
    else pods.push(pod);
  };
  const item = (itemKind: 'Node' | 'Pod', itemValue: unknown, prefix: readonly (string | number)[]): void => {
    if (itemKind === 'Node') {
      const r = runSchema(nodeObject, itemValue, prefix);
      if (r.ok) nodes.push(r.value);
      else issues.push(...r.issues);
    } else {
      const r = runSchema(podObject, itemValue, prefix);
      if (r.ok) addPod(r.value);
      else issues.push(...r.issues);
    }
  };

  if (kind === 'Node' || kind === 'Pod') {
    item(kind, value, []);
  } else {
    const r = runSchema(list, value);
    if (!r.ok) return r;
    r.value.items.forEach((raw, i) => {
      const prefix = ['items', i];
      if (kind === 'NodeList') item('Node', raw, prefix);
      else if (kind === 'PodList') item('Pod', raw, prefix);
      else {
        const itemKind = typeof raw === 'object' && raw !== null ? (raw as { kind?: unknown }).kind : undefined;
        if (itemKind === 'Node' || itemKind === 'Pod') item(itemKind, raw, prefix);
        else {
          issues.push({
            code: itemKind === undefined ? 'invalid-field' : 'unsupported-kind',
            path: [...prefix, 'kind'],
            message:
              itemKind === undefined
                ? 'required (a List item must say whether it is a Node or a Pod)'
                : `a List item of kind ${JSON.stringify(itemKind)} is not supported; only Node and Pod items are read`,
          });
        }
      }
    });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: { nodes, pods, skippedPods } };
}
