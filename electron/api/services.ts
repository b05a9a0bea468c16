// The composition root: opens the archive of a data folder and puts together the handler of every
// contract method (archive, export, app info). Electron's main process and browser mode both call it.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiHandlers } from '../../shared/api/contract.ts';
import type { ExportedFile } from '../../shared/api/records.ts';
import type { Issue } from '../../shared/model/issue.ts';
import type { SeriesSettings } from '../../shared/model/series.ts';
import { issueNumberOf } from '../../shared/format/chinese.ts';
import { openArchive, createArchiveHandlers, backupIfDue, type Archive, type ArchiveHolder } from '../services/archive/index.ts';
import { getIssue } from '../services/archive/issues.ts';
import { printSettingsOf } from '../services/archive/issued-prints.ts';
import { createImportHandlers } from '../services/import/handlers.ts';
import { exportDocx } from '../services/export/docx.ts';
import { missingFonts } from '../services/export/installed-fonts.ts';

export interface Services {
  handlers: ApiHandlers;
  archive: Archive;
  close(): Promise<void>;
}

export interface ServiceOptions {
  dataDir: string;
  /** who holds the archive while these services run ("简报（浏览器模式）"): named to a second program */
  holder?: ArchiveHolder;
  /** the daily backup runs when the app starts; tests turn it off */
  dailyBackup?: boolean;
  /** PDF export: Electron prints with its own webContents; browser mode and the CLI use Chromium */
  printPdf?: (issue: Issue, settings: SeriesSettings) => Promise<Uint8Array>;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

/** Characters Windows refuses in a file name. */
const FORBIDDEN_IN_FILE_NAMES = /[\\/:*?"<>|\u0000-\u001f]/g;
/** UTF-16 units of a name before its extension: well under the 255 every file system allows. */
const MAX_FILE_NAME = 120;

/**
 * A file name a clerk recognises and every file system accepts: 刊物名第13期.docx. A long series name is cut
 * (between characters, never inside a surrogate pair) so that the 期号 always stays whole.
 */
export function exportFileName(issue: Issue, extension: string): string {
  const number = issueNumberOf(issue).replace(/\s+/g, '').replace(FORBIDDEN_IN_FILE_NAMES, '_');
  let series = '';
  for (const char of issue.series.name.replace(FORBIDDEN_IN_FILE_NAMES, '_')) {
    if (series.length + char.length + number.length > MAX_FILE_NAME) break;
    series += char;
  }
  return `${series}${number}.${extension}`;
}

/**
 * A warning when the fonts the series prints in are not installed here (where the platform can tell):
 * a .docx names them and needs them where it is opened; a PDF carries the faces it was made with, so it
 * looks the same everywhere, but in stand-in faces.
 */
async function fontWarnings(settings: SeriesSettings, kind: 'docx' | 'pdf'): Promise<string[]> {
  const missing = await missingFonts(settings.fontProfile);
  if (!missing || missing.length === 0) return [];
  const fonts = missing.join('、');
  return kind === 'docx'
    ? [`本机未安装字体：${fonts}。Word 文件中仍写明这些字体，在装有它们的电脑上打开和打印才与公文版式一致；也可在刊物设置中改用系统字体。`]
    : [`本机未安装字体：${fonts}。PDF 已嵌入所用字体，在任何电脑上打开都一样，但这些字用的是本机相近的字体；要用正式字体，请在装有它们的电脑上导出 PDF。`];
}

const base64Of = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

export async function openServices({ dataDir, holder = { name: '简报', kind: 'app' }, dailyBackup = false, printPdf }: ServiceOptions): Promise<Services> {
  const archive = await openArchive({ dataDir, holder });
  if (dailyBackup && !archive.readOnlyReason) await backupIfDue(archive);
  // loaded only without printPdf: the packaged desktop app ships no playwright-core
  const printer = printPdf ? null : (await import('../services/export/pdf.ts')).createPdfPrinter();
  const pdf = printPdf ?? ((issue: Issue, settings: SeriesSettings) => printer!.print(issue, settings));

  /** An issued issue prints with the settings it was issued with, whatever its series' are now. */
  function issueWithSettings(issueId: number): { issue: Issue; settings: SeriesSettings } {
    const record = getIssue(archive, issueId);
    return { issue: record.issue, settings: printSettingsOf(archive, issueId, record.seriesId) };
  }

  const exportHandlers: Pick<ApiHandlers, 'export.docx' | 'export.pdf' | 'export.json' | 'app.info'> = {
    'app.info': () => ({ version, dataDir, readOnlyReason: archive.readOnlyReason }),
    'export.docx': async ({ issueId }): Promise<ExportedFile> => {
      const { issue, settings } = issueWithSettings(issueId);
      return { fileName: exportFileName(issue, 'docx'), base64: base64Of(await exportDocx(issue, settings)), warnings: await fontWarnings(settings, 'docx') };
    },
    'export.pdf': async ({ issueId }): Promise<ExportedFile> => {
      const { issue, settings } = issueWithSettings(issueId);
      return { fileName: exportFileName(issue, 'pdf'), base64: base64Of(await pdf(issue, settings)), warnings: await fontWarnings(settings, 'pdf') };
    },
    'export.json': ({ issueId }): ExportedFile => {
      const { issue } = issueWithSettings(issueId);
      return { fileName: exportFileName(issue, 'json'), base64: Buffer.from(`${JSON.stringify(issue, null, 2)}\n`, 'utf8').toString('base64') };
    },
  };

  return {
    archive,
    handlers: { ...createArchiveHandlers(archive), ...createImportHandlers(archive), ...exportHandlers },
    close: async () => {
      await printer?.close();
      archive.close();
    },
  };
}
