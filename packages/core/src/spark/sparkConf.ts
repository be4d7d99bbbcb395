import { parseCpu, parseSparkMemory } from '../quantity/index.js';
import type { SparkApplication } from './SparkApplication.js';

/** A problem with a SparkApplication found while deriving its pods, at a path of the manifest. */
export interface SparkPodsIssue {
  /** Field path in the SparkApplication manifest, e.g. `['spec', 'driver', 'priorityClassName']`. */
  readonly path: readonly (string | number)[];
  /** What is wrong, one sentence. */
  readonly message: string;
}

/** A value read from the spec or `sparkConf`, or the issue that made it unreadable. */
export type ConfRead<T> = { readonly value: T | undefined; readonly issue?: SparkPodsIssue };

/** Path of a `sparkConf` entry in the manifest. */
export function confPath(key: string): readonly string[] {
  return ['spec', 'sparkConf', key];
}

/** `sparkConf[key]`, trimmed; `undefined` when absent or blank. */
export function confText(app: SparkApplication, key: string): string | undefined {
  const text = Object.hasOwn(app.sparkConf, key) ? app.sparkConf[key]?.trim() : undefined;
  return text === '' ? undefined : text;
}

function quantityText(error: unknown): string {
  return error instanceof Error ? error.message.replace(/^\w+: /, '') : String(error);
}

/** A whole number ≥ `min` from `sparkConf`, as Spark's `intConf` reads it. */
export function confInt(app: SparkApplication, key: string, min: number): ConfRead<number> {
  const text = confText(app, key);
  if (text === undefined) return { value: undefined };
  const value = /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min) {
    return {
      value: undefined,
      issue: { path: confPath(key), message: `must be an integer ≥ ${min}, got ${JSON.stringify(text)}` },
    };
  }
  return { value };
}

/** A Spark/JVM size, in whole MiB (Spark reads memory settings with `byteStringAsMb`, which truncates). */
export function sparkMiB(text: string, path: readonly (string | number)[]): ConfRead<number> {
  try {
    return { value: Math.floor(parseSparkMemory(text) / (1024 * 1024)) };
  } catch (error) {
    return { value: undefined, issue: { path, message: quantityText(error) } };
  }
}

/** A Kubernetes CPU quantity in millicores. */
export function cpuMillis(text: string, path: readonly (string | number)[]): ConfRead<number> {
  try {
    return { value: parseCpu(text) };
  } catch (error) {
    return { value: undefined, issue: { path, message: quantityText(error) } };
  }
}

// What Spark's double parser accepts for a factor, minus hex, infinities and NaN.
const DECIMAL = /^\+?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A positive decimal factor (memory overhead factors), as a double. */
export function positiveFactor(text: string, path: readonly (string | number)[]): ConfRead<number> {
  const value = DECIMAL.test(text.trim()) ? Number(text) : Number.NaN;
  if (!(value > 0) || !Number.isFinite(value)) {
    return {
      value: undefined,
      issue: { path, message: `must be a positive decimal such as "0.1", got ${JSON.stringify(text)}` },
    };
  }
  return { value };
}
