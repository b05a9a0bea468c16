// Settings kept inside the archive itself (so they travel with it): for now, how many backups to keep.
import type Database from 'better-sqlite3';
import { ArchiveError } from './errors.ts';
import { statement } from './statements.ts';

const DEFAULT_BACKUP_KEEP = 30;
const MAX_BACKUP_KEEP = 1000;

export function backupKeep(db: Database.Database): number {
  const value = statement<[string], { value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get('backupKeep')?.value;
  const keep = Number(value);
  return Number.isInteger(keep) && keep >= 1 ? keep : DEFAULT_BACKUP_KEEP;
}

export function setBackupKeep(db: Database.Database, keep: number): void {
  if (!Number.isInteger(keep) || keep < 1 || keep > MAX_BACKUP_KEEP) {
    throw new ArchiveError('invalid-input', `保留的备份份数应为 1 到 ${MAX_BACKUP_KEEP} 之间的整数`);
  }
  statement(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run('backupKeep', String(keep));
}
