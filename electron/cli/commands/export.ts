// `jianbao export FILE --docx OUT.docx --pdf OUT.pdf [--layout …] [--fonts …] [--colophon-even]`, or
// `--issue ID [--data DIR]` for an issue of the archive: writes the bulletin as Word and/or PDF.
import { FONT_PROFILES, LAYOUT_PROFILES, type FontProfileName, type LayoutProfileName } from '../../../shared/model/series.ts';
import type { Issue } from '../../../shared/model/issue.ts';
import { DEFAULT_PRINT_OPTIONS, type PrintOptions } from '../../../shared/layout/typeset.ts';
import { readBulletinFileInWorker } from '../../services/import/read-in-worker.ts';
import { printSettingsOf } from '../../services/archive/index.ts';
import { exportDocx } from '../../services/export/docx.ts';
import { exportPdf } from '../../services/export/pdf.ts';
import { fontWarnings } from '../../services/export/exported-file.ts';
import { writeFileAtomic } from '../../services/export/write-file-atomic.ts';
import { CliError } from './cli-error.ts';
import type { CliIo, Command } from './command.ts';
import { withServices } from './services.ts';

function oneOf<T extends string>(value: unknown, allowed: readonly T[], what: string): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) throw new CliError(`${what}不正确：${String(value)}（可选：${allowed.join('、')}）`);
  return value as T;
}

const EXPORT_HOLDER = { holder: '命令 jianbao export', access: 'read' } as const;

function issueIdOf(idText: string): number {
  const id = Number(idText);
  if (!Number.isSafeInteger(id) || id < 1) throw new CliError(`简报编号不正确：${idText}`);
  return id;
}

/** An issue of the archive with the print options it prints with, for export with options of the command line's own. */
async function issueFromArchive(id: number, dataDir: unknown): Promise<{ issue: Issue; options: PrintOptions }> {
  return withServices(dataDir, EXPORT_HOLDER, async ({ api, archive }) => {
    const record = await api['issues.get']({ id });
    // the print settings an issued issue was issued with are the export service's (the contract has no
    // method for them): an issued issue prints as it was issued, whatever its series' settings are now
    const { layoutProfile, fontProfile, colophonOnEvenPage } = printSettingsOf(archive, id, record.seriesId);
    return { issue: record.issue, options: { layoutProfile, fontProfile, colophonOnEvenPage } };
  });
}

/** An issue of the archive as it prints, by the app's own export.docx and export.pdf; every file made before any is written. */
async function exportFromArchive(id: number, dataDir: unknown, docxPath: string | undefined, pdfPath: string | undefined, io: CliIo): Promise<number> {
  const outputs = await withServices(dataDir, EXPORT_HOLDER, async ({ api }) => {
    const made: [string, Uint8Array, string[]][] = [];
    for (const [path, method] of [[docxPath, 'export.docx'], [pdfPath, 'export.pdf']] as const) {
      if (!path) continue;
      const file = await api[method]({ issueId: id });
      made.push([path, Buffer.from(file.base64, 'base64'), file.warnings ?? []]);
    }
    return made;
  });
  for (const warning of new Set(outputs.flatMap(([, , warnings]) => warnings))) io.out(`提示：${warning}`);
  for (const [path, bytes] of outputs) {
    await writeFileAtomic(path, bytes);
    io.out(`已导出：${path}`);
  }
  return 0;
}

export const exportCommand: Command = {
  name: 'export',
  usage:
    'jianbao export 文件 [--docx 输出.docx] [--pdf 输出.pdf] [--layout gbt9704|first-glyph] [--fonts office|system] [--colophon-even]\n' +
    '  jianbao export --issue 编号 [--data 档案库文件夹] [--docx …] [--pdf …]   导出 Word / PDF（文件为 .txt、.docx、.doc、.wps、.pdf 或 .json）',
  options: {
    docx: { type: 'string' },
    pdf: { type: 'string' },
    layout: { type: 'string' },
    fonts: { type: 'string' },
    'colophon-even': { type: 'boolean' },
    issue: { type: 'string' },
    data: { type: 'string' },
  },
  async run({ values, positionals }, io) {
    const docxPath = values.docx as string | undefined;
    const pdfPath = values.pdf as string | undefined;
    if (!docxPath && !pdfPath) throw new CliError('请用 --docx 或 --pdf 指定输出文件，例如：jianbao export 简报.txt --docx 简报.docx');
    if (docxPath && pdfPath && docxPath === pdfPath) throw new CliError('Word 和 PDF 不能写到同一个文件');
    const layoutProfile = oneOf<LayoutProfileName>(values.layout, LAYOUT_PROFILES, '版式方案');
    const fontProfile = oneOf<FontProfileName>(values.fonts, FONT_PROFILES, '字体方案');

    const overridden = layoutProfile !== undefined || fontProfile !== undefined || values['colophon-even'] !== undefined;

    let source: { issue: Issue; options: PrintOptions };
    if (values.issue !== undefined) {
      if (positionals.length > 0) throw new CliError('--issue 与简报文件只能选一个');
      const id = issueIdOf(values.issue as string);
      if (!overridden) return exportFromArchive(id, values.data, docxPath, pdfPath, io);
      // with --layout, --fonts or --colophon-even: the export service itself, as the contract's export
      // methods print with the issue's own settings only
      source = await issueFromArchive(id, values.data);
    } else {
      const file = positionals[0];
      if (!file) throw new CliError('请指定要导出的简报文件（.txt、.docx、.doc、.wps、.pdf 或 .json），或用 --issue 指定档案库中的简报');
      if (positionals.length > 1) throw new CliError('一次只能导出一个简报文件');
      source = { issue: (await readBulletinFileInWorker(file)).issue, options: DEFAULT_PRINT_OPTIONS };
    }
    const options: PrintOptions = {
      layoutProfile: layoutProfile ?? source.options.layoutProfile,
      fontProfile: fontProfile ?? source.options.fontProfile,
      colophonOnEvenPage: (values['colophon-even'] as boolean | undefined) ?? source.options.colophonOnEvenPage,
    };

    // the app's own warnings, one for each kind of file made
    for (const kind of [docxPath ? 'docx' : null, pdfPath ? 'pdf' : null] as const) {
      if (kind) for (const warning of await fontWarnings(options, kind)) io.out(`提示：${warning}`);
    }
    // every file is made before any is written, so a failure leaves no output behind
    const outputs: [string, Uint8Array][] = [];
    if (docxPath) outputs.push([docxPath, await exportDocx(source.issue, options)]);
    if (pdfPath) outputs.push([pdfPath, await exportPdf(source.issue, options)]);
    for (const [path, bytes] of outputs) {
      await writeFileAtomic(path, bytes);
      io.out(`已导出：${path}`);
    }
    return 0;
  },
};
