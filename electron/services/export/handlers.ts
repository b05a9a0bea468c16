// The export service's contract methods: an issue of the archive as Word, PDF or its canonical JSON,
// each an ExportedFile (name, base64 bytes, font warnings). An issued issue prints with the settings it
// was issued with, whatever its series' are now. PDF: the desktop app prints with Electron's own
// webContents (printPdf); without one (browser mode, the command line) Chromium through playwright-core,
// started on the first PDF export and stopped by close().
import type { ApiHandlers, ApiMethod } from '../../../shared/api/contract.ts';
import type { ExportedFile } from '../../../shared/api/records.ts';
import type { Issue } from '../../../shared/model/issue.ts';
import type { SeriesSettings } from '../../../shared/model/series.ts';
import { getIssue, imageBytes, printSettingsOf, withStorageErrors, type Archive } from '../archive/index.ts';
import type { ImageSource } from './docx-tables.ts';
import { exportFileName, fontWarnings, issueJsonBytes } from './exported-file.ts';
import type { PdfPrinter } from './pdf.ts';

export type ExportMethod = Extract<ApiMethod, `export.${string}`>;
export type ExportHandlers = Pick<ApiHandlers, ExportMethod>;

/**
 * Prints a print document (the print view of an issue or of a volume) as PDF; its photos (at printImageUrls,
 * beside the document) are served from `images` while it prints.
 */
export type PrintPdf = (html: string, images?: ImageSource) => Promise<Uint8Array>;

export interface ExportService {
  handlers: ExportHandlers;
  /** the PDF printer these handlers use, for the volume's handlers too */
  printPdf: PrintPdf;
  /** stops the Chromium printer, if one was started */
  close(): Promise<void>;
}

const base64Of = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

export function createExportHandlers(archive: Archive, { printPdf }: { printPdf?: PrintPdf } = {}): ExportService {
  let printer: Promise<PdfPrinter> | null = null;
  // loaded only without printPdf: the packaged desktop app ships no playwright-core
  const pdf: PrintPdf =
    printPdf ??
    (async (html, images) => {
      printer ??= import('./pdf.ts').then(({ createPdfPrinter }) => createPdfPrinter());
      return (await printer).printHtml(html, images);
    });

  const images: ImageSource = (id) => imageBytes(archive, id);

  function issueWithSettings(issueId: number): { issue: Issue; settings: SeriesSettings } {
    const record = getIssue(archive, issueId);
    return { issue: record.issue, settings: printSettingsOf(archive, issueId, record.seriesId) };
  }

  const handlers = withStorageErrors<ExportHandlers>({
    'export.docx': async ({ issueId }): Promise<ExportedFile> => {
      const { issue, settings } = issueWithSettings(issueId);
      // the docx package is loaded with the first Word export, not at start
      const { exportDocx } = await import('./docx.ts');
      return { fileName: exportFileName(issue, 'docx'), base64: base64Of(await exportDocx(issue, settings, images)), warnings: await fontWarnings(settings, 'docx') };
    },
    'export.pdf': async ({ issueId }): Promise<ExportedFile> => {
      const { issue, settings } = issueWithSettings(issueId);
      const { renderPrintHtml, printImageUrls } = await import('../../../shared/print/render-print-html.ts');
      return { fileName: exportFileName(issue, 'pdf'), base64: base64Of(await pdf(renderPrintHtml(issue, settings, printImageUrls), images)), warnings: await fontWarnings(settings, 'pdf') };
    },
    'export.json': ({ issueId }): ExportedFile => {
      const { issue } = issueWithSettings(issueId);
      return { fileName: exportFileName(issue, 'json'), base64: Buffer.from(issueJsonBytes(issue)).toString('base64') };
    },
  });

  return {
    handlers,
    printPdf: pdf,
    close: async () => {
      const started = printer;
      printer = null;
      if (started) await (await started.catch(() => null))?.close();
    },
  };
}
