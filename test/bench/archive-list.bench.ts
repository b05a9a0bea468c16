// `npm run bench:list`: the archive screen in Chromium against browser mode, listing a series of 2,000 issues:
// from choosing the series in the left pane to its list painted, beside a series of 20 issues (the floor: the
// request and a short list) in the same run; and moving through the long list from the keyboard.
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchChromium } from '../e2e/chromium.ts';
import { dataDirWithSeries } from '../e2e/long-series.ts';
import { startApp } from '../e2e/web-app.ts';
import { ensureProductionRenderer } from './production-renderer.ts';
import { median, percentile, printTable } from './table.ts';

const LONG = 2000;
const SHORT = 20;
const RUNS = 9;
const GOAL_MS = 200;
const LONG_NAME = '益阳市生态环境保护督察工作简报';
const SHORT_NAME = '益阳市防汛抗旱工作简报';

const dataDir = await dataDirWithSeries([{ name: LONG_NAME, count: LONG }, { name: SHORT_NAME, count: SHORT }]);

interface Listing {
  /** from the click to the list painted */
  total: number;
  /** from the last of the list's two answers (issues.list, issues.gaps) arriving to the list painted: the page's own share */
  afterAnswer: number;
}

/** Chooses the series in the left pane and waits for its list: the newest issue's row drawn, and that frame painted. */
async function chooseAndWait(page: Page, name: string, count: number): Promise<Listing> {
  const button = page.getByRole('complementary', { name: '刊物列表' }).getByRole('button', { name: new RegExp(`^${name}`) });
  await button.waitFor();
  await page.evaluate(() => performance.clearResourceTimings());
  const start = performance.now();
  await button.click();
  await page.waitForFunction((text) => document.querySelector('.issue-table tbody tr td')?.textContent === text, `第${count}期`, { polling: 'raf' });
  const afterAnswer = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => {
    const answers = performance.getEntriesByType('resource').filter((entry) => /issues\.(list|gaps)$/.test(entry.name)) as PerformanceResourceTiming[];
    resolve(performance.now() - Math.max(...answers.map((entry) => entry.responseEnd)));
  }, 0))));
  return { total: performance.now() - start, afterAnswer };
}

await ensureProductionRenderer();
const app = await startApp(dataDir);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(app.loginUrl());
  await page.locator('.series-item').first().waitFor();
  const long: Listing[] = [];
  const short: Listing[] = [];
  // one of each first, as a warm-up
  for (let run = 0; run <= RUNS; run++) {
    const l = await chooseAndWait(page, LONG_NAME, LONG);
    const s = await chooseAndWait(page, SHORT_NAME, SHORT);
    if (run > 0) {
      long.push(l);
      short.push(s);
    }
  }
  await chooseAndWait(page, LONG_NAME, LONG);
  const drawn = await page.locator('.issue-table tbody tr').count();
  const rowCount = await page.locator('.issue-table').getAttribute('aria-rowcount');

  // End from the grid: the oldest issue's row comes into view
  await page.locator('.issue-table').focus();
  const endStart = performance.now();
  await page.keyboard.press('End');
  await page.waitForFunction(() => document.querySelector('.issue-table tr.selected td')?.textContent === '第1期', undefined, { polling: 'raf' });
  const endMs = performance.now() - endStart;

  const verdict = (ms: number) => (ms <= GOAL_MS ? 'met' : 'MISSED');
  const totals = (list: Listing[]) => list.map((listing) => listing.total);
  const pageShare = (list: Listing[]) => list.map((listing) => listing.afterAnswer);
  printTable(`Choosing a series in the archive's left pane until its list is painted, Chromium, ${RUNS} runs each, ms`, ['what', 'median', 'p95', 'goal', 'verdict'], [
    [`${SHORT} issues, click to painted (baseline: the requests and a short list)`, median(totals(short)), percentile(totals(short), 95), '', ''],
    [`${LONG} issues, click to painted (${drawn} rows drawn, aria-rowcount ${rowCount})`, median(totals(long)), percentile(totals(long), 95), `≤ ${GOAL_MS}`, verdict(median(totals(long)))],
    [`${LONG} ÷ ${SHORT} issues, click to painted`, median(totals(long)) / median(totals(short)), percentile(totals(long), 95) / percentile(totals(short), 95), '', ''],
    [`${SHORT} issues, answer to painted (the page's share)`, median(pageShare(short)), percentile(pageShare(short), 95), '', ''],
    [`${LONG} issues, answer to painted (the page's share)`, median(pageShare(long)), percentile(pageShare(long), 95), '', ''],
    ['End in the long list: the last row selected and painted', endMs, endMs, '', ''],
  ]);
} finally {
  await browser.close();
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}
