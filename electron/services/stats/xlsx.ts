// The 信息采用 count as an Excel workbook (exceljs, loaded when a workbook is made): the sheet 信息采用情况
// (序号, 单位, 文章, 动态, 编者按, 批示, 得分, 排名, 较上期, and a 合计 line), 明细 with every report counted,
// and 待确认 with those the clerk has still to settle.
import type { StatsReport } from '../../../shared/api/records.ts';
import { formatChineseDate } from '../../../shared/format/chinese.ts';

const KIND_LABELS = { article: '文章', item: '动态' } as const;
const PENDING_LABELS = { unknown: '未找到单位', ambiguous: '单位不明确', unconfirmed: '尚未确认', unlisted: '不在单位名单中' } as const;

type Cell = string | number | null;

export async function statsWorkbook(report: StatsReport): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = report.issuer || report.seriesName;
  workbook.title = `${report.period.label}信息采用情况`;

  const sheet = (name: string, columns: [string, number][], rows: Cell[][]) => {
    const worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = columns.map(([header, width]) => ({ header, width }));
    worksheet.getRow(1).font = { bold: true };
    worksheet.getRow(1).alignment = { horizontal: 'center' };
    for (const row of rows) worksheet.addRow(row);
    return worksheet;
  };

  const summary = sheet(
    '信息采用情况',
    [['序号', 6], ['单位', 24], ['文章', 8], ['动态', 8], ['编者按', 8], ['批示', 8], ['得分', 8], ['排名', 8], ['较上期', 10]],
    report.rows.map((row, index) => [index + 1, row.unit, row.articles, row.items, row.editorNotes, row.instructions, row.points, row.rank, row.change]),
  );
  const { totals } = report;
  const total = summary.addRow([null, '合计', totals.articles, totals.items, totals.editorNotes, totals.instructions, totals.points, null, null]);
  total.font = { bold: true };
  // General keeps whole numbers without a stray point (+5, not +5.)
  summary.getColumn(9).numFmt = '+General;-General;0';

  sheet(
    '明细',
    [['单位', 24], ['期号', 14], ['日期', 16], ['类别', 8], ['标题', 50], ['编者按', 8], ['批示', 8], ['得分', 8], ['来源', 12]],
    report.rows.flatMap((row) =>
      row.entries.map((entry) => [
        row.unit,
        entry.numberText,
        formatChineseDate(entry.date),
        KIND_LABELS[entry.kind],
        entry.title,
        entry.editorNote ? '有' : '',
        entry.instruction ? '有' : '',
        entry.points,
        entry.confirmed ? '已确认' : '自动识别',
      ]),
    ),
  );

  if (report.pending.length > 0) {
    sheet(
      '待确认',
      [['期号', 14], ['日期', 16], ['类别', 8], ['标题', 50], ['原因', 14], ['建议单位', 24], ['说明', 40]],
      report.pending.map((pending) => [pending.numberText, formatChineseDate(pending.date), KIND_LABELS[pending.kind], pending.title, PENDING_LABELS[pending.why], pending.suggested.join('、'), pending.reason]),
    );
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
