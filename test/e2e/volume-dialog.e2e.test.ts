// 汇编成册 in real Chromium against browser mode, from the keyboard: the three fixture bulletins filed in one
// series are chosen by date; the dialog previews them (numbers, dates, titles) and the gaps in their
// numbering as the range changes; 开始汇编 as Word shows a progress bar and downloads a real .docx holding
// every issue; a PDF compile is cancelled on the service with 取消 and the form says 汇编已取消; a range
// with no issue says so in Chinese with 开始汇编 disabled; Esc while compiling closes and cancels the job.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Download, Page } from 'playwright-core';
import { closeAppInBrowser, openAppInBrowser, press, screenshotFolder } from './harness.ts';
import type { RunningApp } from './web-app.ts';
import { bulletinFixtures } from '../fixtures.ts';
import type { ApiClient, ApiResponse } from '../../shared/api/contract.ts';
import type { VolumeJob } from '../../shared/api/records.ts';

const shots = screenshotFolder();

// filed in the order they go into the volume: by year and number
const fixtures = ['yiyang-2020-huitoukan-04', 'yiyang-2023-01', 'yiyang-2023-13'].map((name) => bulletinFixtures().find((fixture) => fixture.name === name)!);
// the series the first import makes, named by its masthead
const SERIES = fixtures[0]!.expected.series.name;

let app: RunningApp;
let browser: Browser;
let page: Page;
let errors: string[] = [];
let nativeDialogs: string[] = [];
const downloads: Download[] = [];

const dialog = () => page.getByRole('dialog', { name: `汇编成册：${SERIES}` });
const startButton = () => dialog().getByRole('button', { name: '开始汇编' });
const progress = () => dialog().getByRole('progressbar', { name: '汇编进度' });
const alertBox = () => dialog().getByRole('alert');
const listed = () => dialog().locator('.volume-issues > li');
/** The focused control's name: its aria-label, else its label's text, else its own text. */
const focusedLabel = () =>
  page.evaluate(() => {
    const focused = document.activeElement as HTMLInputElement | null;
    return focused?.getAttribute('aria-label') ?? (focused?.labels?.[0]?.textContent?.trim() || focused?.textContent?.trim() || '');
  });

/** Files every fixture into the series the first one makes. */
async function seed(api: ApiClient): Promise<void> {
  let seriesId: number | undefined;
  for (const fixture of fixtures) {
    const outcome = await api['import.file']({ name: `${fixture.name}.txt`, base64: Buffer.from(fixture.text, 'utf8').toString('base64'), ...(seriesId ? { seriesId } : {}) });
    if (outcome.status !== 'imported') throw new Error(`import failed: ${JSON.stringify(outcome)}`);
    seriesId ??= (await api['issues.get']({ id: outcome.issueId })).seriesId;
  }
}

/** The state the service answered the next volume.cancel with. */
const nextCancel = () =>
  page
    .waitForResponse((response) => response.url().endsWith('/api/volume.cancel'), { timeout: 20_000 })
    .then(async (response) => ((await response.json()) as ApiResponse<VolumeJob>))
    .then((answer) => (answer.ok ? answer.value.state : `refused: ${answer.error.message}`));

async function openVolumeDialog(): Promise<void> {
  await press(page.getByRole('button', { name: '汇编', exact: true }));
  await dialog().waitFor();
}

async function chooseDatesOfEveryFixture(): Promise<void> {
  await dialog().getByRole('radio', { name: '按日期' }).check();
  await dialog().getByLabel('起始日期').fill('2020-01-01');
  await dialog().getByLabel('结束日期').fill('2023-12-31');
  await expect.poll(() => listed().count()).toBe(3);
  await expect.poll(() => startButton().isEnabled()).toBe(true);
}

beforeAll(async () => {
  ({ app, browser, page, errors, nativeDialogs } = await openAppInBrowser({ width: 1366, height: 768, acceptDownloads: true, seed }));
  page.on('download', (download) => downloads.push(download));
  await page.locator('.series-item.selected').waitFor();
}, 120_000);

afterAll(() => closeAppInBrowser({ app, browser }));

