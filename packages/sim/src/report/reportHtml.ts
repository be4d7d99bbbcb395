import type { SimulationResult, Summary } from '../metrics/SimulationResult.js';
import { formatDuration } from '../scenario/duration.js';
import type { ScenarioSpec } from '../scenario/schema.js';
import { cpuChartSpec, jobTimesChartSpec, renderSvg, TIMELINE_TYPES, timelineChartSpec } from './charts.js';
import { escapeHtml } from './escapeHtml.js';
import { formatMs } from './format.js';
import { SUMMARY_METRICS } from './summaryMetrics.js';

/** At most this many members get their own CPU chart (the CSV has them all). */
export const MAX_MEMBER_CHARTS = 24;
/** At most this many members get a column in the summary table. */
const MAX_SUMMARY_COLUMNS = 12;

const STYLE = `
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --line: #e3e6ec; --accent: #4c78a8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  color: var(--ink); background: #f6f7f9; }
main { max-width: 1040px; margin: 0 auto; padding: 32px 24px 64px; }
header h1 { margin: 0 0 4px; font-size: 26px; }
header p { margin: 4px 0; color: var(--muted); }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 20px 24px; margin-top: 24px; }
h2 { font-size: 18px; margin: 0 0 12px; }
h3 { font-size: 15px; margin: 20px 0 4px; }
figure { margin: 16px 0 0; overflow-x: auto; }
figcaption { color: var(--muted); font-size: 13px; }
svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 14px; }
th, td { padding: 4px 12px; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; }
th:first-child, td:first-child, th.text, td.text { text-align: left; }
thead th { border-bottom: 2px solid var(--ink); }
.scroll { overflow-x: auto; }
.note { color: var(--muted); font-size: 13px; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 12px 0 0; font-size: 14px; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; }
footer { color: var(--muted); font-size: 12px; margin-top: 24px; text-align: center; }
`;

/**
 * Renders `report.html`: one self-contained page (inline CSS and SVG; no script, no network, no fonts to
 * fetch) with the summary table, per-member CPU charts (online vs BE usage vs batch allocatable), the
 * distribution of job wait and completion times, and reschedules/evictions on a timeline. Every name from
 * the scenario is HTML-escaped. The output depends only on its inputs, so it is reproducible.
 *
 * @param result - the run's result.
 * @param scenario - the validated scenario (for the description and member details), when available.
 */
export async function renderReportHtml(result: SimulationResult, scenario?: ScenarioSpec): Promise<string> {
  const { scenario: meta } = result;
  const members = meta.members;
  const e = escapeHtml;

  const cpuFigures: string[] = [];
  if (members.length > 1) {
    const svg = await renderSvg(cpuChartSpec('Whole fleet', result.samples));
    cpuFigures.push(figure(svg, 'Sum over all members.'));
  }
  for (const name of members.slice(0, MAX_MEMBER_CHARTS)) {
    const samples = result.samples.filter((s) => s.member === name);
    const svg = await renderSvg(cpuChartSpec(name, samples));
    cpuFigures.push(figure(svg, memberCaption(name, scenario)));
  }
  if (members.length > MAX_MEMBER_CHARTS) {
    cpuFigures.push(
      `<p class="note">${members.length - MAX_MEMBER_CHARTS} more members are not drawn; timeseries.csv has every member.</p>`,
    );
  }

  const finished = result.jobs.some((j) => j.waitMs !== null || j.finishMs !== null);
  const jobsFigure = finished
    ? figure(
        await renderSvg(jobTimesChartSpec(result.jobs)),
        'Wait: submission until the driver runs. Completion: submission until the application finished.',
      )
    : '<p class="note">No job started during the run.</p>';

  const shown = new Set<string>(TIMELINE_TYPES);
  const timelineEvents = result.events.filter((ev) => shown.has(ev.type));
  const timelineFigure =
    timelineEvents.length > 0
      ? figure(
          await renderSvg(timelineChartSpec(result.events, members, meta.durationMs)),
          `${countOf(result.events, 'reschedule')} reschedules, ${countOf(result.events, 'eviction')} evictions, ${countOf(result.events, 'preemption')} preemptions, ${countOf(result.events, 'failed')} failures.`,
        )
      : '<p class="note">No reschedules, evictions, preemptions or failures during the run.</p>';

  const title = `Gleaner report: ${meta.name}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<h1>${e(meta.name)}</h1>
${scenario?.description === undefined ? '' : `<p>${e(scenario.description)}</p>`}
<dl class="meta">
<dt>Seed</dt><dd>${e(String(meta.seed))}</dd>
<dt>Simulated time</dt><dd>${e(formatDuration(meta.durationMs))}, sampled every ${e(formatDuration(meta.sampleIntervalMs))}</dd>
<dt>Members</dt><dd>${members.map(e).join(', ')}</dd>
<dt>Simulator</dt><dd>${result.counters.events.toLocaleString('en-US')} events, ${result.counters.fleetDecisions.toLocaleString('en-US')} fleet decisions, ${result.counters.memberDecisions.toLocaleString('en-US')} member decisions</dd>
</dl>
</header>
<section id="summary">
<h2>Summary</h2>
${summaryTable(result)}
</section>
<section id="cpu">
<h2>CPU per member: online vs best-effort usage vs batch allocatable</h2>
<p class="note">Online (LS) and best-effort (Spark) usage are shaded from zero; the batch allocatable line is the <code>kubernetes.io/batch-cpu</code> the colocation agent published, the room BE pods may take; the dashed line is the capacity.</p>
${cpuFigures.join('\n')}
</section>
<section id="jobs">
<h2>Job wait and completion times</h2>
${jobsFigure}
${longestWaits(result)}
</section>
<section id="timeline">
<h2>Reschedules and evictions</h2>
${timelineFigure}
</section>
<footer>result.json schema version ${result.schemaVersion}. Written by the gleaner CLI; data in result.json, jobs.csv, timeseries.csv, events.csv.</footer>
</main>
</body>
</html>
`;
}

