import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateOnlineReplay } from '../../../bench/src/validation/validateOnlineReplay.js';

// Validation (a), docs/validation.md: the Alibaba 2018 cluster-average CPU series replayed as online load.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const traces = resolve(repoRoot, '../shared/traces');

describe('validation (a): Alibaba 2018 cluster CPU replayed as online load', () => {
  it('reproduces the trace mean (~40 %) and its daily swing (~30 points)', async () => {
    if (!existsSync(traces)) {
      console.log('skipped: ../shared/traces not found');
      return;
    }
    const r = await validateOnlineReplay(traces);
    // The trace itself, over the 7 simulated days (§3.1: 8-day mean 40.2 %, median swing 30.8 points).
    expect(r.trace.mean).toBeGreaterThan(0.38);
    expect(r.trace.mean).toBeLessThan(0.42);
    expect(r.trace.medianSwing).toBeCloseTo(0.308, 2);
    // Replay: per-node jitter of 2 % (σ/√8 ≈ 0.7 points on the member mean, averaged away over a week) —
    // the mean within 1 point, the median swing within 2 points, every day's swing within 3 points.
    expect(Math.abs(r.replayed.mean - r.trace.mean)).toBeLessThan(0.01);
    expect(Math.abs(r.replayed.medianSwing - r.trace.medianSwing)).toBeLessThan(0.02);
    r.replayed.days.forEach((day, i) => {
      expect(Math.abs(day.swing - r.trace.days[i]!.swing)).toBeLessThan(0.03);
      expect(Math.abs(day.mean - r.trace.days[i]!.mean)).toBeLessThan(0.01);
    });
    // The synthetic curve the load model documents for this trace (mean 0.40, amplitude 0.15): same mean
    // within 1.5 points and median swing within 3 points, though it has none of the trace's day-to-day drift.
    expect(Math.abs(r.synthetic.mean - r.trace.mean)).toBeLessThan(0.015);
    expect(Math.abs(r.synthetic.medianSwing - r.trace.medianSwing)).toBeLessThan(0.03);
  });
});
