// `jianbao bundle export FILE [--series S]` writes a series (or the whole archive) into one file for
// another PC; `jianbao bundle import FILE` merges one in, listing conflicts instead of overwriting.
import { writeFile } from 'node:fs/promises';
import { resolveDataDir, withArchive } from '../../services/archive/index.ts';
import { exportBundle, importBundle } from '../../services/archive/bundle.ts';
import { findSeriesByName } from '../../services/archive/series.ts';
import { readFileBytes } from '../../services/files/read-file-bytes.ts';
import { CliError } from '../cli-error.ts';
import { fileSystemError } from '../../services/archive/fs-errors.ts';
import type { Command } from '../command.ts';

/** A bundle of a large archive: the whole of it, zipped. */
const BUNDLE_FILE_BYTES = 1024 * 1024 * 1024;

export const bundleCommand: Command = {
  name: 'bundle',
  usage: [
    'jianbao bundle export 文件 [--series 刊物名] [--data 文件夹]   把一个刊物（或整个档案库）导出为档案包，拷到另一台电脑',
    'jianbao bundle import 文件 [--data 文件夹]   合并档案包（两边都改过的期只列出，不覆盖）',
  ].join('\n  '),
  options: { series: { type: 'string' }, data: { type: 'string' } },
  async run({ values, positionals }, io) {
    const [action, file] = positionals;
    if ((action !== 'export' && action !== 'import') || !file) throw new CliError('用法：jianbao bundle export 文件 [--series 刊物名] 或 jianbao bundle import 文件');
    const holder = { name: `命令 jianbao bundle ${action}`, kind: 'cli' } as const;
    await withArchive(resolveDataDir({ flag: values.data as string | undefined }), async (archive) => {
      if (action === 'export') {
        let seriesId: number | undefined;
        if (values.series !== undefined) {
          const series = findSeriesByName(archive, values.series as string);
          if (!series) throw new CliError(`档案库中没有名为“${values.series as string}”的刊物`);
          seriesId = series.id;
        }
        const bundle = await exportBundle(archive, seriesId);
        try {
          await writeFile(file, Buffer.from(bundle.base64, 'base64'));
        } catch (error) {
          throw fileSystemError(error, '写入档案包', file);
        }
        io.out(`已导出档案包：${file}`);
        return;
      }
      const report = await importBundle(archive, await readFileBytes(file, BUNDLE_FILE_BYTES));
      io.out(`新增或更新 ${report.imported} 期，未变 ${report.unchanged} 期，新建刊物 ${report.seriesCreated} 个，冲突 ${report.conflicts.length} 期`);
      for (const conflict of report.conflicts) io.out(`  冲突：${conflict.seriesName} ${conflict.numberText}：${conflict.reason}`);
    }, { holder, access: action === 'export' ? 'read' : 'write' });
    return 0;
  },
};
