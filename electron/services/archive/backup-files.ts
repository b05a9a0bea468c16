// The backups folder and the backup files in it: names, listing, SQLite's online backup of a connection,
// the retention policy and which backup is sound. Knows nothing of an open archive (backups.ts does).
import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BackupInfo } from '../../../shared/api/records.ts';
import { ArchiveError } from './errors.ts';
import type { BackupRetention } from './settings.ts';
import { damageOf } from './file-check.ts';
import { APPLICATION_ID, SCHEMA_VERSION } from './schema.ts';
import { fileSystemError } from './fs-errors.ts';

type BackupReason = BackupInfo['reason'];

const BACKUP_NAME = /^jianbao-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})-(manual|daily|migration|restore)\.sqlite$/;
const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** jianbao-20240501-093005-123-daily.sqlite: local time, so names sort by age and read naturally. */
export function backupName(at: Date, reason: BackupReason): string {
  const day = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}-${pad(at.getMilliseconds(), 3)}`;
  return `jianbao-${day}-${time}-${reason}.sqlite`;
}

export function backupInfo(dir: string, name: string): BackupInfo | null {
  const match = BACKUP_NAME.exec(name);
  if (!match) return null;
  const [year, month, day, hour, minute, second, ms] = match.slice(1, 8).map(Number) as [number, number, number, number, number, number, number];
  let bytes: number;
  try {
    bytes = statSync(join(dir, name)).size;
  } catch {
    return null;
  }
  return { name, createdAt: new Date(year, month - 1, day, hour, minute, second, ms).toISOString(), bytes, reason: match[8] as BackupReason };
}

/** The backups in a folder, newest first. */
export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => backupInfo(dir, name))
    .filter((info): info is BackupInfo => info !== null)
    .sort((a, b) => b.name.localeCompare(a.name));
}

/** The error of a folder that cannot be written to (EROFS, EACCES), or null: mkdir -p reports ENOENT there. */
function whyNotWritable(folder: string): unknown {
  try {
    accessSync(folder, constants.W_OK);
    return null;
  } catch (error) {
    return (error as { code?: string }).code === 'ENOENT' ? null : error;
  }
}

export function freshName(dir: string, reason: BackupReason): string {
  const at = new Date();
  for (;;) {
    const name = backupName(at, reason);
    if (!existsSync(join(dir, name)) && !existsSync(join(dir, `${name}.part`))) return name;
    at.setMilliseconds(at.getMilliseconds() + 1);
  }
}

/** Backups into one folder run one after another: two at once would share a name and write one file. */
const backupQueues = new Map<string, Promise<unknown>>();

function oneAtATime<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const previous = backupQueues.get(dir) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => undefined);
  backupQueues.set(dir, settled);
  void settled.then(() => {
    if (backupQueues.get(dir) === settled) backupQueues.delete(dir);
  });
  return next;
}

/** What made a backup fail, as the file-system error it amounts to (SQLite reports full and read-only disks its own way). */
function backupFailure(error: unknown, dir: string): unknown {
  const blocked = whyNotWritable(dir);
  if (blocked) return blocked;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return error;
  if (code === 'SQLITE_FULL') return { code: 'ENOSPC' };
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN') return { code: 'EACCES' };
  if (code.startsWith('SQLITE_IOERR')) return { code: 'EIO' };
  return error;
}

/** Copies a live connection's database into `dir`; the file appears under its final name only when complete and checked. */
export function backupConnection(db: Database.Database, dir: string, reason: BackupReason): Promise<BackupInfo> {
  return oneAtATime(dir, () => backupNow(db, dir, reason));
}

async function backupNow(db: Database.Database, dir: string, reason: BackupReason): Promise<BackupInfo> {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw fileSystemError(whyNotWritable(dirname(dir)) ?? error, '备份档案库', dir);
  }
  const blocked = whyNotWritable(dir);
  if (blocked) throw fileSystemError(blocked, '备份档案库', dir);
  const name = freshName(dir, reason);
  const partial = join(dir, `${name}.part`);
  try {
    await db.backup(partial);
    // a backup is one self-contained file: no write-ahead log beside it
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = DELETE');
      if ((copy.pragma('application_id', { simple: true }) as number) !== APPLICATION_ID) throw new ArchiveError('internal', '备份档案库失败：备份文件不完整，已删除；请重试');
    } finally {
      copy.close();
    }
    renameSync(partial, join(dir, name));
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof ArchiveError) throw error;
    throw fileSystemError(backupFailure(error, dir), '备份档案库', dir);
  }
  return backupInfo(dir, name)!;
}

const DAY_MS = 24 * 3600 * 1000;
/** Copies taken before a restore or a migration: the way back from a mistake, kept at least this long. */
export const SAFETY_BACKUP_DAYS = 90;

/** The backups a retention policy keeps, of those listed (newest first), at `now`. */
export function backupsToKeep(backups: readonly BackupInfo[], retention: BackupRetention, now = new Date()): Set<string> {
  const keep = new Set<string>();
  const age = (backup: BackupInfo) => now.getTime() - Date.parse(backup.createdAt);
  const dailyDays = new Set<string>();
  let manual = 0;
  for (const backup of backups) {
    if (backup.reason === 'manual') {
      if (manual++ < retention.manual) keep.add(backup.name);
    } else if (backup.reason === 'daily') {
      // one a day (the newest of that day) for the last N days
      const day = backup.name.slice(0, 'jianbao-YYYYMMDD'.length);
      if (age(backup) < retention.days * DAY_MS && !dailyDays.has(day)) {
        dailyDays.add(day);
        keep.add(backup.name);
      }
    } else if (age(backup) < SAFETY_BACKUP_DAYS * DAY_MS) {
      keep.add(backup.name);
    }
  }
  // however old, the newest backup of each kind stays
  for (const reason of ['manual', 'daily', 'migration', 'restore'] as const) {
    const newest = backups.find((backup) => backup.reason === reason);
    if (newest) keep.add(newest.name);
  }
  return keep;
}

/** Removes the backups the retention policy no longer keeps, and pieces of backups that never finished. */
export function pruneBackups(dir: string, retention: BackupRetention, now = new Date()): void {
  if (!existsSync(dir)) return;
  for (const stale of readdirSync(dir).filter((name) => name.endsWith('.sqlite.part'))) rmSync(join(dir, stale), { force: true });
  const backups = listBackups(dir);
  const keep = backupsToKeep(backups, retention, now);
  for (const old of backups) {
    if (keep.has(old.name)) continue;
    rmSync(join(dir, old.name), { force: true });
    rmSync(join(dir, `${old.name}-wal`), { force: true });
  }
}

/** Opens a backup read-only and checks it; null when it is a sound archive this program can open, else what is wrong, in Chinese. */
export function problemWith(path: string, mode: 'quick' | 'full'): string | null {
  try {
    if (!statSync(path).isFile()) return '这不是文件，是文件夹或设备';
  } catch {
    return '找不到这个文件';
  }
  let db: Database.Database | undefined;
  // a copy kept as it was (a damaged archive's, in write-ahead-log mode) gets a -shm and -wal when opened: not left behind
  const sideFiles = [`${path}-wal`, `${path}-shm`].filter((side) => !existsSync(side));
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const damage = damageOf(db, mode);
    if (damage) return damage;
    if ((db.pragma('application_id', { simple: true }) as number) !== APPLICATION_ID) return '不是简报的档案库文件';
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) return `来自更新版本的简报（数据版本 ${version}）`;
    return null;
  } catch (error) {
    return `无法读取（${(error as { code?: string }).code ?? (error as Error).message}）`;
  } finally {
    db?.close();
    for (const side of sideFiles) rmSync(side, { force: true });
  }
}

/** The newest backup in `dir` that passes quick_check: what a damaged archive offers to restore. */
export function newestGoodBackup(dir: string): BackupInfo | null {
  return listBackups(dir).find((backup) => problemWith(join(dir, backup.name), 'quick') === null) ?? null;
}

