import type { Node } from '../model/index.js';
import { parseCpu, parseMemory } from '../quantity/index.js';
import { CPU, MEMORY } from '../resources/index.js';
import type { ResourceUsage } from './nodeMetric.js';

// Node-level reservations Koordinator subtracts before handing capacity to batch pods.
// koordinator: pkg/util/node.go (GetNodeReservationFromKubelet, GetNodeReservationFromAnnotation),
//              apis/extension/node_reservation.go, pkg/koordlet/qosmanager/helpers/calculator.go

/**
 * Node annotation with an extra reservation, JSON `{"resources": {"cpu": "2", "memory": "4Gi"},
 * "reservedCPUs": "0-1"}`; when `reservedCPUs` is set its CPU count replaces `resources.cpu`.
 */
export const ANNOTATION_NODE_RESERVATION = 'node.koordinator.sh/reservation';

const ZERO: ResourceUsage = Object.freeze({ cpu: 0, memory: 0 });

/** Kubelet reservation of a node: `max(capacity − allocatable, 0)` for cpu (millicores) and memory (bytes). */
export function kubeletReserved(node: Node): ResourceUsage {
  const cpu = Math.max((node.capacity[CPU] ?? 0) - (node.allocatable[CPU] ?? 0), 0);
  const memory = Math.max((node.capacity[MEMORY] ?? 0) - (node.allocatable[MEMORY] ?? 0), 0);
  return cpu === 0 && memory === 0 ? ZERO : { cpu, memory };
}

/** Number of CPUs in a Linux cpuset list such as `"0-3,8,10-11"`; `undefined` when it does not parse. */
export function cpusetSize(list: string): number | undefined {
  const ranges: [number, number][] = [];
  for (const part of list.split(',')) {
    const p = part.trim();
    if (p === '') continue;
    const m = /^(\d+)(?:-(\d+))?$/.exec(p);
    if (m === null) return undefined;
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    if (hi < lo) return undefined;
    ranges.push([lo, hi]);
  }
  // Overlapping ranges count each CPU once.
  ranges.sort((a, b) => a[0] - b[0]);
  let count = 0;
  let end = -1;
  for (const [lo, hi] of ranges) {
    if (hi <= end) continue;
    count += hi - Math.max(lo, end + 1) + 1;
    end = hi;
  }
  return count;
}

/**
 * The reservation in the `node.koordinator.sh/reservation` annotation (cpu millicores, memory bytes), or
 * the zero reservation when the annotation is absent or invalid (upstream logs and ignores it).
 */
export function annotationReserved(node: Node): ResourceUsage {
  const text = node.annotations[ANNOTATION_NODE_RESERVATION];
  if (text === undefined) return ZERO;
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch {
    return ZERO;
  }
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return ZERO;
  const { resources, reservedCPUs } = obj as { resources?: unknown; reservedCPUs?: unknown };
  let cpu = 0;
  let memory = 0;
  try {
    if (resources !== undefined && resources !== null) {
      if (typeof resources !== 'object' || Array.isArray(resources)) return ZERO;
      const r = resources as Record<string, unknown>;
      const c = r[CPU];
      const m = r[MEMORY];
      if (typeof c === 'string' || typeof c === 'number') cpu = parseCpu(c);
      if (typeof m === 'string' || typeof m === 'number') memory = parseMemory(m);
    }
  } catch {
    return ZERO;
  }
  if (typeof reservedCPUs === 'string' && reservedCPUs !== '') {
    const n = cpusetSize(reservedCPUs);
    if (n === undefined) return ZERO;
    cpu = n * 1000;
  }
  return { cpu, memory };
}

/** `max(kubelet reservation, annotation reservation)` per resource (upstream `GetNodeResourceReserved`). */
export function nodeReserved(node: Node): ResourceUsage {
  const k = kubeletReserved(node);
  if (node.annotations[ANNOTATION_NODE_RESERVATION] === undefined) return k;
  const a = annotationReserved(node);
  return { cpu: Math.max(k.cpu, a.cpu), memory: Math.max(k.memory, a.memory) };
}
