// `jianbao stats --series S --from DATE --to DATE [--all] [--json | --xlsx FILE | --docx FILE] [--data DIR]`:
// the 信息采用 count of a series over a period by the app's own stats.* methods: a table, a JSON array (one
// object per unit), or the Excel workbook and the Word 通报, every file made before any is written.
import type { StatsReport } from '../../../shared/api/records.ts';
import { CliError } from './cli-error.ts';
import { checkOutputPath } from './output-path.ts';
import type { CliIo, Command } from './command.ts';
import { seriesIdByName, withServices } from './services.ts';

function dateOf(value: unknown, what: string, flag: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new CliError(`请用 ${flag} 写出${what}，例如：${flag} 2023-07-01`);
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value.trim());
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || date.getUTCFullYear() !== Number(match[1]) || date.getUTCMonth() !== Number(match[2]) - 1 || date.getUTCDate() !== Number(match[3])) {
    throw new CliError(`${what}不正确：${value}（应写成 2023-07-01）`);
  }
  return `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
}

const signed = (change: number | null) => (change === null ? '—' : change > 0 ? `+${change}` : String(change));

function printTable(report: StatsReport, io: CliIo): void {
  io.out(`${report.seriesName} ${report.period.label}信息采用情况（${report.status === 'all' ? '含未印发的各期' : '已印发的各期'}，共 ${report.totals.issues} 期）`);
  const header = ['排名', '单位', '文章', '动态', '编者按', '批示', '得分', '较上期'];
  const rows = report.rows.map((row) => [String(row.rank), row.unit, String(row.articles), String(row.items), String(row.editorNotes), String(row.instructions), String(row.points), signed(row.change)]);
  // a Chinese character takes two columns of a terminal
  const widthOf = (text: string) => [...text].reduce((sum, char) => sum + (/[\u2e80-\uffff]/.test(char) ? 2 : 1), 0);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => widthOf(row[column]!))));
  const line = (row: string[]) => row.map((cell, column) => (column === 1 ? cell + ' '.repeat(widths[column]! - widthOf(cell)) : ' '.repeat(widths[column]! - widthOf(cell)) + cell)).join('  ');
  io.out(line(header));
  for (const row of rows) io.out(line(row));
  const { totals } = report;
  io.out(`合计：文章 ${totals.articles}，动态 ${totals.items}，编者按 ${totals.editorNotes}，批示 ${totals.instructions}，得分 ${totals.points}`);
  if (totals.provisional > 0) io.out(`其中 ${totals.provisional} 条按自动识别的来源单位计入，尚未确认`);
  if (totals.pending > 0) io.out(`另有 ${totals.pending} 条来源待确认，未计入（用 --json 或 --xlsx 查看明细）`);
}

export const statsCommand: Command = {
  name: 'stats',
  usage:
    'jianbao stats --series 刊物名 --from 起始日期 --to 结束日期 [--all] [--json | --xlsx 文件 | --docx 文件] [--data 档案库文件夹]\n' +
    '  各单位信息采用情况：篇数、条数、得分和排名（--all 含未印发的各期）',
  options: {
    series: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    all: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    xlsx: { type: 'string' },
    docx: { type: 'string' },
    data: { type: 'string' },
  },
  async run({ values, positionals }, io) {
    if (positionals.length > 0) throw new CliError(`多余的参数：${positionals.join(' ')}`);
    const seriesName = values.series as string | undefined;
    if (!seriesName?.trim()) throw new CliError('请用 --series 指定要统计的刊物名称');
    const from = dateOf(values.from, '起始日期', '--from');
    const to = dateOf(values.to, '结束日期', '--to');
    if (from > to) throw new CliError(`日期范围不正确：起始日期 ${from} 晚于结束日期 ${to}`);
    const xlsxPath = values.xlsx as string | undefined;
    const docxPath = values.docx as string | undefined;
    if (values.json && (xlsxPath || docxPath)) throw new CliError('--json 与 --xlsx、--docx 只能选一种');
    if (xlsxPath && docxPath && xlsxPath === docxPath) throw new CliError('Excel 和 Word 不能写到同一个文件');
    if (xlsxPath) checkOutputPath(xlsxPath, { dataFlag: values.data, extension: '.xlsx', what: 'Excel 文件' });
    if (docxPath) checkOutputPath(docxPath, { dataFlag: values.data, extension: '.docx', what: 'Word 文件' });
    const status = values.all ? ('all' as const) : ('issued' as const);

    const made = await withServices(values.data, { holder: '命令 jianbao stats', access: 'read' }, async ({ api }) => {
      const request = { seriesId: await seriesIdByName(api, seriesName), from, to, status };
      const report = await api['stats.tally'](request);
      const files: { path: string; base64: string }[] = [];
      if (xlsxPath) files.push({ path: xlsxPath, base64: (await api['stats.xlsx'](request)).base64 });
      if (docxPath) files.push({ path: docxPath, base64: (await api['stats.docx'](request)).base64 });
      return { report, files };
    });

    if (values.json) {
      const units = made.report.rows.map(({ entries: _entries, ...row }) => row);
      io.out(JSON.stringify(units, null, 2));
      return 0;
    }
    if (made.files.length === 0) {
      printTable(made.report, io);
      return 0;
    }
    const { writeFileAtomic } = await import('../../services/export/write-file-atomic.ts');
    for (const file of made.files) {
      await writeFileAtomic(file.path, Buffer.from(file.base64, 'base64'));
      io.out(`已导出：${file.path}`);
    }
    return 0;
  },
};
