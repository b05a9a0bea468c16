// `npm run bench:editor`: the real editor in Chromium against browser mode, on a 40-page and a 200-page issue.
// Per-keystroke latency (the keystroke sent to the frame after the one that shows it) typing steadily, and
// typing in bursts whose pauses let the side panels refresh (the first keystroke after each pause), beside a
// plain contenteditable holding the same text in the same run; and the time to open each issue.
// JIANBAO_PROFILE=1 also writes a CPU profile of the 200-page typing to test-output/bench/.
import { elementPlainText } from '../../shared/model/content.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { paragraphText, type Issue } from '../../shared/model/issue.ts';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import type { ApiClient } from '../../shared/api/contract.ts';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../e2e/chromium.ts';
import { screenshotFolder } from '../e2e/harness.ts';
import { startApp, type RunningApp } from '../e2e/web-app.ts';
import { generateIssue } from '../generate.ts';
import { ensureProductionRenderer } from './production-renderer.ts';
import { median, percentile, printTable } from './table.ts';

const STEADY_CHARACTERS = 200;
const GAP_MS = 60;
const BURSTS = 24;
const BURST_CHARACTERS = 6;
/** after the derived issue's 300 ms refresh has started, so a long refresh would delay the next keystroke */
const PAUSES_MS = [350, 375, 400];
const PHRASE = '督察组深入一线开展现场核查并要求立行立改确保问题整改到位';
const TEXT = PHRASE.repeat(Math.ceil(STEADY_CHARACTERS / PHRASE.length)).slice(0, STEADY_CHARACTERS);
const OPENS = 6;

const GOAL_TYPING_P95_MS = 16;
const GOAL_RATIO = 1.5;
const GOAL_OPEN_WARM_MS = 500;

type Window = { __painted: number[] };

/** Records, for each input event, the time (ms since the epoch) of the first task after the frame that paints it. */
async function recordPaints(page: Page): Promise<void> {
  await page.evaluate(() => {
    const painted: number[] = [];
    (window as unknown as Window).__painted = painted;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => painted.push(performance.timeOrigin + performance.now());
    document.addEventListener('beforeinput', () => {
      requestAnimationFrame(() => channel.port2.postMessage(null));
    }, true);
  });
}

/**
 * Types `text`, pausing `pauseAfter(i)` ms after character i, and returns each character's latency: from the moment
 * it was sent (the epoch on this machine's clock, which the page shares) to its painted frame.
 */
async function typeAndMeasure(page: Page, cdp: CDPSession, text: string, pauseAfter: (index: number) => number): Promise<number[]> {
  const sent: number[] = [];
  const chars = [...text];
  const already = await page.evaluate(() => (window as unknown as Window).__painted.length);
  for (const [index, char] of chars.entries()) {
    sent.push(performance.timeOrigin + performance.now());
    await cdp.send('Input.insertText', { text: char });
    await page.waitForTimeout(pauseAfter(index));
  }
  await page.waitForFunction((count) => (window as unknown as Window).__painted.length >= count, already + chars.length);
  const painted = await page.evaluate((from) => (window as unknown as Window).__painted.slice(from), already);
  return painted.map((time, index) => time - sent[index]!);
}

interface Typing {
  steady: number[];
  /** the first keystroke after each pause */
  afterPause: number[];
}

const burstText = (burst: number) => [...PHRASE].slice(burst % 4, (burst % 4) + BURST_CHARACTERS).join('');

async function typeBoth(page: Page): Promise<Typing> {
  const cdp = await page.context().newCDPSession(page);
  await recordPaints(page);
  // warm-up: the first keystrokes compile code paths
  await typeAndMeasure(page, cdp, PHRASE.slice(0, 10), () => GAP_MS);
  await page.waitForTimeout(1500);
  const steady = await typeAndMeasure(page, cdp, TEXT, () => GAP_MS);
  await page.waitForTimeout(1500);
  const afterPause: number[] = [];
  for (let burst = 0; burst < BURSTS; burst++) {
    const pause = PAUSES_MS[burst % PAUSES_MS.length]!;
    await page.waitForTimeout(pause);
    const latencies = await typeAndMeasure(page, cdp, burstText(burst), (index) => (index === BURST_CHARACTERS - 1 ? 0 : GAP_MS));
    afterPause.push(latencies[0]!);
  }
  await cdp.detach();
  return { steady, afterPause };
}

function bodyParagraphs(issue: Issue): string[] {
  return issue.blocks.flatMap((block) => {
    if (block.type === 'article') return [block.title, ...(block.subtitle ? [block.subtitle] : []), ...block.paragraphs.map(elementPlainText)];
    if (block.type === 'news') return block.items.flatMap((item) => [item.head, ...item.paragraphs.map(elementPlainText)]);
    return [];
  });
}

async function fileIssue(api: ApiClient, issue: Issue): Promise<number> {
  const series = await api['series.create']({ settings: { ...defaultSeriesSettings(`${issue.series.name}${issue.blocks.length}`, issue.series.issuer), sections: ['县市区工作动态'] } });
  const record = await api['issues.next']({ seriesId: series.id });
  await api['issues.save']({ id: record.id, baseRevision: record.revision, issue: { ...issue, number: record.issue.number, date: record.issue.date, status: 'draft' } });
  return record.id;
}

