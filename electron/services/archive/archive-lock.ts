// One writer per data folder: an OS-level lock on `archive.lock` (SQLite's own exclusive file lock, so
// it works the same on Windows and Linux and the OS drops it when the holder dies), with the holder's
// name and PID in `archive.lock.json` for the message a second program gets.
import Database from 'better-sqlite3';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ArchiveError } from './errors.ts';

export const LOCK_FILE_NAME = 'archive.lock';
const HOLDER_FILE_NAME = 'archive.lock.json';

/** Who opens the archive: shown to a second program that wants it ("简报（浏览器模式）"). */
export interface ArchiveHolder {
  name: string;
  /** the app can restore from its backups dialog; a command line cannot be asked to */
  kind: 'app' | 'cli';
}

export const DEFAULT_HOLDER: ArchiveHolder = { name: '简报命令行', kind: 'cli' };

interface HolderRecord {
  name: string;
  pid: number;
  host: string;
  since: string;
}

export interface ArchiveLock {
  release(): void;
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

function readHolder(dataDir: string): HolderRecord | null {
  try {
    const record = JSON.parse(readFileSync(join(dataDir, HOLDER_FILE_NAME), 'utf8')) as Partial<HolderRecord>;
    if (typeof record.name !== 'string' || typeof record.pid !== 'number') return null;
    return { name: record.name.slice(0, 80), pid: record.pid, host: String(record.host ?? '').slice(0, 80), since: String(record.since ?? '') };
  } catch {
    return null;
  }
}

/** "“简报（浏览器模式）”（进程 1234，12月1日 10:21 起）" or, when the holder left no record, a plain phrase. */
export function describeHolder(dataDir: string): string {
  const holder = readHolder(dataDir);
  if (!holder) return '另一个简报程序';
  const since = Number.isNaN(Date.parse(holder.since)) ? '' : `，${new Date(holder.since).toLocaleString('zh-CN', { month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' })} 起`;
  const host = holder.host && holder.host !== hostname() ? `，电脑 ${holder.host}` : '';
  return `“${holder.name}”（进程 ${holder.pid}${host}${since}）`;
}

function tryLock(path: string): Database.Database | null {
  const db = new Database(path, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // the write takes SQLite's exclusive lock, which exclusive locking mode then keeps until close
    db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS lock (id INTEGER PRIMARY KEY); COMMIT');
    return db;
  } catch (error) {
    db.close();
    if (isBusy(error)) return null;
    throw error;
  }
}

/**
 * Takes the data folder's lock for `holder`, or null when another process (or another open archive in
 * this process) holds it. A lock file that is not a database (damaged, or planted) is replaced.
 */
export function acquireArchiveLock(dataDir: string, holder: ArchiveHolder): ArchiveLock | null {
  const path = join(dataDir, LOCK_FILE_NAME);
  let db: Database.Database | null;
  try {
    db = tryLock(path);
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'SQLITE_NOTADB') throw error;
    rmSync(path, { force: true });
    db = tryLock(path);
  }
  if (!db) return null;
  const record: HolderRecord = { name: holder.name, pid: process.pid, host: hostname(), since: new Date().toISOString() };
  try {
    writeFileSync(join(dataDir, HOLDER_FILE_NAME), `${JSON.stringify(record)}\n`);
  } catch {
    // the record only improves another program's message; the lock itself is what counts
  }
  const locked = db;
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      locked.close();
    },
  };
}

/** The refusal a second program gets: who holds the folder and what to do. */
export function lockedError(dataDir: string, action: string): ArchiveError {
  return new ArchiveError(
    'conflict',
    `数据文件夹 ${dataDir} 的档案库正由${describeHolder(dataDir)}使用，${action}；请在该程序中操作，或先关闭它再试`,
  );
}
