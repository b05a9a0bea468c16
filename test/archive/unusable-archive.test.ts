// A damaged or empty archive is never replaced: a 0-byte file, a folder in its place, or a missing file
// beside good backups opens nothing and writes nothing, says which file, the newest good backup and the
// restore command; the holder restores it, and only a backup the backups folder lists.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../electron/services/archive/archive.ts';
import { createBackup } from '../../electron/services/archive/backups.ts';
import { listBackups } from '../../electron/services/archive/backup-files.ts';
import { insertIssue, listIssues } from '../../electron/services/archive/issues.ts';
import { storedIssue } from '../../electron/services/archive/stored-issue.ts';
import { runCli } from '../run-cli.ts';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import { apiErrorOf, apiOf, issueWith, makeSeries, tempArchive, tempDir } from './helpers.ts';

async function folderWithBackup() {
  const dataDir = tempDir();
  const archive = await tempArchive(dataDir);
  const series = makeSeries(archive);
  insertIssue(archive, series.id, storedIssue(issueWith({ title: '备份里的简报' })), '测试');
  const backup = await createBackup(archive, 'manual');
  archive.close();
  return { dataDir, file: join(dataDir, 'archive.sqlite'), backup, seriesId: series.id };
}

/** The archive file and its write-ahead log gone (as a clerk deleting it, or a failed copy, would leave it). */
function removeArchiveFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true, recursive: true });
}

const damages: [string, (file: string) => void][] = [
  ['a 0-byte archive.sqlite', (file) => truncateSync(file, 0)],
  ['a folder in place of archive.sqlite', (file) => (removeArchiveFile(file), mkdirSync(file))],
  ['a missing archive.sqlite beside good backups', removeArchiveFile],
];

/** What the file is: its size, 'folder', or 'missing'. */
function fileState(file: string): number | string {
  if (!existsSync(file)) return 'missing';
  const info = statSync(file);
  return info.isDirectory() ? 'folder' : info.size;
}

describe('an unusable archive file', () => {
  for (const [what, damage] of damages) {
    it(`opens nothing and writes nothing for ${what}, naming the file, the newest good backup and the restore command; the holder restores it`, async () => {
      const { dataDir, file, backup, seriesId } = await folderWithBackup();
      damage(file);
      const before = readdirSync(dataDir).sort();
      const stateBefore = fileState(file);

      const archive = await openArchive({ dataDir, holder: { name: '简报', kind: 'app' } });
      expect(archive.isReadable).toBe(false);
      expect(archive.readOnlyReason).toContain(file);
      expect(archive.readOnlyReason).toContain(backup.name);
      expect(archive.readOnlyReason).toContain(`jianbao restore ${backup.name}`);
      expect(archive.readOnlyReason).toContain('从备份恢复');
      const api = apiOf(archive);
      expect((await apiErrorOf(api('series.list', {}))).code).toBe('unreadable');
      expect((await apiErrorOf(api('series.create', { settings: defaultSeriesSettings('新刊物') }))).code).toBe('read-only');
      expect((await apiErrorOf(api('backup.create', {}))).code).toBe('read-only');
      expect(readdirSync(dataDir).filter((name) => !name.startsWith('archive.lock')).sort()).toEqual(before.filter((name) => !name.startsWith('archive.lock')));
      expect(fileState(file)).toBe(stateBefore);
      archive.close();

      const list = runCli(['archive', 'list', '--data', dataDir]);
      expect(list.status).toBe(2);
      expect(list.stderr.trim().split('\n')).toHaveLength(1);
      expect(list.stderr).toContain(`jianbao restore ${backup.name} --data`);

      const holder = await openArchive({ dataDir, holder: { name: '简报', kind: 'app' } });
      await apiOf(holder)('backup.restore', { name: backup.name });
      expect(holder.readOnlyReason).toBeNull();
      expect(listIssues(holder, { seriesId }).map((issue) => issue.firstTitle)).toEqual(['备份里的简报']);
      holder.close();
    });
  }

  it('restores from the command line when nothing holds the folder', async () => {
    const { dataDir, file, backup, seriesId } = await folderWithBackup();
    truncateSync(file, 0);
    const run = runCli(['restore', backup.name, '--data', dataDir]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const archive = await tempArchive(dataDir);
    expect(listIssues(archive, { seriesId })).toHaveLength(1);
  });

  it('creates a new archive only where there is no file and no backup', async () => {
    const dataDir = tempDir();
    const archive = await tempArchive(dataDir);
    expect(archive.readOnlyReason).toBeNull();
    expect(readdirSync(dataDir)).toContain('archive.sqlite');
    expect(readdirSync(dataDir).some((name) => name.includes('.creating'))).toBe(false);
  });

  it('restores through the API only a backup the backups folder lists, never a path or a file elsewhere', async () => {
    const { dataDir, backup } = await folderWithBackup();
    const archive = await tempArchive(dataDir);
    const api = apiOf(archive);
    writeFileSync(join(process.cwd(), 'evil.sqlite'), '');
    try {
      for (const name of ['evil.sqlite', 'archive.sqlite', 'jianbao-20240101-000000-000-manual.sqlite']) {
        expect((await apiErrorOf(api('backup.restore', { name }))).code).toBe('not-found');
      }
    } finally {
      rmSync(join(process.cwd(), 'evil.sqlite'), { force: true });
    }
    expect(listBackups(archive.backupsDir).map((info) => info.name)).toEqual([backup.name]);
  });
});
