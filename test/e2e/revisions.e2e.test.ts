// 修订记录 in real Chromium against browser mode and a real archive: a clerk types, autosaves and saves,
// changes the 期号, opens the revisions, sees what made each one (保存, 自动保存, 新建), moves through them
// with ↑/↓, sees an older one compared with the text on screen (lines and characters marked) and the
// newest one "与当前相同", restores the older one's content and keeps the current 期号.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ApiClient } from '../../shared/api/contract.ts';
import { launchChromium, openWatchedPage } from './chromium.ts';
import { startApp, type RunningApp } from './web-app.ts';
import { repoRoot, squeeze } from '../fixtures.ts';

const shots = join(repoRoot, 'test-output', 'e2e');
mkdirSync(shots, { recursive: true });

let app: RunningApp;
let api: ApiClient;
let browser: Browser;
let page: Page;
let issueId: number;
let errors: string[] = [];
let nativeDialogs: string[] = [];

const body = () => page.locator('[data-testid="bulletin-body"]');
const bodyText = async () => squeeze((await body().textContent()) ?? '');
const saved = () => page.locator('[data-testid="save-state"]', { hasText: '已保存' }).waitFor({ timeout: 15_000 });
const dialog = () => page.getByRole('dialog', { name: '修订记录' });
const options = () => dialog().getByRole('option');

beforeAll(async () => {
  app = await startApp();
  api = await app.apiClient();
  browser = await launchChromium();
  ({ page, errors, nativeDialogs } = await openWatchedPage(browser, { width: 1400, height: 900 }));
  await page.goto(app.loginUrl());
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('a clerk going back to an older revision', () => {
  it('writes an issue: autosaved, saved with Ctrl+S, then moved to another 期号', async () => {
    await page.getByRole('button', { name: '新建刊物' }).click();
    await page.getByRole('textbox', { name: '刊物名称' }).fill('修订测试工作简报');
    await page.getByRole('textbox', { name: '编印单位' }).fill('修订测试联络组');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByRole('heading', { name: '修订测试工作简报' }).waitFor();
    await page.getByRole('button', { name: '新建一期' }).click();
    await page.waitForURL(/#\/issue\/\d+/);
    issueId = Number(page.url().split('/').pop());
    await body().waitFor();
    expect(await page.getByLabel('期号').inputValue()).toBe('1');

    // typed, then left alone: the editor autosaves
    await page.locator('.article-title').first().click();
    await page.keyboard.insertText('防汛工作部署会召开');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('7月12日，全市召开防汛工作会议。');
    await saved();
    // more typed and saved at once with Ctrl+S
    await page.keyboard.insertText('会议要求压实责任。');
    await page.keyboard.press('Control+s');
    await saved();
    // the 期号 changed in the masthead, then autosaved
    await page.getByLabel('期号').fill('7');
    await expect.poll(async () => (await api['issues.get']({ id: issueId })).issue.number, { timeout: 15_000 }).toBe(7);
    await saved();
    expect(await bodyText()).toContain('会议要求压实责任。');
  });

  it('opens 修订记录 and sees what made each revision, newest first', async () => {
    await page.getByRole('button', { name: '修订记录' }).click();
    await dialog().waitFor();
    await expect.poll(() => options().count()).toBeGreaterThanOrEqual(4);
    const kinds = await dialog().locator('.revision-kind').allTextContents();
    expect(kinds[0]).toBe('自动保存');
    expect(kinds).toContain('保存');
    expect(kinds.at(-1)).toBe('新建');
    expect(kinds.every((kind) => ['新建', '保存', '自动保存'].includes(kind))).toBe(true);
    // the newest revision is what is on screen
    expect(await options().first().getAttribute('aria-selected')).toBe('true');
    await dialog().getByTestId('revision-same').waitFor();
    expect(await dialog().getByTestId('revision-same').textContent()).toContain('与当前相同');
    await page.screenshot({ path: join(shots, 'revisions-1-list.png') });
  });

  it('moves with ↓ to the revision before the Ctrl+S and sees it compared with the current text', async () => {
    const list = await api['revisions.list']({ issueId });
    const save = list.find((revision) => revision.kind === 'save')!;
    const target = list.find((revision) => revision.revision === save.revision - 1)!;
    expect(target.kind).toBe('autosave');
    const steps = list.indexOf(target);
    for (let step = 0; step < steps; step++) await page.keyboard.press('ArrowDown');
    expect(await dialog().locator(`#revision-${target.revision}`).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowUp');
    expect(await dialog().locator(`#revision-${target.revision}`).getAttribute('aria-selected')).toBe('false');
    await page.keyboard.press('ArrowDown');
    expect(await dialog().locator(`#revision-${target.revision}`).getAttribute('aria-selected')).toBe('true');

    const diff = dialog().getByTestId('revision-diff');
    await diff.waitFor();
    // the 期号 line: changed within the line, 1 in the revision, 7 now
    const removedNumber = diff.locator('.diff-removed', { hasText: '第1期' });
    const addedNumber = diff.locator('.diff-added', { hasText: '第7期' });
    expect(await removedNumber.locator('del').allTextContents()).toEqual(['1']);
    expect(await addedNumber.locator('ins').allTextContents()).toEqual(['7']);
    // the text typed after it is marked as added, within the paragraph's line
    const addedText = diff.locator('.diff-added', { hasText: '会议要求压实责任。' });
    expect(await addedText.locator('ins').allTextContents()).toEqual(['会议要求压实责任。']);
    expect(await diff.locator('.diff-same', { hasText: '防汛工作部署会召开' }).count()).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: join(shots, 'revisions-2-compare.png') });
  });

  it('restores its content keeping the current 期号: the text comes back, the 期号 stays', async () => {
    const list = await api['revisions.list']({ issueId });
    await dialog().getByRole('button', { name: '恢复内容（保留当前期号、日期和文号）' }).click();
    await dialog().waitFor({ state: 'detached' });
    await expect.poll(bodyText).not.toContain('会议要求压实责任。');
    expect(await bodyText()).toContain('7月12日，全市召开防汛工作会议。');
    expect(await page.getByLabel('期号').inputValue()).toBe('7');

    const record = await api['issues.get']({ id: issueId });
    expect(record.issue.number).toBe(7);
    expect(record.revision).toBe(list[0]!.revision + 1);
    const [latest] = await api['revisions.list']({ issueId });
    expect(latest!.kind).toBe('restored');

    await page.reload();
    await body().waitFor();
    expect(await page.getByLabel('期号').inputValue()).toBe('7');
    expect(await bodyText()).not.toContain('会议要求压实责任。');
    await page.getByRole('button', { name: '修订记录' }).click();
    await expect.poll(async () => (await dialog().locator('.revision-kind').allTextContents())[0]).toBe('恢复');
    await page.screenshot({ path: join(shots, 'revisions-3-restored.png') });
    await page.keyboard.press('Escape');
  });

  it('raised no error in the page', () => {
    expect(errors).toEqual([]);
    expect(nativeDialogs).toEqual([]);
  });
});
