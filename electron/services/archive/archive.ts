// Opens the archive of a data folder (archive.sqlite, backups/ beside it): quick_check first, refuses a
// file of another program or a newer version without touching it, backs up before migrating, and
// opens a damaged file read-only, naming the newest good backup. WAL, synchronous=FULL, foreign keys.
import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { APPLICATION_ID, SCHEMA_VERSION, migrate, schemaVersion } from './schema.ts';
import { ArchiveError, storageError } from './errors.ts';
import { backupConnection, newestGoodBackup } from './backups.ts';
import { damageOf } from './file-check.ts';

export const ARCHIVE_FILE_NAME = 'archive.sqlite';
export const BACKUP_FOLDER_NAME = 'backups';

interface Connection {
  db: Database.Database;
  readOnlyReason: string | null;
}

export class Archive {
  readonly file: string;
  readonly backupsDir: string;
  #connection: Connection | null;

  constructor(
    readonly dataDir: string,
    connection: Connection,
  ) {
    this.file = join(dataDir, ARCHIVE_FILE_NAME);
    this.backupsDir = join(dataDir, BACKUP_FOLDER_NAME);
    this.#connection = connection;
  }

  get db(): Database.Database {
    if (!this.#connection) throw new ArchiveError('internal', '档案库已关闭');
    return this.#connection.db;
  }

  /** Why the archive is open read-only (a damaged file), or null. */
  get readOnlyReason(): string | null {
    return this.#connection?.readOnlyReason ?? null;
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
      throw storageError(error);
    }
  }

  read<T>(body: () => T): T {
    try {
      return body();
    } catch (error) {
      throw storageError(error);
    }
  }

  close(): void {
    this.#connection?.db.close();
    this.#connection = null;
  }

  /** Puts a copy of `source` in place of the archive file (a restore) and opens it with the same checks. */
  async replaceFileWith(source: string): Promise<void> {
    this.close();
    const incoming = `${this.file}.restoring`;
    copyFileSync(source, incoming);
    const fd = openSync(incoming, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // the old write-ahead log must never be applied to the new file
    rmSync(`${this.file}-wal`, { force: true });
    rmSync(`${this.file}-shm`, { force: true });
    renameSync(incoming, this.file);
    this.#connection = await connect(this.file, this.backupsDir);
  }
}

export interface OpenArchiveOptions {
  dataDir: string;
}

export async function openArchive({ dataDir }: OpenArchiveOptions): Promise<Archive> {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new ArchiveError('unreadable', `无法创建数据文件夹：${dataDir}（${(error as NodeJS.ErrnoException).code ?? '未知原因'}）`);
  }
  return new Archive(dataDir, await connect(join(dataDir, ARCHIVE_FILE_NAME), join(dataDir, BACKUP_FOLDER_NAME)));
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

function damagedMessage(damage: string, backupsDir: string): string {
  const backup = newestGoodBackup(backupsDir);
  const offer = backup
    ? `最新的完好备份是 ${backup.name}，可在“备份”中恢复，或运行 jianbao restore ${backup.name}`
    : '备份文件夹中没有完好的备份';
  return `档案库文件已损坏（${damage}），已以只读方式打开，不会写入任何内容；${offer}`;
}

async function connect(file: string, backupsDir: string): Promise<Connection> {
  if (existsSync(file) && statSync(file).size > 0) {
    const check = new Database(file, { readonly: true, fileMustExist: true });
    const damage = damageOf(check, 'quick');
    if (damage) return { db: check, readOnlyReason: damagedMessage(damage, backupsDir) };
    try {
      const version = assertOwnFile(check, file);
      if (version > 0 && version < SCHEMA_VERSION) await backupConnection(check, backupsDir, 'migration');
    } finally {
      check.close();
    }
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
    throw storageError(error);
  }
  return { db, readOnlyReason: null };
}

/** Opens the archive of `dataDir` for one piece of work (a command-line command) and closes it after. */
export async function withArchive<T>(dataDir: string, body: (archive: Archive) => Promise<T>): Promise<T> {
  const archive = await openArchive({ dataDir });
  try {
    return await body(archive);
  } finally {
    archive.close();
  }
}
