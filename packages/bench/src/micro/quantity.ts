import { parseCpu, parseMemory, parseSparkMemory } from '@gleaner/core';
import { runInterleaved, samplesOf } from '../measure.js';
import { mulberry32 } from '../rng.js';
import { latencyFigure, makeRow } from '../row.js';
import type { Suite, SuiteContext, SuiteResult } from '../suite.js';

/**
 * Quantity parsing: core's exact (BigInt) parsers of Kubernetes CPU and memory quantities and Spark memory
 * sizes over a corpus like the one manifests hold, against the parser most code writes — a regular
 * expression and `parseFloat` times a unit table.
 * @module
 */

type Kind = 'cpu' | 'memory' | 'spark';

/** One corpus entry: which parser and the text. */
interface Entry {
  readonly kind: Kind;
  readonly text: string;
}

function makeCorpus(size: number): Entry[] {
  const r = mulberry32(5);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const cpu = ['100m', '250m', '500m', '1', '2', '4', '1.5', '0.5', '16', '1500m', '32', '0.1'];
  const memory = ['128Mi', '512Mi', '1Gi', '2Gi', '4Gi', '1.5Gi', '128974848', '129M', '1G', '64Ki', '100Gi', '1e3'];
  const spark = ['512m', '1g', '2g', '4096m', '1408m', '8g', '384m', '2048'];
  return Array.from({ length: size }, () => {
    const u = r();
    if (u < 0.4) return { kind: 'cpu' as const, text: pick(cpu) };
    if (u < 0.8) return { kind: 'memory' as const, text: pick(memory) };
    return { kind: 'spark' as const, text: pick(spark) };
  });
}

const DECIMAL: Readonly<Record<string, number>> = { '': 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12 };
const BINARY: Readonly<Record<string, number>> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };
const SPARK: Readonly<Record<string, number>> = { '': 2 ** 20, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 };

/** The naive parser: regex, `parseFloat`, a unit table, `Math.ceil`. Floats all the way. */
export function naiveParse(kind: Kind, text: string): number {
  if (kind === 'spark') {
    const m = /^(\d+)([kmgt]?)b?$/i.exec(text);
    if (m === null) throw new Error(`naiveParse: ${text}`);
    return Number.parseInt(m[1]!, 10) * SPARK[m[2]!.toLowerCase()]!;
  }
  const m = /^([0-9.]+(?:e[0-9]+)?)([a-zA-Z]*)$/.exec(text);
  if (m === null) throw new Error(`naiveParse: ${text}`);
  const unit = BINARY[m[2]!] ?? DECIMAL[m[2]!];
  if (unit === undefined) throw new Error(`naiveParse: ${text}`);
  const value = Number.parseFloat(m[1]!) * unit;
  return Math.ceil(kind === 'cpu' ? value * 1000 : value);
}

/** Core's parser for `kind`. */
export function exactParse(kind: Kind, text: string): number {
  return kind === 'cpu' ? parseCpu(text) : kind === 'memory' ? parseMemory(text) : parseSparkMemory(text);
}

async function run(context: SuiteContext): Promise<SuiteResult> {
  const size = 1000;
  const corpus = makeCorpus(size);
  let mismatches = 0;
  for (const e of corpus) if (naiveParse(e.kind, e.text) !== exactParse(e.kind, e.text)) mismatches++;
  const parseAll = (parse: (kind: Kind, text: string) => number) => (): number => {
    let sum = 0;
    for (let i = 0; i < corpus.length; i++) sum += parse(corpus[i]!.kind, corpus[i]!.text);
    return sum;
  };
  context.log(`quantity: ${size} strings per call`);
  const samples = runInterleaved(
    [
      { name: 'core', fn: parseAll(exactParse), opsPerCall: size },
      { name: 'naive', fn: parseAll(naiveParse), opsPerCall: size },
    ],
    { rounds: context.quick ? 2 : 7, iterations: context.quick ? 20 : 200 },
  );
  const core = samplesOf(samples, 'core');
  const naive = samplesOf(samples, 'naive');
  const perString = (ms: readonly number[]): number[] => ms.map((x) => (x * 1000) / size);
  return {
    rows: [
      makeRow({
        id: 'quantity/parse',
        title: 'parseCpu / parseMemory / parseSparkMemory, mixed corpus',
        unit: 'strings/s',
        samples: core.roundRates,
        latency: latencyFigure(perString(core.latenciesMs), 'µs'),
        baseline: { name: 'regex + parseFloat parser', samples: naive.roundRates },
        notes: `exact BigInt arithmetic; the float parser disagrees on ${mismatches} of ${size} strings; latency per string (mean of a 1,000-string call)`,
      }),
    ],
    details: { corpus: size, floatParserDisagreements: mismatches },
  };
}

/** The quantity-parsing suite. */
export const quantitySuite: Suite = {
  name: 'quantity',
  description: 'Kubernetes/Spark quantity parsing vs a regex + parseFloat parser',
  byDefault: true,
  rowIds: ['quantity/parse'],
  run,
};
