import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LoadCurveContext, LoadCurveParams } from '../../src/load/buildLoadCurve.js';
import { buildLoadCurve } from '../../src/load/buildLoadCurve.js';
import { hashNormal, hashStream } from '../../src/load/hashStream.js';
import type { NodeLoadSpec } from '../../src/load/LoadBank.js';
import { LoadBank } from '../../src/load/LoadBank.js';
import type { LoadCurve } from '../../src/load/LoadCurve.js';
import { DAY_MS, HOUR_MS, WEEK_MS } from '../../src/load/LoadCurve.js';
import { seriesCurve } from '../../src/load/UtilizationSeries.js';

// Every node of `bank` at every time of `times` is Object.is-equal to its buildLoadCurve closure.
function expectSameAsCurves(specs: readonly NodeLoadSpec[], times: readonly number[]): void {
  const bank = new LoadBank(specs);
  const curves = specs.map((s) => buildLoadCurve(s.params, s.context));
  const out = new Float64Array(specs.length);
  for (const t of times) {
    bank.evaluate(t, out);
    for (let i = 0; i < specs.length; i++) expect(out[i], `node ${i} at ${t}`).toBe(curves[i]!(t));
  }
}

// A number in [min, max]: uniform, a round decimal (0.1 + 0.2 style rounding), or fast-check's edge-biased
// double (tiny values, the bounds). fc.double alone mostly yields tiny values, which hide rounding.
function real(min: number, max: number): fc.Arbitrary<number> {
  return fc.oneof(
    fc.integer({ min: 0, max: 2 ** 30 }).map((k) => min + ((max - min) * k) / 2 ** 30),
    fc.integer({ min: Math.ceil(min * 100), max: Math.floor(max * 100) }).map((k) => k / 100),
    fc.double({ min, max, noNaN: true }),
  );
}

const fraction = real(-0.5, 1.5);
const duration = fc.integer({ min: 1, max: 3 * DAY_MS });
const time = fc.integer({ min: 0, max: 2 * WEEK_MS });
// Start times of steps and spikes: often 0, so that several terms are in force at once.
const start = fc.oneof(fc.constant(0), time);

const diurnal = fc.record(
  {
    mean: fraction,
    amplitude: real(0, 0.5),
    periodMs: fc.constantFrom(DAY_MS, 6 * HOUR_MS, 7_777_777),
    peakAtMs: fc.integer({ min: 0, max: DAY_MS }),
  },
  { requiredKeys: ['mean', 'amplitude'] },
);

const noise = fc.record(
  {
    stddev: fc.oneof(real(0, 0.2), fc.constantFrom(0, -0.1)),
    correlationMs: fc.oneof(fc.constantFrom(600_000, 60_000, 0.5, 1), fc.integer({ min: 1, max: 2 * HOUR_MS })),
  },
  { requiredKeys: ['stddev'] },
);

const params: fc.Arbitrary<LoadCurveParams> = fc.record(
  {
    constant: fc.oneof(fraction, fc.constant(-0)),
    diurnal,
    weekly: fc.array(real(0, 2), { minLength: 7, maxLength: 7 }),
    noise,
    spikes: fc.array(
      fc.record({ atMs: start, durationMs: fc.oneof(duration, fc.constant(4 * WEEK_MS)), height: fraction }),
      { maxLength: 3 },
    ),
    steps: fc.array(fc.record({ atMs: start, delta: fraction, untilMs: time }, { requiredKeys: ['atMs', 'delta'] }), {
      maxLength: 3,
    }),
    bursts: fc.record(
      {
        meanIntervalMs: duration,
        durationMs: duration,
        height: fraction,
        heightJitter: real(0, 1),
      },
      { requiredKeys: ['meanIntervalMs', 'durationMs', 'height'] },
    ),
  },
  { requiredKeys: [] },
);

// A per-node trace: a replayed series (step or linear) or a plain function of time.
const trace: fc.Arbitrary<LoadCurve> = fc.oneof(
  fc
    .record({
      values: fc.array(real(0, 1), { minLength: 1, maxLength: 20 }),
      gap: fc.integer({ min: 1, max: HOUR_MS }),
      linear: fc.boolean(),
      timeOffsetMs: fc.integer({ min: 0, max: DAY_MS }),
    })
    .map(({ values, gap, linear, timeOffsetMs }) =>
      seriesCurve(
        { id: 'm', timesMs: values.map((_, i) => i * gap), values },
        { interpolation: linear ? 'linear' : 'step', timeOffsetMs },
      ),
    ),
  real(-0.5, 0.5).map((k) => (t: number) => k * Math.sin(t / 3_600_000)),
);

