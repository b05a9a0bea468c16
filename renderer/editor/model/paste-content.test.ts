import { describe, expect, it } from 'vitest';
import { Editor, Node } from 'slate';
import type { ImageRef } from '../../../shared/model/issue.ts';
import { htmlToParts } from '../clipboard-html.ts';
import { article, cursorAfter, editorWith, structureProblems } from '../../../test/editor/model-helpers.ts';
import { insertPasteParts, preparePasteParts, tableFromPasted } from './paste-content.ts';
import type { TableElement } from './types.ts';

const IMAGE: ImageRef = { id: 'b'.repeat(64), format: 'png', width: 400, height: 300 };
const rowsText = (table: TableElement) => table.children.flatMap((row) => (row.type === 'table-row' ? [`${row.role}:${row.children.map((cell) => `${Node.string(cell)}${cell.colSpan ? `(c${cell.colSpan})` : ''}${cell.rowSpan ? `(r${cell.rowSpan})` : ''}`).join('|')}`] : []));

const WORD_TABLE = `<table border=1><tr><td rowspan=2><p><b>县市区</b></p></td><td colspan=2><p><b>交办件数</b></p></td></tr>
<tr><td><p><b>信访</b></p></td><td><p><b>来电</b></p></td></tr>
<tr><td><p>赫山区</p></td><td><p>1<b>2</b></p></td><td><p>10</p></td></tr>
<tr><td colspan=2><p>资阳区</p></td><td><p>8</p></td></tr>
<tr><td><p>合　计</p></td><td><p>12</p></td><td><p>18</p></td></tr></table>`;

function tableOfHtml(html: string): TableElement | null {
  const part = htmlToParts(html).find((candidate) => candidate.kind === 'table');
  return part?.kind === 'table' ? tableFromPasted(part.rows) : null;
}

describe('tables pasted from Word and WPS', () => {
  it('takes a bold first row as the header with its merged cells, splits merges in the body and reads the 合计 row', () => {
    const table = tableOfHtml(WORD_TABLE)!;
    expect(rowsText(table)).toEqual(['header:县市区(r2)|交办件数(c2)', 'header:信访|来电', 'body:赫山区|12|10', 'body:资阳区||8', 'total:合　计|12|18']);
    expect(table.columns).toEqual(['left', 'right', 'right']);
    // bold inside a body cell is kept
    expect(JSON.stringify(table)).toContain('{"text":"2","bold":true}');
  });

  it('takes <th> cells as the header and makes no header of a first row of plain cells', () => {
    expect(rowsText(tableOfHtml('<table><tr><th>单位</th><th>件数</th></tr><tr><td>甲</td><td>1</td></tr></table>')!)).toEqual(['header:单位|件数', 'body:甲|1']);
    expect(rowsText(tableOfHtml('<table><tr><td>单位</td><td>件数</td></tr><tr><td>甲</td><td>1</td></tr></table>')!)).toEqual(['body:单位|件数', 'body:甲|1']);
  });

  it('fills ragged rows to the widest and reads a table inside a cell as that cell’s text', () => {
    const table = tableOfHtml('<table><tr><td>a</td></tr><tr><td>b</td><td>c</td><td><table><tr><td>内</td><td>表</td></tr></table></td></tr></table>')!;
    expect(rowsText(table)).toEqual(['body:a||', 'body:b|c|内表']);
  });

  it('keeps the text before and after the table in order, and a photo’s 图为 line as its caption', async () => {
    const html = `<p>前文</p>${WORD_TABLE}<p><img src="data:image/png;base64,iVBORw0KGgo="></p><p>图为现场。</p><p>后文</p><p><img src="file:///C:/Temp/clip_image002.png"></p>`;
    const stored: string[] = [];
    const { parts, skipped } = await preparePasteParts(htmlToParts(html), async (src) => (src.startsWith('data:') ? (stored.push(src), IMAGE) : null));
    expect(parts.map((part) => part.kind)).toEqual(['lines', 'table', 'figure', 'lines']);
    expect(skipped).toBe(1);
    expect(stored).toHaveLength(1);
    const figure = parts[2]!;
    expect(figure.kind === 'figure' && Node.string(figure.figure)).toBe('图为现场。');
    const editor = editorWith([article('标题', '正文')], []);
    cursorAfter(editor, '正文');
    insertPasteParts(editor, parts);
    expect(structureProblems(editor.children, [])).toEqual([]);
    expect((editor.children[0] as { children: { type: string }[] }).children.map((child) => (child.type === 'paragraph' ? Node.string(child as Node) || '∅' : child.type))).toEqual(['article-title', '正文前文', 'table', 'figure', '后文']);
  });

  it('places nothing when storing a photo fails', async () => {
    const html = `<p>前文</p><p><img src="data:image/png;base64,AAAA"></p>`;
    await expect(preparePasteParts(htmlToParts(html), async () => {
      throw new Error('无法读取图片');
    })).rejects.toThrow('无法读取图片');
  });

  it('pastes lines into a cell as one line of text, not as paragraphs', () => {
    const editor = editorWith([article('标题', '正文')], []);
    cursorAfter(editor, '正文');
    insertPasteParts(editor, [{ kind: 'table', table: tableOfHtml('<table><tr><td>甲</td><td>乙</td></tr></table>')! }]);
    cursorAfter(editor, '甲');
    editor.insertFragment([{ type: 'paragraph', children: [{ text: '一行' }] }, { type: 'paragraph', children: [{ text: '二行' }] }]);
    expect(Node.string(Editor.above(editor, { match: (node) => (node as { type?: string }).type === 'table-cell' })![0])).toBe('甲一行 二行');
    expect(structureProblems(editor.children, [])).toEqual([]);
  });
});

describe('tables copied in the editor', () => {
  it('pastes a copied table whole after the caret’s paragraph, and text copied inside one cell as text', () => {
    const editor = editorWith([article('标题', '正文', '下文')], []);
    cursorAfter(editor, '正文');
    insertPasteParts(editor, [{ kind: 'table', table: tableFromPasted([[{ lines: [[{ text: '甲' }]], heading: false, colSpan: 1, rowSpan: 1 }, { lines: [[{ text: '乙' }]], heading: false, colSpan: 1, rowSpan: 1 }]])! }]);
    const table = (editor.children[0] as { children: Node[] }).children[2]!;
    cursorAfter(editor, '下文');
    editor.insertFragment([{ type: 'article', children: [structuredClone(table) as never] }]);
    cursorAfter(editor, '下文');
    editor.insertFragment([{ type: 'article', children: [{ type: 'table', columns: ['left'], children: [{ type: 'table-row', role: 'body', children: [{ type: 'table-cell', children: [{ text: '格中字' }] }] }] }] } as never]);
    const kinds = (editor.children[0] as { children: { type: string }[] }).children.map((child) => (child.type === 'paragraph' ? Node.string(child as Node) || '∅' : child.type));
    expect(kinds).toEqual(['article-title', '正文', 'table', '下文格中字', 'table', '∅']);
    expect(structureProblems(editor.children, [])).toEqual([]);
  });
});
