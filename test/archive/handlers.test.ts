// The archive's handlers cover exactly the contract's archive methods, and failures of the file itself
// reach the caller as ApiErrors with Chinese messages.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiMethods } from '../../shared/api/contract.ts';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import { createArchiveHandlers } from '../../electron/services/archive/handlers.ts';
import { createImportHandlers } from '../../electron/services/import/handlers.ts';
import { apiErrorOf, apiOf, tempArchive, tempDir } from './helpers.ts';

describe('archive handlers', () => {
  it('provide every contract method except those of the other services (export.*, volume.*, stats.*, import.*) and app.info, and the import service provides import.*', async () => {
    const archive = await tempArchive();
    const handlers = createArchiveHandlers(archive);
    const elsewhere = ['export.', 'volume.', 'stats.', 'import.'];
    const expected = apiMethods.filter((method) => !elsewhere.some((prefix) => method.startsWith(prefix)) && method !== 'app.info');
    expect(Object.keys(handlers).sort()).toEqual(expected.sort());
    expect(Object.keys(createImportHandlers(archive)).sort()).toEqual(apiMethods.filter((method) => method.startsWith('import.')).sort());
  });

  it('answer reads of an unreadable file with "unreadable" and writes with "read-only", in Chinese', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'archive.sqlite'), Buffer.alloc(4096, 0x33));
    const api = apiOf(await tempArchive(dataDir));
    const read = await apiErrorOf(api('series.list', {}));
    expect(read.code).toBe('unreadable');
    expect(read.message).toMatch(/^档案库文件 .*archive\.sqlite 已损坏（文件不是可识别的数据库），没有打开它/);
    const write = await apiErrorOf(api('series.create', { settings: defaultSeriesSettings('甲简报') }));
    expect(write.code).toBe('read-only');
    expect(write.message).toMatch(/^档案库文件 .*archive\.sqlite 已损坏（文件不是可识别的数据库），没有打开它，也不会写入任何内容/);
    expect((await apiErrorOf(api('backup.create', {}))).code).toBe('read-only');
  });
});
