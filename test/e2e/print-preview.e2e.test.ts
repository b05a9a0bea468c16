// Print preview and the editor's page marks in real Chromium against browser mode: the preview shows the pages
// the exported PDF has, numbered where the plan numbers them, its toolbar in view at office screen sizes; the
// editor shows where pages start and the page count, and follows typing without holding keystrokes up.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { startApp, type RunningApp } from './web-app.ts';
import { bulletinFixtures, repoRoot } from '../fixtures.ts';
import { pdfPageCount } from '../export/render-tools.ts';
import type { ApiClient } from '../../shared/api/contract.ts';
import { typesetIssue } from '../../shared/layout/typeset.ts';

const shots = join(repoRoot, 'test-output', 'e2e');
mkdirSync(shots, { recursive: true });

let app: RunningApp;
let api: ApiClient;
let browser: Browser;
let issueId: number;
const errors: string[] = [];

async function importFixture(name: string): Promise<number> {
  const fixture = bulletinFixtures().find((f) => f.name === name)!;
  const outcome = await api['import.file']({ name: `${name}.txt`, base64: Buffer.from(fixture.text, 'utf8').toString('base64') });
  if (outcome.status !== 'imported') throw new Error(`import failed: ${JSON.stringify(outcome)}`);
  return outcome.issueId;
}

async function exportedPdfPages(id: number): Promise<number> {
  const file = await api['export.pdf']({ issueId: id });
  const path = join(shots, `preview-${id}.pdf`);
  writeFileSync(path, Buffer.from(file.base64, 'base64'));
  return pdfPageCount(path);
}

/** The page numbers the plan prints, sheet by sheet (null for none). */
async function plannedNumbers(id: number): Promise<(number | null)[]> {
  const record = await api['issues.get']({ id });
  const series = (await api['series.list']({ includeArchived: true })).find((item) => item.id === record.seriesId)!;
  return typesetIssue(record.issue, series.settings).sheets.map((sheet) => sheet.number);
}

async function openEditor(width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  await page.goto(app.loginUrl());
  await page.getByRole('button', { name: '新建一期' }).waitFor();
  await page.evaluate((id) => { location.hash = `#/issue/${id}`; }, issueId);
  try {
    await page.locator('[data-testid="bulletin-body"]').waitFor({ timeout: 15_000 });
    await page.locator('[data-testid="editor-page-count"][data-pages]').waitFor({ timeout: 15_000 });
  } catch (error) {
    await page.screenshot({ path: join(shots, `preview-open-failed-${width}x${height}.png`) });
    throw new Error(`${(error as Error).message}\n${page.url()}\n${(await page.locator('body').textContent())?.slice(0, 300)}\n${errors.join('\n')}`);
  }
  return page;
}

const editorPages = async (page: Page) => Number(await page.locator('[data-testid="editor-page-count"]').getAttribute('data-pages'));

