import { describe, expect, it } from 'vitest';
import { describeLocation, pathOf, readingOrder, textAt, type TextRef } from './location.ts';
import { article, bulletin, news, SERIES } from '../../../test/proofread/build.ts';

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
