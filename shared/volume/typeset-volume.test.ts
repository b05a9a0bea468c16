import { describe, expect, it } from 'vitest';
import { emptyIssue, type Issue } from '../model/issue.ts';
import { DEFAULT_PRINT_OPTIONS, typesetIssue, type PrintOptions } from '../layout/typeset.ts';
import { pageGeometry } from '../layout/profiles.ts';
import { textWidthPt } from '../layout/line-breaking.ts';
import { typesetVolume, type VolumeIssue } from './typeset-volume.ts';
import { printVolumeHtml } from '../print/render-volume-html.ts';

const SERIES = { name: '测试工作简报', issuer: '测试协调联络组', numbering: 'sequential' as const };

/** An issue of `articles` articles, each `chars` characters of body text long. */
function issue(number: number, articles: number, chars: number, title = (index: number) => `第${number}期的第${index + 1}篇文章`): Issue {
  return {
    ...emptyIssue(SERIES, number, `2023-${String(1 + (number % 12)).padStart(2, '0')}-05`),
    blocks: [
      { type: 'lead', items: [] },
      ...Array.from({ length: articles }, (_, index) => ({ type: 'article' as const, title: title(index), paragraphs: [{ runs: [{ text: '督察整改工作有序推进。'.repeat(Math.ceil(chars / 10)).slice(0, chars) }] }] })),
    ],
    distribution: { report: ['市委办公室'], send: [], issue: [] },
    printed: { by: '测试协调联络组', date: '2023-01-05' },
  };
}

const entry = (content: Issue, options: PrintOptions = DEFAULT_PRINT_OPTIONS): VolumeIssue => ({ issue: content, options, status: 'issued' });
const volumeOf = (issues: VolumeIssue[]) => typesetVolume({ seriesName: SERIES.name, issuer: SERIES.issuer, rangeLabel: '2023年 第1期—第9期', compiledOn: '2024-01-05', issues });

describe('a year’s volume', () => {
  const issues = [issue(1, 1, 200), issue(2, 3, 1500), issue(3, 2, 2600), issue(4, 1, 100)].map((content) => entry(content));
  const volume = volumeOf(issues);

  it('starts every issue on an odd page, after a blank page where the one before ends on an odd page', () => {
    for (const part of volume.parts) expect(part.firstPage % 2).toBe(1);
    volume.parts.forEach((part, index) => {
      const before = volume.sheets[part.firstPage - 2]!;
      const previousEnd = index === 0 ? null : volume.parts[index - 1]!.firstPage + volume.parts[index - 1]!.typeset.sheets.length - 1;
      if (previousEnd !== null && previousEnd % 2 === 1) expect(before.kind).toBe('blank');
      if (previousEnd !== null && previousEnd % 2 === 0) expect(previousEnd).toBe(part.firstPage - 1);
    });
  });

  it('numbers the pages through the volume as they fall, leaving the cover, its back and blank pages unnumbered', () => {
    volume.sheets.forEach((sheet, index) => {
      if (sheet.number !== null) expect(sheet.number).toBe(index + 1);
    });
    expect(volume.sheets.slice(0, 2).map((sheet) => [sheet.kind, sheet.number])).toEqual([
      ['cover', null],
      ['blank', null],
    ]);
    expect(volume.sheets[2]).toMatchObject({ kind: 'contents', number: 3 });
    for (const sheet of volume.sheets) if (sheet.kind === 'blank') expect(sheet.number).toBeNull();
    // an issue's own unnumbered pages (a colophon page of its own) stay unnumbered
    for (const sheet of volume.sheets) if (sheet.kind === 'issue') expect(sheet.number === null).toBe(volume.parts[sheet.part]!.typeset.sheets[sheet.sheet]!.number === null);
  });

  it('lists every issue with the page it starts on and every article with the page its title prints on', () => {
    const lines = volume.contents.flat();
    const issueLines = lines.filter((line) => line.kind === 'issue');
    expect(issueLines.map((line) => [line.text, line.page])).toEqual(volume.parts.map((part, index) => [expect.stringMatching(new RegExp(`^第${index + 1}期　2023年`)), part.firstPage]));
    const titleLines = lines.filter((line) => line.kind === 'title');
    expect(titleLines.map((line) => line.page)).toEqual(volume.parts.flatMap((part) => part.titlePages));
    // the title of the second article of issue 3 prints where the contents say
    const part = volume.parts[2]!;
    const typeset = part.typeset;
    const secondTitle = typeset.blocks.findIndex((block) => block.kind === 'paragraph' && block.source?.part === 'title' && block.source.block === 1);
    expect(part.titlePages[1]).toBe(part.firstPage + typeset.places[secondTitle]![0]!.page);
  });

  it('lays each issue as it prints on its own', () => {
    volume.parts.forEach((part, index) => expect(part.typeset.sheets).toEqual(typesetIssue(issues[index]!.issue, DEFAULT_PRINT_OPTIONS).sheets));
  });
});

