// Browser mode on an archive whose revisions are damaged, opened as `npm run web` opens it: the archive
// screen comes up at once (only the small tables are checked at open), and when the check after open finds
// the damage the banner appears by itself, naming the good backup, with 从备份恢复… beside it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openWatchedPage } from './chromium.ts';
import { screenshotFolder } from './harness.ts';
import { dataDirWithSeries } from './long-series.ts';
import { startApp, type RunningApp } from './web-app.ts';
import { openArchive } from '../../electron/services/archive/archive.ts';
import { createBackup } from '../../electron/services/archive/backups.ts';
import { damagePagesOf } from '../archive/damaged-pages.ts';

const NAME = '桃江县防汛工作简报';
let app: RunningApp;
let browser: Browser;
let page: Page;
let goodBackup: string;

beforeAll(async () => {
  const dataDir = await dataDirWithSeries([{ name: NAME, count: 60 }]);
  const archive = await openArchive({ dataDir });
  goodBackup = (await createBackup(archive, 'manual')).name;
  const file = archive.file;
  archive.close();
  damagePagesOf(file, 'revisions');
  app = await startApp(dataDir, { checkLargeTables: 'after-open' });
  browser = await launchChromium();
  ({ page } = await openWatchedPage(browser, { width: 1366, height: 768 }));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('damage found by the check after open', () => {
  it('shows the archive at once, then the damaged-file banner by itself when the check finds the damage', async () => {
    await page.goto(app.loginUrl());
    await page.locator('.series-item.selected').waitFor();
    // the list came from the small tables, before the check of the large ones had run
    await expect.poll(() => page.locator('.issue-table tbody tr').count()).toBeGreaterThan(5);
    const banner = page.getByRole('alert').filter({ hasText: '已损坏' });
    await banner.waitFor({ timeout: 20_000 });
    expect(await banner.textContent()).toMatch(/已损坏.*已改为只读.*jianbao-\d{8}-\d{6}-\d{3}-manual\.sqlite/);
    expect(await banner.textContent()).toContain(goodBackup);
    expect(await banner.getByRole('button', { name: '从备份恢复…' }).isVisible()).toBe(true);
    await page.screenshot({ path: `${screenshotFolder()}/damage-after-open.png` });
  }, 60_000);
});
