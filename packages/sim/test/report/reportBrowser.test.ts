import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CPU_SERIES, JOB_TIME_SERIES } from '../../src/report/charts.js';
import { writeResultDirectory } from '../../src/report/writeResultDirectory.js';
import { fixtureResult, fixtureScenario, fixtureTiming, SCRIPT_MEMBER } from './fixtures/simulationResult.js';

// Opens a generated report.html in headless Chromium (Debian's package, installed by
// scripts/ensure-chromium.sh when missing) and checks what a person would see.

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const screenshotDir = join(repoRoot, 'results', 'test');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let browser: Browser;
let dir: string;

beforeAll(async () => {
  const executablePath = execFileSync('sh', [join(repoRoot, 'scripts', 'ensure-chromium.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  dir = await mkdtemp(join(tmpdir(), 'gleaner-browser-'));
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

describe('report.html in Chromium', () => {
  it('renders the charts, shows scenario names as text, and runs nothing', async () => {
    const members = [SCRIPT_MEMBER, 'eu-frankfurt-online'];
    const out = join(dir, 'run');
    await writeResultDirectory(out, fixtureResult({ members }), fixtureTiming(), fixtureScenario(members));

    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const consoleErrors: string[] = [];
    const dialogs: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });

    await page.goto(pathToFileURL(join(out, 'report.html')).href, { waitUntil: 'load' });

    // Charts: whole fleet + 2 members + job times + timeline, each drawn with a real size.
    const charts = await page.$$eval('figure svg', (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        return {
          width: box.width,
          height: box.height,
          marks: svg.querySelectorAll('path, line, rect').length,
          text: svg.textContent ?? '',
        };
      }),
    );
    expect(charts).toHaveLength(5);
    for (const chart of charts) {
      expect(chart.width).toBeGreaterThan(300);
      expect(chart.height).toBeGreaterThan(80);
      expect(chart.marks).toBeGreaterThan(10);
    }
    for (const series of Object.values(CPU_SERIES)) expect(charts[1]!.text).toContain(series);
    for (const series of Object.values(JOB_TIME_SERIES)) expect(charts[3]!.text).toContain(series);
    expect(charts[4]!.text).toContain('reschedule');
    expect(charts[4]!.text).toContain('eviction');

    // The member called "<script>alert(1)</script>" is text everywhere: chart title, caption, table, axis.
    expect(await page.locator('script').count()).toBe(0);
    expect(charts[1]!.text).toContain(SCRIPT_MEMBER);
    expect(charts[4]!.text).toContain(SCRIPT_MEMBER);
    expect(await page.locator('#summary th', { hasText: SCRIPT_MEMBER }).count()).toBe(1);
    expect(await page.locator('figcaption', { hasText: `${SCRIPT_MEMBER}: Kubernetes 1.28` }).count()).toBe(1);
    expect(await page.title()).toBe('Gleaner report: seed fleet "demo" & <friends>');

    expect(dialogs).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);

    await mkdir(screenshotDir, { recursive: true });
    await page.screenshot({ path: join(screenshotDir, 'report-browser.png'), fullPage: true });
    await page.close();
  });
});
