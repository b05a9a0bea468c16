// Lays out a table of an article: its columns' widths across the type area, each cell's text broken into the
// lines it prints as, and each row's height in whole lines of the grid, so the page plan can place rows like
// lines and the .docx and the print view draw the same table.
import type { ColumnAlign, Table, TableCell } from '../model/issue.ts';
import { cellText } from '../model/content.ts';
import { placeHeaderCells } from '../model/header-grid.ts';
import { ELEMENTS, PARAGRAPH_STYLES, type PageGeometry } from './profiles.ts';
import { textWidthPt } from './line-breaking.ts';
import { layRuns, printable, printableRuns, type LaidLine } from './laid-lines.ts';
import type { BlockSource } from './block-source.ts';

export interface PrintCell {
  /** the first column it stands in, from 0 */
  column: number;
  colSpan: number;
  rowSpan: number;
  align: ColumnAlign;
  bold: boolean;
  laid: LaidLine[];
}

export interface TableRowLayout {
  cells: PrintCell[];
  gridLines: number;
}

/** What every piece of one table shares: its columns, and its header rows (printed again on every page it runs on to). */
export interface TableLayout {
  columnWidthsPt: number[];
  widthPt: number;
  header: TableRowLayout[];
  headerGridLines: number;
}

/** The header rows of a table, kept with its first row and repeated at the top of each page the table runs on to. */
export interface PrintTableHeader {
  kind: 'tableHeader';
  table: TableLayout;
  gridLines: number;
  keepWithNext: boolean;
  keepTogether: boolean;
  source?: BlockSource;
}

/** A body row or the 合计 row of a table: never split across pages. */
export interface PrintTableRow {
  kind: 'tableRow';
  table: TableLayout;
  row: TableRowLayout;
  total: boolean;
  gridLines: number;
  keepWithNext: boolean;
  keepTogether: boolean;
  /** the header's lines printed above this row when it starts a page (0: the table has no header, or it is the first row) */
  repeatHeaderLines: number;
  source?: BlockSource;
}

const spec = () => ELEMENTS.table;

/** Width of a cell's text on one line, and of its longest piece that cannot break (a number, a word). */
function cellWidths(cell: TableCell): { natural: number; least: number } {
  const { sizePt } = spec();
  const text = printable(cellText(cell)).trim();
  const pieces = text.split(/(?<=[\u3000-\u9fff\uff00-\uffef])|(?=[\u3000-\u9fff\uff00-\uffef])|\s+/u).filter((piece) => piece !== '');
  const least = Math.max(0, ...pieces.map((piece) => textWidthPt(piece, sizePt)));
  return { natural: textWidthPt(text, sizePt), least };
}

/**
 * Columns across the whole type area: each column wants its widest cell on one line; where all fit they share
 * the spare width in proportion, where they do not, narrow columns keep their width and the wide ones share
 * what is left in proportion to what they want, never below two characters or an unbreakable number.
 */
export function columnWidths(table: Table, areaWidthPt: number): number[] {
  const { sizePt, cellPaddingPt, minColumnChars } = spec();
  const count = table.columns.length;
  const want = new Array<number>(count).fill(0);
  const least = new Array<number>(count).fill(minColumnChars * sizePt);
  const placed = [...table.rows, ...(table.total ? [table.total] : [])].flatMap((row) => row.map((cell, column) => ({ cell, column, colSpan: 1 })));
  placed.push(...placeHeaderCells(table.header, count).places.map(({ row, index, column, colSpan }) => ({ cell: table.header[row]![index]!, column, colSpan })));
  for (const { cell, column, colSpan } of placed) {
    if (colSpan !== 1 || column >= count) continue;
    const widths = cellWidths(cell);
    want[column] = Math.max(want[column]!, widths.natural);
    least[column] = Math.max(least[column]!, Math.min(widths.least, 6 * sizePt));
  }
  const pad = 2 * cellPaddingPt;
  const wanted = want.map((width, column) => Math.max(width, least[column]!) + pad);
  const base = minColumnChars * sizePt + pad;
  // an unbreakable number is kept whole where the area allows it, two characters are kept where it allows that
  let minimum = least.map((width) => width + pad);
  if (minimum.reduce((sum, width) => sum + width, 0) > areaWidthPt) minimum = minimum.map(() => base);
  if (base * count > areaWidthPt) return minimum.map(() => areaWidthPt / count);
  const total = wanted.reduce((sum, width) => sum + width, 0);
  if (total <= areaWidthPt) return wanted.map((width) => (width / total) * areaWidthPt);
  // fair share: columns wanting no more than an even share keep what they want; the rest split the remainder
  const widths = new Array<number>(count).fill(0);
  let open = wanted.map((_, column) => column);
  let room = areaWidthPt;
  for (let changed = true; changed && open.length > 0; ) {
    changed = false;
    const share = room / open.length;
    for (const column of open) {
      if (wanted[column]! <= share) {
        widths[column] = wanted[column]!;
        room -= wanted[column]!;
        changed = true;
      }
    }
    open = open.filter((column) => widths[column] === 0);
  }
  const openWant = open.reduce((sum, column) => sum + wanted[column]!, 0);
  for (const column of open) widths[column] = Math.max(minimum[column]!, (wanted[column]! / openWant) * room);
  // minimums may push past the area: take the excess back from the widest columns
  let excess = widths.reduce((sum, width) => sum + width, 0) - areaWidthPt;
  while (excess > 0.01) {
    const widest = widths.indexOf(Math.max(...widths));
    const give = Math.min(excess, widths[widest]! - minimum[widest]!);
    if (give <= 0.01) {
      const scale = areaWidthPt / widths.reduce((sum, width) => sum + width, 0);
      return widths.map((width) => width * scale);
    }
    widths[widest]! -= give;
    excess -= give;
  }
  return widths;
}

