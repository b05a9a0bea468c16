// What the proofreading rules read of a table: its rows by part (表头, body, 合计), the header text that
// names each column (through merged header cells), and the cells of one column.
import { placeHeaderCells } from '../../model/header-grid.ts';
import type { Table, TableCell } from '../../model/issue.ts';
import { cellText } from '../../model/content.ts';

/** The rows of a table a cell is in: the header rows, the body rows, or the 合计 row (its one row is row 0). */
export type TablePart = 'header' | 'rows' | 'total';

export const TABLE_PARTS: readonly TablePart[] = ['header', 'rows', 'total'];

/** The rows of one part of the table (the table's own arrays: not to be changed). */
export function partRows(table: Table, part: TablePart): TableCell[][] {
  if (part === 'total') return table.total ? [table.total] : [];
  return table[part];
}

export function cellOf(table: Table, part: TablePart, row: number, cell: number): TableCell | undefined {
  return partRows(table, part)[row]?.[cell];
}

/** Where each header cell stands: for header row r and grid column c, the index of the cell covering it in its own row, and that row. */
function headerGrid(table: Table): ({ row: number; cell: number } | null)[][] {
  const columns = table.columns.length;
  const grid = table.header.map(() => new Array<{ row: number; cell: number } | null>(columns).fill(null));
  for (const place of placeHeaderCells(table.header, columns).places) {
    for (let r = place.row; r < place.row + place.rowSpan; r++) for (let c = place.column; c < place.column + place.colSpan; c++) grid[r]![c] ??= { row: place.row, cell: place.index };
  }
  return grid;
}

/**
 * The name of each column as a clerk reads it: the text of the lowest header cell over it that has any
 * (「交办件数」 under a merged 「信访件」), spaces taken out (offices pad header cells: 县 市 区); '' when none.
 */
export function columnNames(table: Table): string[] {
  const grid = headerGrid(table);
  return table.columns.map((_, column) => {
    for (let row = grid.length - 1; row >= 0; row--) {
      const place = grid[row]![column];
      if (!place) continue;
      const name = cellText(table.header[place.row]![place.cell]!).replace(/[\s\u3000]+/g, '');
      if (name) return name;
    }
    return '';
  });
}

/** The header cells that belong to this column alone (not merged over others). */
export function ownHeaderCells(table: Table, column: number): TableCell[] {
  const grid = headerGrid(table);
  const cells: TableCell[] = [];
  for (const row of grid) {
    const place = row[column];
    if (!place) continue;
    const cell = table.header[place.row]![place.cell]!;
    if ((cell.colSpan ?? 1) === 1 && !cells.includes(cell)) cells.push(cell);
  }
  return cells;
}

/** A column's name for a message: 「交办件数」, or 第3列 when its header says nothing. */
export function columnLabel(names: readonly string[], column: number): string {
  const name = names[column];
  return name ? `「${name}」` : `第${column + 1}列`;
}
