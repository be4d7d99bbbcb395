import { describe, expect, it } from 'vitest';
import { createClusterSnapshot, referenceScheduleInCluster, scheduleInCluster } from '../../src/cluster/index.js';
import { Gi, node, pod } from './__helpers__/builders.js';

describe('smoke', () => {
  it('LeastAllocated example', () => {
    const input = {
      nodes: [node('n1', { cpu: 4000, memory: 8 * Gi })],
      pods: [pod('running', { cpu: 1000, memory: 2 * Gi, nodeName: 'n1' })],
    };
    const d = scheduleInCluster(createClusterSnapshot(input), pod('p', { cpu: 1000, memory: 2 * Gi }));
    expect(d).toMatchObject({ kind: 'bind', nodeName: 'n1', score: 450 });
    expect(referenceScheduleInCluster(input, pod('p', { cpu: 1000, memory: 2 * Gi }))).toEqual(d);
  });
});
