import { loadScenario, runScenario } from '@gleaner/sim';

// The seed fleet, with Koordinator's CPU reclaim threshold raised from the ConfigMap's value to 70 %.
const loaded = await loadScenario('examples/seed-fleet/scenario.yaml', {
  overrides: ['colocation.cpuReclaimThresholdPercent=70'],
});
if (!loaded.ok) throw new Error(loaded.issues.map((i) => `${i.file}: ${i.message}`).join('\n'));

const { result } = await runScenario(loaded.scenario);
const s = result.summary;
console.log(
  `${result.scenario.name}, seed ${result.scenario.seed}: ${s.jobsCompleted}/${s.jobsSubmitted} jobs completed`,
);
console.log(
  `harvest ratio ${(s.harvestRatio * 100).toFixed(1)} %, evictions ${s.evictions}, reschedules ${s.reschedules}`,
);
console.log(`wait p50 ${(s.waitMs.p50 ?? 0) / 1000} s, p99 ${(s.waitMs.p99 ?? 0) / 1000} s`);
for (const m of result.members)
  console.log(`  ${m.name}: ${m.summary.jobsCompleted} jobs, harvest ${(m.summary.harvestRatio * 100).toFixed(1)} %`);
