import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateBatchReplay } from '../../../bench/src/validation/validateBatchReplay.js';

// Validation (b), docs/validation.md: the v2017 batch_task table replayed as colocated BE work, on 1/100
// of the 2017 cluster (13 × 64-core machines, every 100th task row). `pnpm validate:traces` runs 1/10.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const traces = resolve(repoRoot, '../shared/traces');

describe('validation (b): Alibaba 2017 batch tasks as colocated BE work', () => {
  it('lifts CPU utilisation above the online-only ~10 %, inside what Koordinator lets BE use', async () => {
    if (!existsSync(traces)) {
      console.log('skipped: ../shared/traces not found');
      return;
    }
    const r = await validateBatchReplay(traces, { scale: 0.01 });
    expect(r.machines).toBe(13);
    // Online services alone: the published ~10 % (set by the scenario; the noise averages out).
    expect(r.onlineUtilisation).toBeGreaterThan(0.095);
    expect(r.onlineUtilisation).toBeLessThan(0.105);
    // Most of the replayed tasks finish within the day.
    expect(r.jobsCompleted / r.jobsSubmitted).toBeGreaterThan(0.8);
    // Colocation adds at least 10 points of daily mean CPU …
    expect(r.totalUtilisation - r.onlineUtilisation).toBeGreaterThan(0.1);
    // … but the model cannot claim Alibaba's 40–45 % daily mean from this table: it stays below 40 %
    // (see docs/validation.md for why), and no hour passes the 60 % reclaim threshold (10 % online + 50 %).
    expect(r.totalUtilisation).toBeLessThan(0.4);
    for (const hour of r.hourlyTotal) expect(hour).toBeLessThan(0.61);
  });
});
