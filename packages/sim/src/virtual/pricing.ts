import type { PodShape } from '../workload/SparkJob.js';

/**
 * Pay-as-you-go prices of elastic (ECI) capacity, in the user's currency. ECI bills
 * `(vCPUs × vCPU price + GiB × memory price) × seconds`, per second, from image pull until the pod
 * stops (Alibaba Cloud ECI billing docs). Money is the one non-integer quantity of the simulator.
 */
export interface EciPrices {
  /** Price of one vCPU for one second. */
  readonly perVcpuSecond: number;
  /** Price of one GiB of memory for one second. */
  readonly perGiBSecond: number;
}

/**
 * Default ECI prices, in CNY: 0.000049 per vCPU-second (0.1764 per vCPU-hour) and 0.00000613 per
 * GiB-second (0.0221 per GiB-hour), the general-purpose list prices on the Chinese-language ECI billing
 * page ("ECI实例计费"), read from a mirror of unknown date. An assumption: regional, spot, reserved and
 * savings-plan prices differ; set your own.
 */
export const DEFAULT_ECI_PRICES: EciPrices = Object.freeze({ perVcpuSecond: 0.000049, perGiBSecond: 0.00000613 });

const GIB = 1024 ** 3;

/**
 * Cost of running a pod of `shape` on ECI for `durationMs`: billed seconds are the duration rounded up
 * to a whole second. ECI's rounding of odd specifications up to a supported size is not modelled.
 */
export function eciPodCost(shape: PodShape, durationMs: number, prices: EciPrices = DEFAULT_ECI_PRICES): number {
  const seconds = Math.ceil(Math.max(0, durationMs) / 1000);
  const perSecond = (shape.cpuMilli / 1000) * prices.perVcpuSecond + (shape.memoryBytes / GIB) * prices.perGiBSecond;
  return perSecond * seconds;
}
