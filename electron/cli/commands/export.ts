// `jianbao export FILE --docx OUT.docx --pdf OUT.pdf [--layout …] [--fonts …] [--colophon-even]`, or
// `--issue ID [--data DIR]` for an issue of the archive: writes the bulletin as Word and/or PDF.
// Each library is loaded when the export needs it: docx for --docx, Chromium's driver for --pdf, SQLite
// for --issue (a .json to .docx starts neither Chromium's driver nor SQLite).
import type { FontProfileName, LayoutProfileName } from '../../../shared/model/series.ts';
import type { Issue } from '../../../shared/model/issue.ts';
import type { PrintOptions } from '../../../shared/layout/typeset.ts';
import { CliError } from './cli-error.ts';
import type { CliIo, Command } from './command.ts';
import { checkOutputPath } from './output-path.ts';
import { withServices } from './services.ts';

function oneOf<T extends string>(value: unknown, allowed: readonly T[], what: string): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) throw new CliError(`${what}不正确：${String(value)}（可选：${allowed.join('、')}）`);
  return value as T;
}

/** --layout and --fonts, checked against the profiles (whose module brings zod: loaded only when one is given). */
async function profilesOf(layout: unknown, fonts: unknown): Promise<{ layoutProfile?: LayoutProfileName; fontProfile?: FontProfileName }> {
  if (layout === undefined && fonts === undefined) return {};
  const { FONT_PROFILES, LAYOUT_PROFILES } = await import('../../../shared/model/series.ts');
  return { layoutProfile: oneOf(layout, LAYOUT_PROFILES, '版式方案'), fontProfile: oneOf(fonts, FONT_PROFILES, '字体方案') };
}

/** Starts loading the exporter of each kind asked for (docx; Chromium's driver for PDF). */
function loadExporters(docxPath: string | undefined, pdfPath: string | undefined) {
  const docx = docxPath ? import('../../services/export/docx.ts') : undefined;
  const pdf = pdfPath ? import('../../services/export/pdf.ts') : undefined;
  // awaited later, or never when reading the file fails first: a failure to load is reported when awaited
  for (const loading of [docx, pdf]) loading?.catch(() => undefined);
  return { docx, pdf };
}

const EXPORT_HOLDER = { holder: '命令 jianbao export', access: 'read' } as const;

function issueIdOf(idText: string): number {
  const id = Number(idText);
  if (!Number.isSafeInteger(id) || id < 1) throw new CliError(`简报编号不正确：${idText}`);
  return id;
}

/** What is exported: the issue, the options it prints with, and its photos' bytes by id. */
interface ExportSource {
  issue: Issue;
  options: PrintOptions;
  images: ReadonlyMap<string, Uint8Array>;
}

/** An issue of the archive with the print options it prints with (and its photos), for export with options of the command line's own. */
async function issueFromArchive(id: number, dataDir: unknown): Promise<ExportSource> {
  const [{ printSettingsOf, imageBytes }, { imageIdsOf }] = await Promise.all([import('../../services/archive/index.ts'), import('../../../shared/model/content.ts')]);
  return withServices(dataDir, EXPORT_HOLDER, async ({ api, archive }) => {
    const record = await api['issues.get']({ id });
    // the print settings an issued issue was issued with are the export service's (the contract has no
    // method for them): an issued issue prints as it was issued, whatever its series' settings are now
    const { layoutProfile, fontProfile, colophonOnEvenPage } = printSettingsOf(archive, id, record.seriesId);
    // read while the archive is open: the files are made after it closes
    const images = new Map(imageIdsOf(record.issue).flatMap((imageId) => {
      const bytes = imageBytes(archive, imageId);
      return bytes ? [[imageId, bytes] as const] : [];
    }));
    return { issue: record.issue, options: { layoutProfile, fontProfile, colophonOnEvenPage }, images };
  });
}

