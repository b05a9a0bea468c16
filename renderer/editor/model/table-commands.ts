// The commands of tables and figures: inserting one at the caret, rows and columns added and removed (merged
// header cells widened or narrowed rather than broken), a column's alignment, Tab from cell to cell, moving a
// table or figure past its neighbour, deleting it. Each is one change of the editor (one undo step).
import { Editor, Element, Node, Path, Range, Transforms } from 'slate';
import type { ColumnAlign, ImageRef } from '../../../shared/model/issue.ts';
import { TABLE_LIMITS } from '../../../shared/model/limits.ts';
import { aboveOfType, cellNode, figureNode, isContentNode, isOfType, paragraphNode, rowNode, tableNode, textBlockAt, type NewTableShape } from './nodes.ts';
import { cellAtColumn, cellPlaces, rowsOf, type CellPlace } from './table-grid.ts';
import type { ContentNode, FigureElement, TableElement, TableRowElement, TableRowRole } from './types.ts';

/** Where the caret is in a table: the table, the row and cell (none in the title), and the cell's place on the grid. */
export interface TableCaret {
  table: TableElement;
  tablePath: Path;
  /** the row's index among the table's rows (the title not counted), -1 in the title */
  row: number;
  place: CellPlace | null;
  places: CellPlace[][] | null;
}

export function tableCaret(editor: Editor): TableCaret | undefined {
  const entry = aboveOfType(editor, 'table');
  if (!entry) return undefined;
  const [table, tablePath] = entry;
  const rows = rowsOf(table);
  const places = cellPlaces(rows.map(({ row }) => row), table.columns.length);
  const cell = aboveOfType(editor, 'table-cell');
  if (!cell) return { table, tablePath, row: -1, place: null, places };
  const child = cell[1][tablePath.length]!;
  const row = rows.findIndex((entry) => entry.child === child);
  const index = cell[1].at(-1)!;
  return { table, tablePath, row, place: places?.[row]?.[index] ?? { row, index, column: index, colSpan: 1, rowSpan: 1 }, places };
}

export const isInTable = (editor: Editor) => aboveOfType(editor, 'table') !== undefined;
export const isInFigure = (editor: Editor) => aboveOfType(editor, 'figure') !== undefined;

// ---- inserting ----

/**
 * Where a new table or figure goes: after the caret's paragraph (in place of a blank one, which then stays below it
 * to type on), at the top of the body from a title or head, after the table or figure the caret is in. Null
 * outside an article or news item: tables and figures live only there.
 */
function insertionPoint(editor: Editor): Path | null {
  const holder = aboveOfType(editor, 'article') ?? aboveOfType(editor, 'news-item');
  if (!holder) return null;
  const depth = holder[1].length + 1;
  const anchor = editor.selection!.anchor.path;
  const child = anchor.slice(0, depth);
  const node = Node.get(editor, child);
  if (isOfType(node, 'paragraph')) return Node.string(node) === '' ? child : Path.next(child);
  if (isContentNode(node)) return Path.next(child);
  // a title, subtitle or head: the body's first place
  const first = holder[0].children.findIndex((element) => isContentNode(element));
  return holder[1].concat(first < 0 ? holder[0].children.length : first);
}

/** A new table of `shape` at the caret, the caret in its first cell. False outside an article or news item. */
export function insertTable(editor: Editor, shape: NewTableShape): boolean {
  if (!editor.selection) return false;
  const at = insertionPoint(editor);
  if (!at) return false;
  const columns = Math.min(Math.max(1, Math.round(shape.columns)), TABLE_LIMITS.columns);
  const rows = Math.min(Math.max(shape.header || shape.total ? 0 : 1, Math.round(shape.rows)), TABLE_LIMITS.rows);
  Editor.withoutNormalizing(editor, () => {
    Transforms.insertNodes(editor, tableNode({ ...shape, rows, columns }), { at });
    Transforms.select(editor, Editor.start(editor, at.concat(1)));
  });
  return true;
}

