import type { LoadCurveContext, LoadCurveParams } from './buildLoadCurve.js';
import { diurnalCurve } from './diurnal.js';
import { hashNormalOf, hashStreamBase } from './hashStream.js';
import type { LoadCurve } from './LoadCurve.js';
import { sharedLoadTermsKey } from './loadGroupKey.js';
import { DEFAULT_NOISE_CORRELATION_MS } from './noise.js';
import { burstsCurve, spikesCurve } from './spikes.js';
import { stepsCurve } from './steps.js';
import { weeklyCurve } from './weekly.js';

/**
 * One node's online (LS) load curve, given as {@link buildLoadCurve} takes it: the curve's terms and what
 * makes it specific to the node (seed, key, time zone).
 */
export interface NodeLoadSpec {
  /** The terms of the curve (pools usually share one object; see {@link LoadBank}). */
  readonly params: LoadCurveParams;
  /** The node's seed, key and time-zone offset. */
  readonly context: LoadCurveContext;
}

// Bits of a group's flags: which node-independent terms it has.
const HAS_WEEKLY = 1;
const HAS_STEPS = 2;
const HAS_SPIKES = 4;

/**
 * The online (LS) utilisation of many nodes at once, each as a fraction of its capacity in [0, 1]:
 * `evaluate(t, out)` writes into `out[i]` exactly what `buildLoadCurve(specs[i].params, specs[i].context)(t)`
 * returns (the same floating-point operations in the same order, so the values are `Object.is`-equal), but
 * much faster for a large fleet.
 *
 * Nodes whose node-independent terms (constant, diurnal, weekly, steps, spikes) are structurally equal and
 * whose time-zone offsets are equal form a group; each group's terms are evaluated once per call. Then come
 * the per-node terms: the trace (its closure is called), the bursts (one closure per node that has them),
 * and the noise, whose two knot values per node are cached and recomputed only when the time crosses a
 * multiple of the correlation time; its blending weights are computed once per distinct correlation time.
 * Per-node numbers live in typed arrays; evaluation allocates nothing.
 */
export class LoadBank {
  /** Number of nodes (the length of the specs the bank was built from). */
  readonly size: number;
  /** Number of groups of nodes sharing their node-independent terms (at most {@link LoadBank.size}). */
  readonly groupCount: number;

  // Per node: its group.
  private readonly nodeGroup: Int32Array;

  // Per group: the curves of its shared terms (undefined when absent) and their values at the last call.
  private readonly groupConstant: Float64Array;
  private readonly groupFlags: Uint8Array;
  private readonly groupDiurnal: (LoadCurve | undefined)[];
  private readonly groupWeekly: (LoadCurve | undefined)[];
  private readonly groupSteps: (LoadCurve | undefined)[];
  private readonly groupSpikes: (LoadCurve | undefined)[];
  /** constant (+ diurnal): the base before the trace. */
  private readonly groupBase: Float64Array;
  private readonly groupWeeklyValue: Float64Array;
  private readonly groupStepsValue: Float64Array;
  private readonly groupSpikesValue: Float64Array;
  /** The whole pre-clamp value of a member without trace, bursts or noise. */
  private readonly groupPlain: Float64Array;

  // Nodes with a trace, in node order.
  private readonly traceNode: Int32Array;
  private readonly traceCurve: readonly LoadCurve[];

  // Nodes with bursts, in node order.
  private readonly burstNode: Int32Array;
  private readonly burstCurve: readonly LoadCurve[];

  // Nodes with noise, sorted by correlation class; class c owns entries [noiseClassStart[c], noiseClassStart[c + 1]).
  private readonly noiseCorrelation: Float64Array;
  private readonly noiseClassStart: Int32Array;
  private readonly noiseNode: Int32Array;
  private readonly noiseStddev: Float64Array;
  /** Per noisy node: the base of its hash stream (the noise is a pure function of it and the knot index). */
  private readonly noiseBase: Float64Array;
  /** Knot index whose normals are cached in noiseA/noiseB (NaN: none yet). */
  private readonly noiseKnot: Float64Array;
  private readonly noiseA: Float64Array;
  private readonly noiseB: Float64Array;

