// `npm run bench:export`: how long Word and PDF export take — .docx in process for a fixture (median of 50)
// and for a generated 200-page issue, PDF through one warm Chromium — beside LibreOffice converting the same
// content (the print view's HTML) to .docx in the same run, as a baseline.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportDocx } from '../../electron/services/export/docx.ts';
import { createPdfPrinter } from '../../electron/services/export/pdf.ts';
import { parseBulletinText } from '../../shared/import/parse-bulletin.ts';
import { DEFAULT_PRINT_OPTIONS } from '../../shared/layout/typeset.ts';
import { renderPrintHtml } from '../../shared/print/render-print-html.ts';
import { renderEnv } from '../export/render-tools.ts';
import { bulletinFixtures } from '../fixtures.ts';
import { generateIssue } from '../generate.ts';
import { median, percentile, printTable, timeRuns } from './table.ts';

const options = DEFAULT_PRINT_OPTIONS;
const fixture = bulletinFixtures().find((entry) => entry.name === 'yiyang-2023-13')!;
const issue = parseBulletinText(fixture.text).issue;
const big = generateIssue(200);
const dir = mkdtempSync(join(tmpdir(), 'jianbao-bench-export-'));
process.env.FONTCONFIG_FILE = renderEnv.FONTCONFIG_FILE;

/** LibreOffice, started for one conversion as a user (or a script) would run it: HTML in, .docx out. */
function libreOfficeHtmlToDocx(name: string, html: string): () => void {
  const input = join(dir, `${name}.html`);
  writeFileSync(input, html);
  return () => {
    const profile = mkdtempSync(join(tmpdir(), 'jianbao-bench-lo-'));
    const result = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, input], {
      env: renderEnv,
      encoding: 'utf8',
      timeout: 300_000,
    });
    rmSync(profile, { recursive: true, force: true });
    if (result.status !== 0) throw new Error(result.stderr);
  };
}

const rows: (string | number)[][] = [];
const row = (what: string, samples: number[], goal: string) => rows.push([what, String(samples.length), median(samples), percentile(samples, 95), goal]);

// one untimed run each, so the JIT and the docx package's first-use costs stay out of the medians
await exportDocx(issue, options);
await exportDocx(big, options);
row(`.docx in process, ${fixture.name}`, await timeRuns(50, () => exportDocx(issue, options)), '≤ 50 ms');
row('.docx in process, generated 200-page issue', await timeRuns(10, () => exportDocx(big, options)), '≤ 1000 ms');

const printer = createPdfPrinter();
try {
  row('PDF, first export (starts Chromium)', await timeRuns(1, () => printer.print(issue, options)), '-');
  row(`PDF, ${fixture.name} (Chromium running)`, await timeRuns(10, () => printer.print(issue, options)), '≤ 1500 ms');
  row('PDF, generated 200-page issue (Chromium running)', await timeRuns(3, () => printer.print(big, options)), '-');
} finally {
  await printer.close();
}

row(`baseline: LibreOffice HTML → .docx, ${fixture.name}`, await timeRuns(5, libreOfficeHtmlToDocx('fixture', renderPrintHtml(issue, options))), '-');
row('baseline: LibreOffice HTML → .docx, generated 200-page issue', await timeRuns(2, libreOfficeHtmlToDocx('big', renderPrintHtml(big, options))), '-');
rmSync(dir, { recursive: true, force: true });

printTable('Word and PDF export (times in ms)', ['what', 'runs', 'median', 'p95', 'goal'], rows);
