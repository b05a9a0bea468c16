// Every file-system failure becomes one Chinese sentence naming the place and what to do, with the code.
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errnoCode, fileSystemError } from './fs-errors.ts';

describe('file-system errors in Chinese', () => {
  it('names the folder, says what to do and keeps the code, for each common errno', () => {
    for (const [code, words] of [['EACCES', '没有权限'], ['EROFS', '只读'], ['ENOSPC', '空间已满'], ['EIO', '磁盘出错'], ['EDQUOT', '配额']] as const) {
      const error = fileSystemError({ code }, '备份档案库', 'D:\\简报数据');
      expect(error.message).toMatch(new RegExp(`^备份档案库失败：.*${words}.*（${code}）$`));
      expect(error.message).toContain('D:\\简报数据');
    }
    expect(fileSystemError({ code: 'EACCES' }, '备份', 'x').code).toBe('read-only');
    expect(fileSystemError({ code: 'ENOSPC' }, '备份', 'x').code).toBe('internal');
  });

  it('reads the errno of a real failure and nothing else', () => {
    let failure: unknown;
    try {
      mkdirSync('/proc/jianbao-cannot-be-made');
    } catch (error) {
      failure = error;
    }
    expect(errnoCode(failure)).toMatch(/^E[A-Z]+$/);
    expect(errnoCode(new Error('plain'))).toBeNull();
    expect(errnoCode({ code: 'SQLITE_FULL' })).toBeNull();
  });
});
