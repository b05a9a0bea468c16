import { describe, expect, it } from 'vitest';
import { describeLocation, pathOf, readingOrder, textAt, type TextRef } from './location.ts';
import { article, articleWith, bulletin, content, figure, news, SERIES, table } from '../../../test/proofread/build.ts';
import type { Issue } from '../../model/issue.ts';

const issue = {
  ...bulletin([{ ...article('督察组召开座谈会', '第一段。'), subtitle: '要求落实落地', paragraphs: [{ runs: [{ text: '7月11日，' }, { text: '督察组', bold: true }, { text: '召开座谈会。' }] }] }, news('县市区工作动态', { head: '安化县', text: '督导养殖场整改。' })], {
    docNumber: '益简字〔2023〕42号',
    printed: { by: SERIES.issuer, date: '2023-07-12' },
  }),
  distribution: { report: ['市委办公室', '市政府办公室'], send: ['各县市区委'], issue: [] },
};

describe('locations in the canonical issue', () => {
  it('reads every kind of text, a paragraph as its runs joined', () => {
    const cases: [TextRef, string | null][] = [
      [{ field: 'seriesName' }, SERIES.name],
      [{ field: 'docNumber' }, '益简字〔2023〕42号'],
      [{ field: 'date' }, '2023-07-12'],
      [{ field: 'printedBy' }, SERIES.issuer],
      [{ field: 'leadItem', block: 0, item: 0 }, '督察组召开座谈会：要求落实落地'],
      [{ field: 'title', block: 1 }, '督察组召开座谈会'],
      [{ field: 'subtitle', block: 1 }, '要求落实落地'],
      [{ field: 'paragraph', block: 1, paragraph: 0 }, '7月11日，督察组召开座谈会。'],
      [{ field: 'heading', block: 2 }, '县市区工作动态'],
      [{ field: 'head', block: 2, item: 0 }, '安化县'],
      [{ field: 'itemParagraph', block: 2, item: 0, paragraph: 0 }, '督导养殖场整改。'],
      [{ field: 'report', entry: 1 }, '市政府办公室'],
      [{ field: 'report', entry: null }, ''],
      [{ field: 'block', block: 2 }, ''],
      [{ field: 'paragraph', block: 1, paragraph: 5 }, null],
      [{ field: 'heading', block: 1 }, null],
    ];
    for (const [ref, text] of cases) expect(textAt(issue, ref)).toBe(text);
  });

  it('gives the JSON path of the text in the issue', () => {
    expect(pathOf({ field: 'itemParagraph', block: 2, item: 0, paragraph: 1 })).toEqual(['blocks', 2, 'items', 0, 'paragraphs', 1]);
    expect(pathOf({ field: 'printedDate' })).toEqual(['printed', 'date']);
    expect(pathOf({ field: 'send', entry: null })).toEqual(['distribution', 'send']);
  });

  it('names a place the way a clerk would, counting characters (not code units) from 1', () => {
    expect(describeLocation(issue, { field: 'paragraph', block: 1, paragraph: 0, offset: 6, length: 3 })).toBe('文章《督察组召开座谈会》第1段第7字');
    expect(describeLocation(issue, { field: 'head', block: 2, item: 0, offset: 0, length: 3 })).toBe('【县市区工作动态】第1条的标题第1字');
    expect(describeLocation(issue, { field: 'report', entry: null, offset: 0, length: 0 })).toBe('“报”送范围');
    expect(describeLocation(issue, { field: 'date', offset: 0, length: 10 })).toBe('报头日期');
  });

  it('orders masthead before body before colophon, and a title before its paragraphs', () => {
    const order = [
      { field: 'docNumber', offset: 0, length: 1 },
      { field: 'title', block: 1, offset: 5, length: 1 },
      { field: 'paragraph', block: 1, paragraph: 0, offset: 0, length: 1 },
      { field: 'paragraph', block: 1, paragraph: 0, offset: 3, length: 1 },
      { field: 'head', block: 2, item: 0, offset: 0, length: 1 },
      { field: 'itemParagraph', block: 2, item: 0, paragraph: 0, offset: 0, length: 1 },
      { field: 'report', entry: 0, offset: 0, length: 1 },
      { field: 'printedDate', offset: 0, length: 1 },
    ] as const;
    const keys = order.map((location) => readingOrder(location).join(','));
    const sorted = [...order].map(readingOrder).sort((a, b) => {
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
      return 0;
    });
    expect(sorted.map((key) => key.join(','))).toEqual(keys);
  });
});

