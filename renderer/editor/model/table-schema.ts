// The schema's rules for tables and figures (see schema.ts): a table holds its title first, then header rows,
// body rows and at most one 合计 row, in that order, each row one cell per column (header cells may merge, and
// then must tile the header); a figure holds a valid image and exactly one caption. Whatever does not belong
// moves out after the table or figure, where the article's or item's rules place it as a paragraph.
import { Editor, Element, Node, Path, Text, Transforms } from 'slate';
import { columnAlignSchema, imageRefSchema } from '../../../shared/model/issue.ts';
import { TABLE_LIMITS, IMAGE_LIMITS } from '../../../shared/model/limits.ts';
import { cellNode, DEFAULT_FIGURE_WIDTH, isOfType, paragraphNode, rowNode } from './nodes.ts';
import { findChild, strayTextWrappedIn, unwrapAt, wrapAt, type Rule } from './schema-helpers.ts';
import { cellPlaces, rowsOf, spanOf } from './table-grid.ts';
import type { FigureElement, TableElement, TableRowElement, TableRowRole } from './types.ts';

const ROLES: readonly TableRowRole[] = ['header', 'body', 'total'];
const rank = (role: TableRowRole) => ROLES.indexOf(role);

// ---- a table ----

/** A cell standing directly in the table gets a body row of its own (the row rules then fill it to the columns). */
const cellWrappedInRow: Rule<TableElement> = (editor, node, path) => {
  const index = findChild(node, (child) => isOfType(child, 'table-cell'));
  if (index < 0) return false;
  wrapAt(editor, path.concat(index), { type: 'table-row', role: 'body', children: [] });
  return true;
};

/** Anything but the title and the rows (a paragraph, a nested table, a second title) moves out to follow the table. */
const foreignChildMovedOut: Rule<TableElement> = (editor, node, path) => {
  const index = findChild(node, (child, i) => !(isOfType(child, 'table-row') || (i === 0 && isOfType(child, 'table-title'))));
  if (index < 0 || (index > 0 && isOfType(node.children[index], 'table-title') && !isOfType(node.children[0], 'table-title'))) return false;
  const child = node.children[index]!;
  Editor.withoutNormalizing(editor, () => {
    // a title out of place keeps its text as a paragraph
    if (isOfType(child, 'table-title')) Transforms.setNodes(editor, { type: 'paragraph' }, { at: path.concat(index) });
    Transforms.moveNodes(editor, { at: path.concat(index), to: Path.next(path) });
  });
  return true;
};

/** The title comes first: a title further down moves up, a table without one gets an empty one. */
const titleFirst: Rule<TableElement> = (editor, node, path) => {
  if (isOfType(node.children[0], 'table-title')) return false;
  const index = findChild(node, (child) => isOfType(child, 'table-title'));
  if (index > 0) Transforms.moveNodes(editor, { at: path.concat(index), to: path.concat(0) });
  else Transforms.insertNodes(editor, { type: 'table-title', children: [{ text: '' }] }, { at: path.concat(0) });
  return true;
};

/** Every column has a known alignment; a table has 1 to TABLE_LIMITS.columns columns (as many as its widest row when it had none). */
const columnsValid: Rule<TableElement> = (editor, node, path) => {
  const columns = Array.isArray(node.columns) ? node.columns : [];
  const fixed = columns.slice(0, TABLE_LIMITS.columns).map((align) => (columnAlignSchema.safeParse(align).success ? align : 'left'));
  if (fixed.length === 0) {
    const widest = Math.max(1, ...rowsOf(node).map(({ row }) => row.children.length));
    fixed.push(...Array.from({ length: Math.min(widest, TABLE_LIMITS.columns) }, () => 'left' as const));
  }
  if (Array.isArray(node.columns) && fixed.length === columns.length && fixed.every((align, i) => align === columns[i])) return false;
  Transforms.setNodes(editor, { columns: fixed }, { at: path });
  return true;
};

