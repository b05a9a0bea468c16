import { describe, expect, it } from 'vitest';
import { Editor, Node, Transforms, type Descendant } from 'slate';
import { HistoryEditor } from 'slate-history';
import { normalizeIssue } from '../../../shared/model/normal-form.ts';
import { issueSchema, type ContentElement, type ImageRef, type Issue, type Table } from '../../../shared/model/issue.ts';
import { bulletinFixtures } from '../../../test/fixtures.ts';
import { parseBulletinText } from '../../../shared/import/parse-bulletin.ts';
import { article, cursorAfter, cursorIn, editorWith, para, schemaEditorWith, structureProblems } from '../../../test/editor/model-helpers.ts';
import { issueToSlate, slateToIssue } from './mapping.ts';
import { cellNode, figureNode, rowNode, tableNode } from './nodes.ts';
import { handleBackspace, handleDelete, handleEnter, isBoldActive, toggleBold } from './commands.ts';
import {
  deleteColumn, deleteFigure, deleteRow, deleteTable, insertColumn, insertFigure, insertRow, insertTable, moveContentBlock, moveToCell, setColumnAlign,
} from './table-commands.ts';
import type { TableElement } from './types.ts';

const IMAGE: ImageRef = { id: 'a'.repeat(64), format: 'jpeg', width: 1600, height: 1200 };
const cell = (text: string, extra: { bold?: true; colSpan?: number; rowSpan?: number } = {}) => {
  const { bold, ...span } = extra;
  return { runs: text === '' ? [] : [bold ? { text, bold } : { text }], ...span };
};

/** A table as offices print them: a two-row header with merged cells, three body rows and a 合计 row. */
const petitions: Table = {
  type: 'table',
  title: '表1　各县市区信访件办理情况',
  columns: [{ align: 'left' }, { align: 'right' }, { align: 'right' }, { align: 'center' }],
  header: [
    [cell('县市区', { rowSpan: 2 }), cell('交办件数', { colSpan: 2 }), cell('办结率', { rowSpan: 2 })],
    [cell('信访'), cell('来电')],
  ],
  rows: [
    [cell('赫山区'), cell('12'), cell('10'), cell('100%')],
    [cell('资阳区'), cell('8'), cell('', {}), cell('87.5%')],
    [cell('安化县'), cell('15', { bold: true }), cell('3'), cell('93%')],
  ],
  total: [cell('合计'), cell('35'), cell('13'), cell('')],
};

const figure = (caption: string): ContentElement => ({ type: 'figure', image: IMAGE, caption, widthPercent: 80 });

function issueWith(contents: ContentElement[][]): Issue {
  const base = parseBulletinText(bulletinFixtures()[2]!.text).issue;
  const articles = base.blocks.filter((block) => block.type === 'article');
  return {
    ...base,
    blocks: [
      ...base.blocks.filter((block) => block.type !== 'article'),
      ...articles.map((block, index) => (block.type === 'article' ? { ...block, paragraphs: [...block.paragraphs.slice(0, 1), ...(contents[index] ?? []), ...block.paragraphs.slice(1)] } : block)),
    ],
  };
}

const tableOf = (editor: Editor, index = 0) => [...Node.nodes(editor)].filter(([node]) => (node as { type?: string }).type === 'table').map(([node, path]) => [node as TableElement, path] as const)[index]!;
const cellTexts = (table: TableElement) => table.children.flatMap((row) => (row.type === 'table-row' ? [row.children.map((c) => Node.string(c)).join('|')] : []));

