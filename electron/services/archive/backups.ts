// Backups of the archive with SQLite's online backup API: on demand, once a day the app is used, before
// a migration and before a restore. Kept by age as well as count (daily copies for the last N days,
// the last N manual ones, every copy taken before a restore or a migration for 90 days), so a burst of
// one kind never pushes out another; restore only from a file that passes integrity_check, after
// backing up the current file, by the process that holds the archive.
import { copyFileSync, existsSync, lstatSync, mkdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BackupInfo } from '../../../shared/api/records.ts';
import type { Archive } from './archive.ts';
import { backupConnection, backupInfo, backupName, freshName, listBackups, problemWith, pruneBackups } from './backup-files.ts';
import { ArchiveError } from './errors.ts';
import { backupRetention } from './settings.ts';
import { fileSystemError } from './fs-errors.ts';

/** A manual or daily backup into the archive's backups folder (then pruned by the retention policy), or into `toDir`. */
export async function createBackup(archive: Archive, reason: 'manual' | 'daily', toDir?: string): Promise<BackupInfo> {
  // a file whose large tables are still being checked is not yet known to be sound
  await archive.fileChecked();
  if (!archive.isReadable || archive.isDamaged) throw new ArchiveError('read-only', `档案库文件已损坏或无法打开，不再为它做备份，以免替换掉完好的备份；${archive.readOnlyReason}`);
  const info = await backupConnection(archive.db, toDir ?? archive.backupsDir, reason);
  if (toDir === undefined) pruneBackups(archive.backupsDir, backupRetention(archive.db));
  return info;
}

/** The daily backup, taken when the app starts (once its file is checked) and none has been taken today; null when none was due. */
export async function backupIfDue(archive: Archive, now = new Date()): Promise<BackupInfo | null> {
  if (archive.readOnlyReason) return null;
  const today = backupName(now, 'daily').slice(0, 'jianbao-YYYYMMDD'.length);
  if (listBackups(archive.backupsDir).some((backup) => backup.reason === 'daily' && backup.name.startsWith(today))) return null;
  await archive.fileChecked();
  if (archive.readOnlyReason) return null;
  return createBackup(archive, 'daily');
}

/** A backup of the backups folder, by its name as listed (what the app's dialog may ask for). */
export function backupInFolder(archive: Archive, name: string): string {
  if (basename(name) !== name || !listBackups(archive.backupsDir).some((backup) => backup.name === name)) {
    throw new ArchiveError('not-found', `备份文件夹中没有这份备份：${name}`);
  }
  return join(archive.backupsDir, name);
}

/** A backup named by its file name in the backups folder, or (on the command line) any path to a backup file. */
export function resolveBackupPath(archive: Archive, nameOrPath: string): string {
  const inFolder = join(archive.backupsDir, basename(nameOrPath));
  if (basename(nameOrPath) === nameOrPath && existsSync(inFolder)) return inFolder;
  if (existsSync(nameOrPath)) return nameOrPath;
  throw new ArchiveError('not-found', `找不到备份文件：${nameOrPath}`);
}

/** The current file kept byte for byte (with its log): the online backup API may stop at a damaged page. */
function copyAsItIs(archive: Archive): BackupInfo | null {
  let info;
  try {
    info = lstatSync(archive.file);
  } catch {
    return null;
  }
  if (!info.isFile()) return null;
  try {
    mkdirSync(archive.backupsDir, { recursive: true });
    const name = freshName(archive.backupsDir, 'restore');
    copyFileSync(archive.file, join(archive.backupsDir, name));
    if (existsSync(`${archive.file}-wal`) && statSync(`${archive.file}-wal`).size > 0) copyFileSync(`${archive.file}-wal`, join(archive.backupsDir, `${name}-wal`));
    return backupInfo(archive.backupsDir, name);
  } catch (error) {
    throw fileSystemError(error, '恢复前备份当前档案库', archive.backupsDir);
  }
}

/**
 * Replaces the archive with the backup at `source` after integrity_check passes on it. The current file
 * is backed up first (copied as it is when damaged); returns that safety backup (null when there was no
 * file to keep). Only the process that holds the archive may do it.
 */
export async function restoreBackup(archive: Archive, source: string): Promise<BackupInfo | null> {
  if (!archive.holdsLock) throw new ArchiveError(archive.readOnlyReason?.includes('只读') ? 'read-only' : 'conflict', `不能恢复：${archive.readOnlyReason ?? '档案库正被另一个程序使用，只能在那个程序中恢复'}`);
  const problem = problemWith(source, 'full');
  if (problem) throw new ArchiveError('unreadable', `备份文件 ${basename(source)} 不能用于恢复（${problem}），档案库未作改动`);
  const safety = archive.isReadable && !archive.isDamaged ? await backupConnection(archive.db, archive.backupsDir, 'restore') : copyAsItIs(archive);
  await archive.replaceFileWith(source);
  return safety;
}
