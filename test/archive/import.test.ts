// Importing existing bulletins into a real archive: .txt through the parser, .docx through its XML then the
// same parser, canonical .json; single files and folders; skipped duplicates; and hostile files (not a zip,
// truncated zip, zip bombs, 100 MB of text) each failing alone with a Chinese reason while the rest go in.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../../electron/services/import/import-files.ts';
import { getIssue } from '../../electron/services/archive/issues.ts';
import { findSeriesByName, listSeries } from '../../electron/services/archive/series.ts';
import type { ImportOutcome } from '../../shared/api/records.ts';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import { bulletinFixtures } from '../fixtures.ts';
import { expectFacts } from '../expected-facts.ts';
import { apiErrorOf, apiOf, fixtureIssue, tempArchive, tempDir } from './helpers.ts';
import { bombDocx, docxOfText } from './hostile-files.ts';

const fixtures = bulletinFixtures();
const imported = (outcome: ImportOutcome) => {
  if (outcome.status !== 'imported') throw new Error(`${outcome.file}: ${outcome.status} ${outcome.reason}`);
  return outcome;
};

describe('importing bulletin files', () => {
  it.each(fixtures.map((fixture, index) => [fixture.name, index] as const))('reads %s from .docx (its XML, then the parser) with every expected fact', async (_name, index) => {
    const fixture = fixtures[index]!;
    const folder = tempDir();
    const path = join(folder, `${fixture.name}.docx`);
    writeFileSync(path, await docxOfText(fixture.text));
    const archive = await tempArchive();
    const [outcome] = await importPaths(archive, [path]);
    const record = getIssue(archive, imported(outcome!).issueId);
    expectFacts(record.issue, fixture.expected);
  });

  it('files each bulletin into the series its masthead names, created with that name, issuer and numbering', async () => {
    const folder = tempDir();
    for (const fixture of fixtures) writeFileSync(join(folder, `${fixture.name}.txt`), fixture.text);
    const archive = await tempArchive();
    const outcomes = await importPaths(archive, [folder]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['imported', 'imported', 'imported']);
    const names = [...new Set(fixtures.map((fixture) => fixture.expected.series.name))].sort();
    expect(listSeries(archive).map((series) => series.settings.name).sort()).toEqual(names);
    const series = findSeriesByName(archive, fixtures[2]!.expected.series.name)!;
    expect([series.settings.issuer, series.settings.numbering, series.issueCount]).toEqual([fixtures[2]!.expected.series.issuer, 'sequential', 2]);
  });

  it('puts every file into the series --series names instead, creating it when new', async () => {
    const folder = tempDir();
    for (const fixture of fixtures) writeFileSync(join(folder, `${fixture.name}.txt`), fixture.text);
    const archive = await tempArchive();
    const outcomes = await importPaths(archive, [folder], { seriesName: '历年督察简报' });
    expect(outcomes.map((outcome) => imported(outcome).seriesName)).toEqual(['历年督察简报', '历年督察简报', '历年督察简报']);
    expect(listSeries(archive).map((series) => series.settings.name)).toEqual(['历年督察简报']);
  });

  it('imports a folder with subfolders, skipping issues already present, and lets each hostile file fail alone with its reason', async () => {
    const folder = tempDir();
    const nested = join(folder, '2023');
    mkdirSync(nested);
    writeFileSync(join(folder, 'a-good.txt'), fixtures[0]!.text);
    writeFileSync(join(folder, 'b-good.txt'), fixtures[1]!.text);
    writeFileSync(join(nested, 'c-good.docx'), await docxOfText(fixtures[2]!.text));
    writeFileSync(join(folder, 'd-same-as-a.json'), JSON.stringify(fixtureIssue(0)));
    writeFileSync(join(folder, 'e-not-a-zip.docx'), '这其实是一个文本文件，只是扩展名写成了 docx。');
    const whole = await docxOfText(fixtures[1]!.text);
    writeFileSync(join(folder, 'f-truncated.docx'), whole.subarray(0, Math.floor(whole.length / 2)));
    writeFileSync(join(folder, 'g-bomb.docx'), bombDocx(100 * 1024 * 1024));
    writeFileSync(join(folder, 'h-bomb-lying-header.docx'), bombDocx(100 * 1024 * 1024, 1000));
    writeFileSync(join(folder, 'i-huge.txt'), Buffer.alloc(100 * 1024 * 1024, 0x41));
    writeFileSync(join(folder, 'j-broken.json'), '{"format": "jianbao/issue@1", ');
    writeFileSync(join(folder, '~$a-good.docx'), 'Word 的锁文件');
    writeFileSync(join(folder, 'k-photo.jpg'), 'not a bulletin');

    const archive = await tempArchive();
    const progress: string[] = [];
    const outcomes = await importPaths(archive, [folder], { onProgress: (outcome, done, total) => progress.push(`${done}/${total} ${outcome.status}`) });
    const byFile = Object.fromEntries(outcomes.map((outcome) => [outcome.file.slice(folder.length + 1), outcome]));
    expect(Object.keys(byFile)).toEqual([
      '2023/c-good.docx',
      'a-good.txt',
      'b-good.txt',
      'd-same-as-a.json',
      'e-not-a-zip.docx',
      'f-truncated.docx',
      'g-bomb.docx',
      'h-bomb-lying-header.docx',
      'i-huge.txt',
      'j-broken.json',
    ]);
    expect(progress).toHaveLength(10);
    expect(progress[9]).toBe('10/10 failed');
    for (const good of ['2023/c-good.docx', 'a-good.txt', 'b-good.txt']) expect(byFile[good]!.status).toBe('imported');
    const reasons = Object.fromEntries(Object.entries(byFile).filter(([, outcome]) => outcome.status !== 'imported').map(([file, outcome]) => [file, (outcome as { reason: string }).reason]));
    expect(byFile['d-same-as-a.json']!.status).toBe('skipped');
    expect(reasons['d-same-as-a.json']).toMatch(/^档案中已有.*2020年的第4期.*未重复导入$/);
    expect(reasons['e-not-a-zip.docx']).toBe('Word 文档的内容不是 zip 压缩格式（可能是其他文件改了扩展名）');
    expect(reasons['f-truncated.docx']).toMatch(/^Word 文档不完整或已损坏/);
    expect(reasons['g-bomb.docx']).toMatch(/疑似“压缩炸弹”：其中 word\/document.xml 解压后将达 100 MB/);
    expect(reasons['h-bomb-lying-header.docx']).toMatch(/word\/document.xml 解压后超过 \d+ MB，疑似“压缩炸弹”/);
    expect(reasons['i-huge.txt']).toBe('文件过大（100.0 MB），超过 10 MB 的上限');
    expect(reasons['j-broken.json']).toBe('不是有效的 JSON 文件');
    expect(listSeries(archive).reduce((sum, series) => sum + series.issueCount, 0)).toBe(3);
  });

  it('fails a file whose number the series already uses in another year, naming the clash', async () => {
    const archive = await tempArchive();
    const api = apiOf(archive);
    const issue = fixtureIssue(2);
    const upload = (value: unknown, name = '简报.json') => api('import.file', { name, base64: Buffer.from(JSON.stringify(value)).toString('base64') });
    expect((await upload(issue)).status).toBe('imported');
    const outcome = await upload({ ...issue, year: 2022, date: '2022-07-12' }, '另一年.json');
    expect(outcome).toEqual({ file: '另一年.json', status: 'failed', reason: '本刊物的第13期已经用过（2023年7月12日的那一期），同一刊物的期号不能重复使用' });
  });

  it('takes uploads through import.file: into the chosen series, hostile ones failing with a reason, an unknown series refused', async () => {
    const archive = await tempArchive();
    const api = apiOf(archive);
    const series = await api('series.create', { settings: defaultSeriesSettings('上传测试简报') });
    const docx = await docxOfText(fixtures[0]!.text);
    const good = await api('import.file', { name: '回头看.docx', base64: docx.toString('base64'), seriesId: series.id });
    expect(good).toMatchObject({ status: 'imported', seriesName: '上传测试简报', numberText: '第4期' });
    const bomb = await api('import.file', { name: '炸弹.docx', base64: bombDocx(20 * 1024 * 1024).toString('base64') });
    expect(bomb).toMatchObject({ file: '炸弹.docx', status: 'failed' });
    expect((bomb as { reason: string }).reason).toContain('压缩炸弹');
    const unknown = await apiErrorOf(api('import.file', { name: 'a.txt', base64: Buffer.from(fixtures[1]!.text).toString('base64'), seriesId: 999 }));
    expect(unknown.code).toBe('not-found');
  });
});

