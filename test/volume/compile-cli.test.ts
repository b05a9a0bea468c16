// `jianbao compile` run as a clerk runs it, on a real archive holding the published fixtures as one series:
// the PDF (read page by page with pdftotext) and the .docx (laid out by LibreOffice) both start every issue on
// the odd page the contents names, number their pages on through the volume, and print each article on the
// page the contents gives it. An empty range or an unknown series exits 2 with one Chinese line and no file.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../electron/services/archive/archive.ts';
import { parseBulletinText } from '../../shared/import/parse-bulletin.ts';
import { bulletinFixtures, squeeze } from '../fixtures.ts';
import { runCli } from '../run-cli.ts';
import { convertWithLibreOffice, pageNumberOf, pdfPageTexts, pdfPathFor, renderEnv } from '../export/render-tools.ts';
import { fileSeries, VOLUME_SERIES } from './volume-archive.ts';

const dir = mkdtempSync(join(tmpdir(), 'jianbao-compile-'));
const dataDir = join(dir, 'data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fixtures = bulletinFixtures().map((fixture) => parseBulletinText(fixture.text).issue);
const DATES = ['2023-06-27', '2023-07-12', '2023-09-22', '2023-10-08'];
const compile = (args: string[]) => runCli(['compile', '--data', dataDir, ...args], { FONTCONFIG_FILE: renderEnv.FONTCONFIG_FILE });

beforeAll(async () => {
  const archive = await openArchive({ dataDir });
  try {
    // issues 1–3 issued, issue 4 still a draft
    fileSeries(archive, [...fixtures.map((content, index) => ({ content, date: DATES[index]! })), { content: fixtures[0]!, date: DATES[3]!, status: 'draft' as const }]);
  } finally {
    archive.close();
  }
});

interface ContentsEntry {
  text: string;
  page: number;
}

/** The contents' entries as a page prints them: text, then dots or a drawn leader, then the page number. */
function contentsEntries(pageTexts: readonly string[]): ContentsEntry[] {
  const contentsPages = pageTexts.filter((text) => squeeze(text).startsWith('目录'));
  return contentsPages.flatMap((text) =>
    text
      .split('\n')
      .map((line) => squeeze(line).replace(/^—\d+—$/, ''))
      .filter((line) => line && line !== '目录')
      .reduce<string[]>((entries, line) => {
        // a title wrapped over two lines: its first line has no page number
        const previous = entries[entries.length - 1];
        if (previous !== undefined && !/\d+$/.test(previous)) entries[entries.length - 1] = previous + line;
        else entries.push(line);
        return entries;
      }, [])
      .map((line) => {
        const match = /^(.*?)[.…·]*(\d+)$/.exec(line)!;
        return { text: match[1]!, page: Number(match[2]) };
      }),
  );
}

/** Checks a rendered volume: every issue where its contents line says, on an odd page; numbers run through; titles where listed. */
function expectVolumeAgrees(pageTexts: readonly string[], issueCount: number): void {
  const entries = contentsEntries(pageTexts);
  const issueEntries = entries.filter((entry) => /^第\d+期\d{4}年/.test(entry.text));
  expect(issueEntries.map((entry) => entry.text.replace(/\d{4}年.*$/, ''))).toEqual(Array.from({ length: issueCount }, (_, index) => `第${index + 1}期`));
  for (const entry of issueEntries) {
    expect(entry.page % 2, `${entry.text} starts on page ${entry.page}`).toBe(1);
    const page = squeeze(pageTexts[entry.page - 1]!);
    // the masthead of that issue: the series' name, then its number
    expect(page.startsWith(squeeze(VOLUME_SERIES)), `page ${entry.page} starts ${page.slice(0, 30)}`).toBe(true);
    expect(page).toContain(entry.text.replace(/(\d{4}年).*$/, ''));
  }
  const titleEntries = entries.filter((entry) => !issueEntries.includes(entry));
  expect(titleEntries.length).toBeGreaterThanOrEqual(issueCount);
  for (const entry of titleEntries) expect(squeeze(pageTexts[entry.page - 1]!), `title “${entry.text}” on page ${entry.page}`).toContain(entry.text.slice(0, 12));
  // the page numbers run on through the volume: each numbered page prints its place in it
  pageTexts.forEach((text, index) => {
    const number = pageNumberOf(text);
    if (number !== null) expect(number).toBe(index + 1);
  });
  expect(pageNumberOf(pageTexts[0]!)).toBeNull();
}

describe('jianbao compile', () => {
  it('binds the issued issues of a year: cover, contents, every issue on the odd page the contents names, in the PDF and in LibreOffice’s layout of the .docx alike', () => {
    const docx = join(dir, '汇编.docx');
    const pdf = join(dir, '汇编.pdf');
    const result = compile(['--series', VOLUME_SERIES, '--year', '2023', '--docx', docx, '--pdf', pdf]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`已导出：${docx}`);
    expect(result.stdout).toContain(`已导出：${pdf}`);
    expect(result.stderr).toContain('汇编 益阳市生态环境保护督察工作简报 2023年 第1期—第3期，共 3 期');
    expect(result.stderr).toContain('第4期尚未印发（草稿），未收入');
    expect(result.stderr).toMatch(/正在排版/);

    const printed = pdfPageTexts(pdf);
    expect(squeeze(printed[0]!)).toContain('汇编');
    expect(squeeze(printed[0]!)).toContain('2023年第1期—第3期');
    expectVolumeAgrees(printed, 3);

    convertWithLibreOffice([docx], dir);
    const laidOut = pdfPageTexts(pdfPathFor(docx, dir));
    expect(laidOut).toHaveLength(printed.length);
    expectVolumeAgrees(laidOut, 3);
  }, 240_000);

  it('binds drafts only when asked, naming their status in the contents', () => {
    const pdf = join(dir, '含草稿.pdf');
    const result = compile(['--series', VOLUME_SERIES, '--numbers', '2-4', '--include-drafts', '--pdf', pdf]);
    expect(result.status, result.stderr).toBe(0);
    const entries = contentsEntries(pdfPageTexts(pdf));
    expect(entries.filter((entry) => /^第\d+期/.test(entry.text)).map((entry) => entry.text)).toEqual(['第2期2023年7月12日', '第3期2023年9月22日', '第4期2023年10月8日（草稿）']);
  }, 120_000);

  it('refuses an empty range, an unknown series and a missing range with exit 2, one Chinese line and no file written', () => {
    const docx = join(dir, '不应写出.docx');
    const cases: [string[], RegExp][] = [
      [['--series', VOLUME_SERIES, '--year', '2019', '--docx', docx], /在所选范围内没有已印发的简报/],
      [['--series', '不存在的简报', '--year', '2023', '--docx', docx], /档案库中没有名为“不存在的简报”的刊物/],
      [['--series', VOLUME_SERIES, '--docx', docx], /请用 --year、--from\/--to 或 --numbers 指定汇编范围/],
      [['--series', VOLUME_SERIES, '--numbers', '9-3', '--docx', docx], /期号范围不正确/],
      [['--series', VOLUME_SERIES, '--from', '2023-09-01', '--docx', docx], /同时写 --from 和 --to/],
      [['--series', VOLUME_SERIES, '--year', '2023'], /请用 --docx 或 --pdf 指定输出文件/],
      [['--series', VOLUME_SERIES, '--numbers', '0-3', '--docx', docx], /期号从 1 起/],
      [['--series', VOLUME_SERIES, '--year', '2023', '--docx', join(dir, '不应写出.pdf')], /Word 文件的文件名应以 \.docx 结尾/],
      [['--series', VOLUME_SERIES, '--year', '2023', '--docx', join(dir, '没有的文件夹', 'a.docx')], /文件夹不存在/],
    ];
    for (const [args, message] of cases) {
      const result = compile(args);
      expect(result.status, args.join(' ')).toBe(2);
      const lines = result.stderr.trim().split('\n');
      expect(lines, result.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      expect(existsSync(docx)).toBe(false);
    }
  }, 120_000);

  it('never writes over the archive’s own files: an output in the data folder is refused, and the archive still opens', () => {
    const database = join(dataDir, 'archive.sqlite');
    const before = readFileSync(database);
    for (const target of [database, join(dataDir, 'archive.lock'), join(dataDir, '汇编.pdf')]) {
      const result = compile(['--series', VOLUME_SERIES, '--year', '2023', target.endsWith('.pdf') ? '--pdf' : '--docx', target]);
      expect(result.status, target).toBe(2);
      expect(result.stderr.trim()).toMatch(/^错误：.*不能把文件写进档案库文件夹/);
    }
    expect(readFileSync(database).equals(before)).toBe(true);
    expect(existsSync(join(dataDir, '汇编.pdf'))).toBe(false);
    expect(runCli(['archive', 'list', '--data', dataDir]).status).toBe(0);
  }, 60_000);
});