const context: fc.Arbitrary<LoadCurveContext> = fc.record(
  {
    seed: fc.constantFrom<number | string>(1, 2, 'run'),
    key: fc.constantFrom('n0', 'n1', 'n2/cpu', 'n3/memory'),
    timeZoneOffsetMs: fc.constantFrom(0, -0, 8 * HOUR_MS, -5 * HOUR_MS, 1234),
  },
  { requiredKeys: ['seed', 'key'] },
);

// How a node gets its params: the pool's object itself, a structurally equal copy, or a copy with a trace.
const node = fc.record({
  pool: fc.nat(3),
  share: fc.constantFrom('same', 'copy', 'trace'),
  trace,
  context,
});

function specsOf(
  pools: readonly LoadCurveParams[],
  nodes: readonly { pool: number; share: string; trace: LoadCurve; context: LoadCurveContext }[],
): NodeLoadSpec[] {
  return nodes.map((n) => {
    const p = pools[n.pool % pools.length]!;
    const own = n.share === 'same' ? p : n.share === 'copy' ? { ...p } : { ...p, trace: n.trace };
    return { params: own, context: n.context };
  });
}

// Times in any order: minute ticks, arbitrary milliseconds, fractional times, long jumps.
const times = fc.array(
  fc.oneof(
    fc.integer({ min: 0, max: 30 * 1440 }).map((k) => k * 60_000),
    fc.integer({ min: 0, max: 3 * WEEK_MS }),
    fc.double({ min: 0, max: 1e10, noNaN: true, noDefaultInfinity: true }),
  ),
  { minLength: 1, maxLength: 25 },
);

// Runs of consecutive minute ticks from a random start (knots crossed one by one).
const tickRuns = fc
  .record({ start: fc.integer({ min: 0, max: 20 * 1440 }), count: fc.integer({ min: 1, max: 40 }) })
  .map(({ start, count }) => Array.from({ length: count }, (_, k) => (start + k) * 60_000));