/** A table keeps at least one row to type into. */
const hasRow: Rule<TableElement> = (editor, node, path) => {
  if (node.children.some((child) => isOfType(child, 'table-row'))) return false;
  Transforms.insertNodes(editor, rowNode('body', node.columns.length), { at: path.concat(node.children.length) });
  return true;
};

/** Header rows (at most TABLE_LIMITS.headerRows), then body rows, then one 合计 row: a second 合计 row or a header row too many is a body row, a row out of order moves. */
const rowsInOrder: Rule<TableElement> = (editor, node, path) => {
  const rows = rowsOf(node);
  const totals = rows.filter(({ row }) => row.role === 'total');
  const headers = rows.filter(({ row }) => row.role === 'header');
  const demoted = totals.length > 1 ? totals[0] : headers.length > TABLE_LIMITS.headerRows ? headers.at(-1) : undefined;
  if (demoted) {
    Transforms.setNodes(editor, { role: 'body' }, { at: path.concat(demoted.child) });
    return true;
  }
  for (let i = 1; i < rows.length; i++) {
    const later = rows[i]!;
    const before = rows.findIndex(({ row }) => rank(row.role) > rank(later.row.role));
    if (before >= 0 && before < i) {
      Transforms.moveNodes(editor, { at: path.concat(later.child), to: path.concat(rows[before]!.child) });
      return true;
    }
  }
  return false;
};

/** Merged header cells that do not tile the header (after a hostile paste, say) are split into plain cells, their text kept. */
const headerSpansTile: Rule<TableElement> = (editor, node, path) => {
  const rows = rowsOf(node);
  const header = rows.filter(({ row }) => row.role === 'header');
  const spanned = header.some(({ row }) => row.children.some((cell) => spanOf(cell.colSpan) > 1 || spanOf(cell.rowSpan) > 1));
  if (!spanned || cellPlaces(header.map(({ row }) => row), node.columns.length) !== null) return false;
  Editor.withoutNormalizing(editor, () => {
    for (const { row, child } of header) row.children.forEach((_, index) => Transforms.unsetNodes(editor, ['colSpan', 'rowSpan'], { at: path.concat(child, index) }));
  });
  return true;
};

/**
 * A row holds one cell per column: a short row gets empty cells; a long one adds a column to the table (its cells
 * left-aligned, the other rows filled next), or past TABLE_LIMITS.columns has its last two cells joined into one.
 */
const rowsFillColumns: Rule<TableElement> = (editor, node, path) => {
  const columns = node.columns.length;
  const rows = rowsOf(node);
  const header = rows.filter(({ row }) => row.role === 'header');
  const headerSpanned = header.some(({ row }) => row.children.some((cell) => spanOf(cell.colSpan) > 1 || spanOf(cell.rowSpan) > 1));
  for (const { row, child } of rows) {
    if (row.role === 'header' && headerSpanned) continue;
    const count = row.children.length;
    if (count < columns) {
      Transforms.insertNodes(editor, Array.from({ length: columns - count }, () => cellNode()), { at: path.concat(child, count) });
      return true;
    }
    if (count > columns && columns < TABLE_LIMITS.columns) {
      Transforms.setNodes(editor, { columns: [...node.columns, 'left'] }, { at: path });
      return true;
    }
    if (count > columns) {
      joinCells(editor, path.concat(child, count - 2), path.concat(child, count - 1));
      return true;
    }
  }
  return false;
};

/** The text of the cell at `from` appended to the cell at `into`, and `from` removed. */
export function joinCells(editor: Editor, into: Path, from: Path): void {
  const leaves = (Node.get(editor, from) as Element).children.filter(Text.isText).filter((leaf) => leaf.text !== '');
  Editor.withoutNormalizing(editor, () => {
    const target = Node.get(editor, into) as Element;
    if (leaves.length > 0) Transforms.insertNodes(editor, leaves.map((leaf) => ({ ...leaf })), { at: into.concat(target.children.length) });
    Transforms.removeNodes(editor, { at: from });
  });
}

