import { MAX_NODE_SCORE } from './constants.js';

/**
 * kube-scheduler's `DefaultNormalizeScore` (plugins/helper/normalize_score.go), in place: each score
 * becomes `score × 100 / max` (truncated), reversed to `100 − that` when `reverse`. When every score is 0,
 * scores stay 0, or all become 100 when `reverse`.
 */
export function normalizeScores(scores: number[], reverse: boolean): void {
  let max = 0;
  for (const s of scores) if (s > max) max = s;
  if (max === 0) {
    if (reverse) scores.fill(MAX_NODE_SCORE);
    return;
  }
  for (let k = 0; k < scores.length; k++) {
    const s = Math.floor((MAX_NODE_SCORE * scores[k]!) / max);
    scores[k] = reverse ? MAX_NODE_SCORE - s : s;
  }
}
