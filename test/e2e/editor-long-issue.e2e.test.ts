// A 200-page issue in the editor, in real Chromium: proofreading and the page plan run in a worker, and the
// caret (Ctrl+End, Ctrl+Home), the page marks and going to a finding at the far end of the issue work as in a
// short one. (With `content-visibility: auto` on the articles, Chromium's Ctrl+End stopped at the first one.)
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { defaultSeriesSettings, type SeriesSettings } from '../../shared/model/series.ts';
import type { Issue, Paragraph } from '../../shared/model/issue.ts';
import { elementPlainText } from '../../shared/model/content.ts';
import { proofreadIssue } from '../../shared/proofread/proofread.ts';
import { findingsInView } from '../../renderer/editor/findings-in-view.ts';
import { issuePagePlan } from '../../renderer/editor/page-plan.ts';
import { generateIssue } from '../generate.ts';
import { closeAppInBrowser, openAppInBrowser, screenshotFolder, type AppInBrowser } from './harness.ts';

const shots = screenshotFolder();
const PLANTED = '督察组要求立行立改。。';
const TYPED = '确保问题整改到位';

let opened: AppInBrowser;
let page: Page;
let issueId = 0;
let settings: SeriesSettings;

/** The 200-page issue with a doubled full stop planted in the last news item's last paragraph. */
function longIssue(): Issue {
  const issue = generateIssue(200, 200);
  const news = issue.blocks[issue.blocks.length - 1]!;
  if (news.type !== 'news') throw new Error('the generated issue ends with its news section');
  const item = news.items[news.items.length - 1]!;
  const paragraph = item.paragraphs[item.paragraphs.length - 1]! as Paragraph;
  paragraph.runs = [...paragraph.runs, { text: PLANTED }];
  return issue;
}

const archived = async () => (await opened.api['issues.get']({ id: issueId })).issue;
/** Whether the rectangle of the page's current selection is on screen. */
const caretOnScreen = () =>
  page.evaluate(() => {
    const range = window.getSelection()?.getRangeAt(0);
    const box = range?.getBoundingClientRect();
    return !!box && box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
  });

beforeAll(async () => {
  opened = await openAppInBrowser({
    width: 1366,
    height: 768,
    seed: async (api) => {
      const issue = longIssue();
      const series = await api['series.create']({ settings: { ...defaultSeriesSettings(issue.series.name, issue.series.issuer), sections: ['县市区工作动态'] } });
      settings = series.settings;
      const record = await api['issues.next']({ seriesId: series.id });
      await api['issues.save']({ id: record.id, baseRevision: record.revision, issue: { ...issue, number: record.issue.number, date: record.issue.date, status: 'draft' } });
      issueId = record.id;
    },
  });
  page = opened.page;
  await page.goto(`${opened.app.url}/#/issue/${issueId}`);
  await page.locator('[data-testid="bulletin-body"] .paragraph').first().waitFor();
}, 180_000);

afterAll(() => closeAppInBrowser(opened));

describe('a 200-page issue in the editor', () => {
  it('proofreads it and plans its pages in a worker, with the findings and the page count the archive’s copy has', async () => {
    const issue = await archived();
    const plan = issuePagePlan(issue, settings);
    const findings = findingsInView(proofreadIssue(issue, settings), issue.ignoredFindings, null);
    await page.locator(`[data-testid="editor-page-count"][data-pages="${plan.totalPages}"]`).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('finding-count').textContent(), { timeout: 30_000 }).toBe(String(findings.length));
    expect(findings.some((finding) => finding.text === '。。')).toBe(true);
    expect(page.workers().map((worker) => worker.url()).some((url) => url.includes('analysis.worker'))).toBe(true);
  });

  it('shows a page mark where the plan starts each page, the last one far down the issue too', async () => {
    const plan = issuePagePlan(await archived(), settings);
    // pages that start in the 导读 (which the side panel shows, not the body) are marked on the first title: its last one shows
    const lastPageAt = new Map<string, number>();
    for (const start of plan.starts) lastPageAt.set(JSON.stringify([start.source, start.offset]), start.page);
    const expected = [...lastPageAt.values()].sort((a, b) => a - b);
    expect(expected.length).toBeGreaterThan(150);
    const marks = () => page.locator('[data-page-start], [data-page-start-inside]').evaluateAll((nodes) =>
      nodes.map((node) => Number(node.getAttribute('data-page-start') ?? node.getAttribute('data-page-start-inside'))));
    expect(await marks()).toEqual(expected);
    const last = page.locator('.page-break-mark, .page-break-inside').last();
    await last.scrollIntoViewIfNeeded();
    const box = await last.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThanOrEqual(768);
    await page.screenshot({ path: join(shots, 'editor-200-pages-last-mark.png') });
  });

  it('types at the caret at the very end of the issue (Ctrl+End), the caret on screen, and saves it', async () => {
    await page.locator('.bulletin-body .paragraph').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(TYPED);
    expect(await caretOnScreen()).toBe(true);
    const lastText = await page.locator('.bulletin-body .paragraph').last().textContent();
    expect(lastText?.endsWith(`${PLANTED}${TYPED}`)).toBe(true);
    await page.keyboard.press('Control+s');
    await page.locator('[data-testid="save-state"]', { hasText: '已保存' }).waitFor({ timeout: 30_000 });
    const news = (await archived()).blocks.at(-1)!;
    expect(news.type === 'news' && elementPlainText(news.items.at(-1)!.paragraphs.at(-1)!).endsWith(`${PLANTED}${TYPED}`)).toBe(true);
    await page.screenshot({ path: join(shots, 'editor-200-pages-typed-at-end.png') });
  });

  it('goes back to the top with Ctrl+Home, and from there to a finding at the far end: the text is selected and on screen', async () => {
    await page.locator('.bulletin-body .paragraph').last().click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type(TYPED);
    expect(await caretOnScreen()).toBe(true);
    expect((await page.locator('.bulletin-body .article-title').first().textContent())?.startsWith(TYPED)).toBe(true);
    await page.locator('.finding-go', { hasText: '“。。”' }).click();
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('。。');
    expect(await caretOnScreen()).toBe(true);
    await page.screenshot({ path: join(shots, 'editor-200-pages-finding.png') });
  });

  it('reads only nodes near the caret at a keystroke, not the whole body: React does not walk the body at each commit', async () => {
    const paragraph = page.locator('.bulletin-body .paragraph').nth(2);
    await paragraph.click();
    const before = (await paragraph.textContent())!.split('整').length;
    const bodyNodes = await page.evaluate(`(() => {
      const body = document.querySelector('[data-testid="bulletin-body"]');
      const firstChild = Object.getOwnPropertyDescriptor(Node.prototype, 'firstChild');
      window.__bodyReads = 0;
      Object.defineProperty(Node.prototype, 'firstChild', { configurable: true, get() { if (body.contains(this)) window.__bodyReads++; return firstChild.get.call(this); } });
      window.__restoreFirstChild = () => Object.defineProperty(Node.prototype, 'firstChild', firstChild);
      return document.createTreeWalker(body).nextNode() ? body.querySelectorAll('*').length : 0;
    })()`);
    await page.keyboard.type('整');
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    const reads = await page.evaluate(`(() => { window.__restoreFirstChild(); return window.__bodyReads; })()`);
    expect((await paragraph.textContent())!.split('整').length).toBe(before + 1);
    expect(bodyNodes).toBeGreaterThan(3000);
    // React's walk reads the first child of every node of the body (one read per element and text: thousands)
    expect(reads).toBeLessThan(200);
  });

  it('raised no error in the page', () => {
    expect(opened.errors).toEqual([]);
  });
});
