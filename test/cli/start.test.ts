// `npm start` where the Electron runtime cannot be fetched: one Chinese line naming browser mode, then
// browser mode itself serving the app.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from '../fixtures.ts';

it('falls back to browser mode with one line saying why when Electron cannot be fetched', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jianbao-start-'));
  // a mirror that refuses at once stands for an isolated network
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'start.mjs'), '--port', '0', '--data', dataDir], {
    cwd: repoRoot,
    env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', ELECTRON_OVERRIDE_DIST_PATH: join(dataDir, 'no-electron') },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    await expect.poll(() => stdout, { timeout: 90_000, interval: 200 }).toMatch(/已启动：http:\/\/127\.0\.0\.1:\d+\/login\/[\w-]{43}\n/);
    const url = /已启动：(\S+)/.exec(stdout)![1]!;
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^无法启动桌面版：.*浏览器模式（npm run web）/)]);
    expect(stdout).toContain(`数据文件夹：${dataDir}`);
    // the printed address is also in the owner-only login file
    const loginFile = join(dataDir, 'browser-login.txt');
    expect(readFileSync(loginFile, 'utf8').trim()).toBe(url);
    expect(statSync(loginFile).mode & 0o777).toBe(0o600);
    const origin = new URL(url).origin;
    expect((await fetch(`${origin}/`)).status).toBe(401);
    // opened once, it sets the session cookie and sends the browser to the app
    const login = await fetch(url, { redirect: 'manual' });
    expect(login.status).toBe(303);
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const page = await fetch(`${origin}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    // a fresh one-time address is printed and written for the next browser
    await expect.poll(() => readFileSync(loginFile, 'utf8').trim(), { timeout: 5000 }).not.toBe(url);
    const next = readFileSync(loginFile, 'utf8').trim();
    await expect.poll(() => stdout, { timeout: 5000 }).toContain(next);
  } finally {
    child.kill('SIGTERM');
  }
}, 120_000);
