// `jianbao export` run as a user runs it (a child process): .txt and .json in, .docx and .pdf out; the
// archive form --issue ID --data DIR with the series' profiles; bad input exits 2 with one Chinese line
// and leaves no file behind.
import { existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../electron/services/archive/archive.ts';
import { nextIssue, saveIssue } from '../../electron/services/archive/issues.ts';
import { createSeries } from '../../electron/services/archive/series.ts';
import { parseBulletinText } from '../../shared/import/parse-bulletin.ts';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import { bulletinFixtures } from '../fixtures.ts';
import { runCli } from '../run-cli.ts';
import { attr, child, readDocx, w } from './docx-parts.ts';
import { renderEnv } from './render-tools.ts';
import JSZip from 'jszip';
import sharp from 'sharp';
import { prepareImage } from '../../electron/services/images/prepare-image.ts';
import { putImages } from '../../electron/services/archive/index.ts';
import { withTablesAndFigures } from '../generate.ts';

const dir = mkdtempSync(join(tmpdir(), 'jianbao-export-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fixture = bulletinFixtures().find((entry) => entry.name === 'yiyang-2023-13')!;
const exportCli = (args: string[]) => runCli(['export', ...args], { FONTCONFIG_FILE: renderEnv.FONTCONFIG_FILE });
const topMargin = async (path: string) => attr(child(w((await readDocx(readFileSync(path))).document, 'sectPr')[0]!, 'pgMar')!, 'top');

/** One line of Chinese on stderr, exit code 2, no stack trace. */
function expectUserError(result: ReturnType<typeof runCli>, message: RegExp): void {
  expect(result.status).toBe(2);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^错误：/);
  expect(lines[0]).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('jianbao export', () => {
  it('writes a .docx and a PDF of a .txt bulletin', async () => {
    const docx = join(dir, '第13期.docx');
    const pdf = join(dir, '第13期.pdf');
    const result = exportCli([fixture.path, '--docx', docx, '--pdf', pdf]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`已导出：${docx}`);
    expect(result.stdout).toContain(`已导出：${pdf}`);
    expect(await topMargin(docx)).toBe('2098');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('reads a canonical .json bulletin and takes the profiles from the options', async () => {
    const json = join(dir, 'issue.json');
    writeFileSync(json, JSON.stringify(parseBulletinText(fixture.text).issue));
    const docx = join(dir, 'from-json.docx');
    const result = exportCli([json, '--docx', docx, '--layout', 'first-glyph', '--fonts', 'system', '--colophon-even']);
    expect(result.status).toBe(0);
    expect(await topMargin(docx)).toBe('1962');
    expect((await readDocx(readFileSync(docx))).raw.get('word/document.xml')).toContain('w:eastAsia="仿宋"');
  }, 60_000);

  it('exports an issue of the archive with its photos (also with --layout, which reads the archive itself), and a .json without them saying so', async () => {
    const data = join(dir, 'archive-photos');
    const archive = await openArchive({ dataDir: data });
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#2266cc' } }).jpeg().toBuffer();
    const prepared = await prepareImage(new Uint8Array(photo));
    let id: number;
    const parsed = withTablesAndFigures(parseBulletinText(fixture.text).issue, prepared.ref, { every: 1, rows: 3 });
    try {
      putImages(archive, [prepared]);
      const series = createSeries(archive, defaultSeriesSettings('照片工作简报', '测试协调联络组'));
      const record = nextIssue(archive, series.id, '2024-03-05');
      id = saveIssue(archive, record.id, record.revision, { ...record.issue, blocks: parsed.blocks, distribution: parsed.distribution }).record.id;
    } finally {
      archive.close();
    }
    for (const extra of [[], ['--layout', 'first-glyph']]) {
      const docx = join(dir, `photos${extra.length}.docx`);
      const result = exportCli(['--issue', String(id), '--data', data, '--docx', docx, ...extra]);
      expect(result.stderr).toBe('');
      const zip = await JSZip.loadAsync(readFileSync(docx));
      const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/') && !zip.files[name]!.dir);
      expect(media.length).toBe(1);
      expect(Buffer.from(await zip.file(media[0]!)!.async('uint8array')).equals(Buffer.from(prepared.bytes))).toBe(true);
    }
    const json = join(dir, 'photos.json');
    writeFileSync(json, JSON.stringify(parsed));
    const fromJson = exportCli([json, '--docx', join(dir, 'photos-from-json.docx')]);
    expect(fromJson.status).toBe(0);
    expect(fromJson.stdout).toMatch(/有 1 张图片不在这个文件中.*图片缺失/);
  }, 60_000);

  it('exports an issue of the archive with its series’ layout profile', async () => {
    const data = join(dir, 'archive');
    const archive = await openArchive({ dataDir: data });
    let id: number;
    try {
      const series = createSeries(archive, { ...defaultSeriesSettings('测试工作简报', '测试协调联络组'), layoutProfile: 'first-glyph' });
      const record = nextIssue(archive, series.id, '2024-03-05');
      const parsed = parseBulletinText(fixture.text).issue;
      id = saveIssue(archive, record.id, record.revision, { ...record.issue, blocks: parsed.blocks, distribution: parsed.distribution }).record.id;
    } finally {
      archive.close();
    }
    const docx = join(dir, 'from-archive.docx');
    const result = exportCli(['--issue', String(id), '--data', data, '--docx', docx]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(await topMargin(docx)).toBe('1962');
    expectUserError(exportCli(['--issue', '999', '--data', data, '--docx', join(dir, 'missing.docx')]), /找不到/);
    expect(existsSync(join(dir, 'missing.docx'))).toBe(false);
  }, 60_000);

  it('refuses bad input with exit code 2 and one Chinese line, leaving no file and no temporary file behind', () => {
    const out = join(dir, 'refused');
    rmSync(out, { recursive: true, force: true });
    const before = new Set(readdirSync(dir));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"format": "jianbao/issue@1", "blocks": [');
    expectUserError(exportCli([broken, '--docx', `${out}.docx`, '--pdf', `${out}.pdf`]), /不是有效的 JSON/);
    expectUserError(exportCli([join(dir, 'absent.txt'), '--docx', `${out}.docx`]), /找不到文件/);
    expectUserError(exportCli([fixture.path]), /--docx 或 --pdf/);
    expectUserError(exportCli([fixture.path, '--docx', `${out}.docx`, '--layout', 'a4']), /版式方案不正确：a4/);
    expectUserError(exportCli([fixture.path, '--docx', join(dir, 'no-such-folder', 'x.docx')]), /无法写入文件.*文件夹不存在/);
    expect(new Set(readdirSync(dir))).toEqual(new Set([...before, 'broken.json']));
  }, 60_000);

  it('refuses to write an export over the file it reads (by its name, another name or a hard link) or under the wrong extension, leaving the bulletin as it was', () => {
    const source = join(dir, 'source.txt');
    writeFileSync(source, readFileSync(fixture.path));
    const linked = join(dir, 'linked.docx');
    rmSync(linked, { force: true });
    linkSync(source, linked);
    const original = readFileSync(source);
    expectUserError(exportCli([source, '--docx', source]), /Word 文件的文件名应以 \.docx 结尾/);
    expectUserError(exportCli([linked, '--docx', linked]), /不能把Word 文件写到读入的简报文件上/);
    expectUserError(exportCli([source, '--docx', linked]), /不能把Word 文件写到读入的简报文件上/);
    expectUserError(exportCli([source, '--docx', join(dir, 'swapped.pdf'), '--pdf', join(dir, 'swapped.docx')]), /Word 文件的文件名应以 \.docx 结尾/);
    expect(readFileSync(source).equals(original)).toBe(true);
    expect(existsSync(join(dir, 'swapped.pdf')) || existsSync(join(dir, 'swapped.docx'))).toBe(false);
    rmSync(linked);
  }, 60_000);

  it('keeps an earlier export intact when a new one fails', () => {
    const docx = join(dir, 'kept.docx');
    writeFileSync(docx, 'earlier export');
    const result = runCli(['export', fixture.path, '--docx', docx, '--pdf', join(dir, 'kept.pdf')], { JIANBAO_CHROMIUM: join(dir, 'no-chromium') });
    expectUserError(result, /找不到 Chromium 浏览器/);
    expect(readFileSync(docx, 'utf8')).toBe('earlier export');
    expect(existsSync(join(dir, 'kept.pdf'))).toBe(false);
  }, 60_000);
});
