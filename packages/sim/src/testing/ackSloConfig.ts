import { parseSloConfigData, type SloConfig } from '@gleaner/core';

/**
 * The `data` of the seeds' `ack-slo-config` ConfigMap: colocation and the BE resource thresholds switched
 * on, LS/BE QoS on, every number at Koordinator's default (CPU reclaim 60%, memory reclaim 65%, BE CPU
 * suppression at 65%, BE memory eviction at 70%).
 */
export const ACK_SLO_CONFIG_DATA: Readonly<Record<string, string>> = Object.freeze({
  'colocation-config': '{"enable": true}',
  'resource-qos-config': JSON.stringify({
    clusterStrategy: {
      lsClass: { cpuQOS: { enable: true }, memoryQOS: { enable: true }, resctrlQOS: { enable: true } },
      beClass: { cpuQOS: { enable: true }, memoryQOS: { enable: true }, resctrlQOS: { enable: true } },
    },
  }),
  'resource-threshold-config': '{"clusterStrategy": {"enable": true}}',
});

function parseSeedConfig(): SloConfig {
  const parsed = parseSloConfigData(ACK_SLO_CONFIG_DATA);
  if (!parsed.ok) throw new Error(`ack-slo-config: ${parsed.issues.map((i) => i.message).join('; ')}`);
  return parsed.config;
}

/**
 * The seeds' colocation configuration, parsed: what a fleet that follows ACK's colocation guide runs with.
 * Koordinator's in-code defaults leave colocation off, so in-memory scenarios that should harvest idle
 * capacity pass this as `resources.sloConfig` (the generated scenarios of this module all do).
 */
export const ackSloConfig: SloConfig = parseSeedConfig();
