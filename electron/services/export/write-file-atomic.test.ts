import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExportWriteError, writeFileAtomic } from './write-file-atomic.ts';

const dir = mkdtempSync(join(tmpdir(), 'jianbao-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writing an exported file', () => {
  it('replaces the target in one step and leaves no temporary file', async () => {
    const path = join(dir, '简报.docx');
    writeFileSync(path, 'old');
    await writeFileAtomic(path, new TextEncoder().encode('new'));
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['简报.docx']);
  });

  it('fails with a Chinese reason and leaves nothing behind when the target cannot be written', async () => {
    const target = join(dir, 'a-folder');
    mkdirSync(target);
    const error = await writeFileAtomic(target, new Uint8Array([1])).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ExportWriteError);
    expect((error as Error).message).toMatch(/^无法写入文件：.*a-folder（/);
    expect(readdirSync(dir).sort()).toEqual(['a-folder', '简报.docx']);
    expect(readdirSync(target)).toEqual([]);
  });
});
