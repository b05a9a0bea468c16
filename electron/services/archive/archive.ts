// Opens the archive of a data folder (archive.sqlite, backups/ beside it) for one holder at a time:
// quick_check first (of the large tables after open, in a worker, for a holder that stays open); a file of another program or a newer version refused untouched; a backup before
// migrating; a damaged file opened read-only and an empty, missing-with-backups or unreadable one not
// opened at all, each naming the newest good backup; a new file only where none exists. Restores are
// done here, by the holder: copy, close, swap, reopen, so that either the old or the new file is in place.
import Database from 'better-sqlite3';
import { accessSync, closeSync, constants, copyFileSync, existsSync, fsyncSync, lstatSync, mkdirSync, mkdtempSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APPLICATION_ID, SCHEMA_VERSION, migrate, schemaVersion } from './schema.ts';
import { ArchiveError, storageError } from './errors.ts';
import { backupConnection, newestGoodBackup } from './backup-files.ts';
import { damageOf, type CheckedPart } from './file-check.ts';
import { checkAfterOpen, type CheckAfterOpen } from './check-after-open.ts';
import { DEFAULT_HOLDER, acquireArchiveLock, describeHolder, lockedError, type ArchiveHolder, type ArchiveLock } from './archive-lock.ts';
import { fileSystemError } from './fs-errors.ts';

export const ARCHIVE_FILE_NAME = 'archive.sqlite';
export const BACKUP_FOLDER_NAME = 'backups';

interface Connection {
  /** null when nothing could be opened (an empty or unreadable file, a folder in its place) */
  db: Database.Database | null;
  readOnlyReason: string | null;
  /** the file failed its check: never backed up over good backups, never written */
  damaged?: boolean;
  /** removes what opening it left behind (a temporary copy) */
  cleanup?: () => void;
}

export class Archive {
  readonly file: string;
  readonly backupsDir: string;
  #connection: Connection | null;
  #lock: ArchiveLock | null;
  #checkAfterOpen: CheckAfterOpen | null = null;

  constructor(
    readonly dataDir: string,
    readonly holder: ArchiveHolder,
    connection: Connection,
    lock: ArchiveLock | null,
  ) {
    this.file = join(dataDir, ARCHIVE_FILE_NAME);
    this.backupsDir = join(dataDir, BACKUP_FOLDER_NAME);
    this.#connection = connection;
    this.#lock = lock;
  }

