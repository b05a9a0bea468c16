// Pasting from office programs and writing ▲ items on one line, in real Chromium against browser mode, as a
// clerk does it: the clipboard filled as Word, WPS and LibreOffice fill it and pasted with Ctrl+V, heads typed
// key by key and committed by the IME, the caret moved with the arrow keys, mistakes taken back with Ctrl+Z.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, openWatchedPage } from './chromium.ts';
import { startApp, type RunningApp } from './web-app.ts';
import { repoRoot } from '../fixtures.ts';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import type { ApiClient } from '../../shared/api/contract.ts';
import type { Issue, Paragraph } from '../../shared/model/issue.ts';
import { elementPlainText, textParagraphsOf } from '../../shared/model/content.ts';

const shots = join(repoRoot, 'test-output', 'editor-paste');
mkdirSync(shots, { recursive: true });
const sample = (name: string) => readFileSync(join(repoRoot, 'test', 'fixtures', 'clipboard', name), 'utf8');

let app: RunningApp;
let api: ApiClient;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let seriesId: number;
let plainSeriesId: number;
let errors: string[] = [];
let nativeDialogs: string[] = [];

const body = () => page.locator('[data-testid="bulletin-body"]');
const items = () => body().locator('.news-item');

/** A new issue of the series, open in the editor. */
async function openNewIssue(series = seriesId): Promise<number> {
  const record = await api['issues.next']({ seriesId: series });
  // a fresh page for each issue, as when the clerk opens it from the archive
  await page.evaluate((id) => { location.hash = `#/issue/${id}`; }, record.id);
  await page.reload();
  await body().locator('.item-head').first().waitFor();
  return record.id;
}

/** Puts HTML (and its plain text) on the system clipboard, as copying in Word does; the editor takes no part. */
async function copyToClipboard(html: string, text: string): Promise<void> {
  await page.evaluate(
    ({ html, text }) => {
      const onCopy = (event: ClipboardEvent) => {
        if (html) event.clipboardData!.setData('text/html', html);
        event.clipboardData!.setData('text/plain', text);
        event.preventDefault();
        event.stopImmediatePropagation();
      };
      window.addEventListener('copy', onCopy, { capture: true, once: true });
      if (!document.execCommand('copy')) throw new Error('copy refused');
    },
    { html, text },
  );
}

/** Where the caret is: in an item head or a paragraph, and how many characters into it. */
const caret = () =>
  page.evaluate(() => {
    const selection = getSelection()!;
    const node = selection.anchorNode!;
    const block = (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement!).closest('.item-head, .paragraph, .article-title')!;
    const range = document.createRange();
    range.selectNodeContents(block);
    range.setEnd(node, selection.anchorOffset);
    const before = range.cloneContents();
    before.querySelectorAll('.placeholder').forEach((placeholder) => placeholder.remove());
    return `${block.classList.contains('item-head') ? 'head' : block.classList.contains('paragraph') ? 'text' : 'title'}@${(before.textContent ?? '').replace(/\uFEFF/g, '').length}`;
  });

/** The text the clerk wrote in an element: its placeholder (单位或标题, 正文) and Slate's zero-width spaces left out. */
const textOf = (locator: ReturnType<Page['locator']>) =>
  locator.evaluate((element) => {
    const copy = element.cloneNode(true) as Element;
    copy.querySelectorAll('.placeholder').forEach((placeholder) => placeholder.remove());
    return (copy.textContent ?? '').replace(/\uFEFF/g, '');
  });

/** The saved issue, once `ready` holds for it (autosave runs when typing pauses). */
async function savedIssue(id: number, ready: (issue: Issue) => boolean): Promise<Issue> {
  let issue: Issue | undefined;
  await expect.poll(async () => ready((issue = (await api['issues.get']({ id })).issue)), { timeout: 15_000 }).toBe(true);
  return issue!;
}

const boldTexts = (scope = body()) => scope.locator('strong').allTextContents();