beforeAll(async () => {
  app = await startApp();
  api = await app.apiClient();
  issueId = await importFixture('yiyang-2023-13');
  // imported as issued (read-only): reopened, so the clerk can type
  await api['issues.setStatus']({ id: issueId, status: 'draft', reason: '测试分页标记' });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('print preview', () => {
  for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
    it(`at ${width}×${height} shows the PDF's pages with the plan's page numbers, its buttons in view`, async () => {
      const pdfPages = await exportedPdfPages(issueId);
      const numbers = await plannedNumbers(issueId);
      expect(numbers.length).toBe(pdfPages);
      const page = await openEditor(width, height);
      expect(await editorPages(page)).toBe(pdfPages);

      await page.keyboard.press('Control+p');
      const dialog = page.getByRole('dialog', { name: '打印预览' });
      await dialog.waitFor();
      await expect.poll(() => page.locator('[data-testid="preview-page-count"]').textContent()).toBe(`共 ${pdfPages} 页`);
      const frame = page.frameLocator('iframe.print-preview-frame');
      await frame.locator('section').first().waitFor();
      const sheets = frame.locator('section.jb-sheet, section.jb-running');
      expect(await sheets.count()).toBe(pdfPages);
      const shown = await sheets.evaluateAll((sections) =>
        sections.map((section) => {
          const text = section.querySelector(':scope > .jb-page-number')?.textContent?.trim() ?? null;
          const match = text ? /^—\s*(\d+)\s*—$/.exec(text) : null;
          return match ? Number(match[1]) : null;
        }),
      );
      expect(shown).toEqual(numbers);
      await page.screenshot({ path: join(shots, `preview-${width}x${height}.png`) });

      for (const name of ['关闭', '打印…']) {
        const button = dialog.getByRole('button', { name, exact: true });
        const box = (await button.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(width);
        expect(box.y + box.height).toBeLessThanOrEqual(height);
        await button.click({ trial: true });
      }
      // 打印… prints the preview's own document (print() stubbed: headless Chromium has no print dialog)
      await page.evaluate(() => {
        const frameWindow = document.querySelector<HTMLIFrameElement>('iframe.print-preview-frame')!.contentWindow!;
        frameWindow.print = () => { (window as unknown as { printed: boolean }).printed = true; };
      });
      await dialog.getByRole('button', { name: '打印…', exact: true }).click();
      expect(await page.evaluate(() => (window as unknown as { printed?: boolean }).printed)).toBe(true);
      await dialog.getByRole('button', { name: '关闭', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.context().close();
    }, 120_000);
  }
});

describe('page marks in the editor', () => {
  it('marks where each page starts, counts the pages, and follows fast typing onto a new page', async () => {
    const page = await openEditor(1366, 768);
    const numbers = await plannedNumbers(issueId);
    const bodyPages = numbers.filter((number) => number !== null).length;
    const marks = () => page.locator('[data-page-start], [data-page-start-inside]').evaluateAll((nodes) =>
      nodes.map((node) => Number(node.getAttribute('data-page-start') ?? node.getAttribute('data-page-start-inside'))));
    expect(await marks()).toEqual(Array.from({ length: bodyPages - 1 }, (_, index) => index + 2));
    const before = await editorPages(page);
    expect(before).toBe(numbers.length);
    await page.locator('.page-break-mark, .page-break-inside').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'editor-page-marks.png') });

    // keystroke latency, as Chromium's Event Timing measures it (input delay + handling + next paint)
    await page.evaluate(() => {
      const durations: number[] = [];
      (window as unknown as { keyDurations: number[] }).keyDurations = durations;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (/^(keydown|keypress|keyup|beforeinput|input)$/.test(entry.name)) durations.push(entry.duration);
      }).observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit);
    });
    // 22 full lines of text: a page's worth, so the body takes one page more
    await page.locator('.article .paragraph').first().click();
    await page.keyboard.press('End');
    const typed = '督察整改'.repeat(154);
    const typingStarted = Date.now();
    await page.keyboard.type(typed);
    const lastKey = Date.now();
    await page.locator(`[data-testid="editor-page-count"][data-pages="${before + 1}"]`).waitFor({ timeout: 10_000 });
    const updatedAfterMs = Date.now() - lastKey;
    expect(await marks()).toEqual(Array.from({ length: bodyPages }, (_, index) => index + 2));
    const slow = await page.evaluate(() => (window as unknown as { keyDurations: number[] }).keyDurations);
    const perKeyMs = (lastKey - typingStarted) / typed.length;
    const sorted = [...slow].sort((a, b) => a - b);
    const quantile = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
    const planMs = Number(await page.locator('[data-testid="editor-page-count"]').getAttribute('data-plan-ms'));
    console.log(`page marks: ${typed.length} characters typed in ${lastKey - typingStarted} ms (${perKeyMs.toFixed(1)} ms a key), ` +
      `input events over 16 ms: ${slow.length}, median ${quantile(0.5)} ms, p95 ${quantile(0.95)} ms, longest ${Math.round(Math.max(0, ...slow))} ms; count updated ${updatedAfterMs} ms after the last key; plan took ${planMs} ms`);
    expect(updatedAfterMs).toBeLessThan(3000);
    // no keystroke waits for the plan: it runs only once typing pauses
    expect(quantile(0.95)).toBeLessThan(150);
    await page.screenshot({ path: join(shots, 'editor-page-marks-after-typing.png') });

    // the preview follows the edit
    await page.keyboard.press('Control+p');
    await expect.poll(() => page.locator('[data-testid="preview-page-count"]').textContent()).toBe(`共 ${before + 1} 页`);
    await page.keyboard.press('Escape');
    await page.context().close();
    expect(errors).toEqual([]);
  }, 120_000);
});
