// 信息采用统计 in real Chromium against browser mode, from the keyboard: the three fixture bulletins filed in
// one series; 采用统计 on the archive's toolbar opens the screen on their latest year; the table lists the
// units their articles and ▲ items name (安化县 from `▲安化县：…`) with points and rank, the ECharts bar chart
// is drawn on a canvas of real size; Enter on a unit's row lists the reports counted for it, and one of them
// opens its issue (issued: chips shown, Alt+U opens no picker) in the editor; 导出 Excel and 导出 Word 通报 download real files; a custom period the wrong way round
// says so in Chinese in the alert. In a draft, Alt+U with the caret in a ▲ item opens the picker with the
// suggestion first, Enter confirms it: the chip turns from 待确认 to confirmed and the issue is saved with it.
// The series settings' 信息采用单位名单 and 计分规则, saved, make the count list a unit with nothing and
// score a ▲ item as set.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeAppInBrowser, openAppInBrowser, press, screenshotFolder } from './harness.ts';
import type { RunningApp } from './web-app.ts';
import { bulletinFixtures } from '../fixtures.ts';
import type { ApiClient } from '../../shared/api/contract.ts';

const shots = screenshotFolder();
const fixtures = ['yiyang-2020-huitoukan-04', 'yiyang-2023-01', 'yiyang-2023-13'].map((name) => bulletinFixtures().find((fixture) => fixture.name === name)!);

let app: RunningApp;
let api: ApiClient;
let browser: Browser;
let page: Page;
let errors: string[] = [];
let nativeDialogs: string[] = [];
let seriesId = 0;
let draftId = 0;
const DRAFT_ITEM = '7月20日，桃江县召开生态环境问题整改调度会，逐项过堂销号。';

async function seed(client: ApiClient): Promise<void> {
  for (const fixture of fixtures) {
    const outcome = await client['import.file']({ name: `${fixture.name}.txt`, base64: Buffer.from(fixture.text, 'utf8').toString('base64'), ...(seriesId ? { seriesId } : {}) });
    if (outcome.status !== 'imported') throw new Error(`import failed: ${JSON.stringify(outcome)}`);
    seriesId ||= (await client['issues.get']({ id: outcome.issueId })).seriesId;
  }
  const draft = await client['issues.next']({ seriesId, date: '2023-08-01' });
  draftId = draft.id;
  await client['issues.save']({
    id: draft.id,
    baseRevision: draft.revision,
    issue: { ...draft.issue, blocks: [{ type: 'lead', items: [] }, { type: 'news', heading: '县市区工作动态', items: [{ head: '桃江县', form: 'colon', paragraphs: [{ runs: [{ text: DRAFT_ITEM }] }] }] }] },
  });
}

const table = () => page.getByRole('table', { name: '各单位信息采用情况' });
const unitRow = (unit: string) => table().locator(`tbody tr[data-unit="${unit}"]`);
const alertBox = () => page.locator('.stats-screen [role="alert"]');

beforeAll(async () => {
  ({ app, api, browser, page, errors, nativeDialogs } = await openAppInBrowser({ width: 1366, height: 768, acceptDownloads: true, seed }));
  await page.locator('.series-item.selected').waitFor();
}, 120_000);

afterAll(() => closeAppInBrowser({ app, browser }));

