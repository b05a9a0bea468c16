// `jianbao restore FILE`: replaces the archive with a backup (a path, or a name in the backups folder)
// after checking its integrity; the current archive is backed up first. Only when no other program
// holds the archive: an open app restores from its own backups dialog.
import { CliError } from './cli-error.ts';
import type { Command } from './command.ts';

// The backup service itself, not backup.restore: the command line restores from a path as well as from a
// name in the backups folder, restores an archive that cannot be opened, and reports the safety backup
// it took first; the contract's method takes a name the backups dialog listed and answers nothing.
export const restoreCommand: Command = {
  name: 'restore',
  usage: 'jianbao restore 备份文件 [--data 文件夹]   从备份恢复档案库（恢复前先备份当前档案库；简报正在使用该档案库时请在程序中恢复）',
  options: { data: { type: 'string' } },
  async run({ values, positionals }, io) {
    const file = positionals[0];
    if (!file) throw new CliError('请指定要恢复的备份文件，例如：jianbao restore jianbao-20240501-093005-123-daily.sqlite');
    const { ArchiveError, lockedError, resolveDataDir, withArchive, resolveBackupPath, restoreBackup } = await import('../../services/archive/index.ts');
    const dataDir = resolveDataDir({ flag: values.data as string | undefined });
    try {
      await withArchive(
        dataDir,
        async (archive) => {
          const source = resolveBackupPath(archive, file);
          const safety = await restoreBackup(archive, source);
          io.out(`已从 ${source} 恢复档案库${safety ? `；恢复前的档案库已备份为 ${safety.name}` : ''}`);
        },
        { holder: { name: '命令 jianbao restore', kind: 'cli' }, allowUnreadable: true },
      );
    } catch (error) {
      if (error instanceof ArchiveError && error.code === 'conflict' && error.message.includes('正由')) {
        throw lockedError(dataDir, '不能从命令行恢复（会让正在运行的程序写入已被替换的文件）');
      }
      throw error;
    }
    return 0;
  },
};
