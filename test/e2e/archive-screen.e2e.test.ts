// The archive screen in real Chromium against browser mode, as a clerk uses it from the keyboard: search
// covers every series unless 刊物 narrows it, hits name their series and follow every change of query,
// 刊物, 年份, 状态 and the series picked in the pane without 检索; the filters always show what they
// apply, offer every year with issues, and an empty result says it is the filters, with 清除筛选; and the
// screen lays out cleanly at 1366×768 and 1920×1080.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { closeAppInBrowser, openAppInBrowser, press, screenshotFolder } from './harness.ts';
import type { RunningApp } from './web-app.ts';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import type { ApiClient } from '../../shared/api/contract.ts';
import type { IssueStatus } from '../../shared/model/issue.ts';

const shots = screenshotFolder();

const JIA = '益阳市配合第二轮省生态环境保护例行督察工作简报';
const YI = '市直部门工作动态';
const BING = '桃江县工作简报';
const LONG_TITLE = '南县督察整改推进会暨全市生态环境保护工作调度会议在南县召开各乡镇主要负责同志和县直有关部门负责同志参加会议';

let app: RunningApp;
let api: ApiClient;
let browser: Browser;
let page: Page;
const seriesIds: Record<string, number> = {};
let errors: string[] = [];
let nativeDialogs: string[] = [];

async function addIssue(seriesId: number, date: string, title: string, text: string, status: IssueStatus = 'draft'): Promise<void> {
  const record = await api['issues.next']({ seriesId, date });
  await api['issues.save']({
    id: record.id,
    baseRevision: record.revision,
    issue: { ...record.issue, blocks: [{ type: 'lead', items: [] }, { type: 'article', title, paragraphs: [{ runs: [{ text }] }] }] },
  });
  if (status !== 'draft') await api['issues.setStatus']({ id: record.id, status: 'reviewed' });
  if (status === 'issued') await api['issues.setStatus']({ id: record.id, status: 'issued' });
}

const pane = () => page.getByRole('complementary', { name: '刊物列表' });
const searchBox = () => page.getByRole('searchbox', { name: '检索' });
const scopeSelect = () => page.getByRole('combobox', { name: '刊物' });
const yearSelect = () => page.getByRole('combobox', { name: '年份' });
const statusSelect = () => page.getByRole('combobox', { name: '状态' });
const rows = () => page.locator('.issue-table tbody tr');
const rowTitles = () => page.locator('.issue-table tbody .title-cell').allTextContents();
/** "series｜title" of every hit shown, sorted */
const hits = async () =>
  (await page.locator('.search-results .hit').evaluateAll((buttons) =>
    buttons.map((button) => `${button.querySelector('.hit-series')?.textContent}｜${button.querySelector('.hit-title')?.textContent}`),
  )).sort();
const sorted = (list: string[]) => [...list].sort();
const shown = (select: Locator) => select.evaluate((element: HTMLSelectElement) => element.selectedOptions[0]?.textContent ?? '');
const offered = (select: Locator) => select.locator('option').allTextContents();
const summary = () => page.getByTestId('search-summary').textContent();

/** Picks an option the way a clerk does with the keyboard: focus the box, arrow keys to the option. */
async function choose(select: Locator, option: string): Promise<void> {
  await select.focus();
  const options = await offered(select);
  const target = options.indexOf(option);
  expect(target, `${option} in ${options.join('/')}`).toBeGreaterThanOrEqual(0);
  const current = await select.evaluate((element: HTMLSelectElement) => element.selectedIndex);
  for (let step = 0; step < Math.abs(target - current); step++) await page.keyboard.press(target > current ? 'ArrowDown' : 'ArrowUp');
  expect(await shown(select)).toBe(option);
}

/** Picks a series in the left pane from the keyboard. */
async function pickSeries(name: string): Promise<void> {
  const button = pane().getByRole('button', { name: new RegExp(`^${name}`) });
  await press(button);
  await expect.poll(() => button.getAttribute('aria-current')).toBe('true');
}

beforeAll(async () => {
  ({ app, api, browser, page, errors, nativeDialogs } = await openAppInBrowser({ width: 1366, height: 768, seed }));
  await page.locator('.series-item.selected').waitFor();
}, 120_000);

afterAll(() => closeAppInBrowser({ app, browser }));