describe('信息采用统计', () => {
  it('opens from the archive’s 采用统计 on the latest year, listing the units with points and rank, and draws the chart', async () => {
    await press(page.getByRole('button', { name: '采用统计', exact: true }));
    await page.getByRole('heading', { name: /^信息采用统计：/ }).waitFor();
    expect(page.url()).toContain(`#/stats/${seriesId}`);
    expect(await page.getByRole('textbox', { name: '年份' }).inputValue()).toBe('2023');
    expect(await page.getByRole('radio', { name: '年度' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: '只统计已印发' }).isChecked()).toBe(true);

    await unitRow('安化县').waitFor();
    expect(await table().locator('thead th').allTextContents()).toEqual(['序号', '单位', '文章', '动态', '编者按', '批示', '得分', '排名', '较上期']);
    const cells = await unitRow('安化县').locator('td').allTextContents();
    expect(Number(cells[3])).toBeGreaterThanOrEqual(1);
    expect(Number(cells[6])).toBeGreaterThan(0);
    expect(Number(cells[7])).toBeGreaterThanOrEqual(1);
    expect(await page.locator('.stats-summary').textContent()).toContain('2023年度');

    const chart = page.getByTestId('stats-chart');
    const canvas = chart.locator('canvas');
    await canvas.first().waitFor();
    const size = await canvas.first().evaluate((element: HTMLCanvasElement) => ({ width: element.width, height: element.height, shown: element.getBoundingClientRect().width }));
    expect(size.width).toBeGreaterThan(0);
    expect(size.height).toBeGreaterThan(0);
    expect(size.shown).toBeGreaterThan(100);
    expect(await chart.getAttribute('_echarts_instance_')).toBeTruthy();
    await page.screenshot({ path: join(shots, 'stats-screen.png') });
  });

  it('Enter on a unit’s row lists every report counted for it, and one opens its issue in the editor', async () => {
    await unitRow('安化县').focus();
    await page.keyboard.press('Enter');
    const entries = page.getByRole('region', { name: '安化县的采用明细' });
    await entries.waitFor();
    const listed = entries.getByRole('button');
    expect(await listed.count()).toBeGreaterThanOrEqual(1);
    expect(await listed.first().textContent()).toMatch(/^第\d+期（2023年\d+月\d+日）(动态|文章)：/);
    expect(await unitRow('安化县').getAttribute('aria-selected')).toBe('true');

    await press(listed.first());
    await page.getByTestId('bulletin-body').waitFor();
    expect(page.url()).toMatch(/#\/issue\/\d+$/);
    // an issued issue shows its chips, and Alt+U there opens no picker
    await expect.poll(() => page.getByTestId('source-chip').count()).toBeGreaterThan(0);
    await page.locator('.bulletin-body .paragraph').first().click();
    await page.keyboard.press('Alt+U');
    await page.waitForTimeout(300);
    expect(await page.getByRole('dialog', { name: '来源单位' }).count()).toBe(0);
    await page.goBack();
    await unitRow('安化县').waitFor();
  });

  it('导出 Excel and 导出 Word 通报 download a workbook and a document', async () => {
    for (const [button, extension] of [['导出 Excel', 'xlsx'], ['导出 Word 通报', 'docx']] as const) {
      const download = page.waitForEvent('download', { timeout: 30_000 });
      await press(page.getByRole('button', { name: button }));
      const file = await download;
      expect(file.suggestedFilename()).toMatch(new RegExp(`2023年度信息采用情况.*\\.${extension}$`));
      expect(readFileSync((await file.path())!).subarray(0, 2).toString('latin1')).toBe('PK');
    }
  });

  it('a custom period the wrong way round says so in Chinese in the alert, and export waits for a right one', async () => {
    await page.getByRole('radio', { name: '自定义' }).check();
    await page.getByLabel('起始日期').fill('2023-09-30');
    await page.getByLabel('结束日期').fill('2023-07-01');
    await expect.poll(() => alertBox().textContent()).toContain('起始日期 2023-09-30 晚于结束日期 2023-07-01');
    expect(await page.getByRole('button', { name: '导出 Excel' }).isDisabled()).toBe(true);
    await page.getByLabel('起始日期').fill('2023-07-01');
    await page.getByLabel('结束日期').fill('2023-09-30');
    await expect.poll(() => alertBox().count()).toBe(0);
    await expect.poll(() => page.locator('.stats-summary').textContent()).toContain('2023年第三季度');
  });

  it('in a draft, Alt+U in a ▲ item offers the suggestion first; Enter confirms it, the chip says so and the issue is saved with it', async () => {
    await page.goto(`${app.url}/#/issue/${draftId}`);
    const item = page.locator('.news-item').filter({ hasText: DRAFT_ITEM });
    const chip = item.getByTestId('source-chip');
    await chip.waitFor();
    expect(await chip.getAttribute('data-state')).toBe('suggested');
    expect(await chip.getAttribute('data-label')).toBe('桃江县');
    expect(await chip.evaluate((element) => getComputedStyle(element, '::after').content)).toBe('"待确认"');

    await item.locator('.paragraph').click();
    await page.keyboard.press('Alt+U');
    const picker = page.getByRole('dialog', { name: '来源单位' });
    await picker.waitFor();
    expect(await picker.getByRole('combobox', { name: '来源单位' }).evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await picker.getByRole('option').first().textContent()).toBe('桃江县识别结果');
    await page.keyboard.press('Enter');
    await picker.waitFor({ state: 'detached' });

    await expect.poll(() => chip.getAttribute('data-state')).toBe('confirmed');
    expect(await chip.getAttribute('data-label')).toBe('桃江县');
    expect(await chip.evaluate((element) => getComputedStyle(element, '::after').content)).toBe('none');
    // the caret is back in the body, and the confirmation is one undo step
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('bulletin-body');
    await page.keyboard.press('Control+Z');
    await expect.poll(() => chip.getAttribute('data-state')).toBe('suggested');
    expect(await item.locator('.paragraph').textContent()).toBe(DRAFT_ITEM);
    await page.keyboard.press('Control+Y');
    await expect.poll(() => chip.getAttribute('data-state')).toBe('confirmed');
    const savedItem = async () => {
      const block = (await api['issues.get']({ id: draftId })).issue.blocks.find((each) => each.type === 'news');
      return block?.type === 'news' ? block.items[0]?.sources : undefined;
    };
    await expect.poll(savedItem, { timeout: 10_000 }).toEqual({ units: ['桃江县'], confirmed: true });

    // Escape closes the picker and changes nothing
    await item.locator('.paragraph').click();
    await page.keyboard.press('Alt+U');
    await picker.waitFor();
    await page.keyboard.press('Escape');
    await picker.waitFor({ state: 'detached' });
    expect(await chip.getAttribute('data-state')).toBe('confirmed');
    await page.screenshot({ path: join(shots, 'stats-editor-chip.png') });
  });

  it('the settings’ units list and scoring, saved, make the count list a unit with nothing and score a ▲ item as set', async () => {
    await page.goto(`${app.url}/#/series/${seriesId}`);
    const units = page.getByRole('group', { name: '信息采用单位名单' });
    await units.waitFor();
    for (const [index, [name, aliases, group]] of [['安化县', '安化', '县市区'], ['市统计局', '', '市直部门'], ['桃江县', '', '县市区']].entries()) {
      await press(units.getByRole('button', { name: '添加单位' }));
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`第${index + 1}个单位名称`);
      await page.keyboard.type(name!);
      if (aliases) await units.getByRole('textbox', { name: `${name}的简称` }).fill(aliases);
      await units.getByRole('combobox', { name: `${name}的分组` }).selectOption(group!);
    }
    // 桃江县 moved above 市统计局, from the keyboard: the focus stays on the button
    await press(units.getByRole('button', { name: '上移桃江县' }));
    await expect.poll(() => units.locator('tbody tr td:nth-child(2) input').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toEqual(['安化县', '桃江县', '市统计局']);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('上移桃江县');

    const itemPoints = page.getByRole('textbox', { name: '动态条目分值' });
    await itemPoints.fill('0.25');
    await page.getByRole('alert').filter({ hasText: '动态条目的分值最多保留一位小数' }).waitFor();
    await itemPoints.fill('0.5');
    await page.screenshot({ path: join(shots, 'stats-series-settings.png'), fullPage: true });
    await press(page.getByRole('button', { name: '保存设置' }));
    await page.getByRole('button', { name: '采用统计' }).waitFor();
    const saved = (await api['series.get']({ id: seriesId })).settings;
    expect(saved.units).toEqual([
      { name: '安化县', aliases: ['安化'], group: '县市区' },
      { name: '桃江县', aliases: [], group: '县市区' },
      { name: '市统计局', aliases: [], group: '市直部门' },
    ]);
    expect(saved.scoring.item).toBe(0.5);

    await press(page.getByRole('button', { name: '采用统计', exact: true }));
    await page.getByRole('radio', { name: '年度' }).check();
    await page.getByRole('textbox', { name: '年份' }).fill('2023');
    await unitRow('市统计局').waitFor();
    expect(await table().locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-unit')))).toEqual(expect.arrayContaining(['安化县', '桃江县', '市统计局']));
    const nothing = await unitRow('市统计局').locator('td').allTextContents();
    expect(nothing.slice(2, 7)).toEqual(['0', '0', '0', '0', '0']);
    const anhua = await unitRow('安化县').locator('td').allTextContents();
    expect(Number(anhua[6])).toBe(Number(anhua[3]) * 0.5 + Number(anhua[2]) * saved.scoring.article + Number(anhua[4]) * saved.scoring.editorNote + Number(anhua[5]) * saved.scoring.instruction);
  });

  it('raised no error in the page', () => {
    expect(errors).toEqual([]);
    expect(nativeDialogs).toEqual([]);
  });
});
