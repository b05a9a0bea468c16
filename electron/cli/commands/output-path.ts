// Where a command may write what it made: never into the archive's data folder (its database, lock and
// backups live there, and a file written over one of them loses the archive), only into a folder that
// exists, and with the extension of what it is. Checked before any work starts.
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';
import { resolveDataDir } from '../../services/archive/data-dir.ts';
import { CliError } from './cli-error.ts';

function realOrResolved(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

/** Whether two paths name one existing file (the same file by another name or a link included). */
function sameFile(a: string, b: string): boolean {
  try {
    const [first, second] = [statSync(a), statSync(b)];
    return first.dev === second.dev && first.ino === second.ino;
  } catch {
    return false;
  }
}

/**
 * Refuses an output path inside the data folder (of --data, else the default one), in a missing folder,
 * when given without its extension, or that is the file the command reads (`source`): writing there would
 * replace the bulletin with its export.
 */
export function checkOutputPath(path: string, { dataFlag, extension, what, source }: { dataFlag: unknown; extension?: string; what: string; source?: string }): void {
  const target = resolve(path);
  const folder = realOrResolved(dirname(target));
  if (folder === null) throw new CliError(`无法写入文件：${path}（文件夹不存在）`);
  const dataDir = resolveDataDir({ flag: dataFlag as string | undefined });
  const data = realOrResolved(dataDir) ?? resolve(dataDir);
  if (folder === data || folder.startsWith(data + sep)) throw new CliError(`不能把文件写进档案库文件夹：${path}（那里存放档案库本身，请另选位置）`);
  if (extension && !basename(target).toLowerCase().endsWith(extension)) throw new CliError(`${what}的文件名应以 ${extension} 结尾：${path}`);
  if (source !== undefined && sameFile(target, source)) throw new CliError(`不能把${what}写到读入的简报文件上：${path}（那样会用导出结果覆盖原文件，请另选文件名）`);
}
