import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateGpuPacking } from '../../../bench/src/validation/validateGpuPacking.js';

// Validation (c), docs/validation.md: the gpu-v2023 nodes and default pod list through scheduleInCluster.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const traces = resolve(repoRoot, '../shared/traces');

describe('validation (c): gpu-v2023 pods through the member-cluster scheduler', () => {
  it('packs the pod list about as well as the trace and the FGD paper report', async () => {
    if (!existsSync(traces)) {
      console.log('skipped: ../shared/traces not found');
      return;
    }
    const r = await validateGpuPacking(traces);
    // The files as SOURCE.md describes them: 1,523 nodes, 6,212 GPUs, 8,152 pods; 897 never scheduled.
    expect(r.nodes).toBe(1_523);
    expect(r.gpus).toBe(6_212);
    expect(r.pods).toBe(8_152);
    expect(r.pods - r.scheduledInTrace).toBe(897);
    // The pod list asks for 98 % of the GPUs, so something must be left over.
    expect(r.demand.gpu).toBeGreaterThan(0.97);
    for (const o of r.outcomes) {
      // Never more than was asked, never more than the cluster has.
      expect(o.gpuAllocation).toBeLessThanOrEqual(r.demand.gpu);
      expect(o.cpuAllocation).toBeLessThanOrEqual(r.demand.cpu);
      // At least the trace's own 89 % of pods scheduled, and a final GPU allocation in the 88–96 % band
      // the FGD paper's simulator reports (Random 91.5 %, FGD 95.3 % at 130 % demand).
      expect(o.scheduledFraction).toBeGreaterThan(r.scheduledInTraceFraction);
      expect(o.gpuAllocation).toBeGreaterThan(0.88);
      expect(o.gpuAllocation).toBeLessThan(0.96);
    }
    // kube-scheduler's default (spreading) strands whole multi-GPU nodes early: its first failure comes
    // while under a quarter of the GPUs are allocated; bin-packing fails only near the end.
    const [spread, pack] = r.outcomes;
    expect(spread!.gpuAllocationAtFirstFailure!).toBeLessThan(0.25);
    expect(pack!.gpuAllocationAtFirstFailure!).toBeGreaterThan(0.85);
  });
});