  get db(): Database.Database {
    if (!this.#connection) throw new ArchiveError('internal', '档案库已关闭');
    if (!this.#connection.db) throw new ArchiveError('unreadable', this.#connection.readOnlyReason ?? '档案库无法打开');
    return this.#connection.db;
  }

  /** Why the archive cannot be written (damaged, unreadable, a read-only folder, held by another program), or null. */
  get readOnlyReason(): string | null {
    return this.#connection?.readOnlyReason ?? null;
  }

  /** False when nothing could be opened: every read fails with the reason, only a restore helps. */
  get isReadable(): boolean {
    return this.#connection?.db != null;
  }

  get isDamaged(): boolean {
    return this.#connection?.damaged === true || (this.#connection !== null && this.#connection.db === null);
  }

  /**
   * Settles when the check of the large tables after open has given its verdict (at once when none runs),
   * starting it now if it was still waiting: a backup waits for it, so a file not yet checked never goes
   * over a good backup.
   */
  fileChecked(): Promise<void> {
    if (!this.#checkAfterOpen) return Promise.resolve();
    this.#checkAfterOpen.hurry();
    return this.#checkAfterOpen.verdict.then(() => undefined);
  }

  /**
   * Starts the check of the large tables (file-check.ts, 'after-open') `delayMs` from now, in a worker. If it
   * finds damage the archive turns read-only from then on, with the same reason and advice as a file found
   * damaged at open; the reads go on.
   */
  checkLargeTablesAfterOpen(delayMs: number, entry?: string): void {
    const connection = this.#connection;
    if (!connection?.db || connection.readOnlyReason || this.#checkAfterOpen) return;
    const check = checkAfterOpen(this.file, { delayMs, entry });
    this.#checkAfterOpen = check;
    void check.verdict.then((verdict) => {
      if (typeof verdict !== 'object' || this.#connection !== connection || this.#checkAfterOpen !== check) return;
      const advice = restoreAdvice(this.backupsDir, this.dataDir, this.holder);
      const readOnlyReason = `档案库文件 ${this.file} 已损坏（${verdict.damage}），已改为只读，不会再写入任何内容；${advice}`;
      this.#connection = { ...connection, db: readerInPlaceOf(connection.db!, this.file), damaged: true, readOnlyReason };
    });
  }

  /** Whether the check of the large tables after open is still to give its verdict. */
  get isChecking(): boolean {
    return this.#checkAfterOpen?.pending ?? false;
  }

  #stopCheck(): void {
    this.#checkAfterOpen?.stop();
    this.#checkAfterOpen = null;
  }

  /** Whether this process holds the data folder's lock (and so may restore into it). */
  get holdsLock(): boolean {
    return this.#lock !== null;
  }

  assertWritable(): void {
    const reason = this.readOnlyReason;
    if (reason) throw new ArchiveError('read-only', reason);
  }

  /** Runs `body` as one transaction (a savepoint when nested); SQLite's own failures come back in Chinese. */
  write<T>(body: () => T): T {
    this.assertWritable();
    try {
      return this.db.transaction(body).immediate();
    } catch (error) {
      throw storageError(error, this.dataDir);
    }
  }

  read<T>(body: () => T): T {
    try {
      return body();
    } catch (error) {
      const mapped = storageError(error, this.dataDir);
      // a damaged file: say which, and which backup helps
      if (mapped instanceof ArchiveError && mapped.code === 'unreadable' && this.isReadable && this.readOnlyReason) throw new ArchiveError('unreadable', `无法读取这部分内容。${this.readOnlyReason}`);
      throw mapped;
    }
  }

  close(): void {
    this.#stopCheck();
    this.#connection?.db?.close();
    this.#connection?.cleanup?.();
    this.#connection = null;
    this.#lock?.release();
    this.#lock = null;
  }

  /**
   * Puts a copy of `source` (already checked by the caller) in place of the archive file and opens it.
   * Until the rename the old file stays whole (its log checkpointed into it); after it the new one is
   * complete. Whatever fails, the archive is open again afterwards, on the old file or the new one.
   */
  async replaceFileWith(source: string): Promise<void> {
    if (!this.#lock) throw lockedError(this.dataDir, '不能在这里恢复');
    const incoming = `${this.file}.restoring`;
    try {
      copyFileSync(source, incoming);
      syncFile(incoming);
    } catch (error) {
      removeQuietly(incoming);
      throw fileSystemError(error, '恢复档案库', this.dataDir);
    }
    // the incoming file passed the full check; the old one's verdict no longer matters
    this.#stopCheck();
    const old = this.#connection?.db;
    if (old && !old.readonly) {
      try {
        old.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // a damaged or full file: its byte-for-byte safety copy was taken before
      }
    }
    old?.close();
    this.#connection = { db: null, readOnlyReason: '正在恢复档案库，请稍候' };
    let swapError: unknown = null;
    try {
      if (isDirectory(this.file)) renameSync(this.file, `${this.file}.moved-${Date.now()}`);
      // the old write-ahead log must never be applied to the new file
      rmSync(`${this.file}-wal`, { force: true });
      rmSync(`${this.file}-shm`, { force: true });
      renameSync(incoming, this.file);
      syncFolder(this.dataDir);
    } catch (error) {
      swapError = error;
      removeQuietly(incoming);
    }
    this.#connection = await connectOrExplain(this.file, this.backupsDir, this.dataDir, this.holder);
    if (swapError) throw fileSystemError(swapError, '恢复档案库', this.dataDir);
  }
}

export interface OpenArchiveOptions {
  dataDir: string;
  /** who opens it, named to any other program that tries while it is open */
  holder?: ArchiveHolder;
  /** 'read': a command that only reads, which may read while another program holds the folder */
  access?: 'write' | 'read';
  /**
   * When the large tables (revisions, search indexes) are checked: 'at-open' (default: a command that
   * writes, tests) before the archive opens, like the rest; 'after-open' (the app, browser mode, reading
   * commands) in a worker once it is open (Archive.checkLargeTablesAfterOpen), `checkDelayMs` later.
   */
  checkLargeTables?: 'at-open' | 'after-open';
  /** default 3 s: the app's first screens are answered first */
  checkDelayMs?: number;
}

/** How long after open the large tables' check starts, by default. */
export const CHECK_AFTER_OPEN_DELAY_MS = 3000;

function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable where the platform can (Linux); Windows cannot open a folder for fsync. */
function syncFolder(path: string): void {
  try {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // best effort
  }
}

/** Removes a leftover of our own (a half-copied restore, a half-made archive); what cannot be removed stays. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true, recursive: true });
  } catch {
    // a later open tries again
  }
}

function isDirectory(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

function folderIsWritable(dataDir: string): boolean {
  try {
    accessSync(dataDir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export async function openArchive({ dataDir, holder = DEFAULT_HOLDER, access = 'write', checkLargeTables = 'at-open', checkDelayMs = CHECK_AFTER_OPEN_DELAY_MS }: OpenArchiveOptions): Promise<Archive> {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw fileSystemError(error, '创建数据文件夹', dataDir);
  }
  if (!statSync(dataDir).isDirectory()) throw new ArchiveError('unreadable', `数据文件夹的位置上是一个文件，不是文件夹：${dataDir}；请用 --data 指定一个文件夹`);
  const file = join(dataDir, ARCHIVE_FILE_NAME);
  const backupsDir = join(dataDir, BACKUP_FOLDER_NAME);

  if (!folderIsWritable(dataDir)) {
    if (!existsSync(file)) throw fileSystemError({ code: 'EACCES' }, '在数据文件夹中创建档案库', dataDir);
    return new Archive(dataDir, holder, readOnlyConnection(file, `数据文件夹 ${dataDir} 是只读的（没有写入权限或磁盘只读），档案库以只读方式打开，不能保存修改；请换一个可写的文件夹或请管理员修改权限`), null);
  }

  let lock: ArchiveLock | null;
  try {
    lock = acquireArchiveLock(dataDir, holder);
  } catch (error) {
    throw storageOrFileSystemError(error, '锁定档案库', dataDir);
  }
  if (!lock) {
    if (access === 'write') throw lockedError(dataDir, '不能同时打开');
    if (!existsSync(file)) throw lockedError(dataDir, '档案库文件尚未建好');
    return new Archive(dataDir, holder, readOnlyConnection(file, `档案库正由${describeHolder(dataDir)}使用，本命令只读取，不写入`), null);
  }

  try {
    for (const leftover of ['.restoring', '.creating', '.creating-wal', '.creating-shm']) removeQuietly(`${file}${leftover}`);
    const archive = new Archive(dataDir, holder, await connect(file, backupsDir, dataDir, holder, checkLargeTables === 'at-open' ? 'all' : 'at-open'), lock);
    if (checkLargeTables === 'after-open') archive.checkLargeTablesAfterOpen(checkDelayMs);
    return archive;
  } catch (error) {
    lock.release();
    throw error;
  }
}

function storageOrFileSystemError(error: unknown, action: string, where: string): unknown {
  const mapped = storageError(error, where);
  if (mapped !== error) return mapped;
  return fileSystemError(error, action, where);
}

/**
 * A read-only connection to `file` in place of the writable `db`, which is closed. The reader is opened
 * first, so the writer is not the file's last connection when it closes and SQLite leaves the log as it is:
 * closing the last writer would copy the log's pages into the damaged file. A read-only connection never
 * writes the file, when it closes either. Should the reader fail to open, the writer stays (reads go on;
 * the reason refuses every write).
 */
function readerInPlaceOf(db: Database.Database, file: string): Database.Database {
  let reader: Database.Database;
  try {
    reader = new Database(file, { readonly: true, fileMustExist: true });
    reader.pragma('schema_version');
  } catch {
    return db;
  }
  db.close();
  return reader;
}

/** Refuses, without writing a byte, a file that another program made or a newer Jianbao wrote. */
function assertOwnFile(db: Database.Database, file: string): number {
  const version = schemaVersion(db);
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const tables = db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number;
  if (applicationId !== APPLICATION_ID && (version !== 0 || tables > 0)) {
    throw new ArchiveError('unreadable', `${file} 不是简报的档案库文件，未作任何修改`);
  }
  if (version > SCHEMA_VERSION) {
    throw new ArchiveError('unreadable', `档案库文件来自更新版本的简报（数据版本 ${version}，本程序支持到 ${SCHEMA_VERSION}），为免损坏未作任何修改；请升级简报后再打开`);
  }
  return version;
}

/** What to do about a file that cannot be used: the newest good backup and how to restore it, for the app or the command line. */
function restoreAdvice(backupsDir: string, dataDir: string, holder: ArchiveHolder): string {
  const backup = newestGoodBackup(backupsDir);
  if (!backup) return `备份文件夹 ${backupsDir} 中没有完好的备份；请勿删除这个文件，把它交给技术人员检查`;
  const command = `jianbao restore ${backup.name} --data "${dataDir}"`;
  return holder.kind === 'app'
    ? `最新的完好备份是 ${backup.name}，请点“从备份恢复…”用它恢复（关闭简报后也可运行 ${command}）`
    : `最新的完好备份是 ${backup.name}，可运行 ${command} 恢复`;
}

/**
 * A read-only connection. SQLite cannot read a WAL-mode file in a folder where it may not create the
 * shared-memory file beside it (a read-only disk or folder): then it reads a copy in the temp folder,
 * which is the same thing since nothing can write to the original there.
 */
function readOnlyConnection(file: string, reason: string): Connection {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      // SQLite opens lazily: the first read is what fails
      db.pragma('schema_version');
    } catch (error) {
      db.close();
      throw error;
    }
    return { db, readOnlyReason: reason };
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CANTOPEN') {
      const copyDir = mkdtempSync(join(tmpdir(), 'jianbao-readonly-'));
      try {
        copyFileSync(file, join(copyDir, ARCHIVE_FILE_NAME));
        if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, join(copyDir, `${ARCHIVE_FILE_NAME}-wal`));
        const db = new Database(join(copyDir, ARCHIVE_FILE_NAME), { readonly: true, fileMustExist: true });
        return { db, readOnlyReason: reason, cleanup: () => removeQuietly(copyDir) };
      } catch {
        removeQuietly(copyDir);
      }
    }
    return { db: null, readOnlyReason: `${reason}（且无法读取：${(error as { code?: string }).code ?? (error as Error).message}）` };
  }
}

/** A file that is not there, empty, or not a database at all: nothing is opened, nothing written. */
function unusableFile(file: string, backupsDir: string): string | null {
  let info;
  try {
    info = lstatSync(file);
  } catch {
    return newestGoodBackup(backupsDir) ? `档案库文件 ${file} 不见了，但备份文件夹中有备份` : null;
  }
  if (info.isDirectory()) return `档案库文件 ${file} 的位置上是一个文件夹`;
  if (!info.isFile()) return `档案库文件 ${file} 不是普通文件`;
  if (info.size === 0) return `档案库文件 ${file} 是空的（0 字节），可能在写入时被中断或被其他程序清空`;
  return null;
}

/** A brand-new archive: built under another name and renamed into place, so a half-made file never bears the archive's name. */
function createArchiveFile(file: string): void {
  const creating = `${file}.creating`;
  const db = new Database(creating);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    migrate(db);
  } finally {
    db.close();
  }
  syncFile(creating);
  renameSync(creating, file);
}

