// `npm run bench:volume [-- --issues N]`: a year's volume of N issues (300 by default, 4 pages each, about
// 1,200 pages) compiled through the app's own job (volume.start … volume.result: reading the archive
// included) as .docx and as PDF, with the process's peak memory; beside, in the same run, the same issues
// exported one by one as single .docx files and one issue's PDF, as baselines.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openArchive } from '../../electron/services/archive/archive.ts';
import { createServiceHandlers } from '../../electron/api/services.ts';
import { exportDocx } from '../../electron/services/export/docx.ts';
import { createPdfPrinter } from '../../electron/services/export/pdf.ts';
import type { ApiHandlers } from '../../shared/api/contract.ts';
import type { VolumeJob } from '../../shared/api/records.ts';
import { DEFAULT_PRINT_OPTIONS } from '../../shared/layout/typeset.ts';
import { renderPrintHtml } from '../../shared/print/render-print-html.ts';
import { renderEnv } from '../export/render-tools.ts';
import { generateIssue } from '../generate.ts';
import { fileSeries } from '../volume/volume-archive.ts';
import { median, printTable, timeRuns } from './table.ts';

const { values } = parseArgs({ options: { issues: { type: 'string', default: '300' } } });
const count = Number(values.issues);
process.env.FONTCONFIG_FILE = renderEnv.FONTCONFIG_FILE;
const dir = mkdtempSync(join(tmpdir(), 'jianbao-bench-volume-'));

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);

try {
  const archive = await openArchive({ dataDir: join(dir, 'data') });
  const contents = Array.from({ length: count }, (_, index) => generateIssue(2, index + 1));
  const filing = performance.now();
  const { series } = fileSeries(
    archive,
    contents.map((content, index) => ({ content, date: `2023-${String(1 + Math.floor((index * 12) / count)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}` })),
  );
  console.log(`filed ${count} issues in ${((performance.now() - filing) / 1000).toFixed(1)} s`);
  const services = createServiceHandlers(archive);
  const handlers = services.handlers as ApiHandlers;
  const request = { seriesId: series.id, range: { kind: 'year' as const, year: 2023 } };

  async function compile(format: 'docx' | 'pdf'): Promise<{ pages: number; bytes: number }> {
    let job: VolumeJob = await handlers['volume.start']({ ...request, format });
    while (job.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 20));
      job = await handlers['volume.progress']({ jobId: job.jobId });
    }
    if (job.state !== 'done') throw new Error(job.message ?? job.state);
    const file = await handlers['volume.result']({ jobId: job.jobId });
    return { pages: job.pages!, bytes: (file.base64.length * 3) / 4 };
  }

  let docxResult = { pages: 0, bytes: 0 };
  const docxRuns = await timeRuns(3, async () => (docxResult = await compile('docx')));
  const docxPeak = peakRss;
  const oneByOne = await timeRuns(1, async () => {
    for (const content of contents) await exportDocx(content, DEFAULT_PRINT_OPTIONS);
  });

  peakRss = 0;
  let pdfResult = { pages: 0, bytes: 0 };
  const pdfRuns = await timeRuns(1, async () => (pdfResult = await compile('pdf')));
  const pdfPeak = peakRss;
  const printer = createPdfPrinter();
  const html = renderPrintHtml(contents[0]!, DEFAULT_PRINT_OPTIONS);
  await printer.printHtml(html);
  const onePdf = await timeRuns(5, () => printer.printHtml(html));
  await printer.close();
  await services.close();
  archive.close();

  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  printTable(`A volume of ${count} issues (${docxResult.pages} pages), whole job: read, typeset, write`, ['what', 'median', 'goal', 'baseline (same run)', 'ratio'], [
    ['.docx', `${(median(docxRuns) / 1000).toFixed(2)} s (${mb(docxResult.bytes)})`, '≤ 10 s', `${count} single .docx exports: ${(median(oneByOne) / 1000).toFixed(2)} s`, (median(docxRuns) / median(oneByOne)).toFixed(2)],
    ['PDF', `${(median(pdfRuns) / 1000).toFixed(2)} s (${mb(pdfResult.bytes)})`, '≤ 60 s', `one issue's PDF × ${count}: ${((median(onePdf) * count) / 1000).toFixed(1)} s`, (median(pdfRuns) / (median(onePdf) * count)).toFixed(2)],
    ['peak memory, .docx', mb(docxPeak), '≤ 1 GB', '', ''],
    ['peak memory, PDF (this process; Chromium apart)', mb(pdfPeak), '≤ 1 GB', '', ''],
  ]);
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