describe('LoadBank', () => {
  it('equals buildLoadCurve bit for bit, for any params, contexts, sharing and times', () => {
    fc.assert(
      fc.property(
        fc.array(params, { minLength: 1, maxLength: 4 }),
        fc.array(node, { minLength: 1, maxLength: 12 }),
        fc.oneof(
          times,
          tickRuns,
          fc.tuple(tickRuns, times, tickRuns).map(([a, b, c]) => [...a, ...b, ...c]),
        ),
        (pools, nodes, ts) => expectSameAsCurves(specsOf(pools, nodes), ts),
      ),
      { numRuns: 300 },
    );
  });

  it('is a constant for a constant-only node, and 0 for a node with no terms', () => {
    const bank = new LoadBank([
      { params: { constant: 0.37 }, context: { seed: 1, key: 'a' } },
      { params: {}, context: { seed: 1, key: 'b' } },
    ]);
    const out = new Float64Array(2);
    for (const t of [0, 60_000, 5 * DAY_MS + 17, 3 * WEEK_MS]) {
      bank.evaluate(t, out);
      expect(out[0]).toBe(0.37);
      expect(out[1]).toBe(0);
    }
  });

  it('uses the knot normals exactly at multiples of the correlation time, going forward, back and far', () => {
    const corr = 600_000;
    const specs: NodeLoadSpec[] = ['a', 'b', 'c'].map((key) => ({
      params: { constant: 0.5, noise: { stddev: 0.05, correlationMs: corr } },
      context: { seed: 9, key },
    }));
    const bank = new LoadBank(specs);
    const out = new Float64Array(3);
    const streams = specs.map((s) => hashStream(9, s.context.key));
    for (const k of [0, 1, 2, 3, 2, 1, 50, 49, 1_000_000, 7]) {
      bank.evaluate(k * corr, out);
      // On a knot the weights are (1, 0) and the normaliser 1: the value is the knot's own normal.
      for (let i = 0; i < 3; i++) expect(out[i]).toBe(0.5 + 0.05 * hashNormal(streams[i]!, k));
    }
    const ticks = Array.from({ length: 35 }, (_, k) => k * 60_000);
    expectSameAsCurves(specs, [...ticks, ...[...ticks].reverse(), corr - 1, corr, corr + 1, 2 * corr - 1e-9]);
  });

  it('adds the steps and the spikes one after the other, as buildLoadCurve does', () => {
    // (0.1 + 0.2) + 0.3 is 0.6000000000000001, 0.1 + (0.2 + 0.3) is 0.6.
    const spec: NodeLoadSpec = {
      params: {
        constant: 0.1,
        steps: [{ atMs: 0, delta: 0.2 }],
        spikes: [{ atMs: 0, durationMs: HOUR_MS, height: 0.3 }],
      },
      context: { seed: 1, key: 'n' },
    };
    const out = new Float64Array(1);
    new LoadBank([spec]).evaluate(0, out);
    expect(out[0]).toBe(0.6000000000000001);
    expect(out[0]).toBe(buildLoadCurve(spec.params, spec.context)(0));
  });

  it('clamps above 1 and below 0 as clampCurve does, NaN included', () => {
    const context = { seed: 1, key: 'n' };
    const specs: NodeLoadSpec[] = [
      { params: { constant: 1.3 }, context },
      { params: { constant: -0.2 }, context },
      { params: { constant: 0.9, steps: [{ atMs: 0, delta: 0.5 }] }, context },
      { params: { constant: 0.1, spikes: [{ atMs: 0, durationMs: HOUR_MS, height: -0.4 }] }, context },
      { params: { constant: Number.NaN }, context },
      { params: { constant: 1 }, context },
    ];
    const bank = new LoadBank(specs);
    const out = new Float64Array(6);
    bank.evaluate(0, out);
    expect([...out]).toEqual([1, 0, 1, 0, 0, 1]);
    bank.evaluate(2 * HOUR_MS, out);
    expect([...out]).toEqual([1, 0, 1, 0.1, 0, 1]);
  });

  it('groups nodes whose shared terms and time zone are equal, with or without the same params object', () => {
    const pool: LoadCurveParams = {
      diurnal: { mean: 0.4, amplitude: 0.1 },
      weekly: [1, 1, 1, 1, 1, 0.7, 0.6],
      noise: { stddev: 0.03 },
    };
    const specs: NodeLoadSpec[] = [
      { params: pool, context: { seed: 1, key: 'a' } },
      { params: pool, context: { seed: 1, key: 'b', timeZoneOffsetMs: 0 } },
      { params: { ...pool, trace: () => 0.1 }, context: { seed: 1, key: 'c' } },
      {
        params: { ...pool, noise: { stddev: 0.2 }, bursts: { meanIntervalMs: 1, durationMs: 1, height: 1 } },
        context: { seed: 1, key: 'd' },
      },
      { params: pool, context: { seed: 1, key: 'e', timeZoneOffsetMs: HOUR_MS } },
      { params: { ...pool, weekly: [1, 1, 1, 1, 1, 0.7, 0.5] }, context: { seed: 1, key: 'f' } },
    ];
    const bank = new LoadBank(specs);
    expect(bank.size).toBe(6);
    expect(bank.groupCount).toBe(3);
    expectSameAsCurves(specs, [0, 60_000, 5 * DAY_MS + 3 * HOUR_MS]);
  });

  it('writes only the first size entries and rejects a short output', () => {
    const bank = new LoadBank([{ params: { constant: 0.2 }, context: { seed: 1, key: 'a' } }]);
    const out = new Float64Array([9, 9]);
    bank.evaluate(0, out);
    expect([...out]).toEqual([0.2, 9]);
    expect(() => bank.evaluate(0, new Float64Array(0))).toThrow(RangeError);
    const empty = new LoadBank([]);
    expect(empty.size).toBe(0);
    empty.evaluate(0, new Float64Array(0));
  });

  it('throws on a bad weekly shape, as buildLoadCurve does', () => {
    const bad = { weekly: [1, 1, 1] };
    expect(() => buildLoadCurve(bad, { seed: 1, key: 'a' })).toThrow(RangeError);
    expect(() => new LoadBank([{ params: bad, context: { seed: 1, key: 'a' } }])).toThrow(RangeError);
  });
});
