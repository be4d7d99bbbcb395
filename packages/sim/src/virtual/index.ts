export { normalCdf, normalQuantile } from './normal.js';
export type { EciPrices } from './pricing.js';
export { DEFAULT_ECI_PRICES, eciPodCost } from './pricing.js';
export type { LatencyQuantile, StartupLatencyDistribution, StartupLatencyProfile } from './startupLatency.js';
export {
  DEFAULT_STARTUP_LATENCY_PROFILE,
  ECI_DRIVER_STARTUP,
  ECI_EXECUTOR_STARTUP,
  ECI_EXECUTOR_STARTUP_EMPIRICAL,
  fitShiftedLognormal,
  REGULAR_NODE_STARTUP,
  sampleStartupLatencyMs,
  startupLatencyCdf,
  startupLatencyFor,
} from './startupLatency.js';
export type { VirtualNodeOptions } from './virtualNode.js';
export {
  DEFAULT_VIRTUAL_NODE_CAPACITY,
  isVirtualKubeletNode,
  VIRTUAL_KUBELET_NODE_TAINT,
  VIRTUAL_KUBELET_TAINT_VALUE,
  virtualKubeletNode,
} from './virtualNode.js';