function figure(svg: string, caption: string): string {
  return `<figure>${svg}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}

function memberCaption(name: string, scenario: ScenarioSpec | undefined): string {
  const spec = scenario?.fleet.members.find((m) => m.name === name);
  if (spec === undefined) return `Member ${name}.`;
  const nodes = spec.nodePools.reduce((n, p) => n + p.count, 0);
  const parts = [`Kubernetes ${spec.kubernetesVersion}`, `${nodes} nodes`];
  const offset = typeof spec.timeZoneOffset === 'number' ? formatDuration(spec.timeZoneOffset) : spec.timeZoneOffset;
  if (offset !== '0ms' && offset !== '0') parts.push(`clock offset ${offset}`);
  if (spec.virtualNode !== undefined) parts.push('virtual node');
  return `${name}: ${parts.join(', ')}.`;
}

function summaryTable(result: SimulationResult): string {
  const columns: { name: string; summary: Summary }[] = [{ name: 'Fleet', summary: result.summary }];
  const perMember = result.members.slice(0, MAX_SUMMARY_COLUMNS);
  if (result.members.length > 1) columns.push(...perMember.map((m) => ({ name: m.name, summary: m.summary })));
  const head = `<tr><th>Metric</th>${columns.map((c) => `<th>${escapeHtml(c.name)}</th>`).join('')}</tr>`;
  const rows = SUMMARY_METRICS.map(
    (m) =>
      `<tr><td>${escapeHtml(m.label)}</td>${columns.map((c) => `<td>${escapeHtml(m.format(m.value(c.summary)))}</td>`).join('')}</tr>`,
  );
  const more =
    result.members.length > MAX_SUMMARY_COLUMNS
      ? `<p class="note">${result.members.length - MAX_SUMMARY_COLUMNS} more members in result.json.</p>`
      : '';
  return `<div class="scroll"><table><thead>${head}</thead><tbody>${rows.join('\n')}</tbody></table></div>${more}`;
}

function longestWaits(result: SimulationResult): string {
  const jobs = result.jobs
    .filter((j) => j.waitMs !== null)
    .slice()
    .sort((a, b) => b.waitMs! - a.waitMs! || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, 10);
  if (jobs.length === 0) return '';
  const rows = jobs.map(
    (j) =>
      `<tr><td>${escapeHtml(j.name)}</td><td class="text">${escapeHtml(j.member ?? '–')}</td><td>${escapeHtml(formatMs(j.waitMs))}</td><td>${escapeHtml(formatMs(j.runMs))}</td><td>${j.reschedules}</td><td>${j.evictions}</td><td class="text">${escapeHtml(j.state)}</td></tr>`,
  );
  return `<h3>Longest waits</h3><div class="scroll"><table><thead><tr><th>Application</th><th class="text">Member</th><th>Wait</th><th>Run</th><th>Reschedules</th><th>Evictions</th><th class="text">State</th></tr></thead><tbody>${rows.join('\n')}</tbody></table></div>`;
}

function countOf(events: SimulationResult['events'], type: string): number {
  return events.filter((e) => e.type === type).length;
}
