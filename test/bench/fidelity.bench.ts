// `npm run bench:fidelity`: every fixture (both layout profiles) and the generated issues, exported as .docx
// and PDF; the .docx rendered by LibreOffice (standing in for WPS/Word); both read back with pdftotext and
// compared line by line. Prints, per issue: pages, lines identical between the two renders, the plan's own
// lines found in the PDF, and where the remaining lines differ and why. Also times the plan, the PDF and the print view.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportDocx } from '../../electron/services/export/docx.ts';
import { createPdfPrinter } from '../../electron/services/export/pdf.ts';
import { parseBulletinText } from '../../shared/import/parse-bulletin.ts';
import { typesetIssue, type PrintOptions } from '../../shared/layout/typeset.ts';
import { renderPrintHtml } from '../../shared/print/render-print-html.ts';
import type { Issue } from '../../shared/model/issue.ts';
import { bulletinFixtures } from '../fixtures.ts';
import { generateIssue } from '../generate.ts';
import { extremeIssues } from '../export/extreme-issues.ts';
import { compareRenders, fidelityIssues, headingProblems, missingCharacters, planLines, plannedHeadings, renderLines, withoutColophon } from '../export/fidelity.ts';
import { convertWithLibreOffice, pdfPageTexts, renderEnv } from '../export/render-tools.ts';
import { median, printTable, timeRuns } from './table.ts';

process.env.FONTCONFIG_FILE = renderEnv.FONTCONFIG_FILE;
const standard: PrintOptions = { layoutProfile: 'gbt9704', fontProfile: 'office', colophonOnEvenPage: false };
const alternative: PrintOptions = { layoutProfile: 'first-glyph', fontProfile: 'system', colophonOnEvenPage: true };
const out = mkdtempSync(join(tmpdir(), 'jianbao-fidelity-'));
mkdirSync(out, { recursive: true });

const inputs: { name: string; issue: Issue; options: PrintOptions }[] = [
  ...bulletinFixtures().flatMap((fixture) => {
    const issue = parseBulletinText(fixture.text).issue;
    return [
      { name: fixture.name, issue, options: standard },
      { name: `${fixture.name} (first-glyph)`, issue, options: alternative },
    ];
  }),
  ...fidelityIssues().map(({ name, issue }) => ({ name, issue, options: standard })),
  { name: 'generated-200-pages', issue: extremeIssues().find((entry) => entry.name === 'generated-200-pages')!.issue, options: standard },
];

const printer = createPdfPrinter();
const files = inputs.map((_, index) => join(out, `issue-${index}`));
for (const [index, input] of inputs.entries()) {
  writeFileSync(`${files[index]}.docx`, await exportDocx(input.issue, input.options));
  writeFileSync(`${files[index]}.print.pdf`, await printer.print(input.issue, input.options));
}
convertWithLibreOffice(files.map((file) => `${file}.docx`), out);

/** Why a line of the PDF is printed differently by LibreOffice. */
function reason(line: string): string {
  if (/[A-Za-z0-9]\s|\s[A-Za-z0-9]/.test(line)) return 'typed space beside Western text';
  if (/[0-9A-Za-z]/.test(line)) return 'digits/Latin (autospace)';
  return 'follows an earlier difference';
}

const rows: (string | number)[][] = [];
let lines = 0;
let identical = 0;
let planTotal = 0;
let planHits = 0;
for (const [index, input] of inputs.entries()) {
  const docx = pdfPageTexts(`${files[index]}.pdf`);
  const pdf = pdfPageTexts(`${files[index]}.print.pdf`);
  const typeset = typesetIssue(input.issue, input.options);
  const renders = compareRenders(renderLines(pdf), renderLines(docx));
  const plan = compareRenders(planLines(typeset), withoutColophon(renderLines(pdf)));
  lines += renders.lines;
  identical += renders.identical;
  planTotal += plan.lines;
  planHits += plan.identical;
  const reasons = new Map<string, number>();
  for (const line of renders.differing) reasons.set(reason(line), (reasons.get(reason(line)) ?? 0) + 1);
  const headings = plannedHeadings(typeset);
  const headingIssues = headingProblems(renderLines(docx), headings).length + headingProblems(renderLines(pdf), headings).length;
  const missing = missingCharacters(input.issue, docx).length + missingCharacters(input.issue, pdf).length;
  rows.push([
    input.name,
    `${docx.length}/${pdf.length}/${typeset.pages.totalPages}`,
    renders.lines,
    `${(100 * renders.share).toFixed(1)}%`,
    `${(100 * plan.share).toFixed(1)}%`,
    headingIssues,
    missing,
    [...reasons].map(([why, count]) => `${count} ${why}`).join('; ') || '—',
  ]);
}
rows.push(['all', '', lines, `${((100 * identical) / lines).toFixed(1)}%`, `${((100 * planHits) / planTotal).toFixed(1)}%`, '', '', '']);
printTable('Line agreement: the .docx through LibreOffice vs the PDF through Chromium', ['issue', 'pages docx/pdf/plan', 'PDF lines', 'identical', 'plan = PDF', 'heading faults', 'missing chars', 'where lines differ'], rows);

const fixture = parseBulletinText(bulletinFixtures()[0]!.text).issue;
const big = generateIssue(200);
const planTimes = await timeRuns(20, () => typesetIssue(big, standard));
const pdfTimes = await timeRuns(10, () => printer.print(fixture, standard));
const htmlTimes = await timeRuns(20, () => renderPrintHtml(fixture, standard));
printTable('Speed (ms)', ['what', 'median', 'goal'], [
  ['plan of a 200-page issue', median(planTimes), '≤ 100'],
  ['PDF of a fixture, Chromium running', median(pdfTimes), '≤ 800'],
  ['print view HTML of a fixture (the preview’s work before the frame draws)', median(htmlTimes), '≤ 300'],
]);
await printer.close();
