// The whole app in real Chromium against browser mode and a real archive: a clerk's day, from a new
// series to an issued bulletin, with IME input, pasting, exports, reload, search and read-only issues.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import JSZip from 'jszip';
import { launchChromium } from './chromium.ts';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import { startApp, type RunningApp } from './web-app.ts';
import { bulletinFixtures, repoRoot, squeeze } from '../fixtures.ts';

const shots = join(repoRoot, 'test-output', 'e2e');
mkdirSync(shots, { recursive: true });

let app: RunningApp;
let browser: Browser;
let page: Page;
const errors: string[] = [];

const body = () => page.locator('[data-testid="bulletin-body"]');
const leadItems = async () => (await page.locator('[data-testid="lead"] li').allTextContents()).map(squeeze);
const saved = () => page.locator('[data-testid="save-state"]', { hasText: '已保存' }).waitFor({ timeout: 15_000 });
const bodyText = async () => squeeze((await body().textContent()) ?? '');

async function pasteInto(selector: string, data: { text?: string; html?: string }) {
  await page.locator(selector).first().click();
  await page.evaluate(
    ({ selector, data }) => {
      const target = document.querySelector(selector)!;
      const transfer = new DataTransfer();
      if (data.text) transfer.setData('text/plain', data.text);
      if (data.html) transfer.setData('text/html', data.html);
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    },
    { selector, data },
  );
}

async function exportAs(label: string): Promise<void> {
  await page.getByRole('button', { name: '导出 ▾' }).click();
  await page.getByRole('menuitem', { name: label }).click();
}

/** Clicks a status button and answers the app's own question, if it asks one, with `confirm`. */
async function setStatus(button: string, confirm: RegExp): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.locator('dialog[open]');
  await Promise.race([dialog.waitFor({ timeout: 3000 }).catch(() => {}), page.waitForTimeout(1000)]);
  if (await dialog.count()) await dialog.getByRole('button', { name: confirm }).click();
}

