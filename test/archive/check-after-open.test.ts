// The archive's check split in two: the small tables that cannot be rebuilt at open, the large ones
// (revisions, the search indexes) after open in a worker, which turns a damaged file read-only when it
// finds damage; the app's frame is told through app.info's `checking`.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArchive, withArchive } from '../../electron/services/archive/archive.ts';
import { exportBundle } from '../../electron/services/archive/bundle.ts';
import { createBackup, restoreBackup } from '../../electron/services/archive/backups.ts';
import { problemWith } from '../../electron/services/archive/backup-files.ts';
import { isCheckedAfterOpen } from '../../electron/services/archive/file-check.ts';
import { insertIssue, listIssues, nextIssue } from '../../electron/services/archive/issues.ts';
import { storedIssue } from '../../electron/services/archive/stored-issue.ts';
import { ArchiveError } from '../../electron/services/archive/errors.ts';
import { openServices } from '../../electron/api/services.ts';
import { issueWith, makeSeries, tempArchive, tempDir } from './helpers.ts';
import { damagePagesOf } from './damaged-pages.ts';

const hashFile = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** An archive of 40 issues (so revisions span many pages), closed, with a good manual backup. */
async function closedArchive() {
  const dataDir = tempDir();
  const archive = await tempArchive(dataDir);
  const series = makeSeries(archive);
  for (let number = 1; number <= 40; number++) {
    insertIssue(archive, series.id, storedIssue(issueWith({ number, title: `第${number}期的防汛工作部署`, text: '各地认真落实防汛责任，'.repeat(300) })), '测试');
  }
  const good = await createBackup(archive, 'manual');
  archive.close();
  return { dataDir, series, good, file: join(dataDir, 'archive.sqlite') };
}

const listNumbers = (archive: Awaited<ReturnType<typeof openArchive>>, seriesId: number) => listIssues(archive, { seriesId }).map((issue) => issue.number);

function refusedWrite(action: () => unknown): ArchiveError {
  try {
    action();
  } catch (error) {
    if (error instanceof ArchiveError) return error;
    throw error;
  }
  throw new Error('the write was not refused');
}