describe('tables and figures in the mapping', () => {
  it('gives back an issue with a merged-header table, a 合计 row and figures exactly as its normal form', () => {
    const issue = issueWith([[petitions, figure('  图为督察组在赫山区检查。 ')], [figure(''), { ...petitions, title: '   ', total: undefined }]]);
    const normal = normalizeIssue(issueSchema.parse(issue));
    const nodes = issueToSlate(normal, []);
    expect(slateToIssue(nodes, normal)).toEqual(normal);
    expect(JSON.stringify(slateToIssue(nodes, normal))).toBe(JSON.stringify(normal));
  });

  it('writes a table and a figure with the normal form’s keys in its order', () => {
    const normal = normalizeIssue(issueSchema.parse(issueWith([[petitions, figure('图为现场。')]])));
    const body = slateToIssue(issueToSlate(normal, []), normal).blocks.find((block) => block.type === 'article')!;
    const [table, fig] = body.type === 'article' ? body.paragraphs.filter((element) => element.type !== undefined) : [];
    expect(Object.keys(table!)).toEqual(['type', 'title', 'columns', 'header', 'rows', 'total']);
    expect(Object.keys(fig!)).toEqual(['type', 'image', 'caption', 'widthPercent']);
    expect(Object.keys((fig as { image: object }).image)).toEqual(['id', 'format', 'width', 'height']);
  });

  it('maps tables and figures to a value the schema leaves untouched, a paragraph after the last one', () => {
    const normal = normalizeIssue(issueSchema.parse(issueWith([[petitions], [figure('图为会场。')]])));
    const editor = editorWith(issueToSlate(normal, []), []);
    expect(editor.operations).toEqual([]);
    expect(structureProblems(editor.children, [])).toEqual([]);
  });

  it('leaves out a table whose rows were all deleted and the blank paragraph kept after a table', () => {
    const editor = editorWith([article('标题', '正文')], []);
    cursorAfter(editor, '正文');
    insertTable(editor, { rows: 1, columns: 2, header: false, total: false });
    const base = normalizeIssue(issueSchema.parse(issueWith([])));
    const withTable = slateToIssue(editor.children, base).blocks.find((block) => block.type === 'article')!;
    expect(withTable.type === 'article' && withTable.paragraphs.map((element) => element.type ?? 'p')).toEqual(['p', 'table']);
  });
});

describe('the table schema', () => {
  const shaped = (table: unknown) => schemaEditorWith([{ type: 'article', children: [{ type: 'article-title', children: [{ text: '标题' }] }, table, para('后文')] }], []);

  it('fills a short row with empty cells and widens the table for a long one, its text kept', () => {
    const editor = shaped({ type: 'table', columns: ['left', 'right'], children: [{ type: 'table-title', children: [{ text: '' }] }, rowNode('body', [cellNode('甲')]), rowNode('body', [cellNode('1'), cellNode('2'), cellNode('3')])] });
    const [table] = tableOf(editor);
    expect(table.columns).toEqual(['left', 'right', 'left']);
    expect(cellTexts(table)).toEqual(['甲||', '1|2|3']);
    expect(structureProblems(editor.children, [])).toEqual([]);
  });

  it('puts rows in the order header, body, 合计 and keeps one 合计 row', () => {
    const editor = shaped({ type: 'table', columns: ['left'], children: [rowNode('total', [cellNode('合计')]), rowNode('body', [cellNode('b')]), rowNode('header', [cellNode('h')]), rowNode('total', [cellNode('总')])] });
    const [table] = tableOf(editor);
    expect(table.children.map((child) => (child.type === 'table-row' ? `${child.role}:${Node.string(child)}` : `title:${Node.string(child)}`))).toEqual(['title:', 'header:h', 'body:合计', 'body:b', 'total:总']);
    expect(structureProblems(editor.children, [])).toEqual([]);
  });

  it('splits merged header cells that do not tile the header into plain cells, keeping their text', () => {
    const editor = shaped({ type: 'table', columns: ['left', 'left'], children: [{ type: 'table-title', children: [{ text: '' }] }, rowNode('header', [cellNode('宽', { colSpan: 3 })]), rowNode('body', 2)] });
    const [table] = tableOf(editor);
    expect(table.children[1]).toEqual(rowNode('header', [cellNode('宽'), cellNode()]));
  });

  it('moves a table or figure out of the top level or a section into the article or item before it', () => {
    const editor = schemaEditorWith([article('标题', '正文'), tableNode({ rows: 1, columns: 2, header: false, total: false }), figureNode(IMAGE, '图为会场。')], []);
    expect(editor.children).toHaveLength(1);
    expect((editor.children[0] as { children: Descendant[] }).children.map((child) => (child as { type: string }).type).filter((type) => type !== 'paragraph')).toEqual(['article-title', 'table', 'figure']);
    expect(structureProblems(editor.children, [])).toEqual([]);
  });

  it('unwraps a stray row and cell into paragraphs, and a figure with a broken image into its caption', () => {
    const editor = schemaEditorWith([{ type: 'article', children: [{ type: 'article-title', children: [{ text: '标题' }] }, rowNode('body', [cellNode('孤格')]), { ...figureNode(IMAGE, '图为说明'), image: { id: 'x' } }] }], []);
    expect(structureProblems(editor.children, [])).toEqual([]);
    expect((editor.children[0] as { children: Descendant[] }).children.map((child) => Node.string(child))).toEqual(['标题', '孤格', '图为说明']);
  });

  it('keeps bold in cells but not in captions, and a figure’s width a whole percentage from 20 to 100', () => {
    const editor = shaped({ ...figureNode(IMAGE), widthPercent: 5, children: [{ type: 'figure-caption', children: [{ text: '图', bold: true }] }] });
    const fig = (editor.children[0] as { children: Descendant[] }).children[1] as { widthPercent: number; children: { children: object[] }[] };
    expect(fig.widthPercent).toBe(20);
    expect(fig.children[0]!.children).toEqual([{ text: '图' }]);
    const table = shaped({ ...tableNode({ rows: 1, columns: 1, header: false, total: false }), children: [{ type: 'table-title', children: [{ text: '' }] }, rowNode('body', [{ type: 'table-cell', children: [{ text: '12', bold: true }] }])] });
    expect(cellTexts(tableOf(table)[0])).toEqual(['12']);
    expect(JSON.stringify(tableOf(table)[0])).toContain('"bold":true');
  });
});

