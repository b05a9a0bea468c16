// Restore while browser mode holds the archive, as a clerk would try it: `npm run web` runs as its own
// process; `jianbao restore` from a terminal is refused naming it; the restore done by browser mode
// itself (the backups dialog's call) keeps every save it confirmed, before and after, in the file.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../renderer/api/transport.ts';
import type { ApiClient, ApiResponse } from '../../shared/api/contract.ts';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import { repoRoot } from '../fixtures.ts';
import { runCli } from '../run-cli.ts';
import { loginCookie } from '../e2e/web-app.ts';
import { tempDir } from '../archive/helpers.ts';
import { buildRenderer, rendererIsStale } from '../../electron/web/build-renderer.ts';

function startBrowserMode(dataDir: string) {
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'web.mjs'), '--port', '0', '--data', dataDir], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start: ${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /已启动：(http:\/\/127\.0\.0\.1:\d+\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`browser mode exited (${code}): ${output}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, url, stop: async () => (child.kill('SIGTERM'), await exited) };
}

async function clientFor(loginUrl: string): Promise<ApiClient> {
  const cookie = await loginCookie(loginUrl);
  const origin = new URL(loginUrl).origin;
  return createApiClient(async (method, input) => {
    const response = await fetch(`${origin}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(input ?? {}) });
    return (await response.json()) as ApiResponse<unknown>;
  });
}

describe('restore while browser mode holds the archive', () => {
  it('refuses the command-line restore naming browser mode, and browser mode’s own restore keeps every confirmed save', { timeout: 180_000 }, async () => {
    if (rendererIsStale(repoRoot)) await buildRenderer(repoRoot);
    const dataDir = tempDir();
    const app = startBrowserMode(dataDir);
    const confirmed: string[] = [];
    try {
      const api = await clientFor(await app.url);
      const series = await api['series.create']({ settings: defaultSeriesSettings('恢复测试简报', '测试组') });
      const save = async (title: string) => {
        const record = await api['issues.next']({ seriesId: series.id, date: '2024-05-01' });
        const [lead] = record.issue.blocks;
        const saved = await api['issues.save']({ id: record.id, baseRevision: record.revision, issue: { ...record.issue, blocks: [lead!, { type: 'article', title, paragraphs: [{ runs: [{ text: `${title}。` }] }] }] } });
        confirmed.push(saved.record.issue.blocks.some((block) => block.type === 'article' && block.title === title) ? title : '');
      };
      await save('备份前确认的一期');
      const backup = await api['backup.create']({});

      const refused = runCli(['restore', backup.name, '--data', dataDir]);
      expect(refused.status).toBe(2);
      expect(refused.stderr.trim().split('\n')).toHaveLength(1);
      expect(refused.stderr).toMatch(/正由“简报（浏览器模式）”（进程 \d+.*不能从命令行恢复/);

      await save('备份后、恢复前的一期');
      await api['backup.restore']({ name: backup.name });
      confirmed.splice(confirmed.indexOf('备份后、恢复前的一期'), 1);
      for (let n = 1; n <= 5; n++) await save(`恢复后确认的第${n}期`);
      const listed = await api['issues.list']({ seriesId: series.id });
      expect(listed.map((issue) => issue.firstTitle).sort()).toEqual([...confirmed].sort());
    } finally {
      await app.stop();
    }
    const file = new Database(join(dataDir, 'archive.sqlite'), { readonly: true });
    const titles = file.prepare('SELECT first_title FROM issues').pluck().all();
    file.close();
    expect([...titles].sort()).toEqual([...confirmed].sort());
    expect(confirmed).toHaveLength(6);
  });
});