/** Three series, two with issues of several years and every status. */
async function seed(client: ApiClient): Promise<void> {
  api = client;
  seriesIds.jia = (await api['series.create']({ settings: defaultSeriesSettings(JIA, '益阳市督察协调联络组') })).id;
  seriesIds.yi = (await api['series.create']({ settings: defaultSeriesSettings(YI, '市政府办公室', 'yearly-with-total') })).id;
  seriesIds.bing = (await api['series.create']({ settings: defaultSeriesSettings(BING, '桃江县政府办公室') })).id;
  await addIssue(seriesIds.jia, '2023-05-01', LONG_TITLE, '南县整改工作取得阶段性成效。', 'issued');
  await addIssue(seriesIds.jia, '2023-09-01', '桃江县整改验收', '桃江县完成整改验收。', 'reviewed');
  await addIssue(seriesIds.jia, '2024-03-01', '资阳区整改清单', '资阳区列出整改清单。');
  await addIssue(seriesIds.jia, '2024-06-01', '赫山区工作动态', '赫山区召开会议。');
  await addIssue(seriesIds.yi, '2022-04-01', '市生态环境局整改调度', '市生态环境局召开调度会。');
  await addIssue(seriesIds.yi, '2024-02-01', '市水利局整改督办', '市水利局督办问题。');
  await addIssue(seriesIds.yi, '2024-05-01', '市林业局工作动态', '市林业局开展巡查。', 'reviewed');
}

describe('archive search', () => {
  it('searches every series by default while a series is selected, as the clerk types, without 检索, each hit naming its series', async () => {
    await pickSeries(JIA);
    await expect.poll(() => rows().count()).toBe(4);
    await page.keyboard.press('Control+f');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('检索');
    await page.keyboard.type('整改');
    await expect.poll(hits).toEqual(sorted([
      `${JIA}｜${LONG_TITLE}`,
      `${JIA}｜桃江县整改验收`,
      `${JIA}｜资阳区整改清单`,
      `${YI}｜市水利局整改督办`,
      `${YI}｜市生态环境局整改调度`,
    ]));
    expect(await shown(scopeSelect())).toBe('全部刊物');
    expect(await summary()).toContain('在全部刊物中找到5条包含“整改”的简报');
    expect(await pane().getByRole('button', { name: new RegExp(`^${JIA}`) }).getAttribute('aria-current')).toBe('true');
  });

  it('follows 刊物, 年份, 状态, the series picked in the pane and more typing, 清除筛选 widens to everything again, and 返回列表 leaves the search', async () => {
    await choose(scopeSelect(), YI);
    await expect.poll(hits).toEqual(sorted([`${YI}｜市水利局整改督办`, `${YI}｜市生态环境局整改调度`]));
    expect(await offered(yearSelect())).toEqual(['全部年份', '2024年', '2022年']);
    await choose(yearSelect(), '2024年');
    await expect.poll(hits).toEqual(sorted([`${YI}｜市水利局整改督办`]));

    // picking another series in the pane narrows the search to it: the old series' hits go
    await pickSeries(JIA);
    await expect.poll(() => shown(scopeSelect())).toBe(JIA);
    await expect.poll(hits).toEqual(sorted([`${JIA}｜资阳区整改清单`]));
    expect(await shown(yearSelect())).toBe('2024年');

    await choose(yearSelect(), '2023年');
    await choose(statusSelect(), '已审核');
    await expect.poll(hits).toEqual(sorted([`${JIA}｜桃江县整改验收`]));

    await searchBox().focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' 南县');
    await expect.poll(summary).toBe(`在《${JIA}》中没有找到包含“整改 南县”的简报（限2023年、已审核）`);
    expect(await hits()).toEqual([]);
    await press(page.locator('.search-results').getByRole('button', { name: '清除筛选' }));
    await expect.poll(hits).toEqual(sorted([`${JIA}｜${LONG_TITLE}`]));
    expect([await shown(scopeSelect()), await shown(yearSelect()), await shown(statusSelect())]).toEqual(['全部刊物', '全部年份', '全部状态']);

    await press(page.getByRole('button', { name: '返回列表' }));
    await expect.poll(() => rows().count()).toBe(4);
    expect(await searchBox().inputValue()).toBe('');
    expect(await scopeSelect().count()).toBe(0);
  });
});