/** A bulletin file read in the reading worker, with the default print options (a .docx's photos come with it). */
async function issueFromFile(file: string): Promise<ExportSource> {
  const { readBulletinFileInWorker } = await import('../../services/import/read-in-worker.ts');
  const read = readBulletinFileInWorker(file);
  const { DEFAULT_PRINT_OPTIONS } = await import('../../../shared/layout/typeset.ts');
  const { issue, images } = await read;
  return { issue, options: DEFAULT_PRINT_OPTIONS, images: new Map((images ?? []).map((image) => [image.ref.id, image.bytes])) };
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
  const { writeFileAtomic } = await import('../../services/export/write-file-atomic.ts');
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
    const inputFile = values.issue === undefined ? positionals[0] : undefined;
    for (const [path, what, extension] of [[docxPath, 'Word 文件', '.docx'], [pdfPath, 'PDF 文件', '.pdf']] as const) if (path) checkOutputPath(path, { dataFlag: values.data, what, extension, source: inputFile });
    const { layoutProfile, fontProfile } = await profilesOf(values.layout, values.fonts);

    const overridden = layoutProfile !== undefined || fontProfile !== undefined || values['colophon-even'] !== undefined;

    let reading: Promise<ExportSource>;
    if (values.issue !== undefined) {
      if (positionals.length > 0) throw new CliError('--issue 与简报文件只能选一个');
      const id = issueIdOf(values.issue as string);
      if (!overridden) {
        loadExporters(docxPath, pdfPath);
        return exportFromArchive(id, values.data, docxPath, pdfPath, io);
      }
      // with --layout, --fonts or --colophon-even: the export service itself, as the contract's export
      // methods print with the issue's own settings only
      reading = issueFromArchive(id, values.data);
    } else {
      const file = positionals[0];
      if (!file) throw new CliError('请指定要导出的简报文件（.txt、.docx、.doc、.wps、.pdf 或 .json），或用 --issue 指定档案库中的简报');
      if (positionals.length > 1) throw new CliError('一次只能导出一个简报文件');
      reading = issueFromFile(file);
    }
    // the exporters load while the reading worker reads the file (the read is asked for first: the worker
    // then works on its own thread while this one compiles docx)
    const exporters = loadExporters(docxPath, pdfPath);
    const source = await reading;
    const options: PrintOptions = {
      layoutProfile: layoutProfile ?? source.options.layoutProfile,
      fontProfile: fontProfile ?? source.options.fontProfile,
      colophonOnEvenPage: (values['colophon-even'] as boolean | undefined) ?? source.options.colophonOnEvenPage,
    };

    const [{ fontWarnings }, { writeFileAtomic }] = await Promise.all([import('../../services/export/exported-file.ts'), import('../../services/export/write-file-atomic.ts')]);
    // the app's own warnings, one for each kind of file made (fc-list runs while the files are made)
    const kinds = ([docxPath ? 'docx' : null, pdfPath ? 'pdf' : null] as const).filter((kind) => kind !== null);
    const warnings = Promise.all(kinds.map((kind) => fontWarnings(options, kind)));
    // every file is made before any is written, so a failure leaves no output behind
    const outputs: [string, Uint8Array][] = [];
    const images = (id: string) => source.images.get(id) ?? null;
    const { imageIdsOf } = await import('../../../shared/model/content.ts');
    const missing = imageIdsOf(source.issue).filter((id) => !source.images.has(id)).length;
    // a .json names its photos by id only: without them the print shows 图片缺失 where each stands
    if (missing > 0) io.out(`提示：有 ${missing} 张图片不在这个文件中（.json 只记录图片的编号），导出的文件在它们的位置印“图片缺失”；请从档案库导出（--issue），或导出数据包`);
    if (docxPath && exporters.docx) outputs.push([docxPath, await (await exporters.docx).exportDocx(source.issue, options, images)]);
    if (pdfPath && exporters.pdf) outputs.push([pdfPath, await (await exporters.pdf).exportPdf(source.issue, options, undefined, images)]);
    for (const warning of (await warnings).flat()) io.out(`提示：${warning}`);
    for (const [path, bytes] of outputs) {
      await writeFileAtomic(path, bytes);
      io.out(`已导出：${path}`);
    }
    return 0;
  },
};
