import { describe, expect, it } from 'vitest';
import { CPU_SERIES, JOB_TIME_SERIES } from '../../src/report/charts.js';
import { renderReportHtml } from '../../src/report/reportHtml.js';
import { fixtureResult, fixtureScenario, SCRIPT_MEMBER } from './fixtures/simulationResult.js';

describe('renderReportHtml', () => {
  it('is one self-contained page: no script, no external resource', async () => {
    const html = await renderReportHtml(fixtureResult(), fixtureScenario());
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).toContain("default-src 'none'");
  });

  it('draws per-member CPU, job time and timeline charts with their series names', async () => {
    const html = await renderReportHtml(fixtureResult(), fixtureScenario());
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    // whole fleet + 2 members + job times + timeline
    expect(svgs).toHaveLength(5);
    for (const name of Object.values(CPU_SERIES)) expect(svgs[1]).toContain(`>${name}</text>`);
    for (const name of Object.values(JOB_TIME_SERIES)) expect(svgs[3]).toContain(`>${name}</text>`);
    expect(svgs[4]).toContain('>reschedule</text>');
    expect(svgs[4]).toContain('>eviction</text>');
    expect(html).toContain('<h2>Summary</h2>');
    expect(html).toContain('<td>Harvest ratio</td><td>41.3%</td>');
    expect(html).toContain('hangzhou: Kubernetes 1.28, 4 nodes, clock offset 8h.');
  });

  it('escapes every name from the scenario in HTML and SVG', async () => {
    const members = [SCRIPT_MEMBER, 'b&"q\''];
    const html = await renderReportHtml(fixtureResult({ members }), fixtureScenario(members));
    expect(html).not.toContain(SCRIPT_MEMBER);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<b>3</b>');
    expect(html).toContain('<title>Gleaner report: seed fleet &quot;demo&quot; &amp; &lt;friends&gt;</title>');
    expect(html).toContain('<p>Two members &lt;in&gt; different time zones</p>');
  });

  it('is reproducible', async () => {
    const a = await renderReportHtml(fixtureResult(), fixtureScenario());
    const b = await renderReportHtml(fixtureResult(), fixtureScenario());
    expect(a).toBe(b);
  });

  it('says so when there are no jobs or events, and works without a scenario', async () => {
    const empty = { ...fixtureResult({ jobs: 0 }), events: [] };
    const html = await renderReportHtml(empty);
    expect(html).toContain('No job started during the run.');
    expect(html).toContain('No reschedules, evictions, preemptions or failures during the run.');
    expect(html).toContain('Member hangzhou.');
  });

  it('draws at most 24 members and says how many more there are', async () => {
    const members = Array.from({ length: 26 }, (_, i) => `m${i}`);
    const html = await renderReportHtml(fixtureResult({ members, hours: 2, jobs: 3 }));
    expect(html).toContain('2 more members are not drawn; timeseries.csv has every member.');
    expect(html).toContain('14 more members in result.json.');
  });
});
