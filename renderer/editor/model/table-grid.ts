// Where the cells of a table stand on its grid of rows × columns: body and 合计 rows hold one cell per column,
// header cells may span columns and header rows (merged cells, as Word files have them). The schema checks
// tables with it, and the row and column commands find the cell under a column with it.
import type { TableElement, TableRowElement } from './types.ts';
import { isOfType } from './nodes.ts';
import { placeHeaderCells } from '../../../shared/model/header-grid.ts';

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
  const headerRows = rows.filter((row) => row.role === 'header');
  // the header rows stand first, as the schema keeps them; their cells are placed as the model places them
  if (rows.slice(0, headerRows.length).some((row) => row.role !== 'header')) return null;
  const header = placeHeaderCells(headerRows.map((row) => row.children.map((cell) => ({ colSpan: spanOf(cell.colSpan), rowSpan: spanOf(cell.rowSpan) }))), columns);
  if (header.problem !== null) return null;
  const places: CellPlace[][] = headerRows.map((_, r) => header.places.filter((place) => place.row === r));
  for (let r = headerRows.length; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.children.length !== columns) return null;
    places.push(row.children.map((_, index) => ({ row: r, index, column: index, colSpan: 1, rowSpan: 1 })));
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