describe('table commands', () => {
  function withTable(shape = { rows: 3, columns: 4, header: true, total: false }) {
    const editor = editorWith([article('标题', '前文', '后文')], []);
    cursorAfter(editor, '前文');
    insertTable(editor, shape);
    return editor;
  }

  it('inserts a 3×4 table with a header row after the caret’s paragraph, the caret in its first cell', () => {
    const editor = withTable();
    const [table, path] = tableOf(editor);
    expect(path).toEqual([0, 2]);
    expect(cellTexts(table)).toEqual(['|||', '|||', '|||', '|||']);
    expect(editor.selection!.anchor.path).toEqual([0, 2, 1, 0, 0]);
    expect(structureProblems(editor.children, [])).toEqual([]);
  });

  it('types bold in a cell after Ctrl+B, and the cell’s run comes back bold; a new table’s first column is left, the others centred', () => {
    const editor = withTable({ rows: 1, columns: 3, header: false, total: false });
    expect(toggleBold(editor)).toBe(true);
    Editor.insertText(editor, '赫山区');
    expect(isBoldActive(editor)).toBe(true);
    const [table] = tableOf(editor);
    expect(table.columns).toEqual(['left', 'center', 'center']);
    const content = (slateToIssue(editor.children as Descendant[], issueWith([])).blocks.find((block) => block.type === 'article') as { paragraphs: ContentElement[] }).paragraphs;
    const saved = content.find((element): element is Table => element.type === 'table')!;
    expect(saved.rows[0]![0]).toEqual({ runs: [{ text: '赫山区', bold: true }] });
  });

  it('moves with Tab from cell to cell, back with Shift+Tab, and adds a row on Tab in the last cell', () => {
    const editor = withTable({ rows: 1, columns: 2, header: true, total: false });
    for (const text of ['县', '件数', '赫山', '12']) {
      Editor.insertText(editor, text);
      moveToCell(editor, 'next');
    }
    const [table] = tableOf(editor);
    expect(cellTexts(table)).toEqual(['县|件数', '赫山|12', '|']);
    expect(editor.selection!.anchor.path).toEqual([0, 2, 3, 0, 0]);
    moveToCell(editor, 'previous');
    expect(Editor.string(editor, editor.selection!)).toBe('12');
  });

  it('adds a row above and below, deletes one, and a row added beside the 合计 row goes above it', () => {
    const editor = withTable({ rows: 1, columns: 2, header: false, total: true });
    Editor.insertText(editor, '第一');
    insertRow(editor, 'below');
    Editor.insertText(editor, '第二');
    insertRow(editor, 'above');
    Editor.insertText(editor, '中间');
    expect(cellTexts(tableOf(editor)[0])).toEqual(['第一|', '中间|', '第二|', '合计|']);
    cursorAfter(editor, '合计');
    insertRow(editor, 'below');
    expect(cellTexts(tableOf(editor)[0]).at(-1)).toBe('合计|');
    cursorAfter(editor, '中间');
    deleteRow(editor);
    expect(cellTexts(tableOf(editor)[0])).toEqual(['第一|', '第二|', '|', '合计|']);
    expect(structureProblems(editor.children, [])).toEqual([]);
  });

  it('adds columns left and right aligned like the caret’s column, deletes one, and sets a column’s alignment', () => {
    const editor = withTable({ rows: 1, columns: 2, header: false, total: false });
    Editor.insertText(editor, 'A');
    moveToCell(editor, 'next');
    Editor.insertText(editor, 'B');
    insertColumn(editor, 'left');
    Editor.insertText(editor, 'L');
    insertColumn(editor, 'right');
    Editor.insertText(editor, 'R');
    let [table] = tableOf(editor);
    expect(cellTexts(table)).toEqual(['A|L|R|B']);
    expect(table.columns).toEqual(['left', 'center', 'center', 'center']);
    setColumnAlign(editor, 'right');
    cursorAfter(editor, 'L');
    deleteColumn(editor);
    [table] = tableOf(editor);
    expect(cellTexts(table)).toEqual(['A|R|B']);
    expect(table.columns).toEqual(['left', 'right', 'center']);
  });

  it('widens and narrows a merged header cell when a column is added or deleted under it', () => {
    const normal = normalizeIssue(issueSchema.parse(issueWith([[petitions]])));
    const editor = editorWith(issueToSlate(normal, []), []);
    const spans = () => (tableOf(editor)[0].children[1] as { children: { colSpan?: number }[] }).children.map((c) => c.colSpan ?? 1);
    cursorAfter(editor, '来电');
    insertColumn(editor, 'left');
    Editor.insertText(editor, '网络');
    expect(spans()).toEqual([1, 3, 1]);
    expect(cellTexts(tableOf(editor)[0]).slice(0, 2)).toEqual(['县市区|交办件数|办结率', '信访|网络|来电']);
    expect(structureProblems(editor.children, [])).toEqual([]);
    // right of the merged group's last column: a column of its own, the merged cell as it was
    cursorAfter(editor, '来电');
    insertColumn(editor, 'right');
    expect(spans()).toEqual([1, 3, 1, 1]);
    deleteColumn(editor);
    cursorAfter(editor, '网络');
    deleteColumn(editor);
    cursorAfter(editor, '信访', 1); // the title holds the first 信访
    deleteColumn(editor);
    expect(spans()).toEqual([1, 1, 1]);
    expect(cellTexts(tableOf(editor)[0]).slice(0, 3)).toEqual(['县市区|交办件数|办结率', '来电', '赫山区|10|100%']);
    expect(tableOf(editor)[0].columns).toEqual(['left', 'right', 'center']);
    expect(structureProblems(editor.children, [])).toEqual([]);
  });

  it('deletes the table (one undo brings it back) and moves a table past its neighbour', async () => {
    const editor = withTable();
    moveContentBlock(editor, 'up');
    await Promise.resolve(); // lets Slate flush, so that the deletion is an undo step of its own
    expect((editor.children[0] as { children: Descendant[] }).children.map((child) => (child as { type: string }).type)).toEqual(['article-title', 'table', 'paragraph', 'paragraph']);
    deleteTable(editor);
    expect(Node.string(editor.children[0]!)).toBe('标题前文后文');
    expect(structureProblems(editor.children, [])).toEqual([]);
    HistoryEditor.undo(editor);
    expect(tableOf(editor)).toBeDefined();
  });

  it('keeps Enter, Backspace and Delete inside a cell: no split, no paragraph, no merge', () => {
    const editor = withTable({ rows: 1, columns: 2, header: false, total: false });
    Editor.insertText(editor, '甲');
    moveToCell(editor, 'next');
    Editor.insertText(editor, '乙');
    const before = structuredClone(editor.children);
    handleEnter(editor);
    cursorIn(editor, tableOf(editor)[1].concat(1, 1));
    expect(handleBackspace(editor)).toBe(true);
    cursorAfter(editor, '甲');
    expect(handleDelete(editor)).toBe(true);
    expect(editor.children).toEqual(before);
  });
});

