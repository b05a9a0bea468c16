// The bug as reported: a .docx whose main part is renamed word/body.bin (named by _rels/.rels) and holds
// 3.75 GiB of zeros in 3.8 MB, its header lying small or declaring 0xF0000000 bytes. The real command line
// (a child process, as a user runs it) must refuse it in Chinese, exit 2, quickly, and without the memory
// for inflating it: peak memory of the whole process, reading worker included, measured by the kernel.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../fixtures.ts';
import { deflatedZeros, renamedMainPartDocx } from '../archive/hostile-files.ts';

const temp = mkdtempSync(join(tmpdir(), 'jianbao-bombs-'));
const MAX_SECONDS = 4; // the target is 2 s; machines here are noisy
const MAX_PEAK_MB = 300;
const files = { lying: join(temp, '谎报大小.docx'), huge: join(temp, '声明超过2GiB.docx'), zip64: join(temp, 'zip64.docx') };

interface MeasuredRun {
  status: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  peakMb: number;
}

function measuredCli(args: string[]): MeasuredRun {
  const rssFile = join(temp, `rss-${Math.random().toString(36).slice(2)}`);
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(repoRoot, 'test', 'import', 'max-rss.mjs'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, JIANBAO_MAXRSS_FILE: rssFile, JIANBAO_DATA: join(temp, 'data') },
    timeout: 60_000,
  });
  const seconds = (performance.now() - started) / 1000;
  const peakMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
  console.log(`jianbao ${args.join(' ')}: ${seconds.toFixed(2)} s, peak ${peakMb.toFixed(0)} MB`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, seconds, peakMb };
}

function expectOneChineseLine(run: MeasuredRun, message: RegExp): void {
  expect(run.status).toBe(2);
  const lines = run.stderr.trim().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(message);
  expect(run.stderr).not.toMatch(/\bat\s|Error:/);
}

beforeAll(() => {
  const zeros = deflatedZeros(3840); // 0xF0000000 bytes
  const body = { name: 'word/body.bin', compressed: zeros.compressed, crc: zeros.crc };
  writeFileSync(files.lying, renamedMainPartDocx({ ...body, declaredSize: 1000 }));
  writeFileSync(files.huge, renamedMainPartDocx({ ...body, declaredSize: 0xf0000000 }));
  writeFileSync(files.zip64, renamedMainPartDocx({ ...body, declaredSize: zeros.size, zip64: true }));
}, 60_000);

describe('jianbao and a 3.75 GiB zip bomb whose main part is renamed word/body.bin', () => {
  it(`inspect refuses it when the header lies small (1000 bytes): exit 2, one Chinese line, ≤ ${MAX_SECONDS} s, ≤ ${MAX_PEAK_MB} MB peak`, () => {
    const run = measuredCli(['inspect', files.lying]);
    expectOneChineseLine(run, /^错误：Word 文档中的 word\/body.bin 解压后超过 1 MB，疑似“压缩炸弹”（文件头声明只有 1000 字节），已拒绝读取：/);
    expect(run.stdout).toBe('');
    expect(run.seconds).toBeLessThanOrEqual(MAX_SECONDS);
    expect(run.peakMb).toBeLessThanOrEqual(MAX_PEAK_MB);
  });

  it(`inspect refuses it when the header declares 0xF0000000 bytes (over 2 GiB, read unsigned): exit 2, one Chinese line, ≤ ${MAX_SECONDS} s, ≤ ${MAX_PEAK_MB} MB peak`, () => {
    const run = measuredCli(['inspect', files.huge]);
    expectOneChineseLine(run, /^错误：Word 文档疑似“压缩炸弹”：其中 word\/body.bin 解压后将达 3840 MB，是压缩后的 \d+ 倍，已拒绝读取：/);
    expect(run.seconds).toBeLessThanOrEqual(MAX_SECONDS);
    expect(run.peakMb).toBeLessThanOrEqual(MAX_PEAK_MB);
  });

  it(`inspect refuses it with its true size in zip64 fields: exit 2, one Chinese line, ≤ ${MAX_SECONDS} s, ≤ ${MAX_PEAK_MB} MB peak`, () => {
    const run = measuredCli(['inspect', files.zip64]);
    expectOneChineseLine(run, /^错误：Word 文档疑似“压缩炸弹”：其中 word\/body.bin 解压后将达 3840 MB/);
    expect(run.seconds).toBeLessThanOrEqual(MAX_SECONDS);
    expect(run.peakMb).toBeLessThanOrEqual(MAX_PEAK_MB);
  });

  it('check (proofreading) and export refuse it the same way', () => {
    for (const args of [['check', files.lying], ['export', files.lying, '--docx', join(temp, 'out.docx')]]) {
      const run = measuredCli(args);
      expectOneChineseLine(run, /^错误：Word 文档中的 word\/body.bin 解压后超过 1 MB，疑似“压缩炸弹”/);
      expect(run.peakMb).toBeLessThanOrEqual(MAX_PEAK_MB);
    }
  });

  it('archive import files the good bulletin beside it and reports the bomb as not imported, with its reason', () => {
    const folder = mkdtempSync(join(temp, 'folder-'));
    writeFileSync(join(folder, 'a-炸弹.docx'), readFileSync(files.lying));
    writeFileSync(join(folder, 'b-好的.txt'), readFileSync(join(repoRoot, 'test', 'fixtures', 'bulletins', 'yiyang-2023-01.txt')));
    const run = measuredCli(['archive', 'import', folder]);
    expect(run.stdout).toContain(`[1/2] 未导入 ${join(folder, 'a-炸弹.docx')}：Word 文档中的 word/body.bin 解压后超过 1 MB，疑似“压缩炸弹”`);
    expect(run.stdout).toContain(`[2/2] 已导入 ${join(folder, 'b-好的.txt')}`);
    expectOneChineseLine(run, /^错误：有 1 个文件未能导入/);
    expect(run.peakMb).toBeLessThanOrEqual(MAX_PEAK_MB);
  });
});
