// Series settings in real Chromium against browser mode, as a clerk types them: the leaders and the
// standard wordings keep every keystroke, IME commit and space, say which lines are unfinished, refuse to
// save half a line, and come back exactly as typed; the 期号编排 choices sit on one line each at office
// screen sizes; 印“导读”栏 unticked, a new issue shows and prints no 导读.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, openWatchedPage } from './chromium.ts';
import { startApp, type RunningApp } from './web-app.ts';
import { repoRoot } from '../fixtures.ts';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import type { ApiClient } from '../../shared/api/contract.ts';

const shots = join(repoRoot, 'test-output', 'e2e');
mkdirSync(shots, { recursive: true });

let app: RunningApp;
let api: ApiClient;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let seriesId: number;
let errors: string[] = [];
let nativeDialogs: string[] = [];

const leaders = () => page.getByRole('textbox', { name: /^领导姓名与职务/ });
const phrases = () => page.getByRole('textbox', { name: /^规范用语/ });
/** the line under a field that names its unfinished lines; '' when there is none */
const problemsOf = async (field: () => ReturnType<Page['getByRole']>) => {
  const id = await field().getAttribute('aria-describedby');
  return id ? ((await page.locator(`[id="${id}"]`).textContent()) ?? '') : '';
};

async function openSettings(): Promise<void> {
  await page.evaluate((id) => { location.hash = `#/archive/${id}`; }, seriesId);
  await page.getByRole('button', { name: '刊物设置' }).click();
  await leaders().waitFor();
}

async function saveSettings(): Promise<void> {
  await page.getByRole('button', { name: '保存设置' }).click();
  await page.getByRole('button', { name: '刊物设置' }).waitFor();
}

/** An IME committing `word` after showing `pinyin` and then the candidate, as a Chinese input method does. */
async function imeCommit(pinyin: string, word: string): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: pinyin, selectionStart: pinyin.length, selectionEnd: pinyin.length });
  await cdp.send('Input.imeSetComposition', { text: word.slice(0, -1), selectionStart: word.length - 1, selectionEnd: word.length - 1 });
  await cdp.send('Input.insertText', { text: word });
  await cdp.detach();
}