describe('locations among tables and figures', () => {
  const petitions = table({ title: '信访件办理情况', header: ['县市区', '件数'], rows: [['赫山区', '12'], ['资阳区', '15']], total: ['合计', '27'] });
  const withContent: Issue = (() => {
    const built = bulletin([articleWith('督察组召开座谈会', petitions, '7月11日，督察组召开座谈会。', figure('图为座谈会现场'), '会议要求立行立改。'), news('县市区工作动态', { head: '安化县', text: '督导整改。' })]);
    const section = built.blocks[2]!;
    if (section.type === 'news') section.items[0]!.paragraphs.push(...content(petitions, figure('图为现场检查')));
    return built;
  })();

  it('reads a text paragraph by its index in the content list, and each part of a table or figure by its own field', () => {
    const cases: [TextRef, string | null][] = [
      [{ field: 'paragraph', block: 1, paragraph: 1 }, '7月11日，督察组召开座谈会。'],
      [{ field: 'paragraph', block: 1, paragraph: 3 }, '会议要求立行立改。'],
      [{ field: 'element', block: 1, paragraph: 0 }, ''],
      [{ field: 'tableTitle', block: 1, paragraph: 0 }, '信访件办理情况'],
      [{ field: 'cell', block: 1, paragraph: 0, part: 'header', row: 0, cell: 1 }, '件数'],
      [{ field: 'cell', block: 1, paragraph: 0, part: 'rows', row: 1, cell: 0 }, '资阳区'],
      [{ field: 'cell', block: 1, paragraph: 0, part: 'total', row: 0, cell: 1 }, '27'],
      [{ field: 'caption', block: 1, paragraph: 2 }, '图为座谈会现场'],
      [{ field: 'itemCell', block: 2, item: 0, paragraph: 1, part: 'rows', row: 0, cell: 1 }, '12'],
      [{ field: 'itemCaption', block: 2, item: 0, paragraph: 2 }, '图为现场检查'],
      [{ field: 'itemElement', block: 2, item: 0, paragraph: 2 }, ''],
      // a reference that reads what is not there: a paragraph where a table stands, a caption of a table, a cell past the end
      [{ field: 'paragraph', block: 1, paragraph: 0 }, null],
      [{ field: 'element', block: 1, paragraph: 1 }, null],
      [{ field: 'caption', block: 1, paragraph: 0 }, null],
      [{ field: 'tableTitle', block: 1, paragraph: 2 }, null],
      [{ field: 'cell', block: 1, paragraph: 0, part: 'rows', row: 5, cell: 0 }, null],
      [{ field: 'cell', block: 1, paragraph: 2, part: 'rows', row: 0, cell: 0 }, null],
      [{ field: 'itemCell', block: 1, item: 0, paragraph: 0, part: 'rows', row: 0, cell: 0 }, null],
      [{ field: 'cell', block: 2, paragraph: 0, part: 'rows', row: 0, cell: 0 }, null],
    ];
    for (const [ref, text] of cases) expect(textAt(withContent, ref), JSON.stringify(ref)).toBe(text);
  });

  it('gives the JSON path of a cell, a title and a caption', () => {
    expect(pathOf({ field: 'cell', block: 1, paragraph: 0, part: 'rows', row: 1, cell: 0 })).toEqual(['blocks', 1, 'paragraphs', 0, 'rows', 1, 0]);
    expect(pathOf({ field: 'cell', block: 1, paragraph: 0, part: 'total', row: 0, cell: 1 })).toEqual(['blocks', 1, 'paragraphs', 0, 'total', 1]);
    expect(pathOf({ field: 'itemCell', block: 2, item: 0, paragraph: 1, part: 'header', row: 0, cell: 1 })).toEqual(['blocks', 2, 'items', 0, 'paragraphs', 1, 'header', 0, 1]);
    expect(pathOf({ field: 'tableTitle', block: 1, paragraph: 0 })).toEqual(['blocks', 1, 'paragraphs', 0, 'title']);
    expect(pathOf({ field: 'itemCaption', block: 2, item: 0, paragraph: 2 })).toEqual(['blocks', 2, 'items', 0, 'paragraphs', 2, 'caption']);
    expect(pathOf({ field: 'element', block: 1, paragraph: 2 })).toEqual(['blocks', 1, 'paragraphs', 2]);
  });

  it('counts paragraphs as the clerk sees them, tables and photos apart', () => {
    const at = (ref: TextRef, offset = 0) => describeLocation(withContent, { ...ref, offset, length: 1 } as never);
    expect(at({ field: 'paragraph', block: 1, paragraph: 1 }, 6)).toBe('文章《督察组召开座谈会》第1段第7字');
    expect(at({ field: 'paragraph', block: 1, paragraph: 3 })).toBe('文章《督察组召开座谈会》第2段第1字');
    expect(at({ field: 'element', block: 1, paragraph: 0 })).toBe('文章《督察组召开座谈会》第1个表格');
    expect(at({ field: 'tableTitle', block: 1, paragraph: 0 })).toBe('文章《督察组召开座谈会》第1个表格的标题第1字');
    expect(at({ field: 'cell', block: 1, paragraph: 0, part: 'rows', row: 1, cell: 0 })).toBe('文章《督察组召开座谈会》第1个表格第2行第1列第1字');
    expect(at({ field: 'cell', block: 1, paragraph: 0, part: 'header', row: 0, cell: 1 })).toBe('文章《督察组召开座谈会》第1个表格表头第1行第2格第1字');
    expect(at({ field: 'cell', block: 1, paragraph: 0, part: 'total', row: 0, cell: 1 })).toBe('文章《督察组召开座谈会》第1个表格合计行第2列第1字');
    expect(at({ field: 'caption', block: 1, paragraph: 2 })).toBe('文章《督察组召开座谈会》第1张图片的图注第1字');
    expect(at({ field: 'itemCaption', block: 2, item: 0, paragraph: 2 })).toBe('【县市区工作动态】第1条第1张图片的图注第1字');
    expect(at({ field: 'itemParagraph', block: 2, item: 0, paragraph: 0 })).toBe('【县市区工作动态】第1条第1段第1字');
  });

  it('orders a table as a whole, its title, its cells row by row, then what follows it', () => {
    const order = [
      { field: 'title', block: 1, offset: 0, length: 1 },
      { field: 'element', block: 1, paragraph: 0, offset: 0, length: 0 },
      { field: 'tableTitle', block: 1, paragraph: 0, offset: 0, length: 1 },
      { field: 'cell', block: 1, paragraph: 0, part: 'header', row: 0, cell: 1, offset: 0, length: 1 },
      { field: 'cell', block: 1, paragraph: 0, part: 'rows', row: 0, cell: 1, offset: 0, length: 1 },
      { field: 'cell', block: 1, paragraph: 0, part: 'rows', row: 1, cell: 0, offset: 0, length: 1 },
      { field: 'cell', block: 1, paragraph: 0, part: 'total', row: 0, cell: 1, offset: 0, length: 1 },
      { field: 'paragraph', block: 1, paragraph: 1, offset: 0, length: 1 },
      { field: 'caption', block: 1, paragraph: 2, offset: 0, length: 1 },
      { field: 'head', block: 2, item: 0, offset: 0, length: 1 },
      { field: 'itemCell', block: 2, item: 0, paragraph: 1, part: 'rows', row: 0, cell: 0, offset: 0, length: 1 },
      { field: 'itemCaption', block: 2, item: 0, paragraph: 2, offset: 0, length: 1 },
      { field: 'report', entry: 0, offset: 0, length: 1 },
    ] as const;
    const keys = order.map((location) => readingOrder(location).join(','));
    const sorted = [...order].map(readingOrder).sort((a, b) => {
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
      return 0;
    });
    expect(sorted.map((key) => key.join(','))).toEqual(keys);
  });
});
