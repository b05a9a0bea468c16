// The daily backup: when the app starts and the archive has no backup made today, it makes one.
import type { ApiHandlers } from '../../shared/api/contract.ts';
import type { BackupInfo } from '../../shared/api/records.ts';
import { todayIso } from '../../shared/format/chinese.ts';

export type BackupHandlers = Pick<ApiHandlers, 'backup.list' | 'backup.create'>;

/** The backup it made, or null when one from today (local time) already exists. */
export async function ensureDailyBackup(handlers: BackupHandlers, now = new Date()): Promise<BackupInfo | null> {
  const today = todayIso(now);
  const backups = await handlers['backup.list']({});
  if (backups.some((backup) => todayIso(new Date(backup.createdAt)) === today)) return null;
  return handlers['backup.create']({});
}
