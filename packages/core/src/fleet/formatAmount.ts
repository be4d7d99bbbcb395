import { formatCpu, formatMemory } from '../quantity/index.js';

/**
 * An integer resource amount as Kubernetes writes it, for messages: CPU-like names (`cpu`,
 * `kubernetes.io/batch-cpu`, `…/mid-cpu`) as millicores/cores, memory-like names as binary quantities,
 * anything else as the plain integer.
 */
export function formatAmount(name: string, value: number): string {
  if (name === 'cpu' || name.endsWith('-cpu')) return formatCpu(value);
  if (name === 'memory' || name.endsWith('-memory') || name === 'ephemeral-storage') return formatMemory(value);
  return String(value);
}
