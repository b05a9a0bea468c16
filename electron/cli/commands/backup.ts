// `jianbao backup [--to DIR] [--keep N]`: an online backup of the archive, into its backups folder (the
// last N kept) or into another folder such as a USB drive; --keep changes N.
import { join } from 'node:path';
import { resolveDataDir, withArchive, createBackup } from '../../services/archive/index.ts';
import { setBackupKeep } from '../../services/archive/settings.ts';
import { pruneBackups } from '../../services/archive/backups.ts';
import { CliError } from '../cli-error.ts';
import type { Command } from '../command.ts';

export const backupCommand: Command = {
  name: 'backup',
  usage: 'jianbao backup [--to 文件夹] [--keep 份数] [--data 文件夹]   备份档案库（默认保留最近 30 份）',
  options: { to: { type: 'string' }, keep: { type: 'string' }, data: { type: 'string' } },
  async run({ values }, io) {
    const keep = values.keep === undefined ? undefined : Number(values.keep);
    if (keep !== undefined && !Number.isInteger(keep)) throw new CliError(`保留份数应为整数：${values.keep as string}`);
    await withArchive(resolveDataDir({ flag: values.data as string | undefined }), async (archive) => {
      if (keep !== undefined) {
        archive.write(() => setBackupKeep(archive.db, keep));
        io.out(`以后保留最近 ${keep} 份备份`);
      }
      const toDir = values.to as string | undefined;
      const backup = await createBackup(archive, 'manual', toDir);
      if (keep !== undefined && toDir !== undefined) pruneBackups(archive.backupsDir, keep);
      io.out(`已备份：${join(toDir ?? archive.backupsDir, backup.name)}（${(backup.bytes / 1048576).toFixed(1)} MB）`);
    });
    return 0;
  },
};
