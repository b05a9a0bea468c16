// Import with review in real Chromium against browser mode, as a clerk does it from the keyboard: two
// published bulletins and a broken file are read one by one; each bulletin is shown for review (series,
// masthead fields, what was read) with 归档 focused; the clerk corrects a 期号, files that one with Enter,
// files the rest with 全部归档 and sees the summary; the archive lists the corrected number. Esc while
// files are unfiled asks in the app (never a native dialog), and leaving then files nothing more.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openWatchedPage } from './chromium.ts';
import { closeAppInBrowser, openAppInBrowser, press, screenshotFolder } from './harness.ts';
import type { RunningApp } from './web-app.ts';
import { bulletinFixtures } from '../fixtures.ts';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import type { ApiClient } from '../../shared/api/contract.ts';

const shots = screenshotFolder();

const fixtures = bulletinFixtures();
const THIRTEEN = fixtures.find((fixture) => fixture.name === 'yiyang-2023-13')!;
const FIRST = fixtures.find((fixture) => fixture.name === 'yiyang-2023-01')!;
const SERIES = THIRTEEN.expected.series.name;
const OTHER = '桃江县工作简报';

let app: RunningApp;
let api: ApiClient;
let browser: Browser;
let page: Page;
let errors: string[] = [];
let nativeDialogs: string[] = [];

const file = (name: string, buffer: Buffer) => ({ name, mimeType: 'application/octet-stream', buffer });
const importDialog = () => page.getByRole('dialog', { name: '导入简报' });
const review = () => importDialog().locator('.import-review');
const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');
const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

/** Tabs backwards from where the focus is to the field labelled `label`, as a clerk would. */
async function shiftTabTo(label: string): Promise<void> {
  for (let step = 0; step < 30 && (await focusedLabel()) !== label; step++) await page.keyboard.press('Shift+Tab');
  expect(await focusedLabel()).toBe(label);
}

beforeAll(async () => {
  const seed = async (client: ApiClient) => void (await client['series.create']({ settings: defaultSeriesSettings(OTHER, '桃江县政府办公室') }));
  ({ app, api, browser, page, errors, nativeDialogs } = await openAppInBrowser({ width: 1366, height: 768, seed }));
  await page.locator('.series-item.selected').waitFor();
}, 120_000);

afterAll(() => closeAppInBrowser({ app, browser }));

