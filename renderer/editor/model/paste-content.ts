// Tables and photos pasted from Word, WPS or a web page (read by ../clipboard-html.ts): a table keeps its cells
// and bold; its header is its first row when that row is <th> or bold, with the header's merged cells, while
// merged cells of the body are split into plain ones; a line 图为… right after a photo is its caption. The
// photos are stored first (images.add), so that nothing is placed unless everything can be.
import { Editor } from 'slate';
import type { ColumnAlign, ImageRef } from '../../../shared/model/issue.ts';
import { headerGridProblem } from '../../../shared/model/issue.ts';
import { TABLE_LIMITS } from '../../../shared/model/limits.ts';
import { cellNode, figureNode, textBlockAt } from './nodes.ts';
import { dropBlankBelowContent, insertContentNode } from './table-commands.ts';
import { insertPastedLines } from './paste.ts';
import type { BulletinText, FigureElement, TableCellElement, TableElement, TableRowElement } from './types.ts';

/** One pasted line (a paragraph of the source): its runs (../clipboard-html.ts reads them). */
type ClipboardLine = BulletinText[];

/** A cell of a pasted table: its lines, whether it was a <th> or all bold, and its spans. */
export interface PastedCell {
  lines: ClipboardLine[];
  heading: boolean;
  colSpan: number;
  rowSpan: number;
}

/** What pasted HTML holds, in order: lines of text, tables (row by row, cell by cell) and images (their src). */
export type PastedHtmlPart =
  | { kind: 'line'; line: ClipboardLine }
  | { kind: 'table'; rows: PastedCell[][] }
  | { kind: 'image'; src: string };

/** A cell's lines as its leaves: lines joined with no break (a cell holds one line), spaces at either end trimmed away. */
function cellLeaves(lines: readonly ClipboardLine[]): BulletinText[] {
  const leaves: BulletinText[] = [];
  for (const run of lines.flat()) {
    const last = leaves.at(-1);
    if (last && (last.bold === true) === (run.bold === true)) last.text += run.text;
    else leaves.push(run.bold ? { text: run.text, bold: true } : { text: run.text });
  }
  return leaves.length > 0 ? leaves : [{ text: '' }];
}

const plainOf = (leaves: readonly BulletinText[]) => leaves.map((leaf) => leaf.text).join('');
const NUMBER = /^[\s\d.,，．%％+\-－—]+$/;
const TOTAL = /^(合\s*计|总\s*计|小\s*计)$/;

/**
 * A pasted table as the editor's table, or null when it has no cell with text. Columns: as many as the widest row
 * (at most TABLE_LIMITS.columns, the rest joined into the last column); a column whose filled body cells are all
 * numbers is right-aligned; a last row that starts with 合计 is the 合计 row.
 */