/** A figure of a stored image at the caret, the caret in its caption. False outside an article or news item. */
export function insertFigure(editor: Editor, image: ImageRef, caption = ''): boolean {
  if (!editor.selection) return false;
  const at = insertionPoint(editor);
  if (!at) return false;
  Editor.withoutNormalizing(editor, () => {
    Transforms.insertNodes(editor, figureNode(image, caption), { at });
    Transforms.select(editor, Editor.end(editor, at.concat(0)));
  });
  return true;
}

/**
 * Places a table or figure where the caret is (after its paragraph, in place of a blank one; after the table or
 * figure it is in) and puts the caret in the paragraph below it, made if need be, so that what is pasted next
 * follows it. Returns where it went; null outside an article or news item.
 */
export function insertContentNode(editor: Editor, node: ContentNode): Path | null {
  if (!editor.selection) return null;
  const at = insertionPoint(editor);
  if (!at) return null;
  Transforms.insertNodes(editor, structuredClone(node), { at });
  const below = Path.next(at);
  const next = Node.has(editor, below) ? Node.get(editor, below) : undefined;
  if (!isOfType(next, 'paragraph') || Node.string(next) !== '') Transforms.insertNodes(editor, paragraphNode(), { at: below });
  Transforms.select(editor, Editor.start(editor, below));
  return at;
}

/**
 * After a paste that ended with a table or figure: the blank paragraph insertContentNode opened below it goes away
 * again where a paragraph follows it anyway, the caret going to that paragraph's start.
 */
export function dropBlankBelowContent(editor: Editor): void {
  const block = textBlockAt(editor);
  if (!block || !isOfType(block[0], 'paragraph') || Node.string(block[0]) !== '' || block[0].heading !== undefined) return;
  const [, path] = block;
  const before = Path.hasPrevious(path) ? Node.get(editor, Path.previous(path)) : undefined;
  const after = Node.has(editor, Path.next(path)) ? Node.get(editor, Path.next(path)) : undefined;
  if (!(isOfType(before, 'table') || isOfType(before, 'figure')) || !isOfType(after, 'paragraph')) return;
  Transforms.removeNodes(editor, { at: path });
  Transforms.select(editor, Editor.start(editor, path));
}

// ---- rows ----

const hasMergedHeader = (table: TableElement) => rowsOf(table).some(({ row }) => row.role === 'header' && row.children.some((cell) => (cell.colSpan ?? 1) > 1 || (cell.rowSpan ?? 1) > 1));

/**
 * A new row above or below the caret's: a header row beside a header row (unless the header has merged cells: then a
 * body row at the top of the body), else a body row (beside the 合计 row, a body row above it). The caret goes into it.
 */
export function insertRow(editor: Editor, where: 'above' | 'below'): boolean {
  const caret = tableCaret(editor);
  if (!caret || caret.row < 0) return false;
  const { table, tablePath } = caret;
  const rows = rowsOf(table);
  const current = rows[caret.row]!;
  if (rows.length >= TABLE_LIMITS.rows + TABLE_LIMITS.headerRows + 1) return false;
  let role: TableRowRole = current.row.role === 'header' ? 'header' : 'body';
  let child = where === 'above' ? current.child : current.child + 1;
  if (current.row.role === 'total') child = current.child;
  if (role === 'header' && (hasMergedHeader(table) || rows.filter(({ row }) => row.role === 'header').length >= TABLE_LIMITS.headerRows)) {
    role = 'body';
    child = (rows.find(({ row }) => row.role !== 'header')?.child ?? table.children.length);
  }
  const at = tablePath.concat(child);
  Editor.withoutNormalizing(editor, () => {
    Transforms.insertNodes(editor, rowNode(role, table.columns.length), { at });
    Transforms.select(editor, Editor.start(editor, at.concat(0)));
  });
  return true;
}

/** Removes the caret's row (the caret going to the row that takes its place); the table's only row takes the table with it. */
export function deleteRow(editor: Editor): boolean {
  const caret = tableCaret(editor);
  if (!caret || caret.row < 0) return false;
  const rows = rowsOf(caret.table);
  if (rows.length === 1) return deleteTable(editor);
  const current = rows[caret.row]!;
  const at = caret.tablePath.concat(current.child);
  const column = caret.place?.column ?? 0;
  Editor.withoutNormalizing(editor, () => {
    Transforms.removeNodes(editor, { at });
    const target = caret.row < rows.length - 1 ? at : Path.previous(at);
    const row = Node.get(editor, target) as TableRowElement;
    Transforms.select(editor, Editor.start(editor, target.concat(Math.min(column, row.children.length - 1))));
  });
  return true;
}

