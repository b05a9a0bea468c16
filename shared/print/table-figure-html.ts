// The print view's tables and photos: a table's header and rows as boxes of cells on the grid rows the plan
// gave them (the header again at the top of each page the table runs on to), and a photo centred in its lines
// with its caption under it. Images come as URLs from the caller (data: URLs for PDF export).
import { ELEMENTS, PARAGRAPH_STYLES, type PageGeometry } from '../layout/profiles.ts';
import type { LaidLine, LinePlace, PrintFigure, PrintTableHeader, PrintTableRow, TableRowLayout } from '../layout/typeset.ts';
import { cssPt } from '../layout/units.ts';
import type { FontProfileName } from '../model/series.ts';
import type { ImageRef } from '../model/issue.ts';
import { escapeHtml, lineRunsHtml } from './text-html.ts';

/** The URL an image is shown from; null where the archive does not have it. */
export type ImageUrls = (image: ImageRef) => string | null;

/**
 * Where a print document being printed finds its photos: beside itself, served by the printer with the document
 * (a photo's bytes in the HTML as data: URLs would make one string of hundreds of MB for an issue of many photos).
 */
export const PRINT_IMAGE_PREFIX = 'images/';
export const printImageUrls: ImageUrls = (image) => `${PRINT_IMAGE_PREFIX}${image.id}.${image.format === 'jpeg' ? 'jpg' : 'png'}`;

/** The id of the photo a print document asks for by its path (`/images/<id>.jpg`), or null for any other path. */
export function printImageIdOf(pathname: string): string | null {
  const match = /^\/images\/([0-9a-f]{64})\.(?:jpg|png)$/.exec(pathname);
  return match ? match[1]! : null;
}

export function tableRules(): string {
  const { ruleWidthPt, cellPaddingPt, cellLinePitchPt } = ELEMENTS.table;
  return `
.jb-table { position: absolute; left: 0; }
.jb-cell { position: absolute; box-sizing: border-box; border: ${cssPt(ruleWidthPt)} solid #000; display: flex; flex-direction: column; justify-content: center; overflow: hidden; }
.jb-cell-line { white-space: pre; padding: 0 ${cssPt(cellPaddingPt)}; height: ${cssPt(cellLinePitchPt)}; line-height: ${cssPt(cellLinePitchPt)}; text-autospace: no-autospace; font-kerning: none; }
.jb-cell.jb-cell-bold { font-weight: bold; }
`.trim();
}

export function figureRules(): string {
  const { ruleWidthPt } = ELEMENTS.table;
  return `
.jb-figure { position: absolute; left: 0; right: 0; display: flex; align-items: center; justify-content: center; }
.jb-figure img { display: block; }
.jb-figure-missing { box-sizing: border-box; border: ${cssPt(ruleWidthPt)} dashed #777; color: #777; display: flex; align-items: center; justify-content: center; }
`.trim();
}

function cellLinesHtml(laid: readonly LaidLine[], align: string, profile: FontProfileName): string {
  const font = PARAGRAPH_STYLES.tableCell.font;
  return laid.map((line) => `<div class="jb-cell-line" style="text-align: ${align}">${lineRunsHtml(line.runs, font, profile)}</div>`).join('');
}

/** Rows of cells from a top offset: each cell drawn with all four rules, half a rule outside its box, so neighbours' rules coincide. */
function rowsHtml(rows: readonly TableRowLayout[], widths: readonly number[], page: PageGeometry, profile: FontProfileName): string {
  const rule = ELEMENTS.table.ruleWidthPt;
  const lefts = widths.map((_, column) => widths.slice(0, column).reduce((sum, width) => sum + width, 0));
  const tops = rows.map((_, index) => rows.slice(0, index).reduce((sum, row) => sum + row.gridLines, 0) * page.linePitchPt);
  const cells: string[] = [];
  rows.forEach((row, index) => {
    for (const cell of row.cells) {
      const width = widths.slice(cell.column, cell.column + cell.colSpan).reduce((sum, each) => sum + each, 0);
      const height = rows.slice(index, index + cell.rowSpan).reduce((sum, each) => sum + each.gridLines, 0) * page.linePitchPt;
      const box = [`left: ${cssPt(lefts[cell.column]! - rule / 2)}`, `top: ${cssPt(tops[index]! - rule / 2)}`, `width: ${cssPt(width + rule)}`, `height: ${cssPt(height + rule)}`];
      cells.push(`<div class="jb-cell jb-tableCell${cell.bold ? ' jb-cell-bold' : ''}" style="${box.join('; ')}">${cellLinesHtml(cell.laid, cell.align, profile)}</div>`);
    }
  });
  return cells.join('');
}

function tableBoxHtml(rows: readonly TableRowLayout[], block: PrintTableHeader | PrintTableRow, row: number, page: PageGeometry, profile: FontProfileName): string {
  const height = rows.reduce((sum, each) => sum + each.gridLines, 0) * page.linePitchPt;
  const style = `top: ${cssPt(row * page.linePitchPt)}; width: ${cssPt(block.table.widthPt)}; height: ${cssPt(height)}`;
  return `<div class="jb-table" style="${style}">${rowsHtml(rows, block.table.columnWidthsPt, page, profile)}</div>`;
}

export function tableHeaderHtml(block: PrintTableHeader, place: LinePlace, page: PageGeometry, profile: FontProfileName): string {
  return tableBoxHtml(block.table.header, block, place.row, page, profile);
}

export function tableRowHtml(block: PrintTableRow, place: LinePlace, page: PageGeometry, profile: FontProfileName): string {
  return tableBoxHtml([block.row], block, place.row, page, profile);
}

export function figureHtml(block: PrintFigure, place: LinePlace, page: PageGeometry, profile: FontProfileName, images: ImageUrls): string {
  const url = images(block.image);
  const size = `width: ${cssPt(block.widthPt)}; height: ${cssPt(block.heightPt)}`;
  const picture = url ? `<img src="${escapeHtml(url)}" alt="" style="${size}">` : `<div class="jb-figure-missing jb-tableCell" style="${size}">图片缺失</div>`;
  const top = place.row * page.linePitchPt;
  const parts = [`<div class="jb-figure" style="top: ${cssPt(top)}; height: ${cssPt(block.imageGridLines * page.linePitchPt)}">${picture}</div>`];
  const font = PARAGRAPH_STYLES.figureCaption.font;
  block.caption.forEach((line, index) => {
    const at = top + (block.imageGridLines + index) * page.linePitchPt;
    parts.push(`<div class="jb-line jb-figureCaption jb-centered" style="top: ${cssPt(at)}; height: ${cssPt(page.linePitchPt)}; line-height: ${cssPt(page.linePitchPt)}"><span>${lineRunsHtml(line.runs, font, profile)}</span></div>`);
  });
  return parts.join('\n');
}
