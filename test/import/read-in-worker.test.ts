// The reading worker (electron/services/import/read-in-worker.ts) for real: a file that exhausts the
// worker's memory limit or time limit fails alone with a Chinese message, the worker is replaced, and this
// process (the caller, as Electron's main process would be) goes on reading the next file.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { READ_LIMITS, readBulletinFileInWorker, readWorkerEntry } from '../../electron/services/import/read-in-worker.ts';
import { UnreadableFileError } from '../../electron/services/files/read-file-bytes.ts';
import { bulletinFixtures, repoRoot } from '../fixtures.ts';
import { expectFacts } from '../expected-facts.ts';
import { docxOfText, documentXml, zipOf } from '../archive/hostile-files.ts';
import { refusal, withReader } from './reading.ts';

const temp = mkdtempSync(join(tmpdir(), 'jianbao-worker-'));
const fixture = bulletinFixtures()[1]!;

/** A well-formed .docx of `paragraphs` lines of varied Chinese text (not a bomb: it compresses about 2:1) that mammoth needs much memory and time for. */
function heavyDocx(paragraphs: number): Buffer {
  const lines = Array.from({ length: paragraphs }, () => `${Array.from({ length: 20 }, () => String.fromCharCode(0x4e00 + randomInt(0x5000))).join('')}。`);
  return zipOf([{ name: 'word/document.xml', data: Buffer.from(documentXml(lines.join('\n'))) }]);
}

describe('reading in a worker with limits', () => {
  it('has the limits of the brief by default: 256 MB of heap, 20 s per file', () => {
    expect(READ_LIMITS).toMatchObject({ memoryMb: 256, timeoutMs: 20_000 });
  });

  it('fails a file that exhausts the worker’s memory limit alone, in Chinese, then reads the next file in a new worker', async () => {
    await withReader(
      async (reader) => {
        // the limit itself leaves room for an ordinary bulletin
        expectFacts((await reader.readBytes(await docxOfText(fixture.text), '普通.docx')).issue, fixture.expected);
        const path = join(temp, '很重.docx');
        writeFileSync(path, heavyDocx(20_000));
        expect(await refusal(reader.readFile(path))).toBe(`读取文件所需内存超过上限，文件可能已损坏或是恶意构造的，已停止读取：${path}`);
        expectFacts((await reader.readFile(fixture.path)).issue, fixture.expected);
      },
      { limits: { memoryMb: 48 } },
    );
  });

  it('stops a file that takes longer than the time limit alone, in Chinese, then reads the next file in a new worker', async () => {
    await withReader(
      async (reader) => {
        // a loaded worker, so that the limit is spent on the file and not on starting the worker
        await reader.start();
        const started = performance.now();
        const message = await refusal(reader.readBytes(heavyDocx(60_000), '很慢.docx'));
        const elapsed = performance.now() - started;
        expect(message).toBe('读取文件超时（超过 1 秒），已停止：很慢.docx');
        expect(elapsed).toBeGreaterThanOrEqual(990);
        expect(elapsed).toBeLessThan(3000);
        // the next file gets a new worker, started within the next file's limit
        await reader.start();
        expectFacts((await reader.readFile(fixture.path)).issue, fixture.expected);
      },
      { limits: { timeoutMs: 1000 } },
    );
  });

  it('reads one file after another in one worker, each error still its own', async () => {
    await withReader(async (reader) => {
      const missing = join(temp, '不存在.txt');
      const outcomes = await Promise.allSettled([reader.readFile(fixture.path), reader.readFile(missing), reader.readBytes(Buffer.from('{"format":'), '坏.json'), reader.readFile(fixture.path)]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
      expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new UnreadableFileError(`找不到文件：${missing}`));
      expect((outcomes[2] as PromiseRejectedResult).reason).toEqual(new UnreadableFileError('不是有效的 JSON 文件：坏.json'));
    });
  });

  it('refuses a plain-text file too large for the reader by its size, before reading it, rather than with the memory message', async () => {
    const text = `${'督察组深入一线开展现场核查。'.repeat(40)}\n`.repeat(300);
    const bytes = Buffer.from(text.repeat(Math.ceil((10.5 * 1048576) / Buffer.byteLength(text))));
    const path = join(temp, '超长简报.txt');
    writeFileSync(path, bytes);
    await withReader(async (reader) => {
      expect(await refusal(reader.readFile(path))).toMatch(/^文件过大（1\d\.\d MB），超过 10 MB 的上限/);
      expect(await refusal(reader.readBytes(bytes, '超长简报.txt'))).toMatch(/^文件过大（1\d\.\d MB），超过 10 MB 的上限/);
    });
  });

  it('refuses a named pipe and a device at once, in Chinese, instead of waiting on them for ever, and the CLI exits', async () => {
    const pipe = join(temp, '管道.txt');
    execFileSync('mkfifo', [pipe]);
    const device = join(temp, '设备.txt');
    symlinkSync('/dev/zero', device);
    await withReader(async (reader) => {
      expect(await refusal(reader.readFile(pipe))).toBe(`这不是普通文件（可能是管道或设备），无法读取：${pipe}`);
      expect(await refusal(reader.readFile(device))).toBe(`这不是普通文件（可能是管道或设备），无法读取：${device}`);
    });
    const cli = spawnSync(process.execPath, [join(repoRoot, 'bin', 'jianbao.mjs'), 'inspect', pipe], { encoding: 'utf8', timeout: 30_000 });
    expect(cli.status).toBe(2);
    expect(cli.stderr.trim()).toBe(`错误：这不是普通文件（可能是管道或设备），无法读取：${pipe}`);
  }, 40_000);

  it('goes through the shared reader the app and the CLI use', async () => {
    expectFacts((await readBulletinFileInWorker(fixture.path)).issue, fixture.expected);
  });

  it('starts the bundled read-worker.js when it lies beside the code (dist-electron/electron), else the source entry read-worker.mjs', () => {
    const folder = mkdtempSync(join(tmpdir(), 'jianbao-entry-'));
    expect(readWorkerEntry(folder)).toBe(join(folder, 'read-worker.mjs'));
    writeFileSync(join(folder, 'read-worker.js'), '');
    expect(readWorkerEntry(folder)).toBe(join(folder, 'read-worker.js'));
    expect(readWorkerEntry()).toMatch(/electron[/\\]services[/\\]import[/\\]read-worker\.mjs$/);
  });
});
