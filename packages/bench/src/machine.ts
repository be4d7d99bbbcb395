import { cpus, freemem, loadavg, totalmem } from 'node:os';

/**
 * The machine a benchmark ran on and how busy it was: numbers from a shared 2-core box mean little without
 * the load average beside them.
 * @module
 */

/** Hardware, runtime and load of the machine at one moment. */
export interface MachineInfo {
  /** Logical CPUs. */
  readonly cpus: number;
  /** CPU model string of the first CPU. */
  readonly cpuModel: string;
  /** Total memory in MiB. */
  readonly totalMemoryMiB: number;
  /** Free memory in MiB at the moment of the reading. */
  readonly freeMemoryMiB: number;
  /** `process.version`. */
  readonly node: string;
  /** `process.platform`-`process.arch`. */
  readonly platform: string;
  /** 1-, 5- and 15-minute load averages (`os.loadavg()`). */
  readonly loadAverage: readonly [number, number, number];
}

/** Reads the machine's description and current load. */
export function machineInfo(): MachineInfo {
  const list = cpus();
  const [l1 = 0, l5 = 0, l15 = 0] = loadavg();
  return {
    cpus: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    totalMemoryMiB: Math.round(totalmem() / 2 ** 20),
    freeMemoryMiB: Math.round(freemem() / 2 ** 20),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadAverage: [round2(l1), round2(l5), round2(l15)],
  };
}

/** One line for a report: `2 × Intel Xeon …, node v20.20.2, load 1.52 / 1.10 / 0.90`. */
export function describeMachine(info: MachineInfo): string {
  const [l1, l5, l15] = info.loadAverage;
  return `${info.cpus} × ${info.cpuModel}, ${info.totalMemoryMiB} MiB, node ${info.node} (${info.platform}), load average ${l1} / ${l5} / ${l15}`;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
