// The archive's list of a series with 2,000 issues in real Chromium: only the rows in view are drawn, yet the
// grid tells a screen reader all 2,000 (aria-rowcount, each row's aria-rowindex); the keyboard moves the
// selection through the whole list (arrows, PageUp/PageDown, Home/End), keeping it in view, Enter opens it;
// scrolling draws the rows that come into view.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openWatchedPage } from './chromium.ts';
import { screenshotFolder } from './harness.ts';
import { dataDirWithSeries, longSeriesTitle } from './long-series.ts';
import { startApp, type RunningApp } from './web-app.ts';

const LONG = 2000;
const NAME = '益阳市生态环境保护督察工作简报';
const shots = screenshotFolder();

let app: RunningApp;
let browser: Browser;
let page: Page;
let errors: string[] = [];

const grid = () => page.getByRole('grid');
const drawnRows = () => page.locator('.issue-table tbody tr');
/** 期号 and aria-rowindex of the selected row, and whether all of it is inside the scrolling pane. */
const selectedRow = () =>
  page.evaluate(() => {
    const row = document.querySelector<HTMLTableRowElement>('.issue-table tbody tr[aria-selected="true"]');
    if (!row) return null;
    const pane = document.querySelector('.issues-pane')!.getBoundingClientRect();
    const header = document.querySelector('.issue-table thead')!.getBoundingClientRect();
    const box = row.getBoundingClientRect();
    return { number: row.cells[0]!.textContent, index: Number(row.getAttribute('aria-rowindex')), inView: box.top >= header.bottom - 1 && box.bottom <= pane.bottom + 1 };
  });

beforeAll(async () => {
  app = await startApp(await dataDirWithSeries([{ name: NAME, count: LONG }]));
  browser = await launchChromium();
  ({ page, errors } = await openWatchedPage(browser, { width: 1366, height: 768 }));
  await page.goto(app.loginUrl());
  await page.locator('.series-item.selected').waitFor();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('a series of 2,000 issues in the archive', () => {
  it('draws only the rows in view, newest first, and tells a screen reader there are 2,000', async () => {
    await expect.poll(() => drawnRows().first().locator('td').first().textContent()).toBe(`第${LONG}期`);
    const drawn = await drawnRows().count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(60);
    expect(await grid().getAttribute('aria-rowcount')).toBe(String(LONG + 1));
    expect(await page.locator('.issue-table thead tr').getAttribute('aria-rowindex')).toBe('1');
    const indexes = await drawnRows().evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('aria-rowindex'))));
    expect(indexes).toEqual(Array.from({ length: drawn }, (_, i) => i + 2));
    // the space the rows not drawn would take is there, so the scroll bar is the whole list's
    const scrollHeight = await page.locator('.issues-pane').evaluate((pane) => pane.scrollHeight);
    const rowHeight = await drawnRows().first().evaluate((row) => row.getBoundingClientRect().height);
    expect(scrollHeight).toBeGreaterThan(LONG * rowHeight);
  });

  it('moves the selection with the arrows, PageDown/PageUp and End/Home, keeping it in view, and tells which row is active', async () => {
    await grid().focus();
    expect(await selectedRow()).toMatchObject({ number: `第${LONG}期`, index: 2, inView: true });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await selectedRow()).toMatchObject({ number: `第${LONG - 2}期`, index: 4, inView: true });
    await page.keyboard.press('ArrowUp');
    expect(await selectedRow()).toMatchObject({ number: `第${LONG - 1}期`, inView: true });

    await page.keyboard.press('PageDown');
    const afterPage = (await selectedRow())!;
    const perPage = afterPage.index - 3;
    expect(perPage).toBeGreaterThan(5);
    expect(afterPage.inView).toBe(true);
    await page.keyboard.press('PageDown');
    expect(await selectedRow()).toMatchObject({ index: 3 + 2 * perPage, inView: true });
    await page.keyboard.press('PageUp');
    expect(await selectedRow()).toMatchObject({ index: 3 + perPage, inView: true });

    await page.keyboard.press('End');
    expect(await selectedRow()).toMatchObject({ number: '第1期', index: LONG + 1, inView: true });
    expect(await page.locator('.issue-table tbody tr').last().locator('.title-cell').textContent()).toBe(longSeriesTitle(1));
    const active = await grid().getAttribute('aria-activedescendant');
    expect(await page.locator(`[id="${active}"]`).getAttribute('aria-selected')).toBe('true');
    await page.screenshot({ path: join(shots, 'archive-long-list-end.png') });

    await page.keyboard.press('Home');
    expect(await selectedRow()).toMatchObject({ number: `第${LONG}期`, index: 2, inView: true });
    expect(await page.locator('.issues-pane').evaluate((pane) => pane.scrollTop)).toBeLessThan(200);
  });

  it('draws the rows that scrolling brings into view, each where its place in the list puts it', async () => {
    await page.locator('.issues-pane').evaluate((pane) => (pane.scrollTop = pane.scrollHeight / 2));
    await expect.poll(() => page.evaluate(() => {
      const pane = document.querySelector('.issues-pane')!.getBoundingClientRect();
      const row = [...document.querySelectorAll<HTMLTableRowElement>('.issue-table tbody tr')].find((tr) => tr.getBoundingClientRect().top >= pane.top + pane.height / 2);
      return row ? Number(row.getAttribute('aria-rowindex')) : 0;
    })).toBeGreaterThan(900);
    const rows = await drawnRows().evaluateAll((trs) => trs.map((tr) => ({ index: Number(tr.getAttribute('aria-rowindex')), number: tr.querySelector('td')!.textContent, top: tr.getBoundingClientRect().top })));
    // newest first: row index i (from 2) holds 第(2001 − (i − 2))期, and the rows follow one another without a gap
    for (const row of rows) expect(row.number).toBe(`第${LONG - (row.index - 2)}期`);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.top - rows[i - 1]!.top).toBeCloseTo(rows[1]!.top - rows[0]!.top, 0);
    await page.screenshot({ path: join(shots, 'archive-long-list-middle.png') });
  });

  it('goes from the grid to the selected row’s own buttons with Tab, and Enter on the grid opens the selected issue', async () => {
    await grid().focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => [document.activeElement?.textContent, document.activeElement?.closest('tr')?.cells[0]?.textContent])).toEqual(['打开', `第${LONG - 1}期`]);
    await grid().focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="bulletin-body"] .article-title').first().waitFor();
    expect(await page.locator('[data-testid="bulletin-body"] .article-title').first().textContent()).toBe(longSeriesTitle(LONG - 1));
  });

  it('raised no error in the page', () => {
    expect(errors).toEqual([]);
  });
});
