import { describe, expect, it } from 'vitest';
import { emptyIssue, type Issue } from '../model/issue.ts';
import { paginate, printable, typesetIssue, type PrintOptions, type PrintParagraph } from './typeset.ts';

const standard: PrintOptions = { layoutProfile: 'gbt9704', fontProfile: 'office', colophonOnEvenPage: false };
const evenPage: PrintOptions = { ...standard, colophonOnEvenPage: true };

/** A one-article issue whose body takes `lines` lines after 9 others (masthead 5, 导读 2, blank line, title); a 3-line colophon. */
function issueWithBody(lines: number, extra: Partial<Issue> = {}): Issue {
  const base = emptyIssue({ name: '测试工作简报', issuer: '测试协调联络组', numbering: 'sequential' }, 3, '2024-03-05');
  return {
    ...base,
    blocks: [{ type: 'article', title: '测试标题', paragraphs: [{ runs: [{ text: '督'.repeat(26 + 28 * (lines - 1)) }] }] }],
    distribution: { report: ['市委办公室'], send: ['各县市区'], issue: [] },
    printed: { by: '测试协调联络组', date: '2024-03-05' },
    ...extra,
  };
}

describe('the page plan', () => {
  it('counts masthead, 导读, blank line, title and body lines on the grid', () => {
    const typeset = typesetIssue(issueWithBody(4), standard);
    expect(typeset.blocks.map((block) => (block.kind === 'paragraph' ? block.style : block.kind))).toEqual([
      'masthead',
      'issueNumber',
      'issuerLine',
      'leadHeading',
      'leadItem',
      'blank',
      'title',
      'body',
    ]);
    expect(typeset.blocks.map((block) => block.gridLines)).toEqual([2, 1, 2, 1, 1, 1, 1, 4]);
    expect(typeset.pages.linesOnLastBodyPage).toBe(13);
  });

  it('keeps the colophon on the last page while it fits with a line to spare, else gives it a page of its own', () => {
    expect(typesetIssue(issueWithBody(9), standard).pages).toMatchObject({ bodyPages: 1, linesOnLastBodyPage: 22 - 4, colophon: 'same-page', totalPages: 1 });
    expect(typesetIssue(issueWithBody(10), standard).pages).toMatchObject({ bodyPages: 1, colophon: 'own-page', blankPagesBeforeColophon: 0, totalPages: 2 });
  });

  it('puts the colophon on an even page when the series prints double-sided, adding a blank page where needed', () => {
    expect(typesetIssue(issueWithBody(4), evenPage).pages).toMatchObject({ bodyPages: 1, colophon: 'own-page', blankPagesBeforeColophon: 0, totalPages: 2 });
    expect(typesetIssue(issueWithBody(13 + 8), evenPage).pages).toMatchObject({ bodyPages: 2, colophon: 'same-page', totalPages: 2 });
    expect(typesetIssue(issueWithBody(13 + 20), evenPage).pages).toMatchObject({ bodyPages: 2, colophon: 'own-page', blankPagesBeforeColophon: 1, totalPages: 4 });
  });

  it('lets a colophon taller than a page run on over pages of its own', () => {
    const send = Array.from({ length: 500 }, (_, index) => `第${index + 1}协作单位办公室`);
    const { pages, colophon } = typesetIssue(issueWithBody(4, { distribution: { report: [], send, issue: [] } }), standard);
    expect(colophon!.gridLines).toBeGreaterThan(22);
    expect(pages.colophon).toBe('own-pages');
    expect(pages.totalPages).toBe(1 + Math.ceil(colophon!.gridLines / 22));
  });

  it('has no colophon when the issue has no recipients, printer or copies', () => {
    const { colophon, pages } = typesetIssue(emptyIssue({ name: '测试工作简报', issuer: '', numbering: 'sequential' }, 1, '2024-01-01'), standard);
    expect(colophon).toBeNull();
    expect(pages).toMatchObject({ bodyPages: 1, colophon: 'none', totalPages: 1 });
  });

  it('moves a title kept with its paragraph to the next page when only it would fit', () => {
    const blocks = [{ gridLines: 20, keepWithNext: false }, { gridLines: 1, keepWithNext: true }, { gridLines: 1, keepWithNext: true }, { gridLines: 5, keepWithNext: false }];
    expect(paginate(blocks, 22)).toEqual({ pages: 2, linesOnLastPage: 7 });
    expect(paginate([{ gridLines: 20, keepWithNext: false }, { gridLines: 5, keepWithNext: false }], 22)).toEqual({ pages: 2, linesOnLastPage: 3 });
  });

  it('lets go of keeping a 3,000-character title with the next paragraph, as no page could hold both', () => {
    const typeset = typesetIssue(issueWithBody(2, { blocks: [{ type: 'article', title: '督察'.repeat(1500), paragraphs: [{ runs: [{ text: '正文' }] }] }] }), standard);
    const title = typeset.blocks.find((block) => block.kind === 'paragraph' && block.style === 'title')!;
    expect(title.gridLines).toBe(150);
    expect(title.keepWithNext).toBe(false);
  });
});