describe('import with review', () => {
  it('reads each file for review with what was read, the series it goes into and 归档 focused; Esc with files unfiled asks first', async () => {
    await page.getByTestId('import-files').setInputFiles([
      file(`${THIRTEEN.name}.txt`, readFileSync(THIRTEEN.path)),
      file('损坏.docx', Buffer.from('这不是 Word 文件')),
      file(`${FIRST.name}.txt`, readFileSync(FIRST.path)),
    ]);
    await review().waitFor({ timeout: 30_000 });
    expect(await review().locator('.import-review-title').textContent()).toBe(`核对第 1 / 3 个文件：${THIRTEEN.name}.txt`);
    // Enter files it: the focus is on 归档
    await expect.poll(focusedText).toBe('归档');

    // a series no one has made yet: 新建刊物 under the masthead's name
    const seriesSelect = review().getByRole('combobox', { name: '刊物' });
    expect(await seriesSelect.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)).toBe('新建刊物…');
    expect(await seriesSelect.locator('option').allTextContents()).toEqual([OTHER, '新建刊物…']);
    expect(await review().getByRole('textbox', { name: '新刊物名称' }).inputValue()).toBe(SERIES);
    expect(await review().getByRole('textbox', { name: '期号' }).inputValue()).toBe('13');
    expect(await review().getByRole('textbox', { name: '年份' }).inputValue()).toBe('2023');
    expect(await review().getByLabel('日期').inputValue()).toBe('2023-07-12');
    expect(await review().getByRole('textbox', { name: '文号' }).inputValue()).toBe(THIRTEEN.expected.docNumber);
    // what was read, at a glance
    const overview = await review().locator('.import-overview').textContent();
    for (const article of THIRTEEN.expected.articles) expect(overview).toContain(article.title);
    expect(overview).toContain(`${THIRTEEN.expected.news[0]!.heading}（${THIRTEEN.expected.news[0]!.heads.length} 条）`);
    expect(overview).toContain(`报 ${THIRTEEN.expected.distribution.report.length} 个单位，送 ${THIRTEEN.expected.distribution.send.length} 个`);
    expect(overview).toContain('纯文本');
    await page.screenshot({ path: join(shots, 'import-review-1.png') });

    // the clerk corrects the 期号 from the keyboard
    await shiftTabTo('期号');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('23');
    expect(await review().getByRole('textbox', { name: '期号' }).inputValue()).toBe('23');

    // every file read by now: the broken one is listed with its reason, the other two wait
    await importDialog().locator('.import-failed', { hasText: '损坏.docx' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => importDialog().getByRole('progressbar').getAttribute('value')).toBe('3');

    // Esc asks in the app; Esc again (继续导入) keeps the review as it was, correction included
    await page.keyboard.press('Escape');
    const question = page.getByRole('dialog', { name: '还有文件没有归档' });
    await question.waitFor();
    expect(await question.textContent()).toContain('还有 2 个文件没有归档');
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    expect(await importDialog().isVisible()).toBe(true);
    expect(await review().getByRole('textbox', { name: '期号' }).inputValue()).toBe('23');
    expect(nativeDialogs).toEqual([]);
  });

  it('files the corrected issue with Enter on 归档, lists the broken file with its reason, and files the rest with 全部归档', async () => {
    await press(review().getByRole('button', { name: '归档', exact: true }));
    // the next file read: the broken one failed on reading, so the third comes up, into the series the first made
    await expect.poll(() => review().locator('.import-review-title').textContent()).toBe(`核对第 3 / 3 个文件：${FIRST.name}.txt`);
    await expect.poll(focusedText).toBe('归档');
    await expect.poll(() => review().getByRole('combobox', { name: '刊物' }).evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)).toBe(SERIES);
    expect(await importDialog().locator('.import-imported', { hasText: `${THIRTEEN.name}.txt` }).textContent()).toContain(`已导入：${SERIES} 第23期`);
    expect(await importDialog().locator('.import-failed', { hasText: '损坏.docx' }).textContent()).toContain('失败：Word 文档的内容不是 zip 压缩格式');
    expect(await importDialog().locator('.import-summary').textContent()).toContain('已导入 1 个，跳过 0 个，失败 1 个');

    await press(review().getByRole('button', { name: '全部归档' }));
    const summary = importDialog().locator('.import-summary', { hasText: '导入完成' });
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.textContent()).toBe('导入完成：已导入 2 个，跳过 0 个，失败 1 个');
    expect(await importDialog().locator('.import-imported', { hasText: `${FIRST.name}.txt` }).textContent()).toContain(`已导入：${SERIES} 第1期`);
    await page.screenshot({ path: join(shots, 'import-review-2-summary.png') });
    await expect.poll(focusedText).toBe('完成');
    await page.keyboard.press('Enter');
    await importDialog().waitFor({ state: 'detached' });
  });

  it('shows the corrected number in the archive list, and nothing as read', async () => {
    const button = page.getByRole('complementary', { name: '刊物列表' }).getByRole('button', { name: new RegExp(`^${SERIES}`) });
    await press(button);
    await expect.poll(() => page.locator('.issue-table tbody tr td:first-child').allTextContents()).toEqual(expect.arrayContaining(['第23期', '第1期']));
    expect(await page.locator('.issue-table tbody tr').count()).toBe(2);
    const series = (await api['series.list']({})).find((record) => record.settings.name === SERIES)!;
    expect((await api['issues.list']({ seriesId: series.id })).map((issue) => issue.numberText).sort()).toEqual(['第1期', '第23期']);
  });

  it('reads a whole folder by its paths inside it; closing with files unfiled, after asking, files none of them', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'jianbao-import-folder-')), '往期简报');
    mkdirSync(join(folder, '2020'), { recursive: true });
    const huitoukan = fixtures.find((fixture) => fixture.name === 'yiyang-2020-huitoukan-04')!;
    writeFileSync(join(folder, '2020', `${huitoukan.name}.txt`), huitoukan.text);
    writeFileSync(join(folder, '~$锁文件.docx'), 'Word 的锁文件');
    const before = (await api['series.list']({})).map((record) => [record.settings.name, record.issueCount]);

    await page.getByTestId('import-folder').setInputFiles(folder);
    await review().waitFor({ timeout: 30_000 });
    expect(await review().locator('.import-review-title').textContent()).toBe(`核对第 1 / 1 个文件：往期简报/2020/${huitoukan.name}.txt`);
    await page.keyboard.press('Escape');
    const question = page.getByRole('dialog', { name: '还有文件没有归档' });
    await question.waitFor();
    await press(question.getByRole('button', { name: '不再归档，关闭' }));
    await importDialog().waitFor({ state: 'detached' });
    expect((await api['series.list']({})).map((record) => [record.settings.name, record.issueCount])).toEqual(before);
  });

  it('the desktop menu’s 导入文件… opens the same import from any screen: the picker at once when the page may open it, else after asking', { timeout: 60_000 }, async () => {
    const desktop = await openWatchedPage(browser, { width: 1366, height: 768 });
    // what the preload exposes in the desktop app: the menu's commands, here sent by the test
    await desktop.context.addInitScript(() => {
      const listeners = new Set<(command: string) => void>();
      Object.assign(window, {
        jianbaoDesktop: {
          onMenuCommand(listener: (command: string) => void) {
            listeners.add(listener);
            return () => listeners.delete(listener);
          },
        },
        sendMenuCommand: (command: string) => listeners.forEach((listener) => listener(command)),
      });
    });
    const menuPage = desktop.page;
    // Playwright's own calls count as the clerk's gestures (page.evaluate lends one); a message from the main process is none
    const cdp = await desktop.context.newCDPSession(menuPage);
    const withoutGesture = (expression: string) => cdp.send('Runtime.evaluate', { expression, userGesture: false, returnByValue: true });
    try {
      await menuPage.goto(app.loginUrl());
      await menuPage.locator('.series-item.selected').waitFor();
      await menuPage.evaluate(() => { window.location.hash = '#/series/new'; });
      await menuPage.locator('.series-pane').waitFor({ state: 'detached' });

      // on another screen, with the page allowed to open a picker: back to the archive, the picker opens
      const [direct] = await Promise.all([
        menuPage.waitForEvent('filechooser'),
        menuPage.evaluate(() => (window as unknown as { sendMenuCommand: (command: string) => void }).sendMenuCommand('archive.import')),
      ]);
      expect(await direct.element().getAttribute('accept')).toBe('.txt,.docx,.doc,.pdf,.json');
      await direct.setFiles([]);
      await menuPage.locator('.series-pane').waitFor();

      // no gesture for 5 seconds, so the page may not open a picker by itself (as after a menu click): it asks, Enter opens it
      await new Promise((resolve) => setTimeout(resolve, 5500));
      expect((await withoutGesture('navigator.userActivation.isActive')).result.value).toBe(false);
      await withoutGesture(`sendMenuCommand('archive.import')`);
      const ask = menuPage.getByRole('dialog', { name: '导入简报' });
      await ask.getByRole('button', { name: '选择文件…' }).waitFor();
      expect(await menuPage.evaluate(() => document.activeElement?.textContent)).toBe('选择文件…');
      // the button is focused for Enter (checked above); it is clicked, because on a machine loaded by the whole
      // suite Chromium has let a key press there open no picker (alone it always does): an open question
      const [chooser] = await Promise.all([menuPage.waitForEvent('filechooser'), ask.getByRole('button', { name: '选择文件…' }).click()]);
      expect(chooser.isMultiple()).toBe(true);
      await chooser.setFiles([file(`${THIRTEEN.name}.txt`, readFileSync(THIRTEEN.path))]);
      const menuReview = menuPage.locator('.import-review');
      await menuReview.waitFor({ timeout: 30_000 });
      // the series the first test filed into is found by the masthead's name
      expect(await menuReview.getByRole('combobox', { name: '刊物' }).evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)).toBe(SERIES);
      await menuReview.getByRole('button', { name: '跳过' }).click();
      await menuPage.locator('.import-summary', { hasText: '导入完成：已导入 0 个，跳过 1 个，失败 0 个' }).waitFor();
      expect(await menuPage.locator('.import-skipped').textContent()).toContain('跳过：选择了跳过，未归档');
      expect(desktop.nativeDialogs).toEqual([]);
      expect(desktop.errors).toEqual([]);
    } finally {
      await desktop.context.close();
    }
  });

  it('asked nothing through a native dialog and raised no page error', () => {
    expect(nativeDialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});
