// `jianbao archive import PATH... [--series NAME]` files bulletins (.txt, .docx, .json, folders) into the
// archive at once (no review: that is the app's import), reporting per file the facts the app's review
// shows (series, 期号, date, what the reader guessed and set aside) and a summary at the end;
// `jianbao archive list [--json]` lists series and their issues.
import type { ImportOutcome } from '../../../shared/api/records.ts';
import { formatChineseDate } from '../../../shared/format/chinese.ts';
import { CliError } from './cli-error.ts';
import { withServices } from './services.ts';
import type { CliIo, Command, ParsedCommandArgs } from './command.ts';

/** One file's report: where it went, as which 期号 and date, what the reader guessed and what it set aside. */
export function outcomeLine(outcome: ImportOutcome, done: number, total: number): string {
  const at = `[${done}/${total}]`;
  if (outcome.status === 'imported') {
    return [
      `${at} 已导入 ${outcome.file} → ${outcome.seriesName} ${outcome.numberText}（${formatChineseDate(outcome.date)}）`,
      ...outcome.warnings.map((warning) => `    提示：${warning}`),
      ...outcome.setAside.map((line) => `    已略去网页内容：${line}`),
    ].join('\n');
  }
  return `${at} ${outcome.status === 'skipped' ? '已跳过' : '未导入'} ${outcome.file}：${outcome.reason}`;
}

/** The closing lines: how many files went where, and how many need a look. */
export function summaryLines(outcomes: readonly ImportOutcome[]): string[] {
  const count = (status: ImportOutcome['status']) => outcomes.filter((outcome) => outcome.status === status).length;
  const lines = [`共 ${outcomes.length} 个文件：导入 ${count('imported')} 期，跳过 ${count('skipped')} 个，未导入 ${count('failed')} 个`];
  const bySeries = new Map<string, string[]>();
  for (const outcome of outcomes) if (outcome.status === 'imported') bySeries.set(outcome.seriesName, [...(bySeries.get(outcome.seriesName) ?? []), outcome.numberText]);
  for (const [series, numbers] of bySeries) lines.push(`  ${series}：${numbers.length} 期（${numbers.join('、')}）`);
  const guessed = outcomes.filter((outcome) => outcome.status === 'imported' && outcome.warnings.length > 0).length;
  if (guessed > 0) lines.push(`  其中 ${guessed} 期有提示，请打开核对`);
  return lines;
}

async function importCommand({ values, positionals }: ParsedCommandArgs, io: CliIo): Promise<number> {
  if (positionals.length === 0) throw new CliError('请指定要导入的文件或文件夹，例如：jianbao archive import 简报文件夹');
  // the import service itself, not import.file: files and folders on disk, read and filed in batches of
  // one transaction each, into a series by its name (made when missing); the contract takes one upload
  // at a time into a series by id
  const { importPaths } = await import('../../services/import/import-files.ts');
  const outcomes = await withServices(values.data, { holder: '命令 jianbao archive import' }, ({ archive }) =>
    importPaths(archive, positionals, {
      seriesName: values.series as string | undefined,
      onProgress: values.json ? undefined : (outcome, done, total) => io.out(outcomeLine(outcome, done, total)),
    }),
  );
  if (outcomes.length === 0) throw new CliError('没有找到可导入的文件（支持 .txt、.docx、.doc、.wps、.pdf、.json）');
  const failed = outcomes.filter((outcome) => outcome.status === 'failed').length;
  io.out(values.json ? JSON.stringify(outcomes, null, 2) : summaryLines(outcomes).join('\n'));
  if (failed > 0) throw new CliError(`有 ${failed} 个文件未能导入，原因见各文件的说明；其余文件已导入`);
  return 0;
}

async function listCommand({ values }: ParsedCommandArgs, io: CliIo): Promise<number> {
  const listing = await withServices(values.data, { holder: '命令 jianbao archive list', access: 'read' }, async ({ api }) => {
    const listed = [];
    for (const series of await api['series.list']({ includeArchived: true })) listed.push({ ...series, issues: await api['issues.list']({ seriesId: series.id }) });
    return listed;
  });
  if (values.json) {
    io.out(JSON.stringify(listing, null, 2));
    return 0;
  }
  if (listing.length === 0) {
    io.out('档案库是空的。用 jianbao archive import 导入已有的简报。');
    return 0;
  }
  const { STATUS_LABELS } = await import('../../../shared/model/issue.ts');
  for (const series of listing) {
    io.out(`${series.settings.name}（${series.issueCount}期）${series.archived ? '［已归档］' : ''}`);
    for (const issue of series.issues) {
      io.out(`  ${issue.numberText}　${formatChineseDate(issue.date)}　${STATUS_LABELS[issue.status]}　${issue.firstTitle || '（无标题）'}`);
    }
  }
  return 0;
}

export const archiveCommand: Command = {
  name: 'archive',
  usage: [
    'jianbao archive import 文件或文件夹... [--series 刊物名] [--json] [--data 文件夹]   导入简报（.txt、.docx、.doc、.wps、.pdf、.json）到档案库',
    'jianbao archive list [--json] [--data 文件夹]   列出档案库中的刊物和各期',
  ].join('\n  '),
  options: { series: { type: 'string' }, json: { type: 'boolean', default: false }, data: { type: 'string' } },
  async run(args, io) {
    const [action, ...rest] = args.positionals;
    const sub = { ...args, positionals: rest };
    if (action === 'import') return importCommand(sub, io);
    if (action === 'list') return listCommand(sub, io);
    throw new CliError('请写明要做什么：jianbao archive import 文件… 或 jianbao archive list');
  },
};