describe('figures', () => {
  it('inserts a figure after the caret’s paragraph with the caret in its caption, and deletes it', () => {
    const editor = editorWith([article('标题', '正文')], []);
    cursorAfter(editor, '正文');
    insertFigure(editor, IMAGE);
    Editor.insertText(editor, '图为督察组检查。');
    const normal = slateToIssue(editor.children, normalizeIssue(issueSchema.parse(issueWith([]))));
    const body = normal.blocks.find((block) => block.type === 'article')!;
    expect(body.type === 'article' && body.paragraphs[1]).toEqual({ type: 'figure', image: IMAGE, caption: '图为督察组检查。', widthPercent: 80 });
    handleEnter(editor);
    expect(editor.selection!.anchor.path.slice(0, 2)).toEqual([0, 3]);
    Transforms.select(editor, Editor.end(editor, [0, 2, 0]));
    deleteFigure(editor);
    expect(structureProblems(editor.children, [])).toEqual([]);
    expect(Node.string(editor.children[0]!)).toBe('标题正文');
  });
});

describe('page marks with tables and figures', () => {
  it('marks pages that start in a long table or at a figure on that table or figure, without failing', async () => {
    const { editorPagePlan } = await import('../page-plan.ts');
    const long: Table = { type: 'table', columns: [{ align: 'left' }, { align: 'right' }], header: [[cell('单位'), cell('件数')]], rows: Array.from({ length: 80 }, (_, i) => [cell(`第${i + 1}单位`), cell(String(i))]) };
    const normal = normalizeIssue(issueSchema.parse(issueWith([[long, figure('图为现场。'), long]])));
    const nodes = issueToSlate(normal, []);
    const plan = editorPagePlan(slateToIssue(nodes, normal), nodes, { layoutProfile: 'gbt9704', fontProfile: 'office', colophonOnEvenPage: false });
    expect(plan.totalPages).toBeGreaterThan(2);
    const root = { children: nodes } as unknown as Node;
    for (const mark of plan.marks) expect(Node.has(root, mark.element)).toBe(true);
    const types = plan.marks.map((mark) => (Node.get(root, mark.element) as { type?: string }).type);
    expect(types).toContain('table');
  });
});

