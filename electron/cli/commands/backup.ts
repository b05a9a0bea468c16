// `jianbao backup [--to DIR] [--keep N] [--days N]`: an online backup of the archive, into its backups
// folder (kept by the retention policy) or into another folder such as a USB drive; --keep sets how many
// manual backups are kept, --days for how many days daily ones are. Works while the app holds the
// archive (a backup only reads), except for changing the settings.
import { join } from 'node:path';
import { CliError } from './cli-error.ts';
import { withServices } from './services.ts';
import type { Command } from './command.ts';

function count(value: unknown, what: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number)) throw new CliError(`${what}应为整数：${String(value)}`);
  return number;
}

export const backupCommand: Command = {
  name: 'backup',
  usage: 'jianbao backup [--to 文件夹] [--keep 份数] [--days 天数] [--data 文件夹]   备份档案库（默认保留最近 30 份手动备份、30 天的每日备份，恢复前的备份保留 90 天）',
  options: { to: { type: 'string' }, keep: { type: 'string' }, days: { type: 'string' }, data: { type: 'string' } },
  async run({ values }, io) {
    const keep = count(values.keep, '保留份数');
    const days = count(values.days, '保留天数');
    const changesSettings = keep !== undefined || days !== undefined;
    const { backupRetention, createBackup, pruneBackups, setBackupRetention } = await import('../../services/archive/index.ts');
    await withServices(
      values.data,
      { holder: '命令 jianbao backup', access: changesSettings ? 'write' : 'read' },
      async ({ api, archive }) => {
        // the retention settings and --to (a folder outside the data folder) are the backup service's
        // own: the contract's backup.create writes into the backups folder with the settings as they are
        if (changesSettings) {
          archive.write(() => {
            if (keep !== undefined) setBackupRetention(archive.db, 'manual', keep);
            if (days !== undefined) setBackupRetention(archive.db, 'days', days);
          });
          const retention = backupRetention(archive.db);
          io.out(`以后保留最近 ${retention.manual} 份手动备份、${retention.days} 天的每日备份`);
        }
        const toDir = values.to as string | undefined;
        const backup = toDir === undefined ? await api['backup.create']({}) : await createBackup(archive, 'manual', toDir);
        if (changesSettings && toDir !== undefined) pruneBackups(archive.backupsDir, backupRetention(archive.db));
        io.out(`已备份：${join(toDir ?? archive.backupsDir, backup.name)}（${(backup.bytes / 1048576).toFixed(1)} MB）`);
      },
    );
    return 0;
  },
};
