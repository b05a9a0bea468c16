// Settings kept inside the archive itself (so they travel with it): how long backups are kept.
import type Database from 'better-sqlite3';
import { ArchiveError } from './errors.ts';
import { statement } from './statements.ts';

export interface BackupRetention {
  /** manual backups: the newest this many */
  manual: number;
  /** daily backups: one a day for this many days */
  days: number;
}

const DEFAULTS: BackupRetention = { manual: 30, days: 30 };
const LIMITS: Record<keyof BackupRetention, { key: string; max: number; label: string }> = {
  manual: { key: 'backupKeep', max: 1000, label: '保留的手动备份份数' },
  days: { key: 'backupDays', max: 3650, label: '每日备份保留的天数' },
};

function readSetting(db: Database.Database, key: string, fallback: number): number {
  const value = Number(statement<[string], { value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get(key)?.value);
  return Number.isInteger(value) && value >= 1 ? value : fallback;
}

export function backupRetention(db: Database.Database): BackupRetention {
  return { manual: readSetting(db, LIMITS.manual.key, DEFAULTS.manual), days: readSetting(db, LIMITS.days.key, DEFAULTS.days) };
}

export function setBackupRetention(db: Database.Database, which: keyof BackupRetention, value: number): void {
  const { key, max, label } = LIMITS[which];
  if (!Number.isInteger(value) || value < 1 || value > max) throw new ArchiveError('invalid-input', `${label}应为 1 到 ${max} 之间的整数`);
  statement(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, String(value));
}
