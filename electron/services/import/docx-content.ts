// What the walk of a .docx (docx-paragraphs.ts) holds besides lines, decided: a table of figures (rows of
// text and numbers under a header) becomes a table, with its title from the paragraph above it; a table
// that lays out the page (the masthead's, the colophon's 报/送/发 lines, a frame around a box, photos side by
// side) is read as its paragraphs, cell by cell, as it always was; a picture becomes a photo with the
// caption printed under it. Rules and icons drawn as pictures are decoration, left out. The pictures'
// bytes are fetched and prepared by the caller (docx.ts).
import { COLOPHON_FIELD, COPIES_LINE, ISSUE_NUMBER, MASTHEAD_EXTRAS, PRINTED_LINE, squeeze } from '../../../shared/import/matchers.ts';
import type { SourceLine } from '../../../shared/import/source.ts';
import { pageGeometry } from '../../../shared/layout/profiles.ts';
import { headerGridProblem, type ColumnAlign, type Run, type Table, type TableCell } from '../../../shared/model/issue.ts';
import { IMAGE_LIMITS, TABLE_LIMITS } from '../../../shared/model/limits.ts';
import { visibleLength } from '../../../shared/text/lines.ts';
import type { DocxPicture, WalkCell, WalkItem, WalkLine, WalkRow, WalkTable } from './docx-paragraphs.ts';

/** A photo found in the body, before its bytes are read: the picture, the caption under it, its printed width. */
export interface PlacedPicture {
  picture: DocxPicture;
  caption: string;
  widthPercent: number;
}

/** The body in reading order: lines (a table among them as a line holding it) and photos to fetch. */
export type DocxContentItem = SourceLine | PlacedPicture;

export const isPlacedPicture = (item: DocxContentItem): item is PlacedPicture => 'picture' in item;

const EMU_PER_MM = 36_000;
/** the type area a picture's width is measured against: the width a bulletin's pages print (GB/T 9704) */
const TYPE_AREA_EMU = pageGeometry('gbt9704').typeAreaWidthMm * EMU_PER_MM;

/** 图为…, 图：…, 图1 …: a caption by its words. */
const CAPTION_OPENING = /^(?:图\s*为|图\s*[：:]|图\s*[0-9０-９一二三四五六七八九十]+)/;
/** A caption by its look: a short centred line in 楷体. */
const CAPTION_MAX_CHARS = 60;
/** 表1 …, 附表2 …, 表一 … */
const TABLE_NUMBER = /^(?:附\s*)?表\s*[0-9０-９一二三四五六七八九十]+/;
/** …情况统计表, …汇总表（单位：件） */
const TABLE_NAME_END = /表(?:\s*[（(][^）)]{0,20}[）)])?$/;
const TABLE_TITLE_MAX_CHARS = 50;
/** a number as a table prints it: 12, 1,234, 12.5, -3, 85%, ８ */
const NUMBER = /^[-+−]?(?:\d[\d,，]*(?:[.．]\d+)?|[.．]\d+)\s*[%％‰]?$/;
const TOTAL_LABEL = /^(?:合计|总计|小计)/;
/** a recipients field written in a cell of its own, the list in the next one */
const COLOPHON_LABEL = /^(?:报送|抄报|抄送|分送|主送|报|送|发|印送)[：:]?$/;

const fullWidthDigits = (text: string) => text.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
export const isNumberText = (text: string) => NUMBER.test(fullWidthDigits(squeeze(text)));

/** What only the masthead or the colophon prints: a table holding it lays out the page. */
function layoutLine(line: SourceLine): boolean {
  const text = line.text.trim();
  const squeezed = squeeze(text);
  return (
    line.red === true ||
    COLOPHON_FIELD.test(text) ||
    COLOPHON_LABEL.test(squeezed) ||
    PRINTED_LINE.test(text) ||
    COPIES_LINE.test(text) ||
    ISSUE_NUMBER.test(text) ||
    MASTHEAD_EXTRAS.test(squeezed)
  );
}

