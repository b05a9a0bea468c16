// `jianbao restore FILE`: replaces the archive with a backup (a path, or a name in the backups folder)
// after checking its integrity; the current archive is backed up first.
import { resolveDataDir, withArchive, resolveBackupPath, restoreBackup } from '../../services/archive/index.ts';
import { CliError } from '../cli-error.ts';
import type { Command } from '../command.ts';

export const restoreCommand: Command = {
  name: 'restore',
  usage: 'jianbao restore 备份文件 [--data 文件夹]   从备份恢复档案库（恢复前先备份当前档案库）',
  options: { data: { type: 'string' } },
  async run({ values, positionals }, io) {
    const file = positionals[0];
    if (!file) throw new CliError('请指定要恢复的备份文件，例如：jianbao restore jianbao-20240501-093005-123-daily.sqlite');
    await withArchive(resolveDataDir({ flag: values.data as string | undefined }), async (archive) => {
      const source = resolveBackupPath(archive, file);
      const safety = await restoreBackup(archive, source);
      io.out(`已从 ${source} 恢复档案库；恢复前的档案库已备份为 ${safety.name}`);
    });
    return 0;
  },
};
