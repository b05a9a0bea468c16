// `jianbao check` run as a user runs it: .txt, .json and .docx in, findings and an exit code out.
import { linkSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import sharp from 'sharp';
import { exportDocx } from '../../electron/services/export/docx.ts';
import { DEFAULT_PRINT_OPTIONS } from '../../shared/layout/typeset.ts';
import { bulletinFixtures } from '../fixtures.ts';
import { runCli } from '../run-cli.ts';
import { proofreadIssue } from '../../shared/proofread/proofread.ts';
import { parseBulletinText } from '../../shared/import/parse-bulletin.ts';
import { readBulletinFile } from '../../electron/services/import/read-file.ts';
import type { ArticleBlock, Issue } from '../../shared/model/issue.ts';
import { articleWith, bulletin, table } from './build.ts';

const temp = mkdtempSync(join(tmpdir(), 'jianbao-check-'));
const fixture = (name: string) => bulletinFixtures().find((candidate) => candidate.name === name)!;

describe('jianbao check', () => {
  it('prints each finding in Chinese with where it is, and exits 1 on an error (19点30时 in yiyang-2020-huitoukan-04)', () => {
    const run = runCli(['check', fixture('yiyang-2020-huitoukan-04').path]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('错误  【区县市工作动态】第1条第1段第6字  “19点30时” 时间“19点30时”写错了，应写作“19时30分”（可改为“19时30分”）');
    expect(run.stdout).toContain('共4处：错误1处，警告0处，提示3处。');
  });

  it('exits 0 and says so when nothing is found (yiyang-2023-01)', () => {
    const run = runCli(['check', fixture('yiyang-2023-01').path]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('未发现问题。');
  });

  it('prints with --json the array of findings proofreading gives in process, with rule, severity, message, text and position', () => {
    const source = fixture('yiyang-2023-13');
    const run = runCli(['check', source.path, '--json']);
    expect(run.status).toBe(1);
    const printed = JSON.parse(run.stdout) as Record<string, unknown>[];
    const expected = proofreadIssue(parseBulletinText(source.text).issue);
    expect(printed.map((finding) => finding.key)).toEqual(expected.map((finding) => finding.key));
    expect(printed[0]).toEqual({
      rule: 'dates.doc-number-form',
      severity: 'error',
      location: { field: 'docNumber', offset: 3, length: 6 },
      text: '【2022】',
      message: '文号中的年份应用六角括号“〔〕”括起，不用“【】”',
      fix: '〔2022〕',
      key: expected[0]!.key,
      where: '文号第4字',
    });
  });

  it('leaves out the findings ignored in a .json issue, and exits 0 when only ignored ones were errors', () => {
    const issue = parseBulletinText(fixture('yiyang-2023-13').text).issue;
    const path = join(temp, 'ignored.json');
    writeFileSync(path, JSON.stringify({ ...issue, ignoredFindings: proofreadIssue(issue).map((finding) => finding.key) }));
    const run = runCli(['check', path]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('另有2处已在编辑器中忽略。');
  });

  it('reads a Word file', async () => {
    const lines = fixture('yiyang-2020-huitoukan-04').text.split('\n').filter((line) => line.trim().length > 0);
    const document = new Document({ sections: [{ children: lines.map((line) => new Paragraph({ children: [new TextRun(line)] })) }] });
    const path = join(temp, '简报.docx');
    writeFileSync(path, await Packer.toBuffer(document));
    const run = runCli(['check', path, '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect((JSON.parse(run.stdout) as { text: string }[]).map((finding) => finding.text)).toContain('19点30时');
  });

  it.each([
    ['a missing file', () => join(temp, 'nope.txt'), '找不到文件'],
    ['broken JSON', () => { const p = join(temp, 'bad.json'); writeFileSync(p, '{"format":'); return p; }, '不是有效的 JSON'],
    ['a file that is not Word', () => { const p = join(temp, 'fake.docx'); writeFileSync(p, '不是 Word 文件'); return p; }, 'Word'],
  ])('exits 2 with one Chinese line and no stack trace for %s', (_name, makePath, reason) => {
    const run = runCli(['check', makePath()]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^错误：.*[\u4e00-\u9fff]/);
    expect(run.stderr).toContain(reason);
    expect(run.stderr).not.toMatch(/\bat\s|Error:/);
  });

  it('exits 2 when no file is named', () => {
    const run = runCli(['check']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('请指定要校对的简报文件');
  });
});

/** yiyang-2023-01, which has no findings, with its first 19 body commas made half-width and one 进一步 doubled. */
function bulletinWithMistakes(): string {
  const text = fixture('yiyang-2023-01').text;
  const bodyStart = text.indexOf('为深入贯彻落实');
  let commas = 0;
  const body = text.slice(bodyStart).replace(/，/g, (comma) => (commas++ < 19 ? ',' : comma));
  return (text.slice(0, bodyStart) + body).replace('进一步增强责任感', '进一步进一步增强责任感');
}

describe('jianbao check --fix', () => {
  const source = join(temp, '有错的简报.txt');
  writeFileSync(source, bulletinWithMistakes());
  const original = readFileSync(source);

  it('writes a fixed copy as .json, says what it fixed by kind, and leaves the original as it was', () => {
    const output = join(temp, '修正.json');
    const run = runCli(['check', '--fix', source, '-o', output]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('已修正 20 处：半角逗号 19处、字词重复 1处；仍需人工核对 0 处。');
    expect(run.status).toBe(0);
    expect(readFileSync(source)).toEqual(original);
    const fixed = JSON.parse(readFileSync(output, 'utf8')) as Issue;
    expect(proofreadIssue(fixed)).toEqual([]);
    expect(JSON.stringify(fixed.blocks)).toBe(JSON.stringify(parseBulletinText(fixture('yiyang-2023-01').text).issue.blocks));
  });

  it.each(['.docx', '.txt'])('writes the fixed copy as %s, which reads back with nothing left to fix', async (extension) => {
    const output = join(temp, `修正${extension}`);
    const run = runCli(['check', '--fix', source, '-o', output]);
    expect(run.status).toBe(0);
    const { issue } = await readBulletinFile(output);
    expect(proofreadIssue(issue).filter((finding) => finding.fix !== undefined)).toEqual([]);
    expect(JSON.stringify(issue.blocks).includes('，进一步增强责任感')).toBe(true);
  });

  it('lists what is left to look at and exits 1 when an error without a fix remains (19点30时 has one, 2 月 30 日 none)', () => {
    const path = join(temp, '还有错.txt');
    writeFileSync(path, fixture('yiyang-2020-huitoukan-04').text.replace('19点30时', '19点30时,2月30日'));
    const run = runCli(['check', '--fix', path, '-o', join(temp, '还有错-修正.json'), '--json']);
    const printed = JSON.parse(run.stdout) as { fixed: { kind: string; count: number }[]; remaining: { text: string; severity: string; where: string }[] };
    expect(printed.fixed).toEqual(expect.arrayContaining([{ kind: '半角逗号', count: 1 }, { kind: '时间写法', count: 1 }]));
    expect(printed.remaining.map((finding) => finding.text)).toContain('2月30日');
    expect(run.status).toBe(1);
  });

  it.each([
    ['the same path', () => source],
    ['the same path spelt another way', () => `${temp}/./../${temp.split(/[\\/]/).at(-1)!}/有错的简报.txt`],
    ['a hard link to the original', () => { const link = join(temp, '链接.txt'); linkSync(source, link); return link; }],
  ])('refuses to write over the original given as %s: exit 2, one Chinese line, the file untouched', (_name, makeOutput) => {
    const output = makeOutput();
    // a .txt output is allowed, so only the sameness can refuse it
    const run = runCli(['check', '--fix', source, '-o', output]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toMatch(/^错误：不能把修正结果写回原文件/);
    expect(run.stdout).toBe('');
    expect(readFileSync(source)).toEqual(original);
  });

  it.each([
    ['no -o', ['check', '--fix', 'x.txt'], '请用 -o 指定'],
    ['-o without --fix', ['check', 'x.txt', '-o', 'y.txt'], '-o 只与 --fix 一起使用'],
    ['an output it cannot write', ['check', '--fix', 'x.txt', '-o', 'y.pdf'], '只能是 .docx、.json 或 .txt'],
  ])('exits 2 with a Chinese line for %s', (_name, args, reason) => {
    const run = runCli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(reason);
  });
});

describe('jianbao check on an issue with a table', () => {
  const withTable = (): Issue =>
    bulletin([
      articleWith(
        '信访件办理情况',
        table({ header: ['县市区', '交办件数'], rows: [['赫山区,资阳区', '12'], ['南县', '30']], total: ['合计', '41'] }),
        '截至7月11日,各县市区共办结42件。',
      ),
    ]);

  it('names a cell’s finding by its table, row and column, and the paragraph after the table as 第1段', () => {
    const path = join(temp, '表格.json');
    writeFileSync(path, JSON.stringify(withTable()));
    const run = runCli(['check', path]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('文章《信访件办理情况》第1个表格第1行第1列第4字');
    expect(run.stdout).toContain('文章《信访件办理情况》第1个表格合计行第2列第1字');
    expect(run.stdout).toContain('「交办件数」合计应为 42，表中写作 41');
    expect(run.stdout).toContain('文章《信访件办理情况》第1段第8字');
  });

  it('fixes the cell and the paragraph in the copy, keeps the table otherwise as it was, and exits 1 for the 合计 left to the clerk', () => {
    const path = join(temp, '表格-原.json');
    writeFileSync(path, JSON.stringify(withTable()));
    const output = join(temp, '表格-修正.json');
    const run = runCli(['check', '--fix', path, '-o', output]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('已修正 2 处：半角逗号 2处');
    expect(run.status).toBe(1);
    const fixed = JSON.parse(readFileSync(output, 'utf8')) as Issue;
    const [tableAfter, paragraphAfter] = (fixed.blocks[1] as ArticleBlock).paragraphs;
    const expected = table({ header: ['县市区', '交办件数'], rows: [['赫山区，资阳区', '12'], ['南县', '30']], total: ['合计', '41'] });
    expect(tableAfter).toEqual(expected);
    expect(paragraphAfter).toEqual({ runs: [{ text: '截至7月11日，各县市区共办结42件。' }] });
  });

  it('keeps the photos of a .docx in the fixed .docx, their stored bytes unchanged, and says a .json holds none', async () => {
    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3366aa' } }).jpeg().toBuffer();
    const image = { id: createHash('sha256').update(photo).digest('hex'), format: 'jpeg' as const, width: 640, height: 480 };
    const issue = withTable();
    (issue.blocks[1] as ArticleBlock).paragraphs.push({ type: 'figure', image, caption: '图为督察现场。', widthPercent: 80 });
    const path = join(temp, '有照片.docx');
    writeFileSync(path, await exportDocx(issue, DEFAULT_PRINT_OPTIONS, (id) => (id === image.id ? new Uint8Array(photo) : null)));
    const output = join(temp, '有照片-修正.docx');
    const run = runCli(['check', '--fix', path, '-o', output]);
    expect(run.stderr).toBe('');
    const zip = await JSZip.loadAsync(readFileSync(output));
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/') && !zip.files[name]!.dir);
    expect(media).toHaveLength(1);
    expect(Buffer.from(await zip.file(media[0]!)!.async('uint8array')).equals(photo)).toBe(true);
    const asJson = runCli(['check', '--fix', path, '-o', join(temp, '有照片-修正.json')]);
    expect(asJson.stdout).toContain('JSON 只记录图片的编号，不含图片本身（共 1 张）');
  });
});