async function connect(file: string, backupsDir: string, dataDir: string, holder: ArchiveHolder, checked: CheckedPart = 'all'): Promise<Connection> {
  const unusable = unusableFile(file, backupsDir);
  if (unusable) return { db: null, damaged: true, readOnlyReason: `${unusable}，没有打开它，也不会写入任何内容；${restoreAdvice(backupsDir, dataDir, holder)}` };
  if (!existsSync(file)) {
    try {
      createArchiveFile(file);
    } catch (error) {
      removeQuietly(`${file}.creating`);
      throw storageOrFileSystemError(error, '创建档案库', dataDir);
    }
  }
  let check: Database.Database;
  let damage: string | null;
  try {
    check = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw storageOrFileSystemError(error, '打开档案库', dataDir);
  }
  try {
    damage = damageOf(check, 'quick', checked);
  } catch (error) {
    check.close();
    throw storageOrFileSystemError(error, '打开档案库', dataDir);
  }
  if (damage) {
    const advice = restoreAdvice(backupsDir, dataDir, holder);
    if (damage === '文件不是可识别的数据库') {
      check.close();
      return { db: null, damaged: true, readOnlyReason: `档案库文件 ${file} 已损坏（${damage}），没有打开它，也不会写入任何内容；${advice}` };
    }
    return { db: check, damaged: true, readOnlyReason: `档案库文件 ${file} 已损坏（${damage}），已以只读方式打开，不会写入任何内容；${advice}` };
  }
  try {
    const version = assertOwnFile(check, file);
    if (version > 0 && version < SCHEMA_VERSION) await backupConnection(check, backupsDir, 'migration');
  } finally {
    check.close();
  }
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // 64 MB of page cache: searches of a large archive then mostly stay in memory
    db.pragma('cache_size = -65536');
    migrate(db);
  } catch (error) {
    db.close();
    throw storageOrFileSystemError(error, '打开档案库', dataDir);
  }
  return { db, readOnlyReason: null };
}

