// Opening the archive file: WAL/FULL/foreign keys, migrations with a backup first, files of newer
// versions or other programs refused untouched, damaged files opened read-only offering a good backup.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../electron/services/archive/archive.ts';
import { migrate, SCHEMA_VERSION } from '../../electron/services/archive/schema.ts';
import { createBackup, restoreBackup } from '../../electron/services/archive/backups.ts';
import { listBackups } from '../../electron/services/archive/backup-files.ts';
import { insertIssue, listIssues, nextIssue } from '../../electron/services/archive/issues.ts';
import { searchIssues } from '../../electron/services/archive/search-index.ts';
import { storedIssue } from '../../electron/services/archive/stored-issue.ts';
import { ArchiveError } from '../../electron/services/archive/errors.ts';
import { fileAtVersionOne, issueWith, makeSeries, tempArchive, tempDir } from './helpers.ts';

const hashFile = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function archiveWithOneIssue() {
  const dataDir = tempDir();
  const archive = await tempArchive(dataDir);
  const series = makeSeries(archive);
  insertIssue(archive, series.id, storedIssue(issueWith({ title: '防汛工作部署会召开' })), '测试');
  return { dataDir, archive, series, file: join(dataDir, 'archive.sqlite') };
}

function expectArchiveError(action: () => unknown, code: string, text: string | RegExp) {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as ArchiveError).code).toBe(code);
    expect((error as Error).message).toMatch(text);
    return;
  }
  throw new Error('expected an ArchiveError');
}

describe('opening the archive', () => {
  it('creates archive.sqlite in the data folder with WAL, synchronous=FULL and foreign keys on, at the latest schema', async () => {
    const dataDir = tempDir();
    const archive = await tempArchive(dataDir);
    expect(archive.file).toBe(join(dataDir, 'archive.sqlite'));
    expect(archive.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(archive.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(archive.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(archive.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(archive.readOnlyReason).toBeNull();
  });

  it('keeps what was saved across closing and opening again', async () => {
    const { dataDir, archive, series } = await archiveWithOneIssue();
    archive.close();
    const again = await tempArchive(dataDir);
    expect(listIssues(again, { seriesId: series.id }).map((issue) => issue.firstTitle)).toEqual(['防汛工作部署会召开']);
  });

  it('backs the file up before migrating it, and the migration indexes the issues already there', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'archive.sqlite');
    const old = new Database(file);
    fileAtVersionOne(old, issueWith({ title: '秸秆禁烧专项督查' }), '秸秆禁烧专项督查');
    old.close();

    const archive = await tempArchive(dataDir);
    expect(archive.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const [backup] = listBackups(archive.backupsDir);
    expect(backup?.reason).toBe('migration');
    const copy = new Database(join(archive.backupsDir, backup!.name), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT first_title FROM issues').pluck().get()).toBe('秸秆禁烧专项督查');
    copy.close();
    expect(searchIssues(archive.db, { query: '秸秆禁烧' }).map((hit) => hit.issueId)).toEqual([1]);
  });

  it('refuses a file from a newer version with a clear message and leaves every byte as it was', async () => {
    const { archive, file } = await archiveWithOneIssue();
    archive.close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const before = hashFile(file);
    await expect(openArchive({ dataDir: archive.dataDir })).rejects.toThrow(/来自更新版本的简报.*未作任何修改/);
    expect(hashFile(file)).toBe(before);
    expect(readdirSync(archive.dataDir)).not.toContain('backups');
  });

  it('refuses an SQLite file that another program made, untouched', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'archive.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES (1)');
    other.close();
    const before = hashFile(file);
    await expect(openArchive({ dataDir })).rejects.toThrow('不是简报的档案库文件');
    expect(hashFile(file)).toBe(before);
  });

  it('opens a file with damaged pages read-only, refuses every write, writes nothing, and names the newest good backup', async () => {
    const { archive, file, series } = await archiveWithOneIssue();
    const good = await createBackup(archive, 'manual');
    archive.close();
    const bytes = readFileSync(file);
    const pageSize = 4096;
    for (let offset = pageSize * 2; offset < bytes.length; offset++) bytes[offset] = (offset * 7919) & 0xff;
    writeFileSync(file, bytes);
    const before = hashFile(file);

    const damaged = await tempArchive(archive.dataDir);
    expect(damaged.readOnlyReason).toMatch(/档案库文件 .*archive\.sqlite 已损坏.*只读/);
    expect(damaged.readOnlyReason).toContain(good.name);
    expectArchiveError(() => nextIssue(damaged, series.id, '2024-05-01'), 'read-only', '已损坏');
    expect(hashFile(file)).toBe(before);

    await restoreBackup(damaged, join(damaged.backupsDir, good.name));
    expect(damaged.readOnlyReason).toBeNull();
    expect(listIssues(damaged, { seriesId: series.id })).toHaveLength(1);
    const kept = listBackups(damaged.backupsDir).find((backup) => backup.reason === 'restore')!;
    expect(hashFile(join(damaged.backupsDir, kept.name))).toBe(before);
  });

  it('opens a file whose header is garbage read-only, saying it is not a recognizable database', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'archive.sqlite'), Buffer.alloc(8192, 0x41));
    const archive = await tempArchive(dataDir);
    expect(archive.readOnlyReason).toContain('文件不是可识别的数据库');
    expect(archive.readOnlyReason).toContain('没有完好的备份');
  });
});
