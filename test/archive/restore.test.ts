// Restores done by the holder: every save confirmed after a restore is in the file on disk (never in a
// deleted one); a restore that fails leaves the archive open and working; a SIGKILL at any moment of a
// restore leaves either the old or the new archive in place, whole; backups are kept by age and kind.
import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readlinkSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../electron/services/archive/archive.ts';
import { createBackup, restoreBackup } from '../../electron/services/archive/backups.ts';
import { backupName, backupsToKeep, listBackups, pruneBackups } from '../../electron/services/archive/backup-files.ts';
import { insertIssue, listIssues } from '../../electron/services/archive/issues.ts';
import { storedIssue } from '../../electron/services/archive/stored-issue.ts';
import type { BackupInfo } from '../../shared/api/records.ts';
import { repoRoot } from '../fixtures.ts';
import { seededRandom } from '../generate.ts';
import { startTsChild } from '../child-process.ts';
import { apiOf, issueWith, makeSeries, tempArchive, tempDir } from './helpers.ts';

/** Files this process has open that the file system no longer has (what a restore must never leave behind). */
function openDeletedFiles(): string[] {
  return readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return '';
      }
    })
    .filter((target) => target.includes('jianbao-archive-') && target.endsWith('(deleted)'));
}

describe('restore by the holder', () => {
  it('keeps every save confirmed after a restore in the archive file itself, across a reopen', async () => {
    const dataDir = tempDir();
    const archive = await tempArchive(dataDir);
    const api = apiOf(archive);
    const series = makeSeries(archive);
    insertIssue(archive, series.id, storedIssue(issueWith({ number: 1, title: '恢复前的第1期' })), '测试');
    const backup = await api('backup.create', {});
    insertIssue(archive, series.id, storedIssue(issueWith({ number: 2, title: '会被恢复掉的第2期' })), '测试');
    await api('backup.restore', { name: backup.name });
    for (let number = 2; number <= 6; number++) {
      const record = await api('issues.next', { seriesId: series.id, date: '2024-04-01' });
      await api('issues.save', { id: record.id, baseRevision: record.revision, issue: { ...record.issue, blocks: issueWith({ title: `恢复后确认保存的第${number}期` }).blocks } });
    }
    expect(openDeletedFiles()).toEqual([]);
    archive.close();

    const raw = new Database(join(dataDir, 'archive.sqlite'), { readonly: true });
    expect(raw.prepare('SELECT first_title FROM issues ORDER BY number').pluck().all()).toEqual(['恢复前的第1期', ...[2, 3, 4, 5, 6].map((n) => `恢复后确认保存的第${n}期`)]);
    raw.close();
  });

  it('stays open and working, unchanged, when the backup cannot be copied in', async () => {
    const dataDir = tempDir();
    const archive = await tempArchive(dataDir);
    const series = makeSeries(archive);
    insertIssue(archive, series.id, storedIssue(issueWith({ title: '原有的简报' })), '测试');
    const backup = await createBackup(archive, 'manual');
    // a folder where the copy must go: the copy fails as a full or read-only disk would make it fail
    mkdirSync(`${archive.file}.restoring`);
    await expect(restoreBackup(archive, join(archive.backupsDir, backup.name))).rejects.toThrow(/^恢复档案库失败：.*（E[A-Z]+）$/);
    expect(listIssues(archive, { seriesId: series.id })).toHaveLength(1);
    insertIssue(archive, series.id, storedIssue(issueWith({ number: 2, title: '失败之后照常保存' })), '测试');
    expect(listIssues(archive, { seriesId: series.id })).toHaveLength(2);
  });

  it('leaves the old or the new archive in place, whole, after 20 SIGKILLs at random moments of restores', { timeout: 240_000 }, async () => {
    const dataDir = tempDir();
    const archive = await tempArchive(dataDir);
    const series = makeSeries(archive);
    const filler = '各县市区扎实推进生态环境问题整改。'.repeat(2000);
    insertIssue(archive, series.id, storedIssue(issueWith({ number: 1, title: '甲版本', text: filler })), '测试');
    const first = join(tempDir(), 'a.sqlite');
    await archive.db.backup(first);
    insertIssue(archive, series.id, storedIssue(issueWith({ number: 2, title: '乙版本', text: filler })), '测试');
    const second = join(tempDir(), 'b.sqlite');
    await archive.db.backup(second);
    archive.close();

    const random = seededRandom(20261201);
    let restoresSeen = 0;
    for (let kill = 0; kill < 20; kill++) {
      const child = await startTsChild(join(repoRoot, 'test', 'archive', 'restore-child.ts'), [dataDir, first, second], /^ready$/);
      await new Promise((resolve) => setTimeout(resolve, 50 + random() * 400));
      restoresSeen += (child.output().match(/^restored /gm) ?? []).length;
      await child.kill();
      const db = new Database(join(dataDir, 'archive.sqlite'), { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const titles = db.prepare('SELECT first_title FROM issues ORDER BY number').pluck().all();
        expect([['甲版本'], ['甲版本', '乙版本']]).toContainEqual(titles);
      } finally {
        db.close();
      }
    }
    expect(restoresSeen).toBeGreaterThan(20);
    const reopened = await openArchive({ dataDir });
    expect(reopened.readOnlyReason).toBeNull();
    reopened.close();
  });
});

describe('backups at the same moment', () => {
  it('writes five complete, distinct backups when five are asked for at once', async () => {
    const archive = await tempArchive();
    const api = apiOf(archive);
    insertIssue(archive, makeSeries(archive).id, storedIssue(issueWith({ title: '同时备份' })), '测试');
    const made = await Promise.all(Array.from({ length: 5 }, () => api('backup.create', {})));
    expect(new Set(made.map((backup) => backup.name)).size).toBe(5);
    for (const backup of listBackups(archive.backupsDir)) {
      expect(backup.bytes).toBeGreaterThan(0);
      const copy = new Database(join(archive.backupsDir, backup.name), { readonly: true });
      expect(copy.prepare('SELECT first_title FROM issues').pluck().get()).toBe('同时备份');
      copy.close();
    }
  });
});

describe('backups kept by age and kind', () => {
  const at = (daysAgo: number, now: Date) => new Date(now.getTime() - daysAgo * 24 * 3600 * 1000 - 60_000);
  const info = (date: Date, reason: BackupInfo['reason']): BackupInfo => ({ name: backupName(date, reason), createdAt: date.toISOString(), bytes: 1, reason });

  it('keeps one daily copy a day for N days, the last N manual ones, and copies before a restore or migration for 90 days', () => {
    const now = new Date(2026, 11, 1, 12, 0, 0);
    const backups = [
      ...Array.from({ length: 40 }, (_, n) => info(new Date(now.getTime() - n * 1000), 'manual')),
      ...Array.from({ length: 45 }, (_, day) => info(at(day, now), 'daily')),
      info(at(0.5, now), 'daily'),
      info(at(10, now), 'restore'),
      info(at(89, now), 'migration'),
      info(at(120, now), 'restore'),
      info(at(200, now), 'restore'),
    ].sort((a, b) => b.name.localeCompare(a.name));
    const kept = backupsToKeep(backups, { manual: 30, days: 30 }, now);
    const keptOf = (reason: BackupInfo['reason']) => backups.filter((backup) => backup.reason === reason && kept.has(backup.name));
    expect(keptOf('manual')).toHaveLength(30);
    expect(new Set(keptOf('daily').map((backup) => backup.name.slice(0, 16))).size).toBe(keptOf('daily').length);
    expect(keptOf('daily')).toHaveLength(30);
    expect(keptOf('restore').map((backup) => backup.createdAt)).toEqual([at(10, now).toISOString()]);
    expect(keptOf('migration')).toHaveLength(1);
  });

  it('keeps the copies taken before a restore and a migration through a burst of 40 manual backups', async () => {
    const archive = await tempArchive();
    makeSeries(archive);
    const safety = await createBackup(archive, 'manual');
    const yesterday = new Date(Date.now() - 24 * 3600 * 1000);
    renameSync(join(archive.backupsDir, safety.name), join(archive.backupsDir, backupName(yesterday, 'restore')));
    const daily = await createBackup(archive, 'daily');
    for (let n = 0; n < 40; n++) await createBackup(archive, 'manual');
    pruneBackups(archive.backupsDir, { manual: 30, days: 30 });
    const reasons = listBackups(archive.backupsDir).map((backup) => backup.reason);
    expect(reasons.filter((reason) => reason === 'manual')).toHaveLength(30);
    expect(reasons).toContain('restore');
    expect(listBackups(archive.backupsDir).map((backup) => backup.name)).toContain(daily.name);
  });
});
