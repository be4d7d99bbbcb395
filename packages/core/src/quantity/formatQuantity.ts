/**
 * Formats integer millicores as a Kubernetes CPU quantity: whole cores without a suffix, else millicores
 * with `m` (`1000` → `"1"`, `1500` → `"1500m"`). The result parses back to the same integer.
 */
export function formatCpu(millicores: number): string {
  return millicores % 1000 === 0 ? String(millicores / 1000) : `${millicores}m`;
}

const BINARY = [
  ['Ei', 2 ** 60],
  ['Pi', 2 ** 50],
  ['Ti', 2 ** 40],
  ['Gi', 2 ** 30],
  ['Mi', 2 ** 20],
  ['Ki', 2 ** 10],
] as const;

/**
 * Formats integer bytes as a Kubernetes memory quantity with the largest binary suffix that divides it
 * exactly (`1476395008` → `"1408Mi"`), else as plain bytes. The result parses back to the same integer.
 */
export function formatMemory(bytes: number): string {
  for (const [suffix, size] of BINARY) {
    if (bytes !== 0 && bytes % size === 0) return `${bytes / size}${suffix}`;
  }
  return String(bytes);
}