async function newIssueFromArchive(): Promise<void> {
  await page.getByRole('button', { name: '← 返回档案' }).click();
  await page.getByRole('button', { name: '新建一期' }).click();
  await page.waitForURL(/#\/issue\/\d+/);
  await body().waitFor();
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(app.loginUrl());
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('a clerk in browser mode', () => {
  it('creates a series with its template and default distribution', async () => {
    await page.getByRole('button', { name: '新建刊物' }).click();
    await page.getByRole('textbox', { name: '刊物名称' }).fill('益阳市配合第二轮省生态环境保护例行督察工作简报');
    await page.getByRole('textbox', { name: '编印单位' }).fill('益阳市配合第二轮省生态环境保护督察协调联络组');
    await page.getByLabel(/动态栏目/).fill('县市区工作动态');
    await page.getByLabel(/^报/).first().fill('省生态环境保护督察和整改工作领导小组办公室\n市委办公室');
    await page.screenshot({ path: join(shots, '1-series-settings.png'), fullPage: true });
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByRole('heading', { name: '益阳市配合第二轮省生态环境保护例行督察工作简报' }).waitFor();
    const stored = await page.evaluate(async () => (await (await fetch('/api/series.list', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()).value);
    expect(stored).toHaveLength(1);
    expect(stored[0].settings).toMatchObject({
      issuer: '益阳市配合第二轮省生态环境保护督察协调联络组',
      sections: ['县市区工作动态'],
      distribution: { report: ['省生态环境保护督察和整改工作领导小组办公室', '市委办公室'] },
    });
    await page.screenshot({ path: join(shots, '2-archive-empty.png') });
  });

  it('starts issue 1 with the next number, today’s date and the series’ distribution', async () => {
    await page.getByRole('button', { name: '新建一期' }).click();
    await page.waitForURL(/#\/issue\/\d+/);
    await body().waitFor();
    expect(await page.getByLabel('期号').inputValue()).toBe('1');
    const today = new Date();
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    expect(await page.getByLabel('日期', { exact: true }).inputValue()).toBe(iso);
    expect(await page.locator('.colophon textarea').first().inputValue()).toContain('市委办公室');
  });

  it('types Chinese into the title and body, through insertText and through IME composition', async () => {
    await page.locator('.article-title').first().click();
    await page.keyboard.insertText('全市召开环保督察工作推进会');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('7月12日，全市召开会议。');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'duc', selectionStart: 3, selectionEnd: 3 });
    await cdp.send('Input.imeSetComposition', { text: '督察', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.insertText', { text: '督察' });
    await cdp.send('Input.insertText', { text: '组' });
    // a composition abandoned midway (Esc in the IME) must leave nothing behind
    await cdp.send('Input.imeSetComposition', { text: 'zhengg', selectionStart: 6, selectionEnd: 6 });
    await cdp.send('Input.imeSetComposition', { text: '', selectionStart: 0, selectionEnd: 0 });
    await cdp.send('Input.imeSetComposition', { text: '整改', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.insertText', { text: '整改' });
    await page.keyboard.insertText('到位。');
    await saved();
    expect(await bodyText()).toContain('全市召开环保督察工作推进会7月12日，全市召开会议。督察组整改到位。');
    expect(await bodyText()).not.toMatch(/zhengg|duc|督察督察/);
    expect(await leadItems()).toEqual(['全市召开环保督察工作推进会']);
    await page.screenshot({ path: join(shots, '3-editor-typed.png'), fullPage: true });
  });

  it('adds, moves and deletes articles, and the 导读 follows', async () => {
    await page.getByRole('button', { name: '新文章' }).click();
    await page.keyboard.insertText('第二篇文章');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('第二篇的正文。');
    await expect.poll(leadItems).toEqual(['全市召开环保督察工作推进会', '第二篇文章']);
    await page.getByRole('button', { name: '文章上移' }).click();
    await expect.poll(leadItems).toEqual(['第二篇文章', '全市召开环保督察工作推进会']);
    await page.getByRole('button', { name: '删除文章' }).click();
    await expect.poll(leadItems).toEqual(['全市召开环保督察工作推进会']);
    await saved();
  });

  it('finds everything saved after a reload', async () => {
    await page.reload();
    await body().waitFor();
    expect(await bodyText()).toContain('督察组整改到位。');
    expect(await leadItems()).toEqual(['全市召开环保督察工作推进会']);
  });

  it('fills every part of an empty issue from a fixture pasted as plain text', async () => {
    await newIssueFromArchive();
    const fixture = bulletinFixtures().find((f) => f.name === 'yiyang-2023-13')!;
    await pasteInto('[data-testid="bulletin-body"]', { text: fixture.text });
    // the pasted bulletin has its own 期号, date and 文号: the clerk keeps this issue's, all three
    const numberBefore = await page.getByLabel('期号').inputValue();
    const question = page.locator('dialog[open]', { hasText: '粘贴整期简报' });
    expect(await question.getByTestId('pasted-masthead').textContent()).toMatch(/第13期.*2023年.*益简字【2022】42号/);
    await question.getByRole('button', { name: '保留本期的期号、日期和文号' }).click();
    await expect.poll(leadItems).toEqual(fixture.expected.lead.map(squeeze));
    expect(await page.getByLabel('期号').inputValue()).toBe(numberBefore);
    expect(await page.getByLabel('文号').inputValue()).toBe('');
    expect(await page.locator('.article-title').allTextContents()).toEqual(fixture.expected.articles.map((a) => a.title));
    expect(await page.locator('.article-subtitle').first().textContent()).toBe(fixture.expected.articles[0]!.subtitle);
    expect(await page.locator('.item-head').first().textContent()).toBe('安化县');
    await saved();
    await page.waitForTimeout(500);
    expect(await leadItems()).toEqual(fixture.expected.lead.map(squeeze));
    await page.screenshot({ path: join(shots, '4-editor-pasted-text.png'), fullPage: true });
  });

  it('takes a fixture pasted as Word-like HTML, dropping styles, images and scripts', async () => {
    await newIssueFromArchive();
    const fixture = bulletinFixtures().find((f) => f.name === 'yiyang-2020-huitoukan-04')!;
    const html = `<html><head><style>p{color:red}</style><script>window.hacked=1</script></head><body>${fixture.text
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => `<p class="MsoNormal" style="font-family:仿宋_GB2312;color:#333"><span lang="EN-US">${line.replace(/\*\*/g, '')}</span><img src="x.png"></p>`)
      .join('')}</body></html>`;
    await pasteInto('[data-testid="bulletin-body"]', { html, text: fixture.text });
    // this time the clerk takes the pasted 期号 and date together
    await page.locator('dialog[open]', { hasText: '粘贴整期简报' }).getByRole('button', { name: '采用粘贴的期号、日期和文号' }).click();
    await expect.poll(leadItems).toEqual(fixture.expected.lead.map(squeeze));
    expect(await page.getByLabel('期号').inputValue()).toBe(String(fixture.expected.number));
    expect(await page.getByLabel('日期', { exact: true }).inputValue()).toBe(fixture.expected.date);
    expect(await page.evaluate(() => (window as { hacked?: number }).hacked)).toBeUndefined();
    expect(await page.locator('[data-testid="bulletin-body"] img').count()).toBe(0);
    expect(await bodyText()).not.toContain('color');
    await saved();
  });

  it('lists proofreading findings with a count on the toolbar, and applies a fix in the text', async () => {
    const finding = page.locator('.finding', { hasText: '19点30时' }).filter({ has: page.getByRole('button', { name: /^改为/ }) }).first();
    await finding.waitFor();
    expect(Number(await page.getByTestId('toolbar-finding-count').textContent())).toBeGreaterThan(0);
    await finding.getByRole('button', { name: /^改为/ }).click();
    await expect.poll(bodyText).not.toContain('19点30时');
    expect(await bodyText()).toContain('9月19日19时30分');
    await saved();
  });

  it('pastes plain text into an article as cleaned paragraphs', async () => {
    await page.locator('.paragraph').first().click();
    await page.keyboard.press('End');
    const before = await page.locator('.article').first().locator('.paragraph').count();
    await pasteInto('.article .paragraph', { text: '9 月 17 日，督察组开展\n下沉督察。\n— 2 —\n第二段。' });
    await expect.poll(() => page.locator('.article').first().locator('.paragraph').count()).toBeGreaterThan(before);
    expect(await bodyText()).toContain('9月17日，督察组开展下沉督察。');
    expect(await bodyText()).not.toContain('—2—');
    await saved();
  });

  it('search finds the typed and the pasted issues, with the match marked', async () => {
    await page.getByRole('button', { name: '← 返回档案' }).click();
    await page.getByRole('searchbox').fill('督察组');
    await page.getByRole('button', { name: '检索' }).click();
    await page.locator('.search-results mark').first().waitFor();
    const results = await page.locator('.search-results .hit').count();
    expect(results).toBeGreaterThanOrEqual(3);
    await page.getByRole('searchbox').fill('篮球友谊赛');
    await page.getByRole('button', { name: '检索' }).click();
    await expect.poll(() => page.locator('.search-results .hit').count()).toBe(1);
    await page.screenshot({ path: join(shots, '5-archive-search.png') });
  });

  it('exports the issue as .docx and PDF, and both files are real', async () => {
    await page.locator('.search-results .hit').first().click();
    await body().waitFor();
    const [docx] = await Promise.all([page.waitForEvent('download'), exportAs('导出 Word')]);
    expect(docx.suggestedFilename()).toMatch(/工作简报第2期\.docx$/);
    const zip = await JSZip.loadAsync(readFileSync((await docx.path())!));
    expect(await zip.file('word/document.xml')!.async('string')).toContain('一起来围观这场篮球友谊赛');
    const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), exportAs('导出 PDF')]);
    expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('shows the print preview', async () => {
    await page.keyboard.press('Control+p');
    await page.locator('iframe.preview-frame').waitFor();
    const count = await page.getByTestId('preview-page-count').textContent();
    const pages = Number(/^共 (\d+) 页$/.exec(count ?? '')?.[1]);
    expect(pages).toBeGreaterThan(0);
    const sheets = page.frameLocator('iframe.print-preview-frame').locator('section.jb-sheet, section.jb-running');
    await sheets.first().waitFor();
    expect(await sheets.count()).toBe(pages);
    expect(await page.frameLocator('iframe.print-preview-frame').locator('body').textContent()).toContain('一起来围观这场篮球友谊赛');
    await page.screenshot({ path: join(shots, '6-print-preview.png') });
    await page.keyboard.press('Escape');
  });

  it('imports files with a progress bar, 全部归档 and a summary: new issues, a duplicate skipped, a taken number and a broken file failed with their reasons', async () => {
    await page.getByRole('button', { name: '← 返回档案' }).click();
    const fixtures = bulletinFixtures();
    const file = (name: string, buffer: Buffer) => ({ name, mimeType: 'application/octet-stream', buffer });
    await page.getByTestId('import-files').setInputFiles([
      ...fixtures.map((fixture) => file(`${fixture.name}.txt`, readFileSync(fixture.path))),
      file('重复.txt', readFileSync(fixtures[0]!.path)),
      file('损坏.docx', Buffer.from('这不是 Word 文件')),
    ]);
    // the first file read comes up for review; 全部归档 files it and every other file as read
    await page.getByRole('button', { name: '全部归档' }).click();
    const summary = page.locator('.import-summary', { hasText: '导入完成' });
    await summary.waitFor({ timeout: 30_000 });
    // 第1期 of the series was typed by hand earlier, so the fixture that is also 第1期 must not take its number
    expect(await summary.textContent()).toContain('已导入 2 个，跳过 1 个，失败 2 个');
    expect(await page.locator('.import-failed', { hasText: 'yiyang-2023-01.txt' }).textContent()).toContain('第1期已经用过');
    expect(await page.locator('.import-failed', { hasText: '损坏.docx' }).textContent()).toContain('失败：');
    expect(await page.locator('.import-skipped').textContent()).toMatch(/重复\.txt.*跳过：/);
    await page.screenshot({ path: join(shots, '9-import-summary.png') });
    await page.getByRole('button', { name: '完成' }).click();
    await page.getByRole('button', { name: /益阳市配合省生态环保督察“回头看”工作简报/ }).click();
    await expect.poll(() => page.locator('.issue-table tbody tr').count()).toBe(1);
    expect(await page.locator('.issue-table tbody tr').first().textContent()).toContain('第4期');
  });

  it('marks the issue issued and then refuses editing', async () => {
    await page.getByRole('button', { name: /益阳市配合第二轮省生态环境保护例行督察工作简报/ }).click();
    await page.getByRole('searchbox').fill('篮球友谊赛');
    await page.getByRole('button', { name: '检索' }).click();
    await page.locator('.search-results .hit', { hasText: '第2期' }).click();
    await body().waitFor();
    await setStatus('审核通过', /^仍然审核通过$/);
    await page.locator('.badge', { hasText: '已审核' }).waitFor();
    await setStatus('印发', /^(仍然)?印发$/);
    await page.locator('.banner-info', { hasText: '已印发' }).waitFor();
    expect(await body().getAttribute('contenteditable')).toBe('false');
    const before = await bodyText();
    await page.locator('.article-title').first().click();
    await page.keyboard.insertText('不应出现');
    expect(await bodyText()).toBe(before);
    const refused = await page.evaluate(async () => {
      // the page's own session cookie goes with a same-origin fetch
      const id = Number(location.hash.split('/')[2]);
      const current = await (await fetch('/api/issues.get', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id }) })).json();
      const reply = await fetch('/api/issues.save', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id, baseRevision: current.value.revision, issue: { ...current.value.issue, docNumber: '改动' } }),
      });
      return reply.json();
    });
    expect(refused.ok).toBe(false);
    expect(refused.error.message).toMatch(/印发/);
    await page.screenshot({ path: join(shots, '7-editor-issued.png'), fullPage: true });
  });

  it('raised no error in the page', () => {
    expect(errors).toEqual([]);
  });
});