export const TABLE_RULES: Rule<TableElement>[] = [
  strayTextWrappedIn(() => paragraphNode([])),
  cellWrappedInRow,
  foreignChildMovedOut,
  titleFirst,
  columnsValid,
  hasRow,
  rowsInOrder,
  headerSpansTile,
  rowsFillColumns,
];

// ---- a row ----

/** A row holds cells only: an element holding text becomes a cell, any other element is unwrapped. */
const rowHoldsCells: Rule<TableRowElement> = (editor, node, path) => {
  const index = findChild(node, (child) => !isOfType(child, 'table-cell'));
  if (index < 0) return false;
  const child = node.children[index]!;
  if ((child as Element).children.every((grandchild) => Text.isText(grandchild))) Transforms.setNodes(editor, { type: 'table-cell' }, { at: path.concat(index), replace: true });
  else unwrapAt(editor, path.concat(index));
  return true;
};

/** A row's role is header, body or total; only header cells merge. */
const rowRoleValid: Rule<TableRowElement> = (editor, node, path) => {
  if (!ROLES.includes(node.role)) {
    Transforms.setNodes(editor, { role: 'body' }, { at: path });
    return true;
  }
  const invalid = node.children.findIndex((cell) =>
    node.role === 'header'
      ? (cell.colSpan !== undefined && spanOf(cell.colSpan) === 1) || (cell.rowSpan !== undefined && spanOf(cell.rowSpan) === 1) || spanOf(cell.colSpan) > TABLE_LIMITS.columns || spanOf(cell.rowSpan) > TABLE_LIMITS.headerRows
      : cell.colSpan !== undefined || cell.rowSpan !== undefined,
  );
  if (invalid < 0) return false;
  Transforms.unsetNodes(editor, ['colSpan', 'rowSpan'], { at: path.concat(invalid) });
  return true;
};

export const ROW_RULES: Rule<TableRowElement>[] = [strayTextWrappedIn(() => cellNode()), rowHoldsCells, rowRoleValid];

// ---- a figure ----

/** A figure whose image is not a stored image's reference cannot show: it gives way to its caption, kept as text. */
const figureImageValid: Rule<FigureElement> = (editor, node, path) => {
  if (imageRefSchema.safeParse(node.image).success) return false;
  unwrapAt(editor, path);
  return true;
};

/** The width share is a whole percentage from IMAGE_LIMITS.minWidthPercent to 100 (80 when it is not a number). */
const figureWidthValid: Rule<FigureElement> = (editor, node, path) => {
  const width = node.widthPercent;
  if (Number.isInteger(width) && width >= IMAGE_LIMITS.minWidthPercent && width <= 100) return false;
  const fixed = typeof width === 'number' && Number.isFinite(width) ? Math.min(100, Math.max(IMAGE_LIMITS.minWidthPercent, Math.round(width))) : DEFAULT_FIGURE_WIDTH;
  Transforms.setNodes(editor, { widthPercent: fixed }, { at: path });
  return true;
};

/** A figure holds exactly one caption: anything else (a second caption too) moves out to follow it, a figure without one gets an empty one. */
const figureHoldsCaption: Rule<FigureElement> = (editor, node, path) => {
  const caption = findChild(node, (child) => isOfType(child, 'figure-caption'));
  if (caption < 0) Transforms.insertNodes(editor, { type: 'figure-caption', children: [{ text: '' }] }, { at: path.concat(0) });
  else if (caption > 0) Transforms.moveNodes(editor, { at: path.concat(caption), to: path.concat(0) });
  else if (node.children.length > 1) Transforms.moveNodes(editor, { at: path.concat(1), to: Path.next(path) });
  else return false;
  return true;
};

export const FIGURE_RULES: Rule<FigureElement>[] = [
  strayTextWrappedIn(() => ({ type: 'figure-caption', children: [] })),
  figureImageValid,
  figureWidthValid,
  figureHoldsCaption,
];
