// Writes an exported file so that it is either complete or absent: into a temporary file beside it,
// then renamed over the target in one step.
import { randomBytes } from 'node:crypto';
import { rm, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ApiError } from '../../../shared/api/errors.ts';

export class ExportWriteError extends ApiError {
  constructor(message: string) {
    super('internal', message);
    this.name = 'ExportWriteError';
  }
}

export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, bytes, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? '文件夹不存在' : code === 'EACCES' || code === 'EPERM' ? '没有写入权限' : code === 'EISDIR' ? '这是一个文件夹' : code === 'ENOSPC' ? '磁盘空间已满' : (code ?? '未知原因');
    throw new ExportWriteError(`无法写入文件：${path}（${reason}）`);
  }
}
