// `npm start` where the Electron runtime cannot be fetched: one Chinese line naming browser mode, then
// browser mode itself serving the app.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
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
    await expect.poll(() => stdout, { timeout: 90_000, interval: 200 }).toMatch(/已启动：(http:\/\/127\.0\.0\.1:\d+\/)/);
    const url = /已启动：(\S+)/.exec(stdout)![1]!;
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^无法启动桌面版：.*浏览器模式（npm run web）/)]);
    const page = await (await fetch(url)).text();
    expect(page).toContain('<meta name="jianbao-token"');
    expect(stdout).toContain(`数据文件夹：${dataDir}`);
  } finally {
    child.kill('SIGTERM');
  }
}, 120_000);
