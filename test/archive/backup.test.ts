// Backups with SQLite's online backup API: complete self-contained copies, the last N kept, one a day
// when due, and restores that check integrity first and back up the current file before replacing it.
import Database from 'better-sqlite3';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupIfDue, createBackup, restoreBackup } from '../../electron/services/archive/backups.ts';
import { backupName, listBackups } from '../../electron/services/archive/backup-files.ts';
import { backupRetention, setBackupRetention } from '../../electron/services/archive/settings.ts';
import { insertIssue, listIssues } from '../../electron/services/archive/issues.ts';
import { storedIssue } from '../../electron/services/archive/stored-issue.ts';
import { apiErrorOf, apiOf, issueWith, makeSeries, tempArchive, tempDir } from './helpers.ts';

async function archiveWithIssues(count: number) {
  const archive = await tempArchive();
  const series = makeSeries(archive);
  for (let number = 1; number <= count; number++) insertIssue(archive, series.id, storedIssue(issueWith({ number, title: `第${number}篇` })), '测试');
  return { archive, series, api: apiOf(archive) };
}

describe('backup', () => {
  it('writes a complete copy that passes integrity_check, in one file with no write-ahead log beside it', async () => {
    const { archive, api } = await archiveWithIssues(3);
    const backup = await api('backup.create', {});
    expect(backup.reason).toBe('manual');
    const path = join(archive.backupsDir, backup.name);
    expect(backup.bytes).toBe(readFileSync(path).length);
    const copy = new Database(path, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.prepare('SELECT count(*) FROM issues').pluck().get()).toBe(3);
    copy.close();
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect((await api('backup.list', {})).map((info) => info.name)).toEqual([backup.name]);
  });

  it('keeps the last N backups (a setting stored in the archive, 30 unless changed)', async () => {
    const { archive } = await archiveWithIssues(1);
    expect(backupRetention(archive.db)).toEqual({ manual: 30, days: 30 });
    archive.write(() => setBackupRetention(archive.db, 'manual', 3));
    const made = [];
    for (let i = 0; i < 5; i++) made.push((await createBackup(archive, 'manual')).name);
    expect(listBackups(archive.backupsDir).map((info) => info.name)).toEqual(made.slice(2).reverse());
    expect(() => setBackupRetention(archive.db, 'manual', 0)).toThrow('保留的手动备份份数应为 1 到 1000 之间的整数');
  });

  it('takes the daily backup once a day: when none is from today, and not again the same day', async () => {
    const { archive } = await archiveWithIssues(1);
    const first = await backupIfDue(archive);
    expect(first?.reason).toBe('daily');
    expect(await backupIfDue(archive)).toBeNull();
    const yesterday = new Date(Date.now() - 24 * 3600 * 1000);
    renameSync(join(archive.backupsDir, first!.name), join(archive.backupsDir, backupName(yesterday, 'daily')));
    expect((await backupIfDue(archive))?.reason).toBe('daily');
    expect(listBackups(archive.backupsDir)).toHaveLength(2);
  });

  it('restores a backup after backing up the current file, which keeps what was saved since', async () => {
    const { archive, series, api } = await archiveWithIssues(2);
    const backup = await api('backup.create', {});
    insertIssue(archive, series.id, storedIssue(issueWith({ number: 3, title: '备份之后写的' })), '测试');
    await api('backup.restore', { name: backup.name });
    expect(listIssues(archive, { seriesId: series.id }).map((issue) => issue.number)).toEqual([2, 1]);
    const safety = listBackups(archive.backupsDir).find((info) => info.reason === 'restore')!;
    const copy = new Database(join(archive.backupsDir, safety.name), { readonly: true });
    expect(copy.prepare('SELECT first_title FROM issues WHERE number = 3').pluck().get()).toBe('备份之后写的');
    copy.close();
    expect((await api('search', { query: '第1篇' })).length).toBe(1);
  });

  it('refuses to restore a damaged backup or a file that is not an archive, and leaves the archive untouched', async () => {
    const { archive, series, api } = await archiveWithIssues(2);
    const backup = await createBackup(archive, 'manual');
    const path = join(archive.backupsDir, backup.name);
    const bytes = readFileSync(path);
    for (let offset = 4096 * 2; offset < bytes.length; offset++) bytes[offset] = (offset * 31) & 0xff;
    writeFileSync(path, bytes);
    const error = await apiErrorOf(api('backup.restore', { name: backup.name }));
    expect(error.code).toBe('unreadable');
    expect(error.message).toMatch(/^备份文件 .* 不能用于恢复（.*），档案库未作改动$/);

    const foreign = join(tempDir(), 'other.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE t (x)');
    other.close();
    await expect(restoreBackup(archive, foreign)).rejects.toThrow('不是简报的档案库文件');

    expect(listIssues(archive, { seriesId: series.id })).toHaveLength(2);
    expect(listBackups(archive.backupsDir).filter((info) => info.reason === 'restore')).toEqual([]);
    expect((await apiErrorOf(api('backup.restore', { name: 'jianbao-nope.sqlite' }))).code).toBe('not-found');
  });
});