beforeAll(async () => {
  app = await startApp();
  api = await app.apiClient();
  const settings = defaultSeriesSettings('益阳市配合督察工作简报', '益阳市督察协调联络组');
  seriesId = (await api['series.create']({ settings: { ...settings, sections: ['县市区工作动态'] } })).id;
  plainSeriesId = (await api['series.create']({ settings: { ...settings, name: '桃江县工作动态', sections: ['乡镇动态'], newsMarker: false } })).id;
  browser = await launchChromium();
  ({ context, page, errors, nativeDialogs } = await openWatchedPage(browser, { width: 1400, height: 900 }));
  await page.goto(app.loginUrl());
  await page.getByRole('button', { name: '新建一期' }).waitFor();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('pasting from Word, WPS and LibreOffice with Ctrl+V', () => {
  it('keeps Word 2016’s bold in the article and saves it as bold runs, the title taking the first line', async () => {
    const id = await openNewIssue();
    await body().locator('.article-title').first().click();
    await copyToClipboard(sample('word-2016.html'), '（纯文本）');
    await page.keyboard.press('Control+V');
    await expect.poll(() => body().locator('.article-title').first().textContent()).toBe('全市召开环保督察工作推进会');
    expect(await boldTexts(body().locator('.article').first())).toEqual(['督察组', '一、总体情况', '重点任务', '▲安化县：', '▲桃江县抓整改见实效']);
    expect(await body().textContent()).not.toMatch(/纯文本|隐藏|此处为批注|clip_image/);
    const issue = await savedIssue(id, (saved) => saved.blocks.some((block) => block.type === 'article' && block.title !== ''));
    const article = issue.blocks.find((block) => block.type === 'article')!;
    expect((article.paragraphs[0] as Paragraph).runs).toEqual([{ text: '7月12日，全市召开会议，' }, { text: '督察组', bold: true }, { text: '通报了整改进展，各县市区逐一表态发言。' }]);
    await page.screenshot({ path: join(shots, '1-word-pasted-into-article.png'), fullPage: true });
  });

  it('makes the ▲ paragraphs of Word’s clipboard items when pasted into a news item’s head, bold heads taken as heads', async () => {
    const id = await openNewIssue();
    const [head, fragment] = sample('word-2016.html').split('<!--StartFragment-->');
    const news = fragment!.split('</p>').filter((part) => part.includes('▲')).map((part) => `${part}</p>`).join('\n');
    await items().first().locator('.item-head').click();
    await copyToClipboard(`${head}<!--StartFragment-->${news}<!--EndFragment--></body></html>`, '（纯文本）');
    await page.keyboard.press('Control+V');
    await expect.poll(() => items().locator('.item-head').allTextContents()).toEqual(['安化县', '桃江县抓整改见实效']);
    expect(await items().first().getAttribute('class')).toContain('head-colon');
    expect(await items().nth(1).getAttribute('class')).toContain('head-run-in');
    const issue = await savedIssue(id, (saved) => saved.blocks.some((block) => block.type === 'news' && block.items.length === 2));
    const section = issue.blocks.find((block) => block.type === 'news')!;
    expect(section.items.map((item) => [item.form, item.head, elementPlainText(item.paragraphs[0]!)])).toEqual([
      ['colon', '安化县', '7月11日，该县召开整改工作部署会，12个交办件全部办结。'],
      ['runIn', '桃江县抓整改见实效', '该县对交办件逐一销号，群众满意度明显提升。'],
    ]);
    await page.screenshot({ path: join(shots, '2-word-news-pasted-into-head.png'), fullPage: true });
  });

  it.each([
    ['WPS 2019', 'wps-2019.html', ['专题研究', '一、压实整改责任', '▲南县：', '“回头看”']],
    ['LibreOffice 7.4', 'libreoffice-7.4.html', ['督察组', '一、总体情况', '安化县：', '桃江县抓整改见实效']],
  ])('keeps %s’s bold in the article’s paragraphs, and saves it', async (_program, file, bold) => {
    const id = await openNewIssue();
    await body().locator('.article .paragraph').first().click();
    await copyToClipboard(sample(file), '（纯文本）');
    await page.keyboard.press('Control+V');
    await expect.poll(() => boldTexts(body().locator('.article').first())).toEqual(bold);
    const issue = await savedIssue(id, (saved) => saved.blocks.some((block) => block.type === 'article' && block.paragraphs.length > 0));
    const article = issue.blocks.find((block) => block.type === 'article')!;
    expect(textParagraphsOf(article.paragraphs).flatMap((paragraph) => paragraph.runs.filter((run) => run.bold).map((run) => run.text))).toEqual(bold);
    await page.screenshot({ path: join(shots, `3-${file.replace('.html', '')}-pasted.png`), fullPage: true });
  });
});

describe('a ▲ item written on one line', () => {
  let id: number;

  it('moves the caret into the item’s text when `：` is typed after the unit, and shows head and text on one line as they print', async () => {
    id = await openNewIssue();
    await items().first().locator('.item-head').click();
    await page.keyboard.type('安化县');
    await expect.poll(caret).toBe('head@3');
    await page.keyboard.type('：');
    await expect.poll(caret).toBe('text@0');
    await page.keyboard.type('7月11日，该县召开整改工作部署会。');
    const item = items().first();
    expect(await textOf(item.locator('.item-head'))).toBe('安化县');
    expect(await textOf(item.locator('.paragraph').first())).toBe('7月11日，该县召开整改工作部署会。');
    const shown = await item.evaluate((element) => {
      const head = element.querySelector('.item-head')!;
      const firstChar = (selector: string) => {
        const range = document.createRange();
        const text = element.querySelector(`${selector} [data-slate-string]`)!.firstChild!;
        range.setStart(text, 0);
        range.setEnd(text, 1);
        return range.getBoundingClientRect();
      };
      const [headBox, textBox] = [firstChar('.item-head'), firstChar('.run-in-separator + .paragraph')];
      return {
        sameLine: Math.abs(headBox.top - textBox.top) < 2,
        textAfterHead: textBox.left > headBox.right,
        marker: getComputedStyle(head, '::before').content,
        colon: head.nextElementSibling?.matches('[contenteditable="false"]') ? head.nextElementSibling.textContent : null,
        headWeight: getComputedStyle(head).fontWeight,
        textWeight: getComputedStyle(element.querySelector('.run-in-separator + .paragraph')!).fontWeight,
      };
    });
    expect(shown).toEqual({ sameLine: true, textAfterHead: true, marker: '"▲"', colon: '：', headWeight: '700', textWeight: '400' });
    await page.screenshot({ path: join(shots, '4-head-typed-on-one-line.png'), clip: (await item.boundingBox())! });
    const issue = await savedIssue(id, (saved) => saved.blocks.some((block) => block.type === 'news' && block.items[0]?.head === '安化县'));
    const news = issue.blocks.find((block) => block.type === 'news')!;
    expect(news.items[0]).toEqual({ head: '安化县', form: 'colon', paragraphs: [{ runs: [{ text: '7月11日，该县召开整改工作部署会。' }] }] });
  });

  it('moves the caret across the head and the text with the arrow keys, Backspace and Enter', async () => {
    for (let i = 0; i < '7月11日，该县召开整改工作部署会。'.length; i++) await page.keyboard.press('ArrowLeft');
    expect(await caret()).toBe('text@0');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(caret).toBe('head@3');
    await page.keyboard.press('ArrowRight');
    await expect.poll(caret).toBe('text@0');
    await page.keyboard.press('Backspace');
    await expect.poll(caret).toBe('head@3');
    expect(await textOf(items().first())).toBe('安化县：7月11日，该县召开整改工作部署会。');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('化');
    expect(await textOf(items().first().locator('.item-head'))).toBe('安化县');
    await page.keyboard.press('Enter');
    await expect.poll(caret).toBe('text@0');
    await page.keyboard.type('据悉，');
    expect(await textOf(items().first().locator('.paragraph').first())).toBe('据悉，7月11日，该县召开整改工作部署会。');
  });

  it('splits an IME commit holding the colon, and Ctrl+Z once gives back the head as committed', async () => {
    await page.keyboard.press('Control+End');
    // the browser moves the caret for Ctrl+End and Slate reads it on its (throttled) selectionchange; a clerk's next key comes later
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');
    await expect.poll(() => items().count()).toBe(2);
    expect(await caret()).toBe('head@0');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'taojiangxian', selectionStart: 12, selectionEnd: 12 });
    await cdp.send('Input.imeSetComposition', { text: '桃江县：7月12日，该县召开会议。', selectionStart: 17, selectionEnd: 17 });
    await cdp.send('Input.insertText', { text: '桃江县：7月12日，该县召开会议。' });
    const second = items().nth(1);
    await expect.poll(() => textOf(second.locator('.item-head'))).toBe('桃江县');
    expect(await textOf(second.locator('.paragraph').first())).toBe('7月12日，该县召开会议。');
    await expect.poll(caret).toBe('text@13');
    await page.screenshot({ path: join(shots, '5-ime-commit-split.png'), clip: (await body().locator('.news-section').boundingBox())! });
    await page.keyboard.press('Control+Z');
    await expect.poll(() => textOf(second.locator('.item-head'))).toBe('桃江县：7月12日，该县召开会议。');
    expect(await textOf(second.locator('.paragraph').first())).toBe('');
    await page.screenshot({ path: join(shots, '6-ime-commit-undone.png'), clip: (await body().locator('.news-section').boundingBox())! });
    // the clerk meant it: typing on keeps the head as it is
    await page.keyboard.type('（续）');
    expect(await textOf(second.locator('.item-head'))).toBe('桃江县：7月12日，该县召开会议。（续）');
    // typing straight on is one undo step with the commit, as all typing is
    await page.keyboard.press('Control+Z');
    await expect.poll(() => textOf(second.locator('.item-head'))).toBe('');
    expect(await caret()).toBe('head@0');
  });

  it('splits `单位：正文` pasted into a blank head', async () => {
    await copyToClipboard('', '南县：7月13日，该县开展“回头看”。');
    await page.keyboard.press('Control+V');
    const second = items().nth(1);
    await expect.poll(() => textOf(second.locator('.item-head'))).toBe('南县');
    expect(await textOf(second.locator('.paragraph').first())).toBe('7月13日，该县开展“回头看”。');
    await page.screenshot({ path: join(shots, '7-section-typed-and-pasted.png'), fullPage: true });
    const issue = await savedIssue(id, (saved) => saved.blocks.some((block) => block.type === 'news' && block.items[1]?.head === '南县'));
    const news = issue.blocks.find((block) => block.type === 'news')!;
    expect(news.items.map((item) => `${item.head}|${item.form}|${item.paragraphs.map(elementPlainText).join('/')}`)).toEqual([
      '安化县|colon|据悉，7月11日，该县召开整改工作部署会。',
      '南县|colon|7月13日，该县开展“回头看”。',
    ]);
  });

  it('shows no ▲ where the series prints its items without one, the head still run in with its colon', async () => {
    await openNewIssue(plainSeriesId);
    await items().first().locator('.item-head').click();
    await page.keyboard.type('修山镇：');
    await page.keyboard.type('7月14日，该镇完成整改。');
    const head = items().first().locator('.item-head');
    await expect.poll(() => textOf(head)).toBe('修山镇');
    expect(await head.evaluate((element) => [getComputedStyle(element, '::before').content, element.nextElementSibling?.textContent])).toEqual(['""', '：']);
    await page.screenshot({ path: join(shots, '8-no-marker-section.png'), clip: (await body().locator('.news-section').boundingBox())! });
  });

  it('raised no error in the page', () => {
    expect(errors).toEqual([]);
    expect(nativeDialogs).toEqual([]);
  });
});
