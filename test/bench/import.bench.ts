// `npm run bench:import`: reading bulletins in process, as import and `inspect` do (without the worker's
// start): a typical .docx, and a generated 200-page bulletin as text, as .docx and as a PDF LibreOffice
// made from that .docx; the baselines are the floors of any reader: unzipping the 200-page .docx's main part,
// and pdfjs-dist's text content of every page of the PDF.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { parseBulletinText } from '../../shared/import/parse-bulletin.ts';
import { readBulletinBytes } from '../../electron/services/import/read-file.ts';
import { exportDocx } from '../../electron/services/export/docx.ts';
import { DEFAULT_PRINT_OPTIONS } from '../../shared/layout/typeset.ts';
import { bulletinFixtures } from '../fixtures.ts';
import { generateIssue } from '../generate.ts';
import { issueToPlainText } from '../../shared/text/plain-text.ts';
import { median, percentile, printTable, timeRuns } from './table.ts';

const RUNS = 7;
const dir = mkdtempSync(join(tmpdir(), 'jianbao-bench-import-'));
const fixture = bulletinFixtures()[2]!;
const typical = Buffer.from(await exportDocx(parseBulletinText(fixture.text).issue, DEFAULT_PRINT_OPTIONS));
const big = generateIssue(200);
const bigText = issueToPlainText(big);
const bigDocx = Buffer.from(await exportDocx(big, DEFAULT_PRINT_OPTIONS));
writeFileSync(join(dir, 'big.docx'), bigDocx);
execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'big.docx')], { stdio: 'ignore' });
const bigPdf = readFileSync(join(dir, 'big.pdf'));
const pages = Number(/\/Type\s*\/Pages[^>]*\/Count\s+(\d+)/.exec(bigPdf.toString('latin1'))?.[1] ?? Number.NaN);

/** The same .docx without its canonical part is read from its XML like any Word file. */
async function withoutCanonicalPart(docx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  for (const name of Object.keys(zip.files)) if (name.startsWith('customXml/')) zip.remove(name);
  return zip.generateAsync({ type: 'nodebuffer' });
}
const typicalPlain = await withoutCanonicalPart(typical);
const bigPlainDocx = await withoutCanonicalPart(bigDocx);

const rows: (string | number)[][] = [];
async function row(what: string, goalMs: number | null, body: () => unknown) {
  await body();
  const samples = await timeRuns(RUNS, body);
  rows.push([what, median(samples), percentile(samples, 95), goalMs === null ? '-' : `≤ ${goalMs}`, goalMs === null ? '-' : median(samples) <= goalMs ? 'met' : 'MISSED']);
}

await row('baseline: unzip word/document.xml of the 200-page .docx', null, async () => (await JSZip.loadAsync(bigDocx)).file('word/document.xml')!.async('string'));
await row(`typical .docx (${fixture.name}), canonical part`, 300, () => readBulletinBytes(typical, 'a.docx'));
await row(`typical .docx (${fixture.name}), read from its XML`, 300, () => readBulletinBytes(typicalPlain, 'a.docx'));
await row(`200-page text (${bigText.length} characters)`, 2000, () => readBulletinBytes(Buffer.from(bigText), 'big.txt'));
await row('200-page .docx, canonical part', 2000, () => readBulletinBytes(bigDocx, 'big.docx'));
await row('200-page .docx, read from its XML', 2000, () => readBulletinBytes(bigPlainDocx, 'big.docx'));
await row(`200-page PDF (${pages} pages, LibreOffice)`, 2000, () => readBulletinBytes(bigPdf, 'big.pdf'));
// imported only now: pdf.ts has loaded pdfjs (and put back the built-ins its legacy build replaces)
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
await row('baseline: pdfjs-dist alone, the text of every page of that PDF', null, async () => {
  const task = pdfjs.getDocument({ data: new Uint8Array(bigPdf), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  const document = await task.promise;
  for (let number = 1; number <= document.numPages; number++) await (await document.getPage(number)).getTextContent();
  await task.destroy();
});

printTable(`reading bulletins in process (${RUNS} runs each, after one warm-up)`, ['what', 'median ms', 'p95 ms', 'goal ms', ''], rows);
const medianOf = (what: string) => Number(rows.find((cells) => String(cells[0]).startsWith(what))![1]);
console.log(`the PDF read over pdfjs-dist alone: ${(medianOf('200-page PDF') / medianOf('baseline: pdfjs')).toFixed(2)}×`);
