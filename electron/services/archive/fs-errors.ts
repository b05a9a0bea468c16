// Failures of the file system (no permission, read-only disk, full disk, I/O error) as one Chinese
// sentence that names the folder or file and says what to do, for the command line and the app alike.
import { ArchiveError } from './errors.ts';

const ADVICE: Record<string, (where: string) => string> = {
  EACCES: (where) => `没有权限写入 ${where}；请换一个有权限的文件夹（--data），或请管理员修改权限`,
  EPERM: (where) => `没有权限写入 ${where}；请换一个有权限的文件夹（--data），或请管理员修改权限`,
  EROFS: (where) => `${where} 所在的磁盘是只读的；请换一个可写的文件夹（--data）`,
  ENOSPC: (where) => `${where} 所在的磁盘空间已满；请清理磁盘后重试`,
  EDQUOT: (where) => `${where} 所在磁盘的配额已用完；请清理磁盘或请管理员增加配额后重试`,
  EFBIG: (where) => `写入 ${where} 的文件超过了系统允许的大小；请换一个文件夹或磁盘`,
  EIO: (where) => `读写 ${where} 时磁盘出错（可能是磁盘或 U 盘故障）；请检查磁盘后重试`,
  ENOENT: (where) => `找不到 ${where}；请检查路径是否正确`,
  ENOTDIR: (where) => `${where} 的路径中有一段不是文件夹；请检查路径`,
  EISDIR: (where) => `${where} 是一个文件夹，不是文件；请检查路径`,
  EEXIST: (where) => `${where} 已存在，未覆盖`,
  EBUSY: (where) => `${where} 正被其他程序占用；请关闭占用它的程序后重试`,
  EMFILE: () => '打开的文件过多；请关闭一些程序后重试',
  ENAMETOOLONG: (where) => `路径过长：${where}；请换一个较短的文件夹`,
};

/** The errno code of a Node file-system error, or null for anything else. */
export function errnoCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : null;
}

/** `action` is what was being done ("备份档案库"), `where` the folder or file it concerns. */
export function fileSystemError(error: unknown, action: string, where: string): ArchiveError {
  const code = errnoCode(error) ?? 'UNKNOWN';
  const advice = ADVICE[code]?.(where) ?? `操作 ${where} 时出错；请检查磁盘和权限后重试`;
  const kind = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'read-only' : code === 'ENOENT' ? 'not-found' : 'internal';
  return new ArchiveError(kind, `${action}失败：${advice}（${code}）`);
}
