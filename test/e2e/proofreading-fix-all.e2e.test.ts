// Fixing all of a kind in the real editor, in Chromium against browser mode: a paragraph with several
// half-width commas shows one group 半角逗号 N处 in the proofreading panel, its one button fixes them all,
// and one Ctrl+Z brings them all back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openWatchedPage } from './chromium.ts';
import { startApp, type RunningApp } from './web-app.ts';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import type { ApiClient } from '../../shared/api/contract.ts';

let app: RunningApp;
let browser: Browser;
let page: Page;
let api: ApiClient;
let seriesId: number;
let errors: string[] = [];

const COMMAS = 7;
const SENTENCE = `${['市委', '市政府', '市人大', '市政协', '各县市区', '市直各单位', '驻市单位', '中央和省属企业'].join(',')}要抓好督察整改。`;

const paragraph = () => page.locator('.bulletin-body p.paragraph').first();
const paragraphText = () => paragraph().evaluate((element) => (element.textContent ?? '').replace(/\uFEFF/g, ''));

beforeAll(async () => {
  app = await startApp();
  api = await app.apiClient();
  seriesId = (await api['series.create']({ settings: { ...defaultSeriesSettings('整改测试工作简报', '测试协调组'), sections: [] } })).id;
  browser = await launchChromium();
  ({ page, errors } = await openWatchedPage(browser, { width: 1366, height: 900 }));
  await page.goto(app.loginUrl());
  await page.waitForURL(/#\/archive/);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('fixing all of a kind in the proofreading panel', () => {
  it(`fixes ${COMMAS} half-width commas typed into a paragraph with one button, and one Ctrl+Z brings all of them back`, async () => {
    await page.goto(`${app.url}/#/archive/${seriesId}`);
    await page.getByRole('button', { name: '新建一期' }).click();
    await page.waitForURL(/#\/issue\/\d+/);
    await page.locator('.article-title').first().click();
    await page.keyboard.type('全市督察整改推进会召开');
    await page.keyboard.press('Enter');
    // committed as an input method commits a sentence
    await page.keyboard.insertText(SENTENCE);
    expect(await paragraphText()).toBe(SENTENCE);

    const group = page.getByTestId('finding-group').filter({ hasText: `半角逗号 ${COMMAS}处` });
    await group.waitFor({ timeout: 15_000 });
    expect(await group.locator('.finding').count()).toBe(COMMAS);
    await group.getByRole('button', { name: `全部改正（${COMMAS}处）` }).click();

    await expect.poll(paragraphText).toBe(SENTENCE.replaceAll(',', '，'));
    await expect.poll(() => page.getByTestId('finding-group').filter({ hasText: '半角逗号' }).count()).toBe(0);

    await paragraph().click();
    await page.keyboard.press('Control+z');
    await expect.poll(paragraphText).toBe(SENTENCE);
    // one step back is all the fixes and nothing of the typing before them, and the group is there again
    await group.waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);
  }, 120_000);

  it('a masthead fix clicked at once after typing in the body keeps that typing: the fix builds on the issue as the editor holds it, not as last proofread', async () => {
    await page.goto(`${app.url}/#/archive/${seriesId}`);
    await page.getByRole('button', { name: '新建一期' }).click();
    await page.waitForURL(/#\/issue\/\d+/);
    await page.getByLabel('文号').fill('益简字【2024】3号');
    const finding = page.locator('.finding').filter({ hasText: '文号' }).filter({ has: page.getByRole('button', { name: /^改为/ }) }).first();
    await finding.waitFor({ timeout: 15_000 });
    await page.locator('.article-title').first().click();
    await page.keyboard.type('刚刚输入的标题');
    // well inside the panel's refresh delay: the findings shown were read before this typing
    await finding.getByRole('button', { name: /^改为/ }).click();
    await expect.poll(() => page.getByLabel('文号').inputValue()).not.toBe('益简字【2024】3号');
    expect(await page.locator('.article-title').first().evaluate((element) => (element.textContent ?? '').replace(/\uFEFF/g, ''))).toBe('刚刚输入的标题');
    expect(errors).toEqual([]);
  }, 120_000);
});
