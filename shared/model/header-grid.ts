// Where the cells of a table's header stand on its grid of header rows × columns: each cell in the first column
// its row leaves free of cells merged down from above, spanning the columns and rows it says. The schema checks
// that the cells tile the grid; the typesetter and proofreading read where each cell stands.

/** What placing needs of a header cell (a TableCell, or anything shaped like one). */
export interface SpanningCell {
  colSpan?: number | undefined;
  rowSpan?: number | undefined;
}

export interface HeaderPlace {
  /** the header row the cell is written in, and its index in that row */
  row: number;
  index: number;
  column: number;
  colSpan: number;
  rowSpan: number;
}

/**
 * Every header cell's place, spans cut at the grid's edge, and the first reason the cells do not tile the grid
 * (null when they do): a cell running past the last column or header row, merged cells overlapping, a row short
 * of columns. The places are given either way, so a reader of a stored issue never fails on one.
 */
export function placeHeaderCells(header: readonly (readonly SpanningCell[])[], columns: number): { places: HeaderPlace[]; problem: string | null } {
  const taken = header.map(() => new Array<boolean>(columns).fill(false));
  const places: HeaderPlace[] = [];
  let problem: string | null = null;
  header.forEach((cells, row) => {
    let column = 0;
    cells.forEach((cell, index) => {
      while (column < columns && taken[row]![column]) column++;
      const colSpan = cell.colSpan ?? 1;
      const rowSpan = cell.rowSpan ?? 1;
      if (column + colSpan > columns) problem ??= `表头第${row + 1}行的单元格超出了 ${columns} 列`;
      if (row + rowSpan > header.length) problem ??= `表头第${row + 1}行的单元格向下合并超出了表头`;
      const place = { row, index, column, colSpan: Math.max(1, Math.min(colSpan, columns - column)), rowSpan: Math.max(1, Math.min(rowSpan, header.length - row)) };
      for (let r = row; r < row + place.rowSpan; r++) {
        for (let c = column; c < column + place.colSpan; c++) {
          if (taken[r]![c]) problem ??= `表头第${r + 1}行的合并单元格互相重叠`;
          taken[r]![c] = true;
        }
      }
      if (column < columns) places.push(place);
      column += colSpan;
    });
    if (taken[row]!.some((filled) => !filled)) problem ??= `表头第${row + 1}行的单元格不足 ${columns} 列`;
  });
  return { places, problem };
}