  /**
   * Prepares the curves of `specs`, node `i` being `specs[i]`.
   *
   * @throws RangeError when a `weekly` does not hold exactly seven finite numbers (as buildLoadCurve does).
   */
  constructor(specs: readonly NodeLoadSpec[]) {
    const n = specs.length;
    this.size = n;
    this.nodeGroup = new Int32Array(n);

    // Groups: by the params' shared-terms key (computed once per params object) and the time zone.
    const keyOfParams = new Map<LoadCurveParams, string>();
    const groupOfKey = new Map<string, number>();
    const representative: { params: LoadCurveParams; tz: number }[] = [];
    for (let i = 0; i < n; i++) {
      const { params, context } = specs[i]!;
      const tz = context.timeZoneOffsetMs ?? 0;
      let paramsKey = keyOfParams.get(params);
      if (paramsKey === undefined) {
        paramsKey = sharedLoadTermsKey(params);
        keyOfParams.set(params, paramsKey);
      }
      const key = `${paramsKey}|${Object.is(tz, -0) ? '-0' : String(tz)}`;
      let g = groupOfKey.get(key);
      if (g === undefined) {
        g = representative.length;
        groupOfKey.set(key, g);
        representative.push({ params, tz });
      }
      this.nodeGroup[i] = g;
    }
    const groups = representative.length;
    this.groupCount = groups;
    this.groupConstant = new Float64Array(groups);
    this.groupFlags = new Uint8Array(groups);
    this.groupDiurnal = [];
    this.groupWeekly = [];
    this.groupSteps = [];
    this.groupSpikes = [];
    // The shared terms are built exactly as buildLoadCurve builds them.
    for (let g = 0; g < groups; g++) {
      const { params, tz } = representative[g]!;
      this.groupConstant[g] = params.constant ?? 0;
      this.groupDiurnal.push(
        params.diurnal === undefined ? undefined : diurnalCurve({ ...params.diurnal, timeZoneOffsetMs: tz }),
      );
      const weekly =
        params.weekly === undefined ? undefined : weeklyCurve({ factors: params.weekly, timeZoneOffsetMs: tz });
      const steps = params.steps !== undefined && params.steps.length > 0 ? stepsCurve(params.steps) : undefined;
      const spikes = params.spikes !== undefined && params.spikes.length > 0 ? spikesCurve(params.spikes) : undefined;
      this.groupWeekly.push(weekly);
      this.groupSteps.push(steps);
      this.groupSpikes.push(spikes);
      this.groupFlags[g] =
        (weekly === undefined ? 0 : HAS_WEEKLY) |
        (steps === undefined ? 0 : HAS_STEPS) |
        (spikes === undefined ? 0 : HAS_SPIKES);
    }
    this.groupBase = new Float64Array(groups);
    this.groupWeeklyValue = new Float64Array(groups);
    this.groupStepsValue = new Float64Array(groups);
    this.groupSpikesValue = new Float64Array(groups);
    this.groupPlain = new Float64Array(groups);

    // Per-node terms.
    const traceNodes: number[] = [];
    const traceCurves: LoadCurve[] = [];
    const burstNodes: number[] = [];
    const burstCurves: LoadCurve[] = [];
    const noiseByClass = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const { params, context } = specs[i]!;
      if (params.trace !== undefined) {
        traceNodes.push(i);
        traceCurves.push(params.trace);
      }
      if (params.bursts !== undefined) {
        burstNodes.push(i);
        burstCurves.push(burstsCurve({ ...params.bursts, seed: context.seed, key: context.key }));
      }
      if (params.noise !== undefined && params.noise.stddev > 0) {
        // noiseCurve's correlation time, including its default and lower bound.
        const corr = Math.max(1, params.noise.correlationMs ?? DEFAULT_NOISE_CORRELATION_MS);
        let members = noiseByClass.get(corr);
        if (members === undefined) {
          members = [];
          noiseByClass.set(corr, members);
        }
        members.push(i);
      }
    }
    this.traceNode = Int32Array.from(traceNodes);
    this.traceCurve = traceCurves;
    this.burstNode = Int32Array.from(burstNodes);
    this.burstCurve = burstCurves;