const cellLines = (cell: WalkCell): WalkLine[] => cell.items.filter((item): item is WalkLine => item.kind === 'line');

/** A cell's paragraphs as one run list, bold kept; two paragraphs meet without a space unless Latin letters or digits meet. */
function cellRuns(cell: WalkCell): Run[] {
  const runs: Run[] = [];
  for (const { line } of cellLines(cell)) {
    const lineRuns = line.runs ?? [{ text: line.text }];
    const before = runs.at(-1)?.text ?? '';
    if (before && /[A-Za-z0-9]$/.test(before) && /^[A-Za-z0-9]/.test(lineRuns[0]?.text ?? '')) runs.at(-1)!.text += ' ';
    for (const run of lineRuns) {
      const last = runs.at(-1);
      if (last && (last.bold === true) === (run.bold === true)) last.text += run.text;
      else runs.push(run.bold ? { text: run.text, bold: true } : { text: run.text });
    }
  }
  return runs;
}

const plainOf = (cell: WalkCell) => cellLines(cell).map(({ line }) => line.text).join('');
const hasText = (cell: WalkCell) => plainOf(cell).trim() !== '';
const isBold = (cell: WalkCell) => cellLines(cell).every(({ line }) => line.bold === true || line.text.trim() === '');
const spanOf = (row: WalkRow) => row.cells.reduce((sum, cell) => sum + cell.gridSpan, 0);

interface PlainCell {
  cell: TableCell;
  text: string;
  align: SourceLine['align'] | undefined;
}

/** A row as cells of one column each: a cell merged across gives its text to the first, a cell merged from above is empty. */
function plainRow(row: WalkRow, columns: number): PlainCell[] {
  const out: PlainCell[] = [];
  for (const cell of row.cells) {
    if (out.length >= columns) break;
    const covered = cell.vMerge === 'continue';
    out.push({ cell: { runs: covered ? [] : cellRuns(cell) }, text: covered ? '' : plainOf(cell), align: cellLines(cell)[0]?.line.align });
    for (let more = 1; more < cell.gridSpan && out.length < columns; more++) out.push({ cell: { runs: [] }, text: '', align: undefined });
  }
  while (out.length < columns) out.push({ cell: { runs: [] }, text: '', align: undefined });
  return out;
}

/** Header rows with their merges: across (gridSpan) as colSpan, down (vMerge) as rowSpan; null when they do not tile. */
function mergedHeader(rows: readonly WalkRow[], columns: number): TableCell[][] | null {
  const header: TableCell[][] = [];
  /** by grid column, the header cell a vertical merge started there */
  const open = new Map<number, TableCell>();
  for (const row of rows) {
    const cells: TableCell[] = [];
    let column = 0;
    for (const cell of row.cells) {
      const span = Math.min(cell.gridSpan, columns - column);
      if (span <= 0) break;
      const above = open.get(column);
      if (cell.vMerge === 'continue' && above) {
        above.rowSpan = (above.rowSpan ?? 1) + 1;
        column += span;
        continue;
      }
      const made: TableCell = { runs: cell.vMerge === 'continue' ? [] : cellRuns(cell) };
      if (span >= 2) made.colSpan = span;
      for (let at = column; at < column + span; at++) open.delete(at);
      if (cell.vMerge === 'restart') open.set(column, made);
      cells.push(made);
      column += span;
    }
    for (; column < columns; column++) {
      open.delete(column);
      cells.push({ runs: [] });
    }
    header.push(cells);
  }
  return headerGridProblem(header, columns) === null ? header : null;
}

