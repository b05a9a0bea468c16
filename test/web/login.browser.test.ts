// Browser mode's login in real Chromium: the one-time address lands on the app with the session
// cookie (the address is gone from the address bar); a browser that did not log in sees the 401 page,
// and cannot read or change anything through the API.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../e2e/chromium.ts';
import { startApp, type RunningApp } from '../e2e/web-app.ts';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

it('opening the login address in Chromium reaches the archive screen, with an HttpOnly SameSite=Strict cookie and the token gone from the address bar', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const loginUrl = app.loginUrl();
  const token = loginUrl.split('/').pop()!;
  await page.goto(loginUrl);
  await page.getByRole('button', { name: '新建刊物' }).waitFor({ timeout: 15_000 });
  expect(page.url()).toBe(`${app.url}/`);
  expect(await page.content()).not.toContain(token);
  const cookies = await context.cookies(app.url);
  expect(cookies).toEqual([expect.objectContaining({ name: 'jianbao_session', httpOnly: true, sameSite: 'Strict', path: '/' })]);
  // the page's script cannot read the cookie, yet its same-origin API calls carry it
  expect(await page.evaluate(() => document.cookie)).toBe('');
  const listed = await page.evaluate(async () => (await fetch('/api/series.list', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json());
  expect(listed).toEqual({ ok: true, value: [] });
  expect(errors).toEqual([]);
  await context.close();
});

it('a browser context that did not log in sees the 401 page at http://127.0.0.1:PORT/, and its API calls are refused', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const response = await page.goto(`${app.url}/`);
  expect(response!.status()).toBe(401);
  await page.getByRole('heading', { name: '请从“简报”启动时显示的地址打开' }).waitFor();
  expect(await page.locator('body').textContent()).toContain('npm run web');
  expect(await page.getByRole('button', { name: '新建刊物' }).count()).toBe(0);
  const refused = await page.evaluate(async () => {
    const reply = await fetch('/api/series.create', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ settings: {} }) });
    return { status: reply.status, body: await reply.json() };
  });
  expect(refused.status).toBe(401);
  expect(refused.body.error.code).toBe('forbidden');
  // a spent login address does not let it in either
  const spent = app.loginUrl();
  const other = await browser.newContext();
  await (await other.newPage()).goto(spent);
  expect((await page.goto(spent))!.status()).toBe(401);
  expect(await context.cookies(app.url)).toEqual([]);
  await other.close();
  await context.close();
});