describe('the check of the large tables after open', () => {
  it('reads revisions and the search indexes’ own tables after open, and every other table (a new one too) at open', () => {
    const virtual = ['search_text', 'search_titles', 'search_pairs'];
    for (const table of ['revisions', 'search_text_data', 'search_text_content', 'search_titles_idx', 'search_pairs_docsize', 'search_pairs_config']) expect(isCheckedAfterOpen(table, virtual), table).toBe(true);
    for (const table of ['settings', 'series', 'issues', 'reopenings', 'issued_prints', 'synced_versions', 'known_versions', 'a_table_added_later']) expect(isCheckedAfterOpen(table, virtual), table).toBe(false);
  });

  it('opens a file whose revisions are damaged, then turns it read-only when the check after open finds it, naming the good backup, with the file unchanged', async () => {
    const { dataDir, series, good, file } = await closedArchive();
    expect(damagePagesOf(file, 'revisions')).toBeGreaterThan(10);
    const before = hashFile(file);

    const archive = await openArchive({ dataDir, checkLargeTables: 'after-open', checkDelayMs: 0 });
    try {
      expect(archive.readOnlyReason).toBeNull();
      expect(archive.isChecking).toBe(true);
      await archive.fileChecked();
      expect(archive.isChecking).toBe(false);
      expect(archive.isDamaged).toBe(true);
      expect(archive.readOnlyReason).toMatch(/档案库文件 .*archive\.sqlite 已损坏（.+）.*已改为只读/);
      expect(archive.readOnlyReason).toContain(good.name);
      const refused = refusedWrite(() => nextIssue(archive, series.id, '2024-06-01'));
      expect(refused.code).toBe('read-only');
      await expect(createBackup(archive, 'manual')).rejects.toThrow('不再为它做备份');
    } finally {
      archive.close();
    }
    expect(hashFile(file)).toBe(before);
  });

  it('never copies into the damaged file what was written before the verdict: the log is kept beside it, also after close', async () => {
    const { dataDir, series, file } = await closedArchive();
    damagePagesOf(file, 'revisions', 'middle');
    const before = hashFile(file);
    const archive = await openArchive({ dataDir, checkLargeTables: 'after-open', checkDelayMs: 300 });
    // a clerk's first save lands before the check has run (it goes to the write-ahead log)
    const draft = nextIssue(archive, series.id, '2024-06-01');
    expect(draft.issue.number).toBe(41);
    await archive.fileChecked();
    expect(archive.readOnlyReason).toMatch(/已改为只读/);
    // what was saved is still read (from the log), and nothing more is written
    expect(listNumbers(archive, series.id)).toContain(41);
    expect(refusedWrite(() => nextIssue(archive, series.id, '2024-06-02')).code).toBe('read-only');
    archive.close();
    expect(hashFile(file)).toBe(before);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
  });

  it('restores the good backup over a file found damaged after open: writable again, and the damaged file kept with its log', async () => {
    const { dataDir, series, good, file } = await closedArchive();
    damagePagesOf(file, 'revisions', 'middle');
    const archive = await openArchive({ dataDir, checkLargeTables: 'after-open', checkDelayMs: 300 });
    try {
      nextIssue(archive, series.id, '2024-06-01');
      await archive.fileChecked();
      expect(archive.readOnlyReason).toMatch(/已改为只读/);
      const safety = await restoreBackup(archive, join(archive.backupsDir, good.name));
      expect(archive.readOnlyReason).toBeNull();
      expect(listNumbers(archive, series.id)).toHaveLength(40);
      expect(nextIssue(archive, series.id, '2024-06-02').issue.number).toBe(41);
      // the damaged file as it was, with the log that holds the draft saved before the verdict
      expect(safety).not.toBeNull();
      expect(statSync(join(archive.backupsDir, `${safety!.name}-wal`)).size).toBeGreaterThan(0);
    } finally {
      archive.close();
    }
  });

  it('still finds the same damage before opening when the large tables are checked at open (a command that writes)', async () => {
    const { dataDir, file } = await closedArchive();
    damagePagesOf(file, 'revisions');
    const archive = await openArchive({ dataDir, checkLargeTables: 'at-open' });
    try {
      expect(archive.readOnlyReason).toMatch(/已损坏.*已以只读方式打开/);
      expect(archive.isChecking).toBe(false);
    } finally {
      archive.close();
    }
  });

  it('on the command line: a command that only reads checks the small tables, one that records while reading (bundle export) every table first, and leaves a damaged file unwritten', async () => {
    const { dataDir, file } = await closedArchive();
    damagePagesOf(file, 'search_text_content', 'middle');
    const before = hashFile(file);
    expect(await withArchive(dataDir, async (archive) => archive.readOnlyReason, { access: 'read' })).toBeNull();
    const recording = await withArchive(dataDir, async (archive) => {
      await exportBundle(archive);
      return archive.readOnlyReason;
    }, { access: 'read', recordsWhileReading: true });
    expect(recording).toMatch(/已损坏.*已以只读方式打开/);
    expect(hashFile(file)).toBe(before);
  });

  it('refuses at open a file whose issues table is damaged, even when the large tables wait', async () => {
    const { dataDir, file } = await closedArchive();
    damagePagesOf(file, 'issues');
    const archive = await openArchive({ dataDir, checkLargeTables: 'after-open', checkDelayMs: 0 });
    try {
      expect(archive.readOnlyReason).toMatch(/已损坏.*已以只读方式打开/);
      expect(archive.isChecking).toBe(false);
    } finally {
      archive.close();
    }
  });

  it('keeps a sound archive writable, and a backup asked for while the check runs waits for its verdict', async () => {
    const { dataDir, series } = await closedArchive();
    const archive = await openArchive({ dataDir, checkLargeTables: 'after-open', checkDelayMs: 200 });
    try {
      expect(archive.isChecking).toBe(true);
      const backup = await createBackup(archive, 'manual');
      expect(archive.isChecking).toBe(false);
      expect(backup.reason).toBe('manual');
      expect(archive.readOnlyReason).toBeNull();
      expect(nextIssue(archive, series.id, '2024-06-01').issue.number).toBe(41);
    } finally {
      archive.close();
    }
  });

  it('stops with the archive: closing it while its check waits or runs leaves no verdict and nothing running', async () => {
    const { dataDir } = await closedArchive();
    const archive = await openArchive({ dataDir, checkLargeTables: 'after-open', checkDelayMs: 60_000 });
    const checked = archive.fileChecked();
    archive.close();
    await checked;
    expect(archive.isChecking).toBe(false);
  });

  it('tells the app’s frame through app.info: checking at first, then the read-only reason the check found', async () => {
    const { dataDir, file } = await closedArchive();
    damagePagesOf(file, 'search_text_content');
    const services = await openServices({ dataDir, checkLargeTables: 'after-open' });
    try {
      const first = await services.handlers['app.info']({});
      expect(first).toMatchObject({ readOnlyReason: null, checking: true });
      await services.archive.fileChecked();
      const after = await services.handlers['app.info']({});
      expect(after.checking).toBe(false);
      expect(after.readOnlyReason).toMatch(/已损坏.*已改为只读/);
    } finally {
      await services.close();
    }
  }, 20_000);

  it('leaves no -wal or -shm beside a damaged copy it was asked to restore from', async () => {
    const { dataDir, file } = await closedArchive();
    const copy = join(dataDir, 'backups', 'jianbao-20240101-000000-000-restore.sqlite');
    copyFileSync(file, copy);
    // kept as it was, in write-ahead-log mode
    const db = new Database(copy);
    db.pragma('journal_mode = WAL');
    db.close();
    damagePagesOf(copy, 'revisions');
    expect(problemWith(copy, 'full')).not.toBeNull();
    expect(existsSync(`${copy}-wal`) || existsSync(`${copy}-shm`)).toBe(false);
  });
});