describe('a clerk whose archive file was damaged', () => {
  let damagedApp: RunningApp;

  it('is told so, sees the archive read-only, and restores the newest good backup from the banner', async () => {
    const first = await startApp();
    const api = await first.apiClient();
    const series = await api['series.create']({ settings: defaultSeriesSettings('桃江县工作简报', '桃江县政府办') });
    await api['issues.next']({ seriesId: series.id });
    await api['backup.create']({});
    await first.close();
    const file = join(first.dataDir, 'archive.sqlite');
    const bytes = readFileSync(file);
    for (let offset = 4096 * 2; offset < bytes.length; offset++) bytes[offset] = (offset * 7919) & 0xff;
    writeFileSync(file, bytes);

    damagedApp = await startApp(first.dataDir);
    const tab = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    tab.on('dialog', (dialog) => void dialog.accept());
    await tab.goto(damagedApp.loginUrl());
    const banner = tab.locator('.banner-error', { hasText: '已损坏' });
    await banner.waitFor();
    await tab.screenshot({ path: join(shots, '8-damaged-archive.png') });
    await banner.getByRole('button', { name: '从备份恢复…' }).click();
    await tab.getByRole('list', { name: '备份列表' }).getByRole('button', { name: '恢复' }).first().click();
    await Promise.all([tab.waitForEvent('load'), tab.getByRole('button', { name: '恢复这份备份' }).click()]);
    await tab.getByRole('button', { name: /桃江县工作简报/ }).waitFor();
    expect(await tab.locator('.banner-error').count()).toBe(0);
    expect(await tab.locator('.issue-table tbody tr').first().textContent()).toContain('第1期');
    await tab.close();
  });

  afterAll(() => damagedApp?.close());
});