// ---- columns ----

/** Every cell's place on the grid, and the rows; where the cells do not tile the grid (the schema mends that next), each cell its own column. */
function headerPlaces(caret: TableCaret): { places: CellPlace[][]; rows: { row: TableRowElement; child: number }[] } {
  const rows = rowsOf(caret.table);
  return { places: caret.places ?? rows.map(({ row }, r) => row.children.map((_, index) => ({ row: r, index, column: index, colSpan: 1, rowSpan: 1 }))), rows };
}

/** A new column left or right of the caret's cell, aligned as that column; merged header cells it runs through widen. */
export function insertColumn(editor: Editor, where: 'left' | 'right'): boolean {
  const caret = tableCaret(editor);
  if (!caret?.place || caret.table.columns.length >= TABLE_LIMITS.columns) return false;
  const { table, tablePath, place } = caret;
  const boundary = where === 'left' ? place.column : place.column + place.colSpan;
  const { places, rows } = headerPlaces(caret);
  Editor.withoutNormalizing(editor, () => {
    const columns = [...table.columns];
    columns.splice(boundary, 0, table.columns[place.column] ?? 'left');
    Transforms.setNodes(editor, { columns }, { at: tablePath });
    // from the last row up, so that the paths of rows not yet changed hold
    for (let r = rows.length - 1; r >= 0; r--) {
      const { row, child } = rows[r]!;
      const rowPlaces = places[r]!;
      const crossing = row.role === 'header' ? findCrossing(places, r, boundary) : undefined;
      if (crossing) {
        if (crossing.row === r) Transforms.setNodes(editor, { colSpan: crossing.colSpan + 1 }, { at: tablePath.concat(child, crossing.index) });
        continue;
      }
      const index = rowPlaces.filter((cell) => cell.column < boundary).length;
      Transforms.insertNodes(editor, cellNode(), { at: tablePath.concat(child, index) });
    }
  });
  const row = rows[caret.row]!;
  const index = places[caret.row]!.filter((cell) => cell.column < boundary).length;
  const at = tablePath.concat(row.child, index);
  if (Node.has(editor, at)) Transforms.select(editor, Editor.start(editor, at));
  return true;
}

/** The header cell covering row `r` that starts left of `boundary` and ends right of it, if any. */
function findCrossing(places: readonly CellPlace[][], r: number, boundary: number): CellPlace | undefined {
  const cell = boundary > 0 ? cellAtColumn(places, r, boundary - 1) : undefined;
  return cell && cell.column < boundary && cell.column + cell.colSpan > boundary ? cell : undefined;
}

/** Removes the caret's column (its first grid column for a merged cell); merged header cells over it narrow. The only column takes the table with it. */
export function deleteColumn(editor: Editor): boolean {
  const caret = tableCaret(editor);
  if (!caret?.place) return false;
  const { table, tablePath, place } = caret;
  if (table.columns.length === 1) return deleteTable(editor);
  const column = place.column;
  const { places, rows } = headerPlaces(caret);
  Editor.withoutNormalizing(editor, () => {
    Transforms.setNodes(editor, { columns: table.columns.filter((_, index) => index !== column) }, { at: tablePath });
    for (let r = rows.length - 1; r >= 0; r--) {
      const { child } = rows[r]!;
      const cell = places[r]!.find((candidate) => candidate.column <= column && column < candidate.column + candidate.colSpan);
      if (!cell) continue; // covered from a header row above: narrowed there
      const at = tablePath.concat(child, cell.index);
      if (cell.colSpan > 2) Transforms.setNodes(editor, { colSpan: cell.colSpan - 1 }, { at });
      else if (cell.colSpan === 2) Transforms.unsetNodes(editor, 'colSpan', { at });
      else Transforms.removeNodes(editor, { at });
    }
    const row = Node.get(editor, tablePath.concat(rows[caret.row]!.child)) as TableRowElement;
    const index = Math.min(places[caret.row]!.filter((cell) => cell.column < column).length, row.children.length - 1);
    Transforms.select(editor, Editor.start(editor, tablePath.concat(rows[caret.row]!.child, Math.max(0, index))));
  });
  return true;
}

