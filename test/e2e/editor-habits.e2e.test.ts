// A Word/WPS user's habits in the issue editor, in real Chromium against browser mode, keyboard first:
// Ctrl+S straight after typing, Tab, F6, 审核 with errors left, editing a reviewed issue, leaving an
// untouched new issue, a title being typed, an issued issue read-only, and a 1366-wide window.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openWatchedPage } from './chromium.ts';
import { startApp, type RunningApp } from './web-app.ts';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import type { ApiClient } from '../../shared/api/contract.ts';
import { repoRoot, squeeze } from '../fixtures.ts';

const shots = join(repoRoot, 'test-output', 'e2e-habits');
mkdirSync(shots, { recursive: true });

let app: RunningApp;
let browser: Browser;
let page: Page;
let api: ApiClient;
let seriesId: number;
let errors: string[] = [];
let nativeDialogs: string[] = [];

const body = () => page.locator('[data-testid="bulletin-body"]');
const saveState = () => page.getByTestId('save-state');
const saved = () => page.locator('[data-testid="save-state"]', { hasText: '已保存' }).waitFor({ timeout: 15_000 });

async function openNewIssue(): Promise<number> {
  await page.goto(`${app.url}/#/archive/${seriesId}`);
  await page.getByRole('button', { name: '新建一期' }).click();
  await page.waitForURL(/#\/issue\/\d+/);
  await body().waitFor();
  return Number(new URL(page.url()).hash.split('/')[2]);
}

async function bodyText(): Promise<string> {
  return squeeze((await body().textContent()) ?? '');
}

beforeAll(async () => {
  app = await startApp();
  api = await app.apiClient();
  seriesId = (await api['series.create']({ settings: { ...defaultSeriesSettings('习惯测试工作简报', '测试协调组'), sections: ['县市区工作动态'] } })).id;
  browser = await launchChromium();
  ({ page, errors, nativeDialogs } = await openWatchedPage(browser, { width: 1366, height: 768, acceptDownloads: true }));
  await page.goto(app.loginUrl());
  await page.waitForURL(/#\/archive/);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('a Word user in the issue editor', () => {
  it('saves with Ctrl+S pressed straight after typing, three times in a row, without 保存失败', async () => {
    const id = await openNewIssue();
    await page.locator('.article-title').first().click();
    await page.keyboard.type('全市召开督察整改推进会');
    await page.keyboard.press('Enter');
    for (const sentence of ['会议要求立行立改。', '各地要压实责任。', '确保按期销号。']) {
      await page.keyboard.type(sentence, { delay: 0 });
      await page.keyboard.press('Control+s');
      await page.waitForTimeout(80);
      await page.keyboard.press('Control+s');
      await saved();
      expect(await saveState().textContent()).toBe('已保存');
    }
    expect(await page.locator('.notice-error').count()).toBe(0);
    const stored = await api['issues.get']({ id });
    expect(JSON.stringify(stored.issue.blocks)).toContain('会议要求立行立改。各地要压实责任。确保按期销号。');
  });

  it('keeps Tab in the body: the next keys go into the text, not the colophon', async () => {
    await page.locator('.bulletin-body p.paragraph').first().click();
    await page.keyboard.press('End');
    const colophonBefore = await page.locator('.colophon textarea').first().inputValue();
    await page.keyboard.press('Tab');
    await page.keyboard.type('按了Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('bulletin-body');
    expect(await bodyText()).toContain('确保按期销号。按了Tab');
    expect(await page.locator('.colophon textarea').first().inputValue()).toBe(colophonBefore);
    await page.locator('.notice', { hasText: 'F6' }).waitFor();
    for (let i = 0; i < 5; i++) await page.keyboard.press('Backspace');
    await saved();
    expect(await bodyText()).toContain('确保按期销号。');
    expect(await bodyText()).not.toContain('按了');
  });

  it('splits the paragraph where Home then End put the caret when Enter comes straight after', async () => {
    const paragraphs = page.locator('.bulletin-body .article').first().locator('p.paragraph');
    const paragraph = paragraphs.first();
    const before = squeeze((await paragraph.textContent()) ?? '');
    await paragraph.click();
    await page.waitForTimeout(300);
    // two caret moves in quick succession: Slate hears of the second only after its 100 ms throttle
    // (the short pause lets the page draw the first move, as it would at a clerk's pace)
    await page.keyboard.press('Home');
    await page.waitForTimeout(30);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('另起一段。');
    expect(squeeze((await paragraph.textContent()) ?? '')).toBe(before);
    expect(squeeze((await paragraphs.nth(1).textContent()) ?? '')).toBe('另起一段。');
    for (let i = 0; i < 6; i++) await page.keyboard.press('Backspace');
    await expect.poll(() => paragraphs.count()).toBe(1);
    await saved();
  });

  it('moves between 报头, 正文, 版记 and 校对 with F6 and back with Shift+F6', async () => {
    await body().click();
    await page.keyboard.press('F6');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-area]')?.getAttribute('data-area'))).toBe('colophon');
    await page.keyboard.press('F6');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-area]')?.getAttribute('data-area'))).toBe('proofreading');
    await page.keyboard.press('F6');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-area]')?.getAttribute('data-area'))).toBe('masthead');
    await page.keyboard.press('Shift+F6');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-area]')?.getAttribute('data-area'))).toBe('proofreading');
  });

  it('lists every key in 快捷键 (F1)', async () => {
    await page.keyboard.press('F1');
    const dialog = page.locator('dialog[open]', { hasText: '快捷键' });
    for (const key of ['Ctrl+S', 'Ctrl+P', 'Ctrl+B', 'Ctrl+Alt+1', 'Tab', 'F6']) await expect.poll(() => dialog.textContent()).toContain(key);
    await page.keyboard.press('Escape');
  });

  it('does not show “只有标题，没有正文” while a new title is being typed, and shows it once the caret leaves', async () => {
    await page.getByRole('button', { name: '新文章' }).click();
    await page.keyboard.type('第二篇文章的标题');
    await page.waitForTimeout(800);
    expect(await page.locator('.finding', { hasText: '只有标题，没有正文' }).count()).toBe(0);
    await page.locator('.article-title').first().click();
    await page.locator('.finding', { hasText: '只有标题，没有正文' }).first().waitFor();
    await page.locator('.article-title', { hasText: '第二篇文章的标题' }).click();
    await page.getByRole('button', { name: '删除文章' }).click();
    await saved();
  });

  it('warns in the app, not with a browser box, before 审核通过 with proofreading errors left', async () => {
    await page.locator('.bulletin-body p.paragraph').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type('会议于19点30时结束。');
    await saved();
    await expect.poll(async () => Number(await page.getByTestId('toolbar-finding-count').textContent())).toBeGreaterThan(0);
    await page.getByRole('button', { name: '审核通过', exact: true }).click();
    const question = page.locator('dialog[open]', { hasText: '尚未处理' });
    await question.waitFor();
    await page.screenshot({ path: join(shots, 'review-warning.png') });
    await question.getByRole('button', { name: '查看校对结果' }).click();
    expect(await page.locator('.badge').first().textContent()).toBe('草稿');
    await page.getByRole('button', { name: '审核通过', exact: true }).click();
    await page.locator('dialog[open]').getByRole('button', { name: '仍然审核通过' }).click();
    await page.locator('.badge', { hasText: '已审核' }).waitFor();
    expect(nativeDialogs).toEqual([]);
  });

  it('returns a reviewed issue to 草稿 when it is edited, and says so', async () => {
    await page.getByTestId('reviewed-banner').waitFor();
    await page.locator('.bulletin-body p.paragraph').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type('补充一句。');
    await page.locator('.notice', { hasText: '退回草稿' }).first().waitFor();
    await saved();
    await page.locator('.badge', { hasText: '草稿' }).waitFor();
    expect(await page.getByTestId('reviewed-banner').count()).toBe(0);
    await page.screenshot({ path: join(shots, 'returned-to-draft.png') });
  });

  it('shows the whole 期号 in the title bar of a 1366-wide window', async () => {
    const title = page.locator('.issue-title-number');
    const box = await title.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(1366);
    expect(await title.evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(true);
    expect(await title.textContent()).toMatch(/第\d+期/);
    await page.screenshot({ path: join(shots, 'editor-1366.png') });
  });

  it('discards a new issue left untouched, so that 新建一期 gives the same number again', async () => {
    const first = await openNewIssue();
    const number = await page.getByLabel('期号').inputValue();
    await page.getByRole('button', { name: '← 返回档案' }).click();
    await page.locator('.notice', { hasText: '已放弃' }).waitFor();
    await expect(api['issues.get']({ id: first })).rejects.toThrow();
    await page.getByRole('button', { name: '新建一期' }).click();
    await page.waitForURL(/#\/issue\/\d+/);
    await body().waitFor();
    expect(await page.getByLabel('期号').inputValue()).toBe(number);
  });

  it('shows an issued issue without the template’s empty sections', async () => {
    await page.getByRole('button', { name: '← 返回档案' }).click();
    await page.waitForURL(/#\/archive/);
    const record = await api['issues.next']({ seriesId });
    const issue = structuredClone(record.issue);
    issue.blocks = [{ type: 'lead', items: [] }, { type: 'article', title: '已印发的文章', paragraphs: [{ runs: [{ text: '正文一段。' }] }] }, { type: 'news', heading: '县市区工作动态', items: [] }];
    const saved1 = await api['issues.save']({ id: record.id, baseRevision: record.revision, issue });
    await api['issues.setStatus']({ id: record.id, status: 'reviewed' });
    await api['issues.setStatus']({ id: record.id, status: 'issued' });
    expect(saved1.changed).toBe(true);
    await page.goto(`${app.url}/#/issue/${record.id}`);
    await page.locator('.banner-info', { hasText: '已印发' }).waitFor();
    expect(await bodyText()).toContain('已印发的文章');
    expect(await page.locator('.news-section').count()).toBe(0);
    expect(await bodyText()).not.toMatch(/单位或标题|县市区工作动态/);
  });

  it('lets the 期号 box be emptied and retyped, and says so when the number is out of range', async () => {
    await openNewIssue();
    const box = page.getByLabel('期号');
    await box.click();
    await page.keyboard.press('End');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
    expect(await box.inputValue()).toBe('');
    await page.locator('.field-problem', { hasText: '请填写期号' }).waitFor();
    await page.keyboard.type('12');
    expect(await box.inputValue()).toBe('12');
    await page.keyboard.type('0000000');
    await page.locator('.field-problem', { hasText: '应在 1–100000 之间' }).waitFor();
    for (let i = 0; i < 7; i++) await page.keyboard.press('Backspace');
    await saved();
    expect(await page.locator('.issue-title-number').textContent()).toContain('第12期');
  });

  it('asks before leaving when a taken 期号 kept the text from being saved, and keeps the text', async () => {
    const box = page.getByLabel('期号');
    await box.fill('1');
    await page.locator('.article-title').first().click();
    await page.keyboard.type('号码冲突时写的标题');
    await page.keyboard.press('Control+s');
    await page.locator('[data-testid="save-state"]', { hasText: '保存失败' }).waitFor();
    await page.getByRole('button', { name: '← 返回档案' }).click();
    const question = page.locator('dialog[open]', { hasText: '修改未能保存' });
    await question.waitFor();
    expect(await question.textContent()).toMatch(/第1期已经用过/);
    await question.getByRole('button', { name: '留在这里' }).click();
    expect(await bodyText()).toContain('号码冲突时写的标题');
    await box.fill('13');
    await saved();
  });

  it('offers to keep either side when another tab saved the same issue first', async () => {
    const id = Number(new URL(page.url()).hash.split('/')[2]);
    const other = await page.context().newPage();
    await other.goto(`${app.url}/#/issue/${id}`);
    await other.locator('[data-testid="bulletin-body"]').waitFor();
    await other.locator('.article-title').first().click();
    await other.keyboard.press('End');
    await other.keyboard.type('（另一标签页）');
    await other.keyboard.press('Control+s');
    await other.locator('[data-testid="save-state"]', { hasText: '已保存' }).waitFor();
    await other.close();
    await page.locator('.article-title').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type('（这一页）');
    await page.keyboard.press('Control+s');
    const banner = page.getByTestId('conflict-banner');
    await banner.waitFor();
    await banner.getByRole('button', { name: /以我的修改为准/ }).click();
    await saved();
    const stored = await api['issues.get']({ id });
    expect(JSON.stringify(stored.issue.blocks)).toContain('号码冲突时写的标题（这一页）');
    const kinds = (await api['revisions.list']({ issueId: id })).map((revision) => revision.note);
    expect(kinds.length).toBeGreaterThan(2);
  });

  it('asks before a whole bulletin pasted into an issue that has text replaces it', async () => {
    await page.locator('.bulletin-body p.paragraph').first().click();
    await page.evaluate(() => {
      const target = document.querySelector('[data-testid="bulletin-body"]')!;
      const transfer = new DataTransfer();
      transfer.setData('text/plain', '习惯测试工作简报\n第5期\n测试协调组    2024年7月15日\n粘贴来的标题\n粘贴来的正文。\n报：市委办公室\n测试协调组    2024年7月15日印发');
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    });
    const question = page.locator('dialog[open]', { hasText: '本期已经有内容' });
    await question.waitFor();
    await question.getByRole('button', { name: '不粘贴' }).click();
    expect(await bodyText()).not.toContain('粘贴来的正文');
  });

  it('saves series settings with Ctrl+S and asks before leaving them unsaved', async () => {
    await page.goto(`${app.url}/#/series/${seriesId}`);
    const report = page.getByLabel(/^报/).first();
    await report.click();
    await page.keyboard.type('市委办公室');
    await page.keyboard.press('Control+s');
    await page.waitForURL(/#\/archive/);
    expect((await api['series.get']({ id: seriesId })).settings.distribution.report).toEqual(['市委办公室']);
    await page.goto(`${app.url}/#/series/${seriesId}`);
    await page.getByLabel(/^送/).first().click();
    await page.keyboard.type('市政府办公室');
    await page.getByRole('button', { name: '← 返回档案' }).click();
    const question = page.locator('dialog[open]', { hasText: '还没有保存' });
    await question.waitFor();
    await question.getByRole('button', { name: '保存并返回' }).click();
    await page.waitForURL(/#\/archive/);
    expect((await api['series.get']({ id: seriesId })).settings.distribution.send).toEqual(['市政府办公室']);
  });

  it('raised no error in the page and opened no browser dialog', () => {
    expect(errors).toEqual([]);
    expect(nativeDialogs).toEqual([]);
  });
});
