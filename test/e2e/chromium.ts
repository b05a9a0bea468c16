// Debian's Chromium driven by playwright-core, with the flags this offline machine needs.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.JIANBAO_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** page errors and console errors, for a test that the page raised none */
  errors: string[];
  /** the app asks in its own dialogs: a native one (confirm, alert) is recorded and dismissed */
  nativeDialogs: string[];
}

/** A page in a fresh zh-CN context with everything that should not happen recorded. */
export async function openWatchedPage(browser: Browser, { width, height, acceptDownloads = false }: { width: number; height: number; acceptDownloads?: boolean }): Promise<WatchedPage> {
  const context = await browser.newContext({ acceptDownloads, viewport: { width, height }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  const nativeDialogs: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('dialog', (dialog) => {
    nativeDialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { context, page, errors, nativeDialogs };
}
