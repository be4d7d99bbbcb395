import { BATCH_CPU, type ClusterScorer, CPU } from '@gleaner/core';
import { comparePolicies, PolicyComparisonError } from '@gleaner/sim/testing';

// A deliberately bad cluster scorer: send each application to the member with the smallest share of its
// capacity idle.
const fullestMember: ClusterScorer = ({ demand, idle, allocatable }) => {
  const resource = demand[BATCH_CPU] !== undefined ? BATCH_CPU : CPU;
  return -(idle[resource] ?? 0) / Math.max(1, allocatable[resource] ?? 0);
};

try {
  const report = await comparePolicies(
    { name: 'default (most idle)' },
    { name: 'fullest member', scorer: fullestMember },
    // The property: the candidate completes at least as many applications and evicts no more pods.
    (base, candidate) =>
      candidate.summary.jobsCompleted >= base.summary.jobsCompleted &&
      candidate.summary.evictions <= base.summary.evictions,
    { numRuns: 10, seed: 4, maxShrinkRuns: 10, scenarioOptions: { minMembers: 2, maxApplications: 8 } },
  );
  console.log(`held on ${report.numRuns} scenarios`);
} catch (error) {
  if (!(error instanceof PolicyComparisonError)) throw error;
  // The report: what failed, both runs' numbers, how to replay it, then the scenario as files.
  const [report] = error.message.split('\n# ==> ');
  console.log(report);
  console.log(`files: ${Object.keys(error.files).join(', ')}`);
}
