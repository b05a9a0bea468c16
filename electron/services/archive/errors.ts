// The archive's errors: an ApiError (a code for the program, a Chinese message for the clerk) that the
// command line also prints as its one line, and the mapping of SQLite's own failures into them.
import { ApiError, type ApiErrorCode } from '../../../shared/api/errors.ts';

export class ArchiveError extends ApiError {
  constructor(code: ApiErrorCode, message: string) {
    super(code, message);
    this.name = 'ArchiveError';
  }
}

const DAMAGE_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_VTAB']);

/**
 * Turns a failure of the database file itself (damage, full disk, locked, read-only) into a Chinese
 * message, naming the folder `where` when known; other errors pass through.
 */
export function storageError(error: unknown, where?: string): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  const at = where ? `（${where}）` : '';
  if (DAMAGE_CODES.has(code)) return new ArchiveError('unreadable', '档案库文件已损坏，无法读取这部分内容；请从备份恢复');
  if (code === 'SQLITE_FULL') return new ArchiveError('internal', `档案库所在的磁盘空间已满${at}，本次修改未保存；请清理磁盘后重试`);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new ArchiveError('conflict', '档案库正被另一个程序使用，请稍后重试');
  if (code.startsWith('SQLITE_READONLY')) return new ArchiveError('read-only', `档案库文件不可写（只读或无权限）${at}，本次修改未保存；请检查文件夹的权限或换一个可写的文件夹`);
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN') return new ArchiveError('internal', `读写档案库文件时出错${at}（${code}），本次修改未保存；请检查磁盘空间、权限和磁盘是否完好后重试`);
  return error;
}