function headerRowCount(rows: readonly WalkRow[]): number {
  let count = 0;
  while (count < rows.length && rows[count]!.header) count++;
  if (count === 0) {
    // unmarked: a first row set bold, or of words over rows of numbers
    const first = rows[0]!.cells.filter(hasText);
    const numbersBelow = rows.slice(1).some((row) => row.cells.some((cell) => isNumberText(plainOf(cell))));
    if (first.length > 0 && (first.every(isBold) || (first.every((cell) => !isNumberText(plainOf(cell))) && numbersBelow))) {
      count = 1;
      // a header over two rows: cells of the first merged down into the next, which holds no numbers
      while (
        count < rows.length - 1 &&
        rows[count - 1]!.cells.some((cell) => cell.vMerge === 'restart') &&
        rows[count]!.cells.some((cell) => cell.vMerge === 'continue') &&
        rows[count]!.cells.every((cell) => !isNumberText(plainOf(cell)))
      ) {
        count++;
      }
    }
  }
  return Math.min(count, TABLE_LIMITS.headerRows);
}

function columnAlign(cells: readonly PlainCell[]): ColumnAlign {
  const filled = cells.filter((cell) => cell.text.trim() !== '');
  // left is what a cell is without a word said (LibreOffice writes it on every paragraph): centred or right-aligned cells decide
  const set = filled.map((cell) => cell.align).filter((align): align is 'center' | 'right' => align === 'center' || align === 'right');
  if (set.length > 0) {
    const centred = set.filter((align) => align === 'center').length;
    return centred * 2 >= set.length ? 'center' : 'right';
  }
  return filled.length > 0 && filled.every((cell) => isNumberText(cell.text)) ? 'right' : 'left';
}

/**
 * The table a Word table of figures is, or null when the table lays out the page (one row or one column, the
 * masthead's or colophon's words, pictures in it, more columns or rows than a table may have): then its
 * paragraphs are read as they stand. A first row of one cell across the table is its title.
 */
export function tableOf(walk: WalkTable): Table | null {
  let rows = walk.rows.filter((row) => row.cells.length > 0);
  if (rows.length < 2) return null;
  const columns = Math.max(...rows.map(spanOf));
  if (columns < 2 || columns > TABLE_LIMITS.columns) return null;
  const items = rows.flatMap((row) => row.cells.flatMap((cell) => cell.items));
  if (items.some((item) => item.kind === 'picture')) return null;
  if (items.some((item) => item.kind === 'line' && layoutLine(item.line))) return null;
  let title = '';
  const across = rows[0]!.cells.length === 1 && rows[0]!.cells[0]!.gridSpan === columns ? plainOf(rows[0]!.cells[0]!).trim() : '';
  if (rows.length >= 3 && across !== '' && visibleLength(across) <= TABLE_TITLE_MAX_CHARS && !/[。；]$/.test(across) && !isNumberText(across)) {
    title = across;
    rows = rows.slice(1);
  }

  const headerCount = headerRowCount(rows);
  const headerRows = rows.slice(0, headerCount);
  const header = mergedHeader(headerRows, columns) ?? headerRows.map((row) => plainRow(row, columns).map((cell) => cell.cell));
  const body = rows
    .slice(headerCount)
    .map((row) => plainRow(row, columns))
    .filter((row) => row.some((cell) => cell.text.trim() !== ''));
  const last = body.at(-1);
  const totalRow = last && TOTAL_LABEL.test(squeeze(last.find((cell) => cell.text.trim() !== '')?.text ?? '')) ? body.pop() : undefined;
  if (body.length > TABLE_LIMITS.rows) return null;
  if (header.length === 0 && body.length === 0 && !totalRow) return null;
  const alignRows = totalRow ? [...body, totalRow] : body;
  const table: Table = {
    type: 'table',
    ...(title ? { title } : {}),
    columns: Array.from({ length: columns }, (_, column) => ({ align: columnAlign(alignRows.map((row) => row[column]!)) })),
    header,
    rows: body.map((row) => row.map((cell) => cell.cell)),
  };
  if (totalRow) table.total = totalRow.map((cell) => cell.cell);
  return table;
}

/** The paragraph right above a table that names it: `表1 …`, `…情况统计表`, short, not a sentence. */
function isTableTitle(line: SourceLine): boolean {
  const text = line.text.trim();
  if (text === '' || visibleLength(text) > TABLE_TITLE_MAX_CHARS || /[。；，、：:]$/.test(text)) return false;
  return TABLE_NUMBER.test(text) || (TABLE_NAME_END.test(text) && (line.align === 'center' || line.bold === true || /(?:统计|情况|汇总|一览|明细)表/.test(text)));
}