describe('the cover', () => {
  it('sets a name too long for one line in balanced lines of 一号 or smaller, never wider than the type area', () => {
    const page = pageGeometry('gbt9704');
    for (const name of ['益阳市生态环境保护督察工作简报', '益阳市配合第二轮省生态环境保护例行督察暨突出生态环境问题整改攻坚行动工作简报', '简'.repeat(150)]) {
      const volume = typesetVolume({ seriesName: name, issuer: SERIES.issuer, rangeLabel: '2023年 第1期', compiledOn: '2024-01-05', issues: [entry(issue(1, 1, 100))] });
      const nameLines = volume.cover.filter((line) => line.color === 'FF0000');
      expect(nameLines.map((line) => line.text).join('')).toBe(name);
      for (const line of nameLines) {
        expect(line.sizePt).toBeLessThanOrEqual(42);
        expect(textWidthPt(line.text, line.sizePt)).toBeLessThanOrEqual(page.typeAreaWidthPt + 0.01);
      }
      if (nameLines.length > 1) expect(nameLines[0]!.sizePt).toBeLessThanOrEqual(26);
      // every line of the cover on its own rows of the page
      const rows = volume.cover.flatMap((line) => Array.from({ length: line.rows }, (_, index) => line.row + index));
      expect(new Set(rows).size).toBe(rows.length);
      expect(Math.max(...rows)).toBeLessThan(page.linesPerPage);
    }
  });
});

describe('the contents', () => {
  it('runs over as many pages as it needs: the heading on the first, no page fuller than the grid, an issue’s line never left at a page’s foot', () => {
    const many = Array.from({ length: 30 }, (_, index) => entry(issue(index + 1, 3, 100)));
    const volume = volumeOf(many);
    const page = pageGeometry('gbt9704');
    expect(volume.contents.length).toBeGreaterThan(3);
    expect(volume.contents[0]![0]!.kind).toBe('heading');
    expect(volume.contents.slice(1).flat().some((line) => line.kind === 'heading')).toBe(false);
    for (const lines of volume.contents) {
      expect(lines.length).toBeLessThanOrEqual(page.linesPerPage);
      expect(lines[lines.length - 1]!.kind).not.toBe('issue');
    }
    expect(volume.contents.flat().filter((line) => line.kind === 'issue')).toHaveLength(30);
    // the contents' pages come before the first issue, which starts on the next odd page
    expect(volume.parts[0]!.firstPage).toBe(3 + volume.contents.length + ((3 + volume.contents.length) % 2 === 0 ? 1 : 0));
  });

  it('breaks a long title between words, leaving room for the leader and number, the number on its last line only', () => {
    const long = '关于进一步加强和改进新形势下全市生态环境保护督察反馈问题整改工作情况的报告';
    const volume = volumeOf([entry(issue(1, 1, 100, () => long))]);
    const page = pageGeometry('gbt9704');
    const lines = volume.contents.flat().filter((line) => line.kind === 'title');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map((line) => line.text).join('')).toBe(long);
    for (const line of lines) expect(textWidthPt(line.text, 16, -0.25) + line.indentPt).toBeLessThan(page.typeAreaWidthPt - 2 * 15.75);
    expect(lines.map((line) => line.page !== null)).toEqual([...lines.slice(1).map(() => false), true]);
  });
});

describe('issues issued with other profiles', () => {
  it('keep their own page profile in the plan, and the print view scopes its rules to their sheets', () => {
    const firstGlyph: PrintOptions = { ...DEFAULT_PRINT_OPTIONS, layoutProfile: 'first-glyph', fontProfile: 'system' };
    const volume = volumeOf([entry(issue(1, 1, 300)), entry(issue(2, 1, 300), firstGlyph)]);
    expect(volume.parts[1]!.typeset.page.marginTopMm).toBe(34.6);
    const html = printVolumeHtml(volume);
    expect(html).toContain('.jb-print-first-glyph-system .jb-area { position: absolute; left: 28mm; top: 34.6mm;');
    expect(html).toMatch(/<section class="jb-sheet jb-print-first-glyph-system"/);
    expect(html).not.toContain('jb-print-gbt9704-office');
  });
});