beforeAll(async () => {
  app = await startApp();
  api = await app.apiClient();
  seriesId = (await api['series.create']({ settings: defaultSeriesSettings('赫山区工作简报', '赫山区政府办公室') })).id;
  browser = await launchChromium();
  ({ context, page, errors, nativeDialogs } = await openWatchedPage(browser, { width: 1366, height: 768 }));
  await page.goto(app.loginUrl());
  await page.getByRole('button', { name: '新建一期' }).waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('series settings', () => {
  it('keeps a leader typed key by key — a lone name, the space after it — hints the missing title, and saves it', async () => {
    await openSettings();
    await leaders().focus();
    await page.keyboard.type('刘');
    expect(await leaders().inputValue()).toBe('刘');
    expect(await problemsOf(leaders)).toContain('第1行还缺职务');
    await page.keyboard.type('勇会 ');
    expect(await leaders().inputValue()).toBe('刘勇会 ');
    await page.keyboard.type('市委常委、常务副市长');
    expect(await leaders().inputValue()).toBe('刘勇会 市委常委、常务副市长');
    expect(await problemsOf(leaders)).toBe('');

    await page.keyboard.press('Enter');
    await page.keyboard.type('王建国');
    expect(await problemsOf(leaders)).toContain('第2行还缺职务');
    await leaders().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'series-settings-unfinished-line.png') });
    await page.keyboard.type(' 市政府副市长');
    expect(await leaders().inputValue()).toBe('刘勇会 市委常委、常务副市长\n王建国 市政府副市长');
    expect(await problemsOf(leaders)).toBe('');

    await saveSettings();
    expect((await api['series.get']({ id: seriesId })).settings.leaders).toEqual([
      { name: '刘勇会', title: '市委常委、常务副市长' },
      { name: '王建国', title: '市政府副市长' },
    ]);
    await openSettings();
    expect(await leaders().inputValue()).toBe('刘勇会 市委常委、常务副市长\n王建国 市政府副市长');
  });

  it('keeps names and titles committed whole by an IME, as a Chinese input method delivers them, and saves them', async () => {
    await openSettings();
    await leaders().focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    expect(await leaders().inputValue()).toBe('');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: '刘勇', selectionStart: 2, selectionEnd: 2 });
    expect(await leaders().inputValue()).toBe('刘勇');
    await cdp.send('Input.insertText', { text: '刘勇会' });
    await cdp.detach();
    expect(await leaders().inputValue()).toBe('刘勇会');
    await page.keyboard.press('Space');
    await imeCommit('shiwei', '市委常委、常务副市长');
    await page.keyboard.press('Enter');
    await imeCommit('zhaoliu', '赵六');
    expect(await leaders().inputValue()).toBe('刘勇会 市委常委、常务副市长\n赵六');
    expect(await problemsOf(leaders)).toContain('第2行还缺职务');
    await page.keyboard.press('Space');
    await imeCommit('mishuzhang', '秘书长');
    expect(await problemsOf(leaders)).toBe('');

    await saveSettings();
    expect((await api['series.get']({ id: seriesId })).settings.leaders).toEqual([
      { name: '刘勇会', title: '市委常委、常务副市长' },
      { name: '赵六', title: '秘书长' },
    ]);
    await openSettings();
    expect(await leaders().inputValue()).toBe('刘勇会 市委常委、常务副市长\n赵六 秘书长');
  });

  it('keeps a standard wording through the space before its wrong forms, hints them while missing, and saves it', async () => {
    await openSettings();
    await phrases().focus();
    await page.keyboard.type('一岗双责');
    await page.keyboard.press('Space');
    expect(await phrases().inputValue()).toBe('一岗双责 ');
    expect(await problemsOf(phrases)).toContain('第1行还缺常见错误写法');
    await page.keyboard.type('一岗两责 一岗二责');
    expect(await problemsOf(phrases)).toBe('');
    await page.keyboard.press('Enter');
    await imeCommit('hezhang', '河长制');
    await page.keyboard.press('Space');
    await imeCommit('hezhang', '河长治');
    expect(await phrases().inputValue()).toBe('一岗双责 一岗两责 一岗二责\n河长制 河长治');

    await saveSettings();
    expect((await api['series.get']({ id: seriesId })).settings.phrases).toEqual([
      { correct: '一岗双责', wrong: ['一岗两责', '一岗二责'] },
      { correct: '河长制', wrong: ['河长治'] },
    ]);
    await openSettings();
    expect(await phrases().inputValue()).toBe('一岗双责 一岗两责 一岗二责\n河长制 河长治');
  });

  it('refuses to save while a line is unfinished, names the field and the line, and loses nothing', async () => {
    await openSettings();
    const before = await leaders().inputValue();
    await leaders().focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('孙');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByRole('alert').filter({ hasText: '领导姓名与职务：第3行还缺职务' }).waitFor({ timeout: 5_000 });
    expect(page.url()).toMatch(/#\/series\/\d+$/);
    expect(await leaders().inputValue()).toBe(`${before}\n孙`);
    expect((await api['series.get']({ id: seriesId })).settings.leaders).toHaveLength(2);
    // the unfinished line taken away again, the settings save
    await leaders().focus();
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    expect(await problemsOf(leaders)).toBe('');
    await saveSettings();
    expect((await api['series.get']({ id: seriesId })).settings.leaders).toHaveLength(2);
  });

  for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
    it(`at ${width}×${height} sets each 期号编排 choice on one line, its radio button level with its words`, async () => {
      await page.setViewportSize({ width, height });
      await openSettings();
      const group = page.getByRole('radiogroup', { name: '期号编排' });
      await group.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, `series-settings-${width}x${height}.png`) });
      const choices = await group.locator('label.radio').evaluateAll((labels) =>
        labels.map((label) => {
          const input = label.querySelector('input')!.getBoundingClientRect();
          const words = label.querySelector('.radio-text')!;
          const range = document.createRange();
          range.selectNodeContents(words);
          const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
          const text = words.getBoundingClientRect();
          const lineHeight = parseFloat(getComputedStyle(words).lineHeight) || text.height;
          return {
            text: words.textContent,
            lines: lines.size,
            inputLeft: input.left - label.getBoundingClientRect().left,
            inputWidth: input.width,
            // the radio's middle against the middle of the first line of words
            offCentre: Math.abs(input.top + input.height / 2 - (text.top + lineHeight / 2)),
            left: input.left,
          };
        }),
      );
      expect(choices.map((choice) => choice.text)).toEqual(['连续编号如：第13期', '每年重新编号并记总期号如：2024年第3期 总第15期']);
      for (const choice of choices) {
        expect(choice.lines, choice.text ?? '').toBe(1);
        expect(choice.inputLeft).toBeLessThan(2);
        expect(choice.inputWidth).toBeLessThan(24);
        expect(choice.offCentre).toBeLessThan(3);
      }
      expect(Math.abs(choices[0]!.left - choices[1]!.left)).toBeLessThan(1);
      // the keyboard moves between the choices
      await group.getByRole('radio', { name: /连续编号/ }).focus();
      await page.keyboard.press('ArrowDown');
      expect(await group.getByRole('radio', { name: /每年重新编号/ }).isChecked()).toBe(true);
      await page.keyboard.press('ArrowUp');
      expect(await group.getByRole('radio', { name: /连续编号/ }).isChecked()).toBe(true);
    });
  }

  it('saves 印“导读”栏 unticked, and a new issue then shows no 导读 in the editor or the print preview; ticked again, the next one does', async () => {
    const printLead = () => page.getByRole('checkbox', { name: /印“导读”栏/ });
    const body = () => page.locator('[data-testid="bulletin-body"]');
    const saved = () => page.locator('[data-testid="save-state"]', { hasText: '已保存' }).waitFor({ timeout: 15_000 });
    async function newIssueWith(title: string): Promise<number> {
      await page.getByRole('button', { name: '新建一期' }).click();
      await page.waitForURL(/#\/issue\/\d+/);
      await body().waitFor();
      await page.locator('.article-title').first().click();
      await page.keyboard.insertText(title);
      await page.keyboard.press('Enter');
      await page.keyboard.insertText('本周各项工作有序推进。');
      await saved();
      return Number(/#\/issue\/(\d+)/.exec(page.url())![1]);
    }

    await page.setViewportSize({ width: 1366, height: 768 });
    await openSettings();
    expect(await printLead().isChecked()).toBe(true);
    await printLead().uncheck();
    await saveSettings();
    expect((await api['series.get']({ id: seriesId })).settings.printLead).toBe(false);
    await openSettings();
    expect(await printLead().isChecked()).toBe(false);
    await page.getByRole('button', { name: '← 返回档案' }).click();
    await page.getByRole('button', { name: '新建一期' }).waitFor();

    const silentId = await newIssueWith('全市召开防汛工作会议');
    await page.getByTestId('no-lead').filter({ hasText: '本刊不印导读' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-testid="lead"]').count()).toBe(0);
    expect(await page.locator('.editor-side').textContent()).not.toContain('全市召开防汛工作会议');
    await page.screenshot({ path: join(shots, 'series-settings-no-lead-editor.png') });
    await page.keyboard.press('Control+p');
    const preview = page.frameLocator('iframe.print-preview-frame');
    await preview.locator('section.jb-sheet').first().waitFor();
    const printed = (await preview.locator('body').textContent()) ?? '';
    expect(printed).toContain('全市召开防汛工作会议');
    expect(printed).not.toContain('导读');
    expect(printed).not.toContain('★');
    await page.screenshot({ path: join(shots, 'series-settings-no-lead-preview.png') });
    await page.keyboard.press('Escape');
    const stored = (await api['issues.get']({ id: silentId })).issue;
    expect(stored.series.printLead).toBe(false);
    expect(stored.blocks[0]).toEqual({ type: 'lead', items: [] });

    await openSettings();
    await printLead().check();
    await saveSettings();
    expect((await api['series.get']({ id: seriesId })).settings.printLead).toBe(true);
    await newIssueWith('督察组下沉督导');
    await expect.poll(async () => page.locator('[data-testid="lead"] li').allTextContents()).toEqual(['督察组下沉督导']);
    expect(await page.getByTestId('no-lead').count()).toBe(0);
    // the issue made while the series printed none keeps its masthead
    expect((await api['issues.get']({ id: silentId })).issue.series.printLead).toBe(false);
  });

  it('raised no error in the page', () => {
    expect(errors).toEqual([]);
    expect(nativeDialogs).toEqual([]);
  });
});
