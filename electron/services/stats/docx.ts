// The 信息采用 count as a Word 通报 in the bulletin's print style (docx.ts's writer: the series' page, fonts
// and styles): the title in the title style, a paragraph naming the period and how points are counted,
// the table (borders, header bold, 仿宋 四号 cells, the 报尾's line pitch), then the issuer and the date
// flush right. docx is loaded with this module, which the handlers import only when a 通报 is made.
import { textWidthPt } from '../../../shared/layout/line-breaking.ts';
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from 'docx';
import type { StatsReport, StatsRow } from '../../../shared/api/records.ts';
import { formatChineseDate, todayIso } from '../../../shared/format/chinese.ts';
import { BLACK, CHINESE_FONT_SIZES_PT, ELEMENTS, pageGeometry } from '../../../shared/layout/profiles.ts';
import { mmToPt, mmToTwips, ptToEighths, ptToTwips } from '../../../shared/layout/units.ts';
import type { SeriesSettings } from '../../../shared/model/series.ts';
import { DocxWriter, packDocument, pagePropertiesOf, styleId } from '../export/docx.ts';

const CELL_PT = CHINESE_FONT_SIZES_PT.四号;
/** The table's columns; each but 单位 as wide as its header, 单位 takes the rest of the line. */
const COLUMNS: { header: string; cell: (row: StatsRow, index: number) => string }[] = [
  { header: '序号', cell: (_row, index) => String(index + 1) },
  { header: '单位', cell: (row) => row.unit },
  { header: '文章', cell: (row) => String(row.articles) },
  { header: '动态', cell: (row) => String(row.items) },
  { header: '编者按', cell: (row) => String(row.editorNotes) },
  { header: '批示', cell: (row) => String(row.instructions) },
  { header: '得分', cell: (row) => String(row.points) },
  { header: '排名', cell: (row) => String(row.rank) },
  { header: '较上期', cell: (row) => (row.change === null ? '—' : row.change > 0 ? `+${row.change}` : String(row.change)) },
];
const UNIT_COLUMN = 1;

const points = (value: number) => `${value}分`;

/** The paragraph under the title: the period, what was counted, and the rule. */
export function introText(report: StatsReport): string {
  const { period, totals, scoring } = report;
  const days = period.kind === 'custom' ? '' : `（${formatChineseDate(period.from)}至${formatChineseDate(period.to)}）`;
  const rule =
    `按刊发文章每篇计${points(scoring.article)}、动态信息每条计${points(scoring.item)}，加编者按的另加${points(scoring.editorNote)}，` +
    `获领导批示的另加${points(scoring.instruction)}计分，多个单位联合报送的各计一次`;
  const pending = totals.pending > 0 ? `另有${totals.pending}条信息来源待确认，未计入。` : '';
  return `${period.label}${days}，《${report.seriesName}》共编发${totals.issues}期，采用各单位信息${totals.counted}条（篇）。${rule}。${pending}现将各单位信息采用情况通报如下：`;
}

export async function statsDocx(report: StatsReport, settings: Pick<SeriesSettings, 'layoutProfile' | 'fontProfile'>, date: string = todayIso()): Promise<Uint8Array> {
  const page = pageGeometry(settings.layoutProfile);
  const writer = new DocxWriter(page, settings);
  const line = { line: ptToTwips(ELEMENTS.colophon.linePitchPt), lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  const noIndent = { firstLine: 0, firstLineChars: 0 };
  const text = (value: string, bold = false) => writer.runs([{ text: value, bold }], 'body', CELL_PT);

  const width = mmToTwips(page.typeAreaWidthMm);
  // a quarter of a character each side: a header of two characters then fits its column on one line
  const sideMargin = ptToTwips(CELL_PT / 4);
  // each column as wide as its header or its widest value (102.8, +12.5), whichever is wider
  const fixed = COLUMNS.map((column) => {
    const widest = Math.max(textWidthPt(column.header, CELL_PT), ...report.rows.map((row, index) => textWidthPt(column.cell(row, index), CELL_PT)));
    return Math.ceil(ptToTwips(widest)) + 2 * sideMargin;
  });
  const widths = fixed.map((fixedWidth, index) => (index === UNIT_COLUMN ? width - fixed.reduce((sum, each, at) => (at === UNIT_COLUMN ? sum : sum + each), 0) : fixedWidth));
  const cell = (value: string, index: number, bold: boolean) =>
    new TableCell({
      width: { size: widths[index]!, type: WidthType.DXA },
      margins: { left: sideMargin, right: sideMargin, top: 0, bottom: 0 },
      verticalAlign: VerticalAlign.CENTER,
      children: [new Paragraph({ style: styleId('body'), alignment: AlignmentType.CENTER, indent: noIndent, spacing: line, children: text(value, bold) })],
    });
  const rule = { style: BorderStyle.SINGLE, size: ptToEighths(mmToPt(ELEMENTS.colophon.innerRuleMm)), color: BLACK };
  const table = new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: rule, bottom: rule, left: rule, right: rule, insideHorizontal: rule, insideVertical: rule },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: COLUMNS.map((column, index) => cell(column.header, index, true)) }),
      ...report.rows.map((row, rowIndex) => new TableRow({ cantSplit: true, children: COLUMNS.map((column, index) => cell(column.cell(row, rowIndex), index, false)) })),
    ],
  });

  const rightIndent = { right: ptToTwips(page.bodyCharPt * 2), ...noIndent };
  const children = [
    new Paragraph({ style: styleId('title'), children: writer.runs([{ text: `${report.period.label}信息采用情况通报`, bold: false }], 'title', CHINESE_FONT_SIZES_PT.二号) }),
    new Paragraph({ style: styleId('blank') }),
    new Paragraph({ style: styleId('body'), children: writer.runs([{ text: introText(report), bold: false }], 'body', page.bodyCharPt) }),
    new Paragraph({ style: styleId('blank') }),
    table,
    new Paragraph({ style: styleId('blank') }),
    new Paragraph({ style: styleId('body'), alignment: AlignmentType.RIGHT, indent: rightIndent, children: writer.runs([{ text: report.issuer || report.seriesName, bold: false }], 'body', page.bodyCharPt) }),
    new Paragraph({ style: styleId('body'), alignment: AlignmentType.RIGHT, indent: rightIndent, children: writer.runs([{ text: formatChineseDate(date), bold: false }], 'body', page.bodyCharPt) }),
  ];
  return packDocument(writer, { title: `${report.period.label}信息采用情况通报`, creator: report.issuer || report.seriesName }, [
    { properties: pagePropertiesOf(page), footers: { default: writer.pageNumberFooter('odd'), even: writer.pageNumberFooter('even') }, children },
  ]);
}