describe('the masthead and colophon as typeset', () => {
  it('sets a short series name in 初号 and condenses a long one to fit one line', () => {
    const short = typesetIssue(issueWithBody(1, { series: { name: '督察简报', issuer: '测试', numbering: 'sequential' } }), standard).blocks[0] as PrintParagraph;
    expect([short.sizePt, short.scalePercent, short.gridLines]).toEqual([42, 100, 2]);
    const long = typesetIssue(issueWithBody(1, { series: { name: '益阳市配合第二轮省生态环境保护例行督察工作简报', issuer: '测试', numbering: 'sequential' } }), standard).blocks[0] as PrintParagraph;
    expect(long.sizePt).toBe(26);
    expect(long.scalePercent).toBe(73);
    expect(long.gridLines).toBe(2);
  });

  it('shrinks the issuer line until issuer and date share it, and sets the date on a line of its own when nothing fits', () => {
    const issuer = (name: string) => typesetIssue(issueWithBody(1, { series: { name: '简报', issuer: name, numbering: 'sequential' } }), standard).blocks[2]!;
    expect(issuer('益阳市配合第二轮省生态环境保护督察协调联络组')).toMatchObject({ kind: 'issuerLine', sizePt: 15, sameLine: true, gridLines: 2 });
    expect(issuer('测试协调联络组')).toMatchObject({ sizePt: 16, sameLine: true });
    expect(issuer('督'.repeat(40))).toMatchObject({ sizePt: 14, sameLine: false, gridLines: 4 });
  });

  it('prints a document number as the clerk wrote it (proofreading offers the standard form)', () => {
    const typeset = typesetIssue(issueWithBody(1, { docNumber: ' 益简字【2022】042号 ' }), standard);
    const docNumber = typeset.blocks.find((block) => block.kind === 'paragraph' && block.style === 'docNumber') as PrintParagraph;
    expect(docNumber.lines[0]![0]!.text).toBe('益简字【2022】042号');
  });

  it('derives the 导读 from the titles, whatever lead the issue stored', () => {
    const issue = issueWithBody(1, {
      blocks: [
        { type: 'lead', items: ['过时的导读'] },
        { type: 'article', title: '标题甲', subtitle: '副标题', paragraphs: [] },
        { type: 'news', heading: '县市区工作动态', items: [] },
      ],
    });
    const lead = typesetIssue(issue, standard).blocks.filter((block) => block.kind === 'paragraph' && block.style === 'leadItem') as PrintParagraph[];
    expect(lead.map((block) => block.lines[0]![0]!.text)).toEqual(['★标题甲：副标题', '★县市区工作动态']);
  });

  it('lists 报 and 送 and the 印发 line in the colophon, wrapped lines counted after the colon', () => {
    const report = Array.from({ length: 10 }, (_, index) => `市直第${index + 1}单位办公室`);
    const { colophon } = typesetIssue(issueWithBody(1, { distribution: { report, send: ['各县市区'], issue: [] }, copies: 30 }), standard);
    expect(colophon!.rows.map((row) => row.kind)).toEqual(['recipients', 'recipients', 'printed', 'copies']);
    expect(colophon!.rows[0]).toMatchObject({ label: '报', text: report.join('，'), lines: 4 });
    expect(colophon!.rows[3]).toMatchObject({ text: '（共印30份）' });
  });
});

describe('printable text', () => {
  it('drops control characters and unpaired surrogates and turns line breaks and tabs into spaces', () => {
    expect(printable('甲\u0001乙\u0007丙\uD800丁\tA\r\nB𠮷')).toBe('甲乙丙丁 A B𠮷');
  });
});