describe('archive filters', () => {
  it('offers every year with issues and keeps showing the year it applies when a status leaves nothing, which it says, with 清除筛选', async () => {
    await choose(yearSelect(), '2023年');
    await expect.poll(rowTitles).toEqual(['桃江县整改验收', LONG_TITLE]);
    await choose(statusSelect(), '草稿');
    await page.getByTestId('issues-empty').waitFor();
    expect(await shown(yearSelect())).toBe('2023年');
    expect(await offered(yearSelect())).toEqual(['全部年份', '2024年', '2023年']);
    const empty = await page.getByTestId('issues-empty').textContent();
    expect(empty).toContain('这个刊物共4期，没有符合筛选条件（2023年、草稿）的简报');
    expect(empty).not.toContain('还没有简报');
    await page.screenshot({ path: join(shots, 'archive-filters-nothing-matches.png') });
    await press(page.getByTestId('issues-empty').getByRole('button', { name: '清除筛选' }));
    await expect.poll(() => rows().count()).toBe(4);
    expect([await shown(yearSelect()), await shown(statusSelect())]).toEqual(['全部年份', '全部状态']);
  });

  it('switching series drops a year the new series has no issues in and keeps the status; a series with no issues says so', async () => {
    await choose(yearSelect(), '2023年');
    await choose(statusSelect(), '已审核');
    await expect.poll(rowTitles).toEqual(['桃江县整改验收']);
    await pickSeries(YI);
    await expect.poll(() => shown(yearSelect())).toBe('全部年份');
    expect(await offered(yearSelect())).toEqual(['全部年份', '2024年', '2022年']);
    expect(await shown(statusSelect())).toBe('已审核');
    await expect.poll(rowTitles).toEqual(['市林业局工作动态']);
    await pickSeries(BING);
    await expect.poll(() => page.getByTestId('issues-empty').textContent()).toBe('这个刊物还没有简报。点“新建一期”开始编写。');
    expect(await offered(yearSelect())).toEqual(['全部年份']);
    await choose(statusSelect(), '全部状态');
  });
});

describe('archive layout', () => {
  /** On how many lines each element's text sits (text nodes only; lines closer than 8px are one). */
  const lineCount = (locator: Locator) =>
    locator.evaluateAll((elements) =>
      elements.map((element) => {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        const lineTops: number[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const rect of range.getClientRects()) if (rect.width > 0) lineTops.push(rect.top);
        }
        lineTops.sort((a, b) => a - b);
        return lineTops.filter((top, index) => index === 0 || top - lineTops[index - 1]! > 8).length;
      }),
    );
  const tops = (locator: Locator) => locator.evaluateAll((elements) => elements.map((element) => Math.round(element.getBoundingClientRect().top)));

  for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
    it(`at ${width}×${height} keeps toolbar, filters, rows and hits on their lines, nothing cut off`, async () => {
      await page.setViewportSize({ width, height });
      for (const name of [JIA, YI]) {
        await pickSeries(name);
        await choose(yearSelect(), '全部年份');
        await choose(statusSelect(), '全部状态');
        await expect.poll(() => rows().count()).toBe(name === JIA ? 4 : 3);
        await page.screenshot({ path: join(shots, `archive-list-${name === JIA ? 'sequential' : 'yearly'}-${width}x${height}.png`) });

        expect(await lineCount(page.locator('.issues-pane .toolbar h1'))).toEqual([1]);
        const toolbar = await tops(page.locator('.issues-pane .toolbar-actions button'));
        expect(new Set(toolbar).size, `toolbar rows ${toolbar}`).toBe(1);
        const filterTops = await tops(page.locator('.filters > *:not([hidden])'));
        expect(Math.max(...filterTops) - Math.min(...filterTops)).toBeLessThan(4);

        const table = await page.locator('.issue-table tbody tr').evaluateAll((trs) =>
          trs.map((tr) => {
            const cells = [...tr.querySelectorAll('td')].map((td) => td.getBoundingClientRect());
            const title = tr.querySelector<HTMLElement>('.title-cell')!;
            return {
              // every cell of a row ends on the row's line (a cell laid out as flex breaks the table)
              bottoms: new Set(cells.map((cell) => Math.round(cell.bottom))).size,
              right: Math.max(...[...tr.querySelectorAll('button')].map((button) => button.getBoundingClientRect().right)),
              cut: title.scrollWidth > title.clientWidth,
              titled: title.title === title.textContent,
            };
          }),
        );
        for (const row of table) {
          expect(row.bottoms).toBe(1);
          expect(row.right).toBeLessThanOrEqual(width);
          if (row.cut) expect(row.titled).toBe(true);
        }
        for (const lines of await lineCount(page.locator('.issue-table tbody td.nowrap, .issue-table tbody .row-actions, .issue-table thead th'))) expect(lines).toBe(1);
        for (const lines of await lineCount(page.locator('.issue-table tbody .title-cell'))) expect(lines).toBe(1);
      }

      await searchBox().focus();
      await page.keyboard.type('整改');
      await expect.poll(() => hits().then((shownHits) => shownHits.length)).toBe(5);
      await page.screenshot({ path: join(shots, `archive-search-${width}x${height}.png`) });
      const filterTops = await tops(page.locator('.filters > *'));
      expect(Math.max(...filterTops) - Math.min(...filterTops)).toBeLessThan(4);
      for (const lines of await lineCount(page.locator('.search-results .hit-meta'))) expect(lines).toBe(1);
      expect(await lineCount(page.getByTestId('search-summary'))).toEqual([1]);
      await press(page.getByRole('button', { name: '返回列表' }));
      await expect.poll(() => rows().count()).toBe(3);
    });
  }

  it('raised no error in the page', () => {
    expect(errors).toEqual([]);
    expect(nativeDialogs).toEqual([]);
  });
});
