// `npm run bench:editor`: per-keystroke latency (input event to the next painted frame) typing 200
// characters into a 40-page issue in the real editor, beside a plain contenteditable holding the same
// text in the same run; and the time to open that issue. Real Chromium against browser mode.
import { paragraphText } from '../../shared/model/issue.ts';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import type { Page } from 'playwright-core';
import { launchChromium } from '../e2e/chromium.ts';
import { startApp } from '../e2e/web-app.ts';
import { generateIssue } from '../generate.ts';
import { median, percentile, printTable } from './table.ts';

const CHARACTERS = 200;
const GAP_MS = 60;
const TEXT = '督察组深入一线开展现场核查并要求立行立改确保问题整改到位'.repeat(10).slice(0, CHARACTERS);

/** Installs a recorder: each input event's time to the start of the next frame (the frame that paints it). */
async function recordLatencies(page: Page): Promise<void> {
  await page.evaluate(() => {
    const samples: number[] = [];
    (window as unknown as { __latencies: number[] }).__latencies = samples;
    document.addEventListener(
      'beforeinput',
      (event) => {
        const start = event.timeStamp;
        requestAnimationFrame((frameStart) => samples.push(Math.max(frameStart, performance.now()) - start));
      },
      true,
    );
  });
}

async function typeAndMeasure(page: Page): Promise<number[]> {
  const cdp = await page.context().newCDPSession(page);
  for (const char of TEXT) {
    await cdp.send('Input.insertText', { text: char });
    await page.waitForTimeout(GAP_MS);
  }
  await page.waitForFunction((count) => (window as unknown as { __latencies: number[] }).__latencies.length >= count, CHARACTERS);
  return page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies);
}

const app = await startApp();
const browser = await launchChromium();
try {
  const api = await app.apiClient();
  const generated = generateIssue(40);
  const series = await api['series.create']({ settings: { ...defaultSeriesSettings(generated.series.name, generated.series.issuer), sections: ['县市区工作动态'] } });
  const record = await api['issues.next']({ seriesId: series.id });
  await api['issues.save']({ id: record.id, baseRevision: record.revision, issue: { ...generated, number: record.issue.number, date: record.issue.date, status: 'draft' } });
  const chars = generated.blocks.reduce((sum, block) => sum + (block.type === 'article' ? block.paragraphs.reduce((s, p) => s + paragraphText(p).length, 0) : 0), 0);

  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // log this context in, then leave, so the first measured open is a full page load as before
  await page.goto(app.loginUrl());
  await page.goto('about:blank');
  const loads: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await page.goto(`${app.url}/#/issue/${record.id}`);
    await page.locator('[data-testid="bulletin-body"] .article-title').first().waitFor();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    loads.push(performance.now() - start);
  }
  // type at the end of the third paragraph, as a clerk correcting text in the middle of an issue
  await page.locator('[data-testid="bulletin-body"] .paragraph').nth(2).click();
  await page.keyboard.press('End');
  await recordLatencies(page);
  const editor = await typeAndMeasure(page);

  const plain = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const paragraphs = generated.blocks.flatMap((block) => (block.type === 'article' ? block.paragraphs.map(paragraphText) : []));
  await plain.setContent(
    `<div contenteditable="true" style="width: 650px; font: 21px/1.8 serif">${paragraphs.map((text) => `<p style="text-indent: 2em; margin: 0">${text}</p>`).join('')}</div>`,
  );
  await plain.locator('p').nth(2).click();
  await plain.keyboard.press('End');
  await recordLatencies(plain);
  const baseline = await typeAndMeasure(plain);

  printTable(`Typing ${CHARACTERS} characters, one every ${GAP_MS} ms, into a 40-page issue (${chars} characters of article text)`, ['what', 'p50 ms', 'p95 ms', 'max ms', 'p95 × plain'], [
    ['plain contenteditable (baseline)', median(baseline), percentile(baseline, 95), Math.max(...baseline), 1],
    ['Jianbao editor (Slate + schema)', median(editor), percentile(editor, 95), Math.max(...editor), percentile(editor, 95) / percentile(baseline, 95)],
  ]);
  printTable('Opening the 40-page issue (navigation to the first painted frame of the editor, 5 runs)', ['what', 'median ms', 'max ms'], [['open issue', median(loads), Math.max(...loads)]]);
  const text = await page.locator('[data-testid="bulletin-body"]').textContent();
  if (!text?.includes(TEXT)) throw new Error('the typed text is not in the editor: the measurement is void');
} finally {
  await browser.close();
  await app.close();
}
