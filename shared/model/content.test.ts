import { describe, expect, it } from 'vitest';
import { issueSchema, ISSUE_FORMAT, headerGridProblem, type Issue, type Table } from './issue.ts';
import { normalizeIssue } from './normal-form.ts';
import { validate } from './validate.ts';
import { elementPlainText, imageIdsOf, textParagraphsOf } from './content.ts';
import { issueToPlainText } from '../text/plain-text.ts';
import { sampleFigure, sampleTable, generateIssue } from '../../test/generate.ts';

const IMAGE = { id: 'a'.repeat(64), format: 'png', width: 800, height: 600 } as const;
const cell = (text: string) => ({ runs: [{ text }] });

function withContent(content: unknown[]): unknown {
  const issue = structuredClone(generateIssue(1));
  const article = issue.blocks.find((block) => block.type === 'article')!;
  return { ...issue, blocks: issue.blocks.map((block) => (block === article ? { ...article, paragraphs: [...article.paragraphs, ...content] } : block)) };
}

describe('issue@2: tables and figures in an article', () => {
  it('reads a version 1 issue as version 2, content unchanged', () => {
    const old = { ...structuredClone(generateIssue(1)), format: 'jianbao/issue@1' };
    const read = issueSchema.parse(old);
    expect(read.format).toBe(ISSUE_FORMAT);
    expect(read.blocks).toEqual(old.blocks);
  });

  it('accepts a table with merged header cells and a 合计 row, and a figure, between paragraphs', () => {
    const result = validate(issueSchema, withContent([sampleTable(5), sampleFigure(IMAGE)]));
    expect(result.ok).toBe(true);
  });

  it('names the row of a table whose cells do not match its columns, in Chinese', () => {
    const table = sampleTable(3);
    table.rows[1] = table.rows[1]!.slice(0, 3);
    const result = validate(issueSchema, withContent([table]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((error) => error.message).join('\n')).toMatch(/应有 5 个单元格，实有 3 个/);
  });

  it('refuses merged cells outside the header and header cells that overlap or overrun the columns', () => {
    const merged = sampleTable(2);
    merged.rows[0]![0] = { ...merged.rows[0]![0]!, colSpan: 2 };
    expect(validate(issueSchema, withContent([merged])).ok).toBe(false);
    expect(headerGridProblem([[{ colSpan: 3 }, {}]], 3)).toMatch(/超出了 3 列/);
    expect(headerGridProblem([[{ rowSpan: 2 }, {}], [{}, {}]], 2)).toMatch(/超出了 2 列/);
    expect(headerGridProblem([[{ rowSpan: 3 }]], 1)).toMatch(/向下合并超出了表头/);
    expect(headerGridProblem([[{}, {}], [{}]], 2)).toMatch(/不足 2 列/);
    expect(headerGridProblem(sampleTable(1).header, 5)).toBeNull();
  });

  it('refuses a figure whose image id is not a SHA-256, and a type it does not know', () => {
    expect(validate(issueSchema, withContent([sampleFigure({ ...IMAGE, id: '../../etc/passwd' })])).ok).toBe(false);
    const unknown = validate(issueSchema, withContent([{ type: 'video', src: 'x' }]));
    expect(unknown.ok).toBe(false);
  });

  it('normal form: empty tables dropped, blank titles left out, captions trimmed, and it is idempotent', () => {
    const table: Table = { ...sampleTable(2), title: '   ', header: [[{ runs: [{ text: '县' }, { text: '市区' }] }, cell('a'), cell('b'), cell('c'), cell('d')]] };
    const empty: Table = { type: 'table', columns: [{ align: 'left' }], header: [], rows: [] };
    const issue = issueSchema.parse(withContent([table, empty, sampleFigure(IMAGE, '  图为现场。  ')]));
    const normal = normalizeIssue(issue);
    const article = normal.blocks.find((block) => block.type === 'article')!;
    const [normalTable, figure] = article.paragraphs.slice(-2);
    expect(normalTable).toMatchObject({ type: 'table' });
    expect(normalTable).not.toHaveProperty('title');
    expect((normalTable as Table).header[0]![0]).toEqual(cell('县市区'));
    expect(figure).toEqual(sampleFigure(IMAGE, '图为现场。'));
    expect(article.paragraphs.filter((element) => element.type === 'table')).toHaveLength(1);
    expect(normalizeIssue(normal)).toEqual(normal);
    expect(JSON.stringify(Object.keys(normalTable!))).toBe(JSON.stringify(['type', 'columns', 'header', 'rows', 'total']));
  });

  it('a table and a caption are in the plain text, the images are listed once, and text paragraphs are told apart', () => {
    const issue = issueSchema.parse(withContent([sampleTable(2), sampleFigure(IMAGE), sampleFigure(IMAGE)])) as Issue;
    const text = issueToPlainText(issue);
    expect(text).toContain('县市区\t信访件办理情况\t办结率');
    expect(text).toContain('合计\t');
    expect(text).toContain('图为市信访局工作人员');
    expect(imageIdsOf(issue)).toEqual([IMAGE.id]);
    const article = issue.blocks.find((block) => block.type === 'article')!;
    expect(textParagraphsOf(article.paragraphs).every((paragraph) => 'runs' in paragraph)).toBe(true);
    expect(elementPlainText(sampleFigure(IMAGE, '图为会场。'))).toBe('图为会场。');
  });
});