/** Whole grid lines a cell's lines of text need, with its padding above and below. */
export function gridLinesFor(lines: number, page: PageGeometry): number {
  const { cellLinePitchPt, verticalPaddingPt } = spec();
  return Math.max(1, Math.ceil((Math.max(1, lines) * cellLinePitchPt + 2 * verticalPaddingPt - 0.01) / page.linePitchPt));
}

function layCell(cell: TableCell, column: number, widthPt: number, align: ColumnAlign, bold: boolean): PrintCell {
  const { sizePt, cellPaddingPt } = spec();
  const runs = printableRuns(cell.runs);
  const laid = layRuns(runs, { widthPt: Math.max(sizePt, widthPt - 2 * cellPaddingPt), firstLineIndentPt: 0, fontSizePt: sizePt, letterSpacingPt: 0 }, false);
  return { column, colSpan: cell.colSpan ?? 1, rowSpan: cell.rowSpan ?? 1, align, bold: bold || PARAGRAPH_STYLES.tableCell.bold, laid };
}

/** The header's cells laid in their places (merged cells skip the columns and rows they cover), with each row's height. */
function layHeader(table: Table, widths: readonly number[], page: PageGeometry): TableRowLayout[] {
  const { places } = placeHeaderCells(table.header, widths.length);
  const rows = table.header.map((_, rowIndex): TableRowLayout => {
    const laidCells = places
      .filter((each) => each.row === rowIndex)
      .map(({ index, column, colSpan, rowSpan }) => {
        const width = widths.slice(column, column + colSpan).reduce((sum, each) => sum + each, 0);
        return layCell({ ...table.header[rowIndex]![index]!, colSpan, rowSpan }, column, width, 'center', true);
      });
    const own = laidCells.filter((cell) => cell.rowSpan === 1).map((cell) => cell.laid.length);
    return { cells: laidCells, gridLines: gridLinesFor(Math.max(1, ...own), page) };
  });
  // a cell merged down over rows gets its lines' room from the last row it covers
  rows.forEach((row, rowIndex) => {
    for (const cell of row.cells) {
      if (cell.rowSpan === 1) continue;
      const spanned = rows.slice(rowIndex, rowIndex + cell.rowSpan);
      const have = spanned.reduce((sum, each) => sum + each.gridLines, 0);
      const need = gridLinesFor(cell.laid.length, page);
      if (need > have) spanned.at(-1)!.gridLines += need - have;
    }
  });
  return rows;
}

function layPlainRow(cells: readonly TableCell[], table: Table, widths: readonly number[], page: PageGeometry, bold: boolean): TableRowLayout {
  const laid = widths.map((width, column) => layCell(cells[column] ?? { runs: [] }, column, width, table.columns[column]!.align, bold));
  return { cells: laid, gridLines: gridLinesFor(Math.max(1, ...laid.map((cell) => cell.laid.length)), page) };
}

/** A table as the blocks the page plan places: its header (if it has one), then one block per row. */
export function layTable(table: Table, page: PageGeometry, source: BlockSource | undefined): (PrintTableHeader | PrintTableRow)[] {
  const widths = columnWidths(table, page.typeAreaWidthPt);
  const header = layHeader(table, widths, page);
  const layout: TableLayout = { columnWidthsPt: widths, widthPt: widths.reduce((sum, width) => sum + width, 0), header, headerGridLines: header.reduce((sum, row) => sum + row.gridLines, 0) };
  const blocks: (PrintTableHeader | PrintTableRow)[] = [];
  const withSource = source ? { source } : {};
  if (header.length > 0) blocks.push({ kind: 'tableHeader', table: layout, gridLines: layout.headerGridLines, keepWithNext: true, keepTogether: true, ...withSource });
  const bodyRows: [TableCell[], boolean][] = [...table.rows.map((row): [TableCell[], boolean] => [row, false]), ...(table.total ? [[table.total, true] as [TableCell[], boolean]] : [])];
  bodyRows.forEach(([cells, total], index) => {
    const row = layPlainRow(cells, table, widths, page, false);
    blocks.push({ kind: 'tableRow', table: layout, row, total, gridLines: row.gridLines, keepWithNext: false, keepTogether: true, repeatHeaderLines: index === 0 ? 0 : layout.headerGridLines, ...withSource });
  });
  return blocks;
}
