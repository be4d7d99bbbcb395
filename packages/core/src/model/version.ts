import type { KubernetesVersion } from './Cluster.js';

/**
 * Parses a Kubernetes version as clusters report it (`"1.28"`, `"v1.30.2"`, `"1.26.3-aliyun.1"`) into its
 * major and minor numbers. Returns `undefined` when the text has no `major.minor`.
 */
export function parseKubernetesVersion(text: string): KubernetesVersion | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+].*)?$/.exec(text.trim());
  if (m === null) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]) };
}

/** Negative, zero or positive as `a` is older than, equal to or newer than `b` (minor versions compared numerically). */
export function compareKubernetesVersions(a: KubernetesVersion, b: KubernetesVersion): number {
  return a.major !== b.major ? a.major - b.major : a.minor - b.minor;
}

/** Formats a version as `major.minor` (`1.28`). */
export function formatKubernetesVersion(v: KubernetesVersion): string {
  return `${v.major}.${v.minor}`;
}
