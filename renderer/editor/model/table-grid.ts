// Where the cells of a table stand on its grid of rows × columns: body and 合计 rows hold one cell per column,
// header cells may span columns and header rows (merged cells, as Word files have them). The schema checks
// tables with it, and the row and column commands find the cell under a column with it.
import type { TableCellElement, TableElement, TableRowElement } from './types.ts';
import { isOfType } from './nodes.ts';

/** One cell on the grid: its row among the table's rows, its index in that row, and the columns and rows it covers. */
export interface CellPlace {
  row: number;
  index: number;
  column: number;
  colSpan: number;
  rowSpan: number;
}

export const spanOf = (value: unknown): number => (typeof value === 'number' && Number.isInteger(value) && value >= 2 ? value : 1);

/** The table's rows (its title left out), with their index among the table's children. */
export function rowsOf(table: TableElement): { row: TableRowElement; child: number }[] {
  return table.children.flatMap((child, index) => (isOfType(child, 'table-row') ? [{ row: child, child: index }] : []));
}

/**
 * Every cell's place, row by row, or null when the cells do not tile the grid (a row too short or too long, spans
 * overlapping or running past the header). Only header rows may span; a span elsewhere counts as 1.
 */
export function cellPlaces(rows: readonly TableRowElement[], columns: number): CellPlace[][] | null {
  const headerRows = rows.filter((row) => row.role === 'header').length;
  const taken = rows.map(() => new Array<boolean>(columns).fill(false));
  const places: CellPlace[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const header = row.role === 'header';
    const out: CellPlace[] = [];
    let column = 0;
    for (let index = 0; index < row.children.length; index++) {
      const cell: TableCellElement = row.children[index]!;
      while (column < columns && taken[r]![column]) column++;
      const colSpan = header ? spanOf(cell.colSpan) : 1;
      const rowSpan = header ? spanOf(cell.rowSpan) : 1;
      if (column + colSpan > columns || (header && r + rowSpan > headerRows)) return null;
      for (let rr = r; rr < r + rowSpan; rr++) {
        for (let c = column; c < column + colSpan; c++) {
          if (taken[rr]![c]) return null;
          taken[rr]![c] = true;
        }
      }
      out.push({ row: r, index, column, colSpan, rowSpan });
      column += colSpan;
    }
    if (taken[r]!.some((filled) => !filled)) return null;
    places.push(out);
  }
  return places;
}

/** The cell covering a column of a row (a merged header cell covers several), with its place. */
export function cellAtColumn(places: readonly CellPlace[][], row: number, column: number): CellPlace | undefined {
  for (let r = row; r >= 0; r--) {
    const found = places[r]!.find((place) => place.column <= column && column < place.column + place.colSpan && r + place.rowSpan > row);
    if (found) return found;
  }
  return undefined;
}