/** After a restore the holder must stay up: a file that cannot be opened becomes the reason, not a crash. */
async function connectOrExplain(file: string, backupsDir: string, dataDir: string, holder: ArchiveHolder): Promise<Connection> {
  try {
    return await connect(file, backupsDir, dataDir, holder);
  } catch (error) {
    return { db: null, damaged: true, readOnlyReason: `${(error as Error).message}；${restoreAdvice(backupsDir, dataDir, holder)}` };
  }
}

export interface WithArchiveOptions {
  holder?: ArchiveHolder;
  access?: 'write' | 'read';
  /** a restore is the one thing to do with an archive that cannot be opened */
  allowUnreadable?: boolean;
  /** a command that reads but still records something (bundle export records what it sent): every table is checked first */
  recordsWhileReading?: boolean;
}

/** Opens the archive of `dataDir` for one piece of work (a command-line command) and closes it after. */
export async function withArchive<T>(dataDir: string, body: (archive: Archive) => Promise<T>, options: WithArchiveOptions = {}): Promise<T> {
  // a command that only reads checks the small tables (a damaged large one fails the read that meets it); one that writes checks all first
  const onlyReads = options.access === 'read' && !options.recordsWhileReading;
  const archive = await openArchive({ dataDir, holder: options.holder, access: options.access, checkLargeTables: onlyReads ? 'after-open' : 'at-open' });
  try {
    if (!archive.isReadable && !options.allowUnreadable) throw new ArchiveError('unreadable', archive.readOnlyReason ?? '档案库无法打开');
    return await body(archive);
  } finally {
    archive.close();
  }
}
