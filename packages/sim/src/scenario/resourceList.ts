import { CPU, parseCount, parseCpu, parseMemory, type ResourceList } from '@gleaner/core';

// Byte-valued resources among the well-known names; every other name is a plain count.
const BYTE_VALUED = /^(memory|ephemeral-storage|hugepages-.*|kubernetes\.io\/(batch|mid)-memory)$/;

/**
 * Converts a resource list as a scenario or manifest writes it (`{ cpu: "32", memory: "128Gi" }`) into
 * integer units: `cpu` in millicores, memory-like names in bytes, everything else (pods, batch-cpu —
 * already millicores —, GPUs) as an integer count.
 *
 * @throws QuantityError from `@gleaner/core` when an amount does not parse.
 */
export function toResourceList(written: Readonly<Record<string, string | number>>): ResourceList {
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(written)) {
    out[name] = name === CPU ? parseCpu(value) : BYTE_VALUED.test(name) ? parseMemory(value) : parseCount(value);
  }
  return out;
}
