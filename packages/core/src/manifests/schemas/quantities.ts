import * as z from 'zod';
import { parseCount, parseCpu, parseMemory, parseSparkMemory, QuantityError } from '../../quantity/index.js';
import type { ResourceList } from '../../resources/index.js';

/** The message of a quantity parse failure without the parser's name in front. */
export function quantityMessage(error: unknown): string {
  if (error instanceof QuantityError) return error.message.replace(/^\w+: /, '');
  return error instanceof Error ? error.message : String(error);
}

/** A Kubernetes CPU quantity written as a string (`coreLimit: 1000m`), checked with `parseCpu` and kept as written. */
export const cpuString = z.string().superRefine((value, ctx) => {
  try {
    parseCpu(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `${quantityMessage(error)} (expected e.g. "500m" or "2")`, input: value });
  }
});

/** A Spark/JVM memory size written as a string (`memory: 512m`), checked with `parseSparkMemory` and kept as written. */
export const sparkMemoryString = z.string().superRefine((value, ctx) => {
  try {
    parseSparkMemory(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `${quantityMessage(error)} (expected e.g. "512m" or "4g")`, input: value });
  }
});

/** Resources measured in bytes (their quantities may carry `Ki`/`M`/… suffixes). */
function isByteResource(name: string): boolean {
  return (
    name === 'memory' ||
    name === 'ephemeral-storage' ||
    name.startsWith('hugepages-') ||
    name === 'kubernetes.io/batch-memory' ||
    name === 'kubernetes.io/mid-memory'
  );
}

/**
 * Parses one entry of a resource list by its name: `cpu` into millicores, byte-valued resources (memory,
 * ephemeral-storage, hugepages-*, batch/mid memory) into bytes, everything else (pods, `kubernetes.io/batch-cpu`,
 * which is already millicores, GPUs) as an integer count.
 *
 * @throws {@link QuantityError} on an invalid quantity.
 */
export function parseResourceQuantity(name: string, value: string | number): number {
  if (name === 'cpu') return parseCpu(value);
  if (isByteResource(name)) return parseMemory(value);
  return parseCount(value);
}

/** A `core/v1 ResourceList` (`requests`, `limits`, `allocatable`) parsed into integer units per resource name. */
export const resourceList = z
  .record(z.string(), z.union([z.string(), z.number()], { error: 'must be a quantity such as "2" or "512Mi"' }))
  .transform((entries, ctx): ResourceList => {
    const out: Record<string, number> = {};
    for (const [name, value] of Object.entries(entries)) {
      try {
        out[name] = parseResourceQuantity(name, value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: quantityMessage(error), path: [name], input: value });
      }
    }
    return out;
  });
