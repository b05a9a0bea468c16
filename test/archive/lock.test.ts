// One writer per data folder: while a program holds the archive, a second one (in this process or
// another) is refused with a message naming the holder and its PID; reading commands still read;
// a restore from the command line is refused; the lock goes with the holder, even when it is killed.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../electron/services/archive/archive.ts';
import { insertIssue, listIssues } from '../../electron/services/archive/issues.ts';
import { storedIssue } from '../../electron/services/archive/stored-issue.ts';
import { createBackup } from '../../electron/services/archive/backups.ts';
import { runCli } from '../run-cli.ts';
import { bulletinFixtures, repoRoot } from '../fixtures.ts';
import { startTsChild } from '../child-process.ts';
import { issueWith, makeSeries, tempArchive, tempDir } from './helpers.ts';

const holderChild = join(repoRoot, 'test', 'archive', 'holder-child.ts');

describe('one writer per archive', () => {
  it('refuses a second open of the same folder in the same process, naming the holder, and allows it once the first is closed', async () => {
    const dataDir = tempDir();
    const first = await openArchive({ dataDir, holder: { name: '简报（浏览器模式）', kind: 'app' } });
    await expect(openArchive({ dataDir })).rejects.toThrow(new RegExp(`正由“简报（浏览器模式）”（进程 ${process.pid}.*使用`));
    first.close();
    const again = await openArchive({ dataDir });
    again.close();
  });

  it('refuses writing commands and a restore while another process holds the folder, still reads, and frees it when the holder is killed', { timeout: 120_000 }, async () => {
    const dataDir = tempDir();
    const archive = await tempArchive(dataDir);
    const series = makeSeries(archive);
    insertIssue(archive, series.id, storedIssue(issueWith({ title: '持有期间仍可检索的简报' })), '测试');
    const backup = await createBackup(archive, 'manual');
    archive.close();

    const holder = await startTsChild(holderChild, [dataDir, '简报（浏览器模式）'], /^ready /);
    try {
      const pid = holder.line.split(' ')[1]!;
      const fixture = bulletinFixtures()[0]!.path;
      for (const args of [
        ['archive', 'import', fixture, '--data', dataDir],
        ['restore', backup.name, '--data', dataDir],
        ['backup', '--keep', '5', '--data', dataDir],
      ]) {
        const run = runCli(args);
        expect(run.status, args.join(' ')).toBe(2);
        expect(run.stderr.trim().split('\n')).toHaveLength(1);
        expect(run.stderr).toContain(`正由“简报（浏览器模式）”（进程 ${pid}`);
      }
      expect(runCli(['restore', backup.name, '--data', dataDir]).stderr).toContain('不能从命令行恢复');

      const list = runCli(['archive', 'list', '--data', dataDir]);
      expect(list.status).toBe(0);
      expect(list.stdout).toContain('持有期间仍可检索的简报');
      const search = runCli(['search', '持有期间', '--data', dataDir]);
      expect(search.status).toBe(0);
      expect(search.stdout).toContain('找到 1 期');
      const copy = runCli(['backup', '--to', tempDir(), '--data', dataDir]);
      expect(copy.status).toBe(0);
    } finally {
      await holder.kill();
    }

    const imported = runCli(['archive', 'import', bulletinFixtures()[0]!.path, '--data', dataDir]);
    expect(imported.status).toBe(0);
    const reopened = await tempArchive(dataDir);
    expect(listIssues(reopened, { seriesId: series.id })).toHaveLength(1);
  });
});