/** Aligns the caret's column (the first one of a merged cell's). */
export function setColumnAlign(editor: Editor, align: ColumnAlign): boolean {
  const caret = tableCaret(editor);
  if (!caret?.place) return false;
  const columns = [...caret.table.columns];
  columns[caret.place.column] = align;
  Transforms.setNodes(editor, { columns }, { at: caret.tablePath });
  return true;
}

/** The alignment of the caret's column, or null outside a cell. */
export function currentColumnAlign(editor: Editor): ColumnAlign | null {
  const caret = tableCaret(editor);
  return caret?.place ? (caret.table.columns[caret.place.column] ?? null) : null;
}

// ---- whole tables and figures ----

/** Removes the table or figure at `path`, the caret going to the paragraph that follows it (or the one before). */
function removeContent(editor: Editor, path: Path): void {
  Editor.withoutNormalizing(editor, () => {
    Transforms.removeNodes(editor, { at: path });
    const parent = Node.get(editor, Path.parent(path)) as Element;
    if (!parent.children.some((child) => isOfType(child, 'paragraph'))) Transforms.insertNodes(editor, paragraphNode(), { at: path });
    const target = Node.has(editor, path) && isOfType(Node.get(editor, path), 'paragraph') ? path : Path.hasPrevious(path) ? Path.previous(path) : path;
    Transforms.select(editor, Node.has(editor, path) && target === path ? Editor.start(editor, target) : Editor.end(editor, target));
  });
}

export function deleteTable(editor: Editor): boolean {
  const entry = aboveOfType(editor, 'table');
  if (!entry) return false;
  removeContent(editor, entry[1]);
  return true;
}

export function deleteFigure(editor: Editor): boolean {
  const entry = aboveOfType(editor, 'figure');
  if (!entry) return false;
  removeContent(editor, entry[1]);
  return true;
}

/** The table or figure the caret is in. */
export function contentBlockAt(editor: Editor): [TableElement | FigureElement, Path] | undefined {
  return aboveOfType(editor, 'table') ?? aboveOfType(editor, 'figure');
}

/** Swaps the caret's table or figure with the paragraph, table or figure above or below it in the same article or item; false at either end. */
export function moveContentBlock(editor: Editor, direction: 'up' | 'down'): boolean {
  const entry = contentBlockAt(editor);
  if (!entry) return false;
  const [, path] = entry;
  const parent = Node.parent(editor, path);
  const index = path.at(-1)!;
  const target = index + (direction === 'up' ? -1 : 1);
  const neighbour = parent.children[target];
  if (!isContentNode(neighbour)) return false;
  // below the last content stands the paragraph the schema keeps after a table: moving past a blank one would only bring it back
  if (direction === 'down' && target === parent.children.length - 1 && isOfType(neighbour, 'paragraph') && Node.string(neighbour) === '') return false;
  Transforms.moveNodes(editor, { at: path, to: Path.parent(path).concat(target) });
  return true;
}

/** The width share of the caret's figure, in percent of the type area. */
export function setFigureWidth(editor: Editor, widthPercent: number): boolean {
  const entry = aboveOfType(editor, 'figure');
  if (!entry) return false;
  Transforms.setNodes(editor, { widthPercent }, { at: entry[1] });
  return true;
}

/** The caret to the end of a figure's caption (the caret's figure, or the figure at `path`). */
export function editCaption(editor: Editor, path?: Path): boolean {
  const at = path ?? aboveOfType(editor, 'figure')?.[1];
  if (!at || !isOfType(Node.get(editor, at), 'figure')) return false;
  Transforms.select(editor, Editor.end(editor, at.concat(0)));
  return true;
}

// ---- keys ----