export function tableFromPasted(source: readonly PastedCell[][]): TableElement | null {
  if (!source.some((row) => row.some((cell) => plainOf(cellLeaves(cell.lines)).trim() !== ''))) return null;
  // the grid: which source cell covers each row × column
  const grid: { cell: PastedCell; origin: boolean; colSpan: number }[][] = source.map(() => []);
  source.forEach((row, r) => {
    let column = 0;
    for (const cell of row) {
      while (grid[r]![column]) column++;
      const colSpan = cell.colSpan;
      const rowSpan = Math.min(cell.rowSpan, source.length - r);
      for (let rr = r; rr < r + rowSpan; rr++) for (let c = column; c < column + colSpan; c++) grid[rr]![c] = { cell, origin: rr === r && c === column, colSpan };
      column += colSpan;
    }
  });
  const width = Math.max(...grid.map((row) => row.length));
  const columns = Math.min(width, TABLE_LIMITS.columns);
  // header rows: the first row when it is all header cells, and the rows its merged cells reach down into
  let headerRows = 0;
  const isHeadingRow = (r: number) => source[r]!.length > 0 && source[r]!.every((cell) => cell.heading || plainOf(cellLeaves(cell.lines)).trim() === '') && source[r]!.some((cell) => cell.heading);
  if (source.length > 1 && isHeadingRow(0)) {
    headerRows = 1;
    for (let r = 0; r < headerRows && headerRows < Math.min(TABLE_LIMITS.headerRows, source.length - 1); r++) {
      const reach = Math.max(...source[r]!.map((cell) => r + cell.rowSpan));
      if (reach > headerRows) headerRows = Math.min(reach, TABLE_LIMITS.headerRows, source.length - 1);
      else if (r + 1 === headerRows && isHeadingRow(r + 1)) headerRows++;
    }
  }
  const plainRow = (r: number): TableCellElement[] => {
    const cells: TableCellElement[] = [];
    for (let c = 0; c < width; c++) {
      const place = grid[r]![c];
      const leaves = place?.origin ? cellLeaves(place.cell.lines) : [{ text: '' }];
      if (c < columns) cells.push({ type: 'table-cell', children: leaves });
      else if (plainOf(leaves) !== '') cells.at(-1)!.children.push(...leaves);
    }
    return cells;
  };
  const headerRow = (r: number): TableCellElement[] =>
    source[r]!.flatMap((cell) => {
      const column = grid[r]!.findIndex((place) => place?.cell === cell);
      if (column < 0 || column >= columns) return [];
      return [{ ...cellNode('', { colSpan: Math.min(cell.colSpan, columns - column), rowSpan: Math.min(cell.rowSpan, headerRows - r) }), children: cellLeaves(cell.lines) }];
    });
  let header = Array.from({ length: headerRows }, (_, r) => headerRow(r));
  if (headerGridProblem(header, columns)) header = Array.from({ length: headerRows }, (_, r) => plainRow(r));
  const body = source.slice(headerRows).map((_, k) => plainRow(headerRows + k));
  const last = body.at(-1);
  const total = body.length > 1 && last && TOTAL.test(plainOf(last[0]!.children).trim()) ? body.pop()! : null;
  const align: ColumnAlign[] = Array.from({ length: columns }, (_, c) => {
    const filled = body.map((row) => plainOf(row[c]?.children ?? []).trim()).filter((text) => text !== '');
    return filled.length > 0 && filled.every((text) => NUMBER.test(text)) ? 'right' : 'left';
  });
  const rows: TableRowElement[] = [
    ...header.map((cells): TableRowElement => ({ type: 'table-row', role: 'header', children: cells })),
    ...body.slice(0, TABLE_LIMITS.rows).map((cells): TableRowElement => ({ type: 'table-row', role: 'body', children: cells })),
    ...(total ? [{ type: 'table-row', role: 'total', children: total } as TableRowElement] : []),
  ];
  return { type: 'table', columns: align, children: [{ type: 'table-title', children: [{ text: '' }] }, ...rows] };
}

/** Pasted content ready to place: lines of text, tables, and photos already stored (with the caption read for them). */
export type PastePart = { kind: 'lines'; lines: ClipboardLine[] } | { kind: 'table'; table: TableElement } | { kind: 'figure'; figure: FigureElement };

const CAPTION = /^图为/;

/** Whether the parts hold anything but text lines: then the paste is placed part by part. */
export const hasTablesOrImages = (parts: readonly PastedHtmlPart[]) => parts.some((part) => part.kind !== 'line');

/**
 * The HTML's parts with every image stored by `store` (a data: URL's bytes; an image the page cannot read, such as a
 * file:// path Word leaves, is left out and counted in `skipped`). Throws the first storing error: then nothing is placed.
 */
export async function preparePasteParts(parts: readonly PastedHtmlPart[], store: (src: string) => Promise<ImageRef | null>): Promise<{ parts: PastePart[]; skipped: number }> {
  const out: PastePart[] = [];
  let skipped = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.kind === 'line') {
      const last = out.at(-1);
      if (last?.kind === 'lines') last.lines.push(part.line);
      else out.push({ kind: 'lines', lines: [part.line] });
    } else if (part.kind === 'table') {
      const table = tableFromPasted(part.rows);
      if (table) out.push({ kind: 'table', table });
    } else {
      const ref = await store(part.src);
      if (!ref) {
        skipped++;
        continue;
      }
      const next = parts[i + 1];
      const captionText = next?.kind === 'line' ? plainOf(next.line).trim() : '';
      const caption = CAPTION.test(captionText) ? captionText : '';
      if (caption) i++;
      out.push({ kind: 'figure', figure: figureNode(ref, caption) });
    }
  }
  return { parts: out, skipped };
}

/**
 * Places prepared parts at the caret in order, as one change: text lines as insertPastedLines places them, tables
 * and figures each after the text before it. Outside an article or news item tables and figures are left out
 * (the count of them is returned), since they live only there.
 */
export function insertPasteParts(editor: Editor, parts: readonly PastePart[]): { placed: boolean; leftOut: number } {
  let placed = false;
  let leftOut = 0;
  if (!editor.selection) return { placed, leftOut };
  Editor.withoutNormalizing(editor, () => {
    for (const part of parts) {
      if (part.kind === 'lines') {
        placed = insertPastedLines(editor, part.lines) || placed;
        continue;
      }
      const node = part.kind === 'table' ? part.table : part.figure;
      if (textBlockAt(editor) && insertContentNode(editor, node) !== null) placed = true;
      else leftOut++;
    }
    dropBlankBelowContent(editor);
  });
  return { placed, leftOut };
}