describe('tables in news items', () => {
  it('keeps a table in a ▲ item and moves one standing among a section’s items into the item before it', () => {
    const editor = schemaEditorWith([
      article('标题', '正文'),
      { type: 'news-section', heading: '县市区工作动态', marker: true, children: [
        { type: 'news-item', form: 'colon', children: [{ type: 'item-head', children: [{ text: '安化县' }] }, para('开会。')] },
        tableNode({ rows: 1, columns: 2, header: false, total: false }),
      ] },
    ], ['县市区工作动态']);
    expect(structureProblems(editor.children, ['县市区工作动态'])).toEqual([]);
    const item = (editor.children[1] as { children: { children: { type: string }[] }[] }).children[0]!;
    expect(item.children.map((child) => child.type)).toEqual(['item-head', 'paragraph', 'table', 'paragraph']);
  });
});

/** A small seeded generator of tables and figures: merged headers that tile, empty and bold cells, blank titles, captions with spaces. */
function randomContent(seed: number): ContentElement[] {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const text = () => pick(['', '', '12', '赫山区', ' 两端有空格 ', '合计', '100%', '资阳区办结']);
  const runs = () => (next() < 0.3 ? [{ text: text() }, { text: text(), bold: true as const }, { text: '' }] : [{ text: text() }]);
  const out: ContentElement[] = [];
  for (let k = 0; k < 3; k++) {
    if (next() < 0.4) {
      out.push({ type: 'figure', image: { ...IMAGE, id: String(k).repeat(64).slice(0, 64).replace(/[^0-9a-f]/g, 'a') }, caption: pick(['', ' 图为现场。 ', '图为会场']), widthPercent: pick([20, 55, 80, 100]) });
      continue;
    }
    const columns = 2 + Math.floor(next() * 3);
    const merged = columns >= 3 && next() < 0.6;
    const header = merged
      ? [[{ runs: runs(), rowSpan: 2 }, { runs: runs(), colSpan: columns - 1 }], Array.from({ length: columns - 1 }, () => ({ runs: runs() }))]
      : next() < 0.5 ? [Array.from({ length: columns }, () => ({ runs: runs() }))] : [];
    const rows = Array.from({ length: Math.floor(next() * 4) }, () => Array.from({ length: columns }, () => ({ runs: runs() })));
    const table: Table = {
      type: 'table',
      ...(next() < 0.5 ? { title: pick(['   ', '表1 情况', ' 表2 ']) } : {}),
      columns: Array.from({ length: columns }, () => ({ align: pick(['left', 'center', 'right'] as const) })),
      header,
      rows,
      ...(next() < 0.4 ? { total: Array.from({ length: columns }, () => ({ runs: runs() })) } : {}),
    };
    out.push(table);
  }
  return out;
}

