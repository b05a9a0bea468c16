// Compiles a year's volume (汇编) into one file: each issue typeset in turn (the event loop is let go
// between issues, and a cancel is honoured there), the volume planned, then written as .docx or printed
// as PDF. The job handlers and the command line both run it.
import type { VolumeContent } from '../archive/index.ts';
import { typesetIssue, type PrintOptions } from '../../../shared/layout/typeset.ts';
import { issueNumberOf } from '../../../shared/format/chinese.ts';
import { typesetVolume, type TypesetVolume } from '../../../shared/volume/typeset-volume.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import type { PrintPdf } from './handlers.ts';
import type { ImageSource } from './docx-tables.ts';

export interface CompileProgress {
  stage: string;
  done: number;
  total: number;
  pages: number | null;
}

/** The clerk stopped the compiling. */
export class VolumeCancelled extends ApiError {
  constructor() {
    super('conflict', '汇编已取消');
    this.name = 'VolumeCancelled';
  }
}

/** Pages of one print document: Chromium's time per page grows with the document's length. */
const PAGES_PER_PRINT = 300;
const PRINTS_AT_ONCE = 2;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const optionsOf = ({ layoutProfile, fontProfile, colophonOnEvenPage }: PrintOptions): PrintOptions => ({ layoutProfile, fontProfile, colophonOnEvenPage });

export interface CompileOptions {
  format: 'docx' | 'pdf';
  printPdf: PrintPdf;
  /** ISO date printed on the cover */
  compiledOn: string;
  onProgress?: (progress: CompileProgress) => void;
  signal?: AbortSignal;
  /** the photos' stored bytes (from the archive) */
  images?: ImageSource;
}

/** Sets every issue of the volume, in turn, with the options it prints with. */
export async function planVolume(content: VolumeContent, { compiledOn, onProgress, signal }: Omit<CompileOptions, 'format' | 'printPdf'>): Promise<TypesetVolume> {
  const issues = content.issues.map(({ issue, status, settings }) => ({ issue, status, options: optionsOf(settings) }));
  const typesets = [];
  for (const [index, entry] of issues.entries()) {
    if (signal?.aborted) throw new VolumeCancelled();
    onProgress?.({ stage: `正在排版：${issueNumberOf(entry.issue)}（${index + 1}/${issues.length}）`, done: index, total: issues.length, pages: null });
    typesets.push(typesetIssue(entry.issue, entry.options));
    await nextTurn();
  }
  return typesetVolume({ seriesName: content.settings.name, issuer: content.settings.issuer, rangeLabel: content.preview.rangeLabel, compiledOn, issues }, typesets);
}

export async function compileVolume(content: VolumeContent, options: CompileOptions): Promise<{ bytes: Uint8Array; pages: number }> {
  const { onProgress, signal } = options;
  const volume = await planVolume(content, options);
  const total = content.issues.length;
  const pages = volume.sheets.length;
  if (signal?.aborted) throw new VolumeCancelled();
  if (options.format === 'docx') {
    const { exportVolumeDocx } = await import('./volume-docx.ts');
    const bytes = await exportVolumeDocx(volume, {
      images: options.images,
      creator: content.settings.issuer || content.settings.name,
      progress: async (done) => {
        if (signal?.aborted) throw new VolumeCancelled();
        onProgress?.({ stage: `正在写入 Word 文件：${done}/${total} 期（共 ${pages} 页）`, done, total, pages });
        await nextTurn();
      },
    });
    return { bytes, pages };
  }
  const [{ printVolumeHtmlParts }, { joinPdfs }, { printImageUrls }] = await Promise.all([
    import('../../../shared/print/render-volume-html.ts'),
    import('./join-pdfs.ts'),
    import('../../../shared/print/render-print-html.ts'),
  ]);
  const parts = printVolumeHtmlParts(volume, PAGES_PER_PRINT, printImageUrls);
  const printed: Uint8Array[] = new Array(parts.length);
  let finished = 0;
  let next = 0;
  const report = () => onProgress?.({ stage: `正在生成 PDF：已完成 ${finished} 部分（共 ${parts.length} 部分，${pages} 页）`, done: total, total, pages });
  report();
  // two parts at a time: one printing while the next is laid out
  const printer = async () => {
    while (next < parts.length) {
      if (signal?.aborted) throw new VolumeCancelled();
      const index = next++;
      printed[index] = await options.printPdf(parts[index]!.html, options.images);
      finished++;
      report();
    }
  };
  await Promise.all(Array.from({ length: Math.min(PRINTS_AT_ONCE, parts.length) }, printer));
  if (signal?.aborted) throw new VolumeCancelled();
  onProgress?.({ stage: `正在合并 PDF（共 ${pages} 页）`, done: total, total, pages });
  return { bytes: await joinPdfs(printed, volume.documentTitle), pages };
}
