import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bulletinFixtures } from '../../test/fixtures.ts';
import { openTestArchive, type TestArchive } from '../../test/electron/test-archive.ts';
import { createDispatch } from '../api/dispatch.ts';
import { importFiles, importWithDialog, MAX_IMPORT_BYTES, summarizeImport } from './import-files.ts';

vi.mock('electron', async () => (await import('../../test/electron/fake-electron.ts')).fakeElectron);
const { fakeElectron, FakeBrowserWindow } = await import('../../test/electron/fake-electron.ts');

let archive: TestArchive;
let folder: string;
beforeEach(async () => {
  archive = await openTestArchive();
  folder = mkdtempSync(join(tmpdir(), 'jianbao-import-'));
});
afterEach(() => archive.close());

const fixture = bulletinFixtures()[0]!;

describe('import through the open dialog', () => {
  it('puts a picked bulletin into the archive through the validated import.file call', async () => {
    const outcomes = await importFiles([fixture.path], createDispatch(archive.handlers));
    expect(outcomes).toEqual([expect.objectContaining({ status: 'imported', seriesName: fixture.expected.series.name })]);
    expect(archive.reached).toEqual(['import.file']);
    const [series] = await archive.handlers['series.list']({});
    expect(series?.issueCount).toBe(1);
  });

  it('refuses a file over the size limit without reading it into memory or touching the archive', async () => {
    const huge = join(folder, '超大.txt');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_IMPORT_BYTES + 1);
    const before = archive.digest();
    const [outcome] = await importFiles([huge], createDispatch(archive.handlers));
    expect(outcome).toMatchObject({ file: '超大.txt', status: 'failed', reason: expect.stringMatching(/文件超过 30 MB/) });
    expect(archive.reached).toEqual([]);
    expect(archive.digest()).toBe(before);
  });

  it('reports an unreadable or broken file alone and goes on with the rest, in order, with progress', async () => {
    const broken = join(folder, '损坏.docx');
    writeFileSync(broken, 'PK\u0003\u0004 not really a zip');
    const progress: string[] = [];
    const outcomes = await importFiles([join(folder, '不存在.txt'), broken, fixture.path], createDispatch(archive.handlers), (done, total) =>
      progress.push(`${done}/${total}`),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['failed', 'failed', 'imported']);
    expect(outcomes[0]).toMatchObject({ file: '不存在.txt', reason: expect.stringMatching(/无法读取该文件/) });
    expect(outcomes[1]!.status === 'failed' && outcomes[1]!.reason).toMatch(/[\u4e00-\u9fff]/);
    expect(progress).toEqual(['1/3', '2/3', '3/3']);
  });

  it('sums up in Chinese what went in, what was skipped and what failed', async () => {
    const outcomes = await importFiles([fixture.path, fixture.path, join(folder, '不存在.txt')], createDispatch(archive.handlers));
    const { message, detail } = summarizeImport(outcomes);
    expect(message).toBe('导入完成：成功 1 个，跳过 1 个，失败 1 个。');
    expect(detail.split('\n')).toHaveLength(3);
    expect(detail).toContain(`✓ ${fixture.name}.txt：${fixture.expected.series.name}`);
  });

  it('from the menu: imports the picked files, shows taskbar progress, refreshes the page and shows the summary', async () => {
    fakeElectron.dialog.openResult = { canceled: false, filePaths: [fixture.path] };
    const window = new FakeBrowserWindow({});
    let refreshed = 0;
    await importWithDialog(window as never, createDispatch(archive.handlers), () => refreshed++);
    expect(window.progress).toEqual([1, -1]);
    expect(refreshed).toBe(1);
    expect(fakeElectron.dialog.messages.at(-1)).toMatchObject({ type: 'info', message: '导入完成：成功 1 个，跳过 0 个，失败 0 个。' });
  });
});