/** Waits until the editor is interactive: its body rendered, editable, and a frame painted after that. */
async function editorReady(page: Page): Promise<void> {
  await page.locator('[data-testid="bulletin-body"][contenteditable="true"] .paragraph').first().waitFor();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

/** The first open is a page load; each later one goes from the archive to the issue inside the loaded app. */
async function measureOpens(page: Page, app: RunningApp, id: number): Promise<{ cold: number; warm: number[] }> {
  await page.goto(app.loginUrl());
  await page.goto('about:blank');
  let start = performance.now();
  await page.goto(`${app.url}/#/issue/${id}`);
  await editorReady(page);
  const cold = performance.now() - start;
  const warm: number[] = [];
  for (let i = 0; i < OPENS; i++) {
    await page.evaluate(() => (location.hash = '#/archive'));
    await page.locator('[data-testid="bulletin-body"]').waitFor({ state: 'detached' });
    await page.waitForTimeout(300);
    start = performance.now();
    await page.evaluate((target) => (location.hash = target), `#/issue/${id}`);
    await editorReady(page);
    warm.push(performance.now() - start);
  }
  return { cold, warm };
}

async function measureEditor(browser: Browser, app: RunningApp, id: number, profileTo?: string): Promise<{ typing: Typing; cold: number; warm: number[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const { cold, warm } = await measureOpens(page, app, id);
  // type at the end of the third paragraph, as a clerk correcting text in the middle of an issue
  await page.locator('[data-testid="bulletin-body"] .paragraph').nth(2).click();
  await page.keyboard.press('End');
  const profiler = profileTo ? await page.context().newCDPSession(page) : undefined;
  if (profiler) {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
    await profiler.send('Profiler.start');
  }
  const typing = await typeBoth(page);
  if (profiler && profileTo) {
    const { profile } = await profiler.send('Profiler.stop');
    writeFileSync(profileTo, JSON.stringify(profile));
  }
  const text = (await page.locator('[data-testid="bulletin-body"]').textContent()) ?? '';
  if (!text.includes(TEXT) || !text.includes(burstText(BURSTS - 1))) throw new Error('the typed text is not in the editor: the measurement is void');
  await page.close();
  return { typing, cold, warm };
}

async function measurePlain(browser: Browser, paragraphs: readonly string[]): Promise<Typing> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.setContent(
    `<div contenteditable="true" style="width: 650px; font: 21px/1.8 serif">${paragraphs.map((text) => `<p style="text-indent: 2em; margin: 0">${text}</p>`).join('')}</div>`,
  );
  await page.locator('p').nth(2).click();
  await page.keyboard.press('End');
  const typing = await typeBoth(page);
  await page.close();
  return typing;
}

await ensureProductionRenderer();
const app = await startApp();
const browser = await launchChromium();
try {
  const api = await app.apiClient();
  const rows: (string | number)[][] = [];
  const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
  // JIANBAO_BENCH_PAGES=200 runs one size only (a profile, an A/B of one change)
  for (const pages of process.env.JIANBAO_BENCH_PAGES ? process.env.JIANBAO_BENCH_PAGES.split(',').map(Number) : [40, 200]) {
    const issue = generateIssue(pages, pages);
    const paragraphs = bodyParagraphs(issue);
    const chars = paragraphs.reduce((sum, text) => sum + text.length, 0);
    const id = await fileIssue(api, issue);
    const profileTo = process.env.JIANBAO_PROFILE && pages === 200 ? join(screenshotFolder('bench'), 'editor-200-typing.cpuprofile') : undefined;
    const plain = await measurePlain(browser, paragraphs);
    const editor = await measureEditor(browser, app, id, profileTo);
    if (profileTo) console.log(`CPU profile of the 200-page typing: ${profileTo}`);
    const steadyRatio = percentile(editor.typing.steady, 95) / percentile(plain.steady, 95);
    const pauseRatio = percentile(editor.typing.afterPause, 95) / percentile(plain.afterPause, 95);
    const typingGoal = pages === 200 ? `≤ ${GOAL_TYPING_P95_MS}` : '—';
    const typingMet = pages === 200 ? verdict(percentile(editor.typing.steady, 95) <= GOAL_TYPING_P95_MS) : '';
    const label = `${pages} pages (${paragraphs.length} paragraphs, ${chars} characters)`;
    rows.push(
      [`${label}: plain contenteditable, steady (baseline)`, median(plain.steady), percentile(plain.steady, 95), '', '', ''],
      [`${label}: Jianbao editor, steady`, median(editor.typing.steady), percentile(editor.typing.steady, 95), typingGoal, steadyRatio, `${typingMet}${typingMet ? '; ' : ''}ratio ≤ ${GOAL_RATIO}: ${verdict(steadyRatio <= GOAL_RATIO)}`],
      [`${label}: plain, first key after a pause (baseline)`, median(plain.afterPause), percentile(plain.afterPause, 95), '', '', ''],
      [`${label}: Jianbao, first key after a pause`, median(editor.typing.afterPause), percentile(editor.typing.afterPause, 95), typingGoal, pauseRatio, pages === 200 ? verdict(percentile(editor.typing.afterPause, 95) <= GOAL_TYPING_P95_MS) : ''],
      [`${label}: open, first (page load)`, editor.cold, editor.cold, '—', '', ''],
      [`${label}: open, warm (from the archive, median of ${OPENS})`, median(editor.warm), percentile(editor.warm, 95), `≤ ${GOAL_OPEN_WARM_MS}`, '', verdict(median(editor.warm) <= GOAL_OPEN_WARM_MS)],
    );
  }
  printTable(
    `The editor in Chromium: typing ${STEADY_CHARACTERS} characters one every ${GAP_MS} ms (steady), then ${BURSTS} bursts of ${BURST_CHARACTERS} after pauses of ${PAUSES_MS.join('/')} ms; latency = key sent to its frame painted, ms`,
    ['what', 'p50', 'p95', 'goal p95', 'p95 × plain', 'verdict'],
    rows,
  );
} finally {
  await browser.close();
  await app.close();
}