/** 图为…; or a short centred line in 楷体, or set smaller than the body and not bold (a title is bold or larger). */
function isCaption(lines: readonly WalkLine[], text: string, bodySizePt: number | null): boolean {
  if (CAPTION_OPENING.test(text)) return true;
  if (visibleLength(text) > CAPTION_MAX_CHARS || !lines.every(({ line }) => line.align === 'center')) return false;
  const smaller = bodySizePt !== null && lines.every(({ line }) => line.bold !== true && line.sizePt !== undefined && line.sizePt < bodySizePt);
  return smaller || lines.every(({ kai }) => kai);
}

/** The size most of the body's characters are set in, where the file says. */
function bodySizeOf(items: readonly WalkItem[]): number | null {
  const weight = new Map<number, number>();
  const add = (list: readonly WalkItem[]) => {
    for (const item of list) {
      if (item.kind === 'line' && item.line.sizePt !== undefined) weight.set(item.line.sizePt, (weight.get(item.line.sizePt) ?? 0) + item.line.text.length);
      else if (item.kind === 'table') for (const row of item.rows) for (const cell of row.cells) add(cell.items);
    }
  };
  add(items);
  let best: number | null = null;
  for (const [size, count] of weight) if (best === null || count > weight.get(best)!) best = size;
  return best;
}

/** A rule or an icon drawn as a picture: far wider than high, or smaller than a character. */
function isDecoration(picture: DocxPicture): boolean {
  const { widthEmu, heightEmu } = picture;
  if (picture.embeddedObject) return false;
  if (widthEmu !== undefined && heightEmu !== undefined && heightEmu * 20 < widthEmu) return true;
  return widthEmu !== undefined && widthEmu < 6 * EMU_PER_MM;
}

export function widthPercentOf(picture: DocxPicture): number {
  if (picture.widthEmu === undefined) return 100;
  return Math.max(IMAGE_LIMITS.minWidthPercent, Math.min(100, Math.round((picture.widthEmu / TYPE_AREA_EMU) * 100)));
}

/** The body's lines, tables and photos in reading order (see the file's head). */
export function docxContent(items: readonly WalkItem[], out: DocxContentItem[] = [], bodySizePt: number | null = bodySizeOf(items)): DocxContentItem[] {
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    if (item.kind === 'line') {
      out.push(item.line);
    } else if (item.kind === 'picture') {
      if (isDecoration(item.picture)) continue;
      let caption = '';
      const next = items[index + 1];
      if (next?.kind === 'line' && !item.picture.embeddedObject) {
        const lines: WalkLine[] = [];
        for (let at = index + 1; at < items.length; at++) {
          const candidate = items[at]!;
          if (candidate.kind !== 'line' || candidate.paragraph !== next.paragraph) break;
          lines.push(candidate);
        }
        const text = lines.map(({ line }) => line.text).join('').trim();
        if (isCaption(lines, text, bodySizePt)) {
          caption = text;
          index += lines.length;
        }
      }
      out.push({ picture: item.picture, caption, widthPercent: widthPercentOf(item.picture) });
    } else {
      const table = tableOf(item);
      if (!table) {
        // its cells' paragraphs and pictures in reading order, as one run of content: a caption may sit in the cell under its photo
        docxContent(
          item.rows.flatMap((row) => row.cells.flatMap((cell) => cell.items)),
          out,
          bodySizePt,
        );
        continue;
      }
      const above = items[index - 1];
      const aboveThat = items[index - 2];
      const titled =
        !table.title &&
        above?.kind === 'line' && out.at(-1) === above.line && !(aboveThat?.kind === 'line' && aboveThat.paragraph === above.paragraph) && isTableTitle(above.line);
      if (titled) out.pop();
      out.push({ text: '', element: titled ? { ...table, title: above.line.text.trim() } : table });
    }
  }
  return out;
}
