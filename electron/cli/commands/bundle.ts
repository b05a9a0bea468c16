// `jianbao bundle export FILE [--series S]` writes a series (or the whole archive) into one file for
// another PC; `jianbao bundle import FILE` merges one in, listing conflicts instead of overwriting.
import { writeFile } from 'node:fs/promises';
import { CliError } from './cli-error.ts';
import { seriesIdByName, withServices } from './services.ts';
import type { Command } from './command.ts';

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
    const { fileSystemError, importBundle } = await import('../../services/archive/index.ts');
    // export records what it sent (the base of a later merge) when no one else holds the archive
    const options = { holder: `命令 jianbao bundle ${action}`, access: action === 'export' ? 'read' : 'write', recordsWhileReading: true } as const;
    await withServices(values.data, options, async ({ api, archive }) => {
      if (action === 'export') {
        const seriesId = values.series === undefined ? undefined : await seriesIdByName(api, values.series as string);
        const bundle = await api['bundle.export']({ seriesId });
        try {
          await writeFile(file, Buffer.from(bundle.base64, 'base64'));
        } catch (error) {
          throw fileSystemError(error, '写入档案包', file);
        }
        io.out(`已导出档案包：${file}`);
        return;
      }
      // the bundle service itself, not bundle.import: a bundle file may be far larger than the contract's
      // upload limit for the page (MAX_UPLOAD_BASE64), and is read from disk rather than sent as base64
      const { readFileBytes } = await import('../../services/files/read-file-bytes.ts');
      const report = await importBundle(archive, await readFileBytes(file, BUNDLE_FILE_BYTES));
      io.out(`新增或更新 ${report.imported} 期，未变 ${report.unchanged} 期，新建刊物 ${report.seriesCreated} 个，冲突 ${report.conflicts.length} 期`);
      for (const conflict of report.conflicts) io.out(`  冲突：${conflict.seriesName} ${conflict.numberText}：${conflict.reason}`);
    });
    return 0;
  },
};
