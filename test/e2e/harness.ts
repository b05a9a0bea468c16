// What the browser-mode end-to-end tests set up alike: the app on a temporary archive with what a test
// puts in it first, a watched Chromium page logged in to it, the folder screenshots go to, and pressing a
// button from the keyboard as a clerk does.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { ApiClient } from '../../shared/api/contract.ts';
import { repoRoot } from '../fixtures.ts';
import { launchChromium, openWatchedPage } from './chromium.ts';
import { startApp, type RunningApp } from './web-app.ts';

/** test-output/<folder>, made if need be, for a test's screenshots. */
export function screenshotFolder(folder = 'e2e'): string {
  const path = join(repoRoot, 'test-output', folder);
  mkdirSync(path, { recursive: true });
  return path;
}

export interface AppInBrowser {
  app: RunningApp;
  /** an API client with a session of its own, for putting things in the archive and reading them back */
  api: ApiClient;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** page errors and console errors */
  errors: string[];
  /** native dialogs the page opened (recorded and dismissed) */
  nativeDialogs: string[];
}

/** The app in browser mode, `seed` run against it, then a page of the given size logged in (landing on the app). */
export async function openAppInBrowser(options: {
  width: number;
  height: number;
  acceptDownloads?: boolean;
  seed?: (api: ApiClient) => Promise<void>;
}): Promise<AppInBrowser> {
  const app = await startApp();
  let browser: Browser | undefined;
  try {
    const api = await app.apiClient();
    await options.seed?.(api);
    browser = await launchChromium();
    const { context, page, errors, nativeDialogs } = await openWatchedPage(browser, { width: options.width, height: options.height, acceptDownloads: options.acceptDownloads ?? false });
    await page.goto(app.loginUrl());
    return { app, api, browser, context, page, errors, nativeDialogs };
  } catch (error) {
    await closeAppInBrowser({ app, browser });
    throw error;
  }
}

/** Closes what openAppInBrowser opened (whatever of it was opened). */
export async function closeAppInBrowser(opened: { app?: RunningApp; browser?: Browser }): Promise<void> {
  await opened.browser?.close();
  await opened.app?.close();
}

/** Focuses the button and presses Enter, as a clerk at the keyboard does. */
export async function press(button: Locator): Promise<void> {
  await button.focus();
  await button.page().keyboard.press('Enter');
}
