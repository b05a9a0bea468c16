// The .docx's tables and photos, from the typesetter's plan: a table as one Word table (its header rows marked to
// repeat on every page, rows never split, each row at least as tall as the grid lines the plan gave it), and a
// photo as a borderless table of an exactly sized image row and its caption, kept together.
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  ImageRun,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { BLACK, ELEMENTS, type PageGeometry, type ParagraphStyleName } from '../../../shared/layout/profiles.ts';
import type { PrintFigure, PrintRun, PrintTableHeader, PrintTableRow, TableRowLayout } from '../../../shared/layout/typeset.ts';
import { mmToTwips, ptToEighths, ptToPx, ptToTwips } from '../../../shared/layout/units.ts';

/** An image's stored bytes by its id; null where the archive does not have it. */
export type ImageSource = (id: string) => Uint8Array | null;

/** What the table writer needs of the document writer: runs in a style, the paragraph style ids. */
export interface RunWriter {
  readonly page: PageGeometry;
  runs(runs: readonly PrintRun[], style: ParagraphStyleName, sizePt: number): TextRun[];
  styleIdOf(style: ParagraphStyleName): string;
}

const PLACEHOLDER_PREFIX = 'JIANBAO-IMAGE:';
const imagePlaceholder = (id: string) => new TextEncoder().encode(`${PLACEHOLDER_PREFIX}${id}`);

/** The image id a media part's placeholder names, or null for a part that is no placeholder. */
export function placeholderImageId(bytes: Uint8Array): string | null {
  if (bytes.length !== PLACEHOLDER_PREFIX.length + 64) return null;
  const text = new TextDecoder().decode(bytes);
  return text.startsWith(PLACEHOLDER_PREFIX) ? text.slice(PLACEHOLDER_PREFIX.length) : null;
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function cellParagraphs(writer: RunWriter, lines: readonly { runs: PrintRun[] }[], align: keyof typeof ALIGN, bold: boolean): Paragraph[] {
  const runs = lines.flatMap((line) => line.runs).map((run) => ({ text: run.text, bold: run.bold || bold }));
  return [new Paragraph({ style: writer.styleIdOf('tableCell'), alignment: ALIGN[align], children: writer.runs(runs, 'tableCell', ELEMENTS.table.sizePt) })];
}

function rowOf(writer: RunWriter, row: TableRowLayout, widthsTwips: readonly number[], header: boolean, keepNext: boolean, cantSplit: boolean): TableRow {
  return new TableRow({
    tableHeader: header || undefined,
    cantSplit: cantSplit || undefined,
    keepNext: keepNext || undefined,
    // a rule's width short of the plan's lines: LibreOffice adds the table's outer rules to its height, and a row
    // that ends exactly at the foot of the type area must not be pushed over it
    height: { value: row.gridLines * writer.page.linePitchTwips - ptToTwips(ELEMENTS.table.ruleWidthPt), rule: HeightRule.ATLEAST },
    children: row.cells.map(
      (cell) =>
        new TableCell({
          width: { size: widthsTwips.slice(cell.column, cell.column + cell.colSpan).reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
          columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
          rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
          verticalAlign: VerticalAlign.CENTER,
          children: cellParagraphs(writer, cell.laid, cell.align, cell.bold),
        }),
    ),
  });
}

/** Column widths in whole twips that add up to the table's width in twips. */
function widthsInTwips(widthsPt: readonly number[]): number[] {
  const twips = widthsPt.map(ptToTwips);
  const total = ptToTwips(widthsPt.reduce((sum, width) => sum + width, 0));
  twips[twips.length - 1]! += total - twips.reduce((sum, width) => sum + width, 0);
  return twips;
}

/** One table from its header (if any) and its rows, in plan order. */
export function tableOf(writer: RunWriter, pieces: readonly (PrintTableHeader | PrintTableRow)[]): Table {
  const layout = pieces[0]!.table;
  const widths = widthsInTwips(layout.columnWidthsPt);
  const rule = { style: BorderStyle.SINGLE, size: ptToEighths(ELEMENTS.table.ruleWidthPt), color: BLACK };
  // LibreOffice loses rows of a table that runs over pages when rows that must not split follow a header with a
  // cell merged down (vMerge); a row of one line cannot split anyway, so only taller rows are marked, and only
  // under headers without such a cell
  const mergedDown = layout.header.some((row) => row.cells.some((cell) => cell.rowSpan > 1));
  const cantSplit = (row: TableRowLayout) => !mergedDown && row.cells.some((cell) => cell.laid.length > 1);
  const rows: TableRow[] = [];
  for (const piece of pieces) {
    if (piece.kind === 'tableHeader') piece.table.header.forEach((row) => rows.push(rowOf(writer, row, widths, true, true, cantSplit(row))));
    else rows.push(rowOf(writer, piece.row, widths, false, false, cantSplit(piece.row)));
  }
  const pad = ptToTwips(ELEMENTS.table.cellPaddingPt);
  return new Table({
    width: { size: widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    margins: { top: 0, bottom: 0, left: pad, right: pad },
    borders: { top: rule, bottom: rule, left: rule, right: rule, insideHorizontal: rule, insideVertical: rule },
    rows,
  });
}

/** A photo: an exactly sized row holding the image centred, then its caption's row, kept on one page. */
export function figureOf(writer: RunWriter, figure: PrintFigure, images: ImageSource): Table {
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  const width = mmToTwips(writer.page.typeAreaWidthMm);
  const bytes = images(figure.image.id);
  // the docx package deflates every part in JavaScript, slowly for photos that do not compress: it is given a
  // placeholder naming the image, and the stored bytes go in afterwards, uncompressed (withStoredImages)
  const picture = bytes
    ? new ImageRun({ type: figure.image.format === 'jpeg' ? 'jpg' : 'png', data: imagePlaceholder(figure.image.id), transformation: { width: ptToPx(figure.widthPt), height: ptToPx(figure.heightPt) } })
    : writer.runs([{ text: '图片缺失', bold: false }], 'tableCell', ELEMENTS.table.sizePt);
  const imageRow = new TableRow({
    cantSplit: true,
    keepNext: figure.caption.length > 0 || undefined,
    height: { value: figure.imageGridLines * writer.page.linePitchTwips, rule: HeightRule.EXACT },
    children: [
      new TableCell({
        width: { size: width, type: WidthType.DXA },
        verticalAlign: VerticalAlign.CENTER,
        // an image in a paragraph of exact line spacing is cut to the line: this one takes the image's height
        children: [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 }, children: Array.isArray(picture) ? picture : [picture] })],
      }),
    ],
  });
  const rows = [imageRow];
  if (figure.caption.length > 0) {
    rows.push(
      new TableRow({
        cantSplit: true,
        height: { value: figure.caption.length * writer.page.linePitchTwips, rule: HeightRule.ATLEAST },
        children: [
          new TableCell({
            width: { size: width, type: WidthType.DXA },
            children: [new Paragraph({ style: writer.styleIdOf('figureCaption'), children: writer.runs(figure.caption.flatMap((line) => line.runs), 'figureCaption', ELEMENTS.figure.captionSizePt) })],
          }),
        ],
      }),
    );
  }
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width],
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows,
  });
}