    const classes = noiseByClass.size;
    this.noiseCorrelation = new Float64Array(classes);
    this.noiseClassStart = new Int32Array(classes + 1);
    let noisy = 0;
    for (const members of noiseByClass.values()) noisy += members.length;
    this.noiseNode = new Int32Array(noisy);
    this.noiseStddev = new Float64Array(noisy);
    this.noiseKnot = new Float64Array(noisy).fill(Number.NaN);
    this.noiseA = new Float64Array(noisy);
    this.noiseB = new Float64Array(noisy);
    const streams: number[] = [];
    let c = 0;
    let k = 0;
    for (const [corr, members] of noiseByClass) {
      this.noiseCorrelation[c] = corr;
      this.noiseClassStart[c] = k;
      for (const i of members) {
        const { params, context } = specs[i]!;
        this.noiseNode[k] = i;
        this.noiseStddev[k] = params.noise!.stddev;
        streams.push(hashStreamBase(context.seed, context.key));
        k++;
      }
      c++;
    }
    this.noiseClassStart[classes] = k;
    this.noiseBase = Float64Array.from(streams);
  }

  /**
   * Writes every node's online utilisation at `timeMs` (simulation milliseconds) into `out`, as a fraction
   * of the node's capacity in [0, 1]: `out[i]` is `Object.is`-equal to
   * `buildLoadCurve(specs[i].params, specs[i].context)(timeMs)`. Times may come in any order; entries of
   * `out` beyond {@link LoadBank.size} are left alone.
   *
   * @throws RangeError when `out` is shorter than {@link LoadBank.size}.
   */
  evaluate(timeMs: number, out: Float64Array): void {
    const n = this.size;
    if (out.length < n) throw new RangeError(`LoadBank.evaluate: out has ${out.length} entries, need ${n}`);
    const t = timeMs;

    // 1. Shared terms, once per group, in buildLoadCurve's order.
    const flagsOf = this.groupFlags;
    const base = this.groupBase;
    const weeklyValue = this.groupWeeklyValue;
    const stepsValue = this.groupStepsValue;
    const spikesValue = this.groupSpikesValue;
    const plain = this.groupPlain;
    for (let g = 0; g < this.groupCount; g++) {
      let b = this.groupConstant[g]!;
      const diurnal = this.groupDiurnal[g];
      if (diurnal !== undefined) b += diurnal(t);
      base[g] = b;
      const flags = flagsOf[g]!;
      if ((flags & HAS_WEEKLY) !== 0) {
        const w = this.groupWeekly[g]!(t);
        weeklyValue[g] = w;
        b *= w;
      }
      if ((flags & HAS_STEPS) !== 0) {
        const s = this.groupSteps[g]!(t);
        stepsValue[g] = s;
        b += s;
      }
      if ((flags & HAS_SPIKES) !== 0) {
        const s = this.groupSpikes[g]!(t);
        spikesValue[g] = s;
        b += s;
      }
      plain[g] = b;
    }

    // 2. Every node starts from its group's value (right for nodes without a trace).
    const nodeGroup = this.nodeGroup;
    for (let i = 0; i < n; i++) out[i] = plain[nodeGroup[i]!]!;

    // 3. Nodes with a trace: it is added before the weekly factor, so their value is redone from the base.
    const traceNode = this.traceNode;
    const traceCurve = this.traceCurve;
    for (let k = 0; k < traceNode.length; k++) {
      const i = traceNode[k]!;
      const g = nodeGroup[i]!;
      let b = base[g]!;
      b += traceCurve[k]!(t);
      const flags = flagsOf[g]!;
      if ((flags & HAS_WEEKLY) !== 0) b *= weeklyValue[g]!;
      if ((flags & HAS_STEPS) !== 0) b += stepsValue[g]!;
      if ((flags & HAS_SPIKES) !== 0) b += spikesValue[g]!;
      out[i] = b;
    }

    // 4. Bursts, then 5. noise: the last additive terms, in that order.
    const burstNode = this.burstNode;
    const burstCurve = this.burstCurve;
    for (let k = 0; k < burstNode.length; k++) {
      const i = burstNode[k]!;
      out[i] = out[i]! + burstCurve[k]!(t);
    }
    this.addNoise(t, out);

    // 6. Clamp as clampCurve does (NaN becomes 0).
    for (let i = 0; i < n; i++) {
      const v = out[i]!;
      out[i] = v > 0 ? Math.min(v, 1) : 0;
    }
  }

  // noiseCurve's arithmetic, with the weights shared per correlation time and the knot normals cached per node.
  private addNoise(t: number, out: Float64Array): void {
    const classes = this.noiseCorrelation.length;
    const node = this.noiseNode;
    const stddev = this.noiseStddev;
    const knot = this.noiseKnot;
    const a = this.noiseA;
    const b = this.noiseB;
    const bases = this.noiseBase;
    for (let c = 0; c < classes; c++) {
      const x = t / this.noiseCorrelation[c]!;
      const i = Math.floor(x);
      const f = x - i;
      const w1 = f * f * (3 - 2 * f);
      const w0 = 1 - w1;
      const norm = Math.sqrt(w0 * w0 + w1 * w1);
      const end = this.noiseClassStart[c + 1]!;
      for (let k = this.noiseClassStart[c]!; k < end; k++) {
        const cached = knot[k]!;
        if (cached !== i) {
          const base = bases[k]!;
          // Exact neighbours only (`cached + 1` is what noiseCurve computed as the old upper knot).
          if (cached + 1 === i) {
            a[k] = b[k]!;
            b[k] = hashNormalOf(base, i + 1);
          } else if (i + 1 === cached) {
            b[k] = a[k]!;
            a[k] = hashNormalOf(base, i);
          } else {
            a[k] = hashNormalOf(base, i);
            b[k] = hashNormalOf(base, i + 1);
          }
          knot[k] = i;
        }
        const j = node[k]!;
        out[j] = out[j]! + stddev[k]! * ((w0 * a[k]! + w1 * b[k]!) / norm);
      }
    }
  }
}