describe('汇编 dialog', () => {
  it('opens on the latest year with issues, focused on the year, and previews the issues of a span of dates with their numbers, dates, titles and gaps', async () => {
    await openVolumeDialog();
    expect(await focusedLabel()).toBe('年份');
    expect(await dialog().getByLabel('年份').inputValue()).toBe('2023');
    await expect.poll(() => dialog().locator('.volume-summary').textContent()).toContain('共 2 期');

    await chooseDatesOfEveryFixture();
    const summary = await dialog().locator('.volume-summary').textContent();
    expect(summary).toContain('2020年1月1日至2023年12月31日');
    expect(summary).toContain('共 3 期');
    const entries = await listed().allTextContents();
    for (const [index, fixture] of fixtures.entries()) {
      const { number, date, articles } = fixture.expected;
      const [year, month, day] = date.split('-').map(Number);
      expect(entries[index]).toContain(`第${number}期`);
      expect(entries[index]).toContain(`${year}年${month}月${day}日`);
      expect(entries[index]).toContain(articles[0]!.title);
    }
    // all three were filed as issued: no status is named
    expect(await listed().locator('.badge').count()).toBe(0);
    expect(await dialog().getByRole('status', { name: '缺号与未收入' }).textContent()).toBe('缺第2—3期、第5—12期');
    expect(await alertBox().count()).toBe(0);
    await page.screenshot({ path: join(shots, 'volume-dialog-preview.png') });
  });

  it('reaches every choice, the preview list and 开始汇编 with Tab', async () => {
    await dialog().getByRole('radio', { name: '按日期' }).focus();
    const reached = new Set<string>();
    for (let step = 0; step < 30 && !reached.has('开始汇编'); step++) {
      await page.keyboard.press('Tab');
      reached.add(await focusedLabel());
    }
    for (const name of ['起始日期', '结束日期', '收入未印发的简报（草稿、已审核）', 'Word（.docx）', '收入的简报', '开始汇编']) expect([...reached]).toContain(name);
  });

  it('Enter in a field starts nothing; 开始汇编 as Word shows the progress bar, downloads a .docx holding every issue and says which file and how many pages', async () => {
    await dialog().getByLabel('结束日期').focus();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(400);
    expect(await progress().count()).toBe(0);
    expect(downloads).toHaveLength(0);

    expect(await dialog().getByRole('radio', { name: 'Word（.docx）' }).isChecked()).toBe(true);
    const download = page.waitForEvent('download', { timeout: 30_000 });
    await press(startButton());
    await progress().waitFor();
    await expect.poll(focusedLabel).toBe('取消');
    const docx = await download;

    expect(docx.suggestedFilename()).toMatch(new RegExp(`^${SERIES}汇编.*\\.docx$`));
    const bytes = readFileSync((await docx.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const documentXml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    // the text of its runs, one after another (a title may be split into runs by font, or over lines)
    const text = [...documentXml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');
    const titles = fixtures.map((fixture) => fixture.expected.articles[0]!.title.replace(/\s+/g, ' '));
    expect(titles.filter((title) => !text.includes(title))).toEqual([]);

    const outcome = dialog().locator('.volume-outcome');
    await outcome.waitFor();
    const said = /^已导出：(.+)（共 (\d+) 页）$/.exec((await outcome.locator('p').first().textContent()) ?? '');
    expect(said?.[1]).toBe(docx.suggestedFilename());
    expect(Number(said?.[2])).toBeGreaterThanOrEqual(fixtures.length);
    await expect.poll(focusedLabel).toBe('开始汇编');
    await page.screenshot({ path: join(shots, 'volume-dialog-exported.png') });
  });

  it('取消 during a PDF compile cancels the job on the service and returns to the form saying 汇编已取消, with nothing downloaded', async () => {
    await dialog().getByRole('radio', { name: 'PDF' }).check();
    const cancelled = nextCancel();
    await press(startButton());
    await progress().waitFor();
    await press(dialog().getByRole('button', { name: '取消' }));
    expect(await cancelled).toBe('cancelled');

    await expect.poll(() => dialog().getByRole('status').filter({ hasText: '汇编已取消' }).count()).toBe(1);
    expect(await progress().count()).toBe(0);
    expect(await startButton().isEnabled()).toBe(true);
    await page.waitForTimeout(600);
    expect(downloads).toHaveLength(1);
  });

  it('a range holding no issue says so in Chinese in the alert and leaves 开始汇编 disabled', async () => {
    await dialog().getByRole('radio', { name: '按年度' }).check();
    await dialog().getByLabel('年份').fill('2021');
    await expect.poll(() => alertBox().textContent()).toContain(`“${SERIES}”在所选范围内没有已印发的简报，无法汇编`);
    expect(await dialog().locator('.volume-summary').textContent()).toContain('共 0 期');
    expect(await startButton().isDisabled()).toBe(true);
    await page.screenshot({ path: join(shots, 'volume-dialog-empty.png') });

    await dialog().getByLabel('年份').fill('2020');
    await expect.poll(() => startButton().isEnabled()).toBe(true);
    expect(await alertBox().count()).toBe(0);
  });

  it('Esc while compiling closes the dialog and cancels the job on the service', async () => {
    const cancelled = nextCancel();
    await press(startButton());
    await progress().waitFor();
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    expect(await cancelled).toBe('cancelled');
    expect(await page.getByRole('button', { name: '汇编', exact: true }).isEnabled()).toBe(true);
  });

  it('raised no error in the page', () => {
    expect(errors).toEqual([]);
    expect(nativeDialogs).toEqual([]);
  });
});