describe('generated tables and figures', () => {
  it.each(Array.from({ length: 40 }, (_, seed) => seed + 1))('round-trips seed %i exactly, key for key, and the schema leaves the value untouched', (seed) => {
    const issue = issueWith([randomContent(seed), randomContent(seed * 7 + 3)]);
    const normal = normalizeIssue(issueSchema.parse(issue));
    const nodes = issueToSlate(normal, []);
    expect(JSON.stringify(slateToIssue(nodes, normal))).toBe(JSON.stringify(normal));
    const editor = editorWith(nodes, []);
    expect(editor.operations).toEqual([]);
    expect(structureProblems(editor.children, [])).toEqual([]);
    // and a second trip through the normal form changes nothing
    expect(normalizeIssue(slateToIssue(editor.children, normal))).toEqual(normal);
  });

  it('undoes an inserted table in one step', async () => {
    const editor = editorWith([article('标题', '正文')], []);
    cursorAfter(editor, '正文');
    await Promise.resolve();
    insertTable(editor, { rows: 2, columns: 3, header: true, total: true });
    Editor.insertText(editor, '县');
    await Promise.resolve();
    HistoryEditor.undo(editor);
    HistoryEditor.undo(editor);
    expect(Node.string(editor.children[0]!)).toBe('标题正文');
    expect([...Node.nodes(editor)].some(([node]) => (node as { type?: string }).type === 'table')).toBe(false);
  });
});

describe('hostile tables and figures', () => {
  const hostile: [string, unknown][] = [
    ['an empty table', { type: 'table', columns: [], children: [] }],
    ['a table of text', { type: 'table', columns: 'x', children: [{ text: '散字' }] }],
    ['a table in a cell', { type: 'table', columns: ['left'], children: [{ type: 'table-row', role: 'body', children: [{ type: 'table-cell', children: [tableNode({ rows: 1, columns: 2, header: true, total: false })] }] }] }],
    ['a row of paragraphs and text', { type: 'table', columns: ['left', 'left'], children: [{ type: 'table-row', role: 'odd', children: [para('段'), { text: '字' }, { type: 'table-cell', colSpan: 'x', children: [{ text: '格' }] }] }] }],
    ['a figure without children or image', { type: 'figure', children: [] }],
    ['a figure holding paragraphs', { ...figureNode(IMAGE), widthPercent: 'wide', children: [para('一'), { type: 'figure-caption', children: [{ text: '图为' }] }, { type: 'figure-caption', children: [{ text: '再一个' }] }] }],
    ['header spans past the table', { type: 'table', columns: ['left', 'left'], children: [{ type: 'table-row', role: 'header', children: [{ type: 'table-cell', colSpan: 5, rowSpan: 3, children: [{ text: '宽' }] }] }, rowNode('body', 2)] }],
    ['thirty cells in a row', { type: 'table', columns: ['left'], children: [rowNode('body', Array.from({ length: 30 }, (_, i) => cellNode(String(i))))] }],
  ];
  it.each(hostile)('puts %s into shape, keeping its text', (_name, node) => {
    const text = Node.string({ children: [node] } as unknown as Node);
    const editor = schemaEditorWith([{ type: 'article', children: [{ type: 'article-title', children: [{ text: '标题' }] }, node] }], []);
    expect(structureProblems(editor.children, [])).toEqual([]);
    const after = Node.string(editor.children[0]!).slice('标题'.length);
    for (const ch of text) expect(after).toContain(ch);
    const normal = normalizeIssue(issueSchema.parse(issueWith([])));
    expect(() => issueSchema.parse(slateToIssue(editor.children, normal))).not.toThrow();
  });
});