/** Every cell of the table in reading order, as paths. */
function cellPaths(table: TableElement, tablePath: Path): Path[] {
  return rowsOf(table).flatMap(({ row, child }) => row.children.map((_, index) => tablePath.concat(child, index)));
}

/**
 * Tab in a table: the next cell (from the title, the first), Shift+Tab the previous one (from the first, the title);
 * Tab in the last cell adds a body row (above the 合计 row when there is one) and goes to its first cell. The cell's
 * text is selected as in Word, so that typing replaces it. False outside a table.
 */
export function moveToCell(editor: Editor, direction: 'next' | 'previous'): boolean {
  const entry = aboveOfType(editor, 'table');
  if (!entry || !editor.selection) return false;
  const [table, tablePath] = entry;
  const cells = cellPaths(table, tablePath);
  const block = textBlockAt(editor);
  const current = block && isOfType(block[0], 'table-cell') ? cells.findIndex((path) => Path.equals(path, block[1])) : -1;
  const select = (path: Path) => Transforms.select(editor, { anchor: Editor.start(editor, path), focus: Editor.end(editor, path) });
  if (direction === 'previous') {
    if (current > 0) select(cells[current - 1]!);
    else if (current === 0) select(tablePath.concat(0));
    return true;
  }
  if (current + 1 < cells.length) {
    select(cells[current + 1]!);
    return true;
  }
  const rows = rowsOf(table);
  if (rows.length >= TABLE_LIMITS.rows + TABLE_LIMITS.headerRows + 1) return true;
  const total = rows.find(({ row }) => row.role === 'total');
  const at = tablePath.concat(total ? total.child : table.children.length);
  Editor.withoutNormalizing(editor, () => {
    Transforms.insertNodes(editor, rowNode('body', table.columns.length), { at });
    Transforms.select(editor, Editor.start(editor, at.concat(0)));
  });
  return true;
}

/**
 * ArrowDown / ArrowUp in a table: to the cell below or above in the same column (a merged header cell counts for
 * each column it covers), from the last row to the text after the table, from the first row to the table's title,
 * from the title to the text before the table. Chromium's own moves in an editable table jump between cells of one
 * row. False outside a table's cell or title, or with a selection: then the browser moves.
 */
export function moveVertically(editor: Editor, direction: 'up' | 'down'): boolean {
  const caret = tableCaret(editor);
  if (!caret || !editor.selection || !Range.isCollapsed(editor.selection)) return false;
  const { table, tablePath } = caret;
  const rows = rowsOf(table);
  const outside = (towards: 'up' | 'down') => {
    const at = towards === 'down' ? Path.next(tablePath) : Path.hasPrevious(tablePath) ? Path.previous(tablePath) : null;
    if (!at || !Node.has(editor, at)) return true;
    Transforms.select(editor, towards === 'down' ? Editor.start(editor, at) : Editor.end(editor, at));
    return true;
  };
  if (caret.row < 0) {
    if (direction === 'up') return outside('up');
    if (rows.length > 0) Transforms.select(editor, Editor.start(editor, tablePath.concat(rows[0]!.child, 0)));
    return true;
  }
  const place = caret.place!;
  const target = direction === 'down' ? caret.row + place.rowSpan : caret.row - 1;
  if (target >= rows.length) return outside('down');
  if (target < 0) {
    Transforms.select(editor, Editor.end(editor, tablePath.concat(0)));
    return true;
  }
  const cell = caret.places ? cellAtColumn(caret.places, target, place.column) : { row: target, index: Math.min(place.index, rows[target]!.row.children.length - 1) };
  const at = tablePath.concat(rows[cell?.row ?? target]!.child, cell?.index ?? 0);
  if (Node.has(editor, at)) Transforms.select(editor, Editor.end(editor, at));
  return true;
}

/** Whether the caret stands in a table's title or cell, or a figure's caption: text holders that Enter and Backspace never split or merge. */
export function inCellLike(editor: Editor): boolean {
  const block = textBlockAt(editor)?.[0];
  return isOfType(block, 'table-cell') || isOfType(block, 'table-title') || isOfType(block, 'figure-caption');
}

