// `jianbao compile --series NAME (--year Y | --from DATE --to DATE | --numbers 1-13 [--year Y]) [--include-drafts]
// --docx FILE --pdf FILE`: a series' issues of the range bound into one volume (汇编) with its cover and contents,
// by the app's own volume jobs (progress on stderr). Every file is made before any is written.
import { CliError } from './cli-error.ts';
import type { CliIo, Command } from './command.ts';
import { checkOutputPath } from './output-path.ts';
import { seriesIdByName, withServices } from './services.ts';

type Range = { kind: 'year'; year: number } | { kind: 'dates'; from: string; to: string } | { kind: 'numbers'; from: number; to: number; year?: number };

function yearOf(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value.trim()) || year < 1949 || year > 2200) throw new CliError(`年份不正确：${value}`);
  return year;
}

/** A date as typed (2023-7-12 too), as the contract takes it; a day that does not exist refused. */
async function dateOf(value: string, what: string): Promise<string> {
  const { isRealDate } = await import('../../../shared/model/issue.ts');
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value.trim());
  const iso = match ? `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}` : '';
  if (!isRealDate(iso)) throw new CliError(`${what}不正确：${value}（应写成 2023-07-12）`);
  return iso;
}

async function rangeOf(values: Record<string, unknown>): Promise<Range> {
  const year = typeof values.year === 'string' ? yearOf(values.year) : undefined;
  const from = values.from as string | undefined;
  const to = values.to as string | undefined;
  const numbers = values.numbers as string | undefined;
  const kinds = [numbers !== undefined, from !== undefined || to !== undefined, year !== undefined && numbers === undefined].filter(Boolean).length;
  if (kinds === 0) throw new CliError('请用 --year、--from/--to 或 --numbers 指定汇编范围，例如：jianbao compile --series 工作简报 --year 2023 --docx 汇编.docx');
  if (kinds > 1) throw new CliError('--year、--from/--to、--numbers 只能选一种（按期号汇编时可同时用 --year 指定年份）');
  if (numbers !== undefined) {
    const { parseNumberSpan, VolumeRangeError } = await import('../../../shared/volume/volume-range.ts');
    try {
      return { kind: 'numbers', ...parseNumberSpan(numbers), ...(year === undefined ? {} : { year }) };
    } catch (error) {
      if (error instanceof VolumeRangeError) throw new CliError(error.message);
      throw error;
    }
  }
  if (from !== undefined || to !== undefined) {
    if (from === undefined || to === undefined) throw new CliError('按日期汇编请同时写 --from 和 --to');
    const range = { kind: 'dates' as const, from: await dateOf(from, '起始日期'), to: await dateOf(to, '结束日期') };
    if (range.from > range.to) throw new CliError(`日期范围不正确：${range.from} 晚于 ${range.to}`);
    return range;
  }
  return { kind: 'year', year: year! };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const compileCommand: Command = {
  name: 'compile',
  usage:
    'jianbao compile --series 刊物名 (--year 年份 | --from 起始日期 --to 结束日期 | --numbers 1-13 [--year 年份]) [--include-drafts]\n' +
    '  --docx 汇编.docx --pdf 汇编.pdf [--data 档案库文件夹]   把一个刊物一段时间的简报汇编成册（封面、目录、各期）',
  options: {
    series: { type: 'string' },
    year: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    numbers: { type: 'string' },
    'include-drafts': { type: 'boolean', default: false },
    docx: { type: 'string' },
    pdf: { type: 'string' },
    data: { type: 'string' },
  },
  async run({ values, positionals }, io: CliIo) {
    if (positionals.length > 0) throw new CliError(`多余的参数：${positionals.join(' ')}`);
    const seriesName = values.series as string | undefined;
    if (!seriesName?.trim()) throw new CliError('请用 --series 指定要汇编的刊物名称');
    const docxPath = values.docx as string | undefined;
    const pdfPath = values.pdf as string | undefined;
    if (!docxPath && !pdfPath) throw new CliError('请用 --docx 或 --pdf 指定输出文件');
    if (docxPath && pdfPath && docxPath === pdfPath) throw new CliError('Word 和 PDF 不能写到同一个文件');
    if (docxPath) checkOutputPath(docxPath, { dataFlag: values.data, extension: '.docx', what: 'Word 文件' });
    if (pdfPath) checkOutputPath(pdfPath, { dataFlag: values.data, extension: '.pdf', what: 'PDF 文件' });
    const range = await rangeOf(values);
    const includeDrafts = values['include-drafts'] === true;

    const outputs = await withServices(values.data, { holder: '命令 jianbao compile', access: 'read' }, async ({ api }) => {
      const seriesId = await seriesIdByName(api, seriesName);
      const request = { seriesId, range, includeDrafts };
      const preview = await api['volume.preview'](request);
      if (preview.issues.length === 0) throw new CliError(`“${preview.seriesName}”在所选范围内没有${includeDrafts ? '' : '已印发的'}简报，未生成文件`);
      io.err(`汇编 ${preview.seriesName} ${preview.rangeLabel}，共 ${preview.issues.length} 期`);
      for (const gap of preview.gaps) io.err(`提示：${gap}`);
      const made: { path: string; base64: string; warnings: string[]; pages: number | null }[] = [];
      for (const [path, format] of [[docxPath, 'docx'], [pdfPath, 'pdf']] as const) {
        if (!path) continue;
        let job = await api['volume.start']({ ...request, format });
        let shown = '';
        while (job.state === 'running') {
          if (job.stage !== shown) io.err((shown = job.stage));
          await pause(100);
          job = await api['volume.progress']({ jobId: job.jobId });
        }
        if (job.state !== 'done') throw new CliError(job.message ?? '汇编失败');
        const file = await api['volume.result']({ jobId: job.jobId });
        made.push({ path, base64: file.base64, warnings: file.warnings ?? [], pages: job.pages });
      }
      return made;
    });
    for (const warning of new Set(outputs.flatMap((output) => output.warnings))) io.out(`提示：${warning}`);
    const { writeFileAtomic } = await import('../../services/export/write-file-atomic.ts');
    for (const output of outputs) {
      await writeFileAtomic(output.path, Buffer.from(output.base64, 'base64'));
      io.out(`已导出：${output.path}（共 ${output.pages} 页）`);
    }
    return 0;
  },
};
