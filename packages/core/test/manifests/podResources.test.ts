import { describe, expect, it } from 'vitest';
import { defaultContainerRequests, podResources } from '../../src/manifests/index.js';

describe('podResources', () => {
  it('sums app containers and adds overhead', () => {
    expect(
      podResources(
        [
          { requests: { cpu: 100, memory: 10 }, limits: {} },
          { requests: { cpu: 200 }, limits: { cpu: 400 } },
        ],
        [],
        { cpu: 50 },
      ),
    ).toEqual({ requests: { cpu: 350, memory: 10 }, limits: { cpu: 450 } });
  });

  it('raises each resource to the largest init container (with sidecars started before it)', () => {
    const r = podResources(
      [{ requests: { cpu: 100, memory: 100 }, limits: {} }],
      [
        { requests: { cpu: 50 }, limits: {}, sidecar: true },
        { requests: { cpu: 500, memory: 20 }, limits: {} },
        { requests: { memory: 300 }, limits: {} },
      ],
      {},
    );
    // cpu: max(100 + 50, 500 + 50) = 550; memory: max(100, 20, 300) = 300.
    expect(r.requests).toEqual({ cpu: 550, memory: 300 });
  });

  it('defaults a missing request to the limit, and keeps a given request', () => {
    expect(defaultContainerRequests({ cpu: 100 }, { cpu: 200, memory: 64 })).toEqual({ cpu: 100, memory: 64 });
  });
});
