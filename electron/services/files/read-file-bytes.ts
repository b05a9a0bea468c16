// Reads a file the clerk named, with a size limit, and says in Chinese why it cannot be read (missing,
// a folder, a pipe or a device, too large, unreadable).
import { readFile, stat } from 'node:fs/promises';
import { ISSUE_LIMITS } from '../../../shared/model/limits.ts';
import { ApiError } from '../../../shared/api/errors.ts';

export class UnreadableFileError extends ApiError {
  constructor(message: string) {
    super('unreadable', message);
    this.name = 'UnreadableFileError';
  }
}

export async function readFileBytes(path: string, maxBytes: number = ISSUE_LIMITS.textFileBytes): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnreadableFileError(code === 'ENOENT' ? `找不到文件：${path}` : `无法读取文件：${path}（${code ?? '未知原因'}）`);
  }
  if (info.isDirectory()) throw new UnreadableFileError(`这是一个文件夹，不是文件：${path}`);
  // a named pipe or a device would block the read (a pipe with no writer, forever) or never end
  if (!info.isFile()) throw new UnreadableFileError(`这不是普通文件（可能是管道或设备），无法读取：${path}`);
  if (info.size > maxBytes) {
    throw new UnreadableFileError(`文件过大（${(info.size / 1048576).toFixed(1)} MB），超过 ${Math.round(maxBytes / 1048576)} MB 的上限：${path}`);
  }
  try {
    return await readFile(path);
  } catch (error) {
    throw new UnreadableFileError(`无法读取文件：${path}（${(error as NodeJS.ErrnoException).code ?? '未知原因'}）`);
  }
}
