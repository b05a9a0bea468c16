// Renders every fixture and the extremes both ways, the .docx through LibreOffice and the print view through
// Chromium (one browser for all), and checks the printed pages: counts, `— N —`, the colophon at the foot of
// the last page, the 22 × 28 grid. PNGs of first and last pages go to test-output/export/ for a person to look at.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/services/export/docx.ts';
import { createPdfPrinter, type PdfPrinter } from '../../electron/services/export/pdf.ts';
import { parseBulletinText } from '../../shared/import/parse-bulletin.ts';
import { typesetIssue, type PagePlan, type PrintOptions } from '../../shared/layout/typeset.ts';
import { mmToPt } from '../../shared/layout/units.ts';
import type { Issue } from '../../shared/model/issue.ts';
import { bulletinFixtures, repoRoot, squeeze } from '../fixtures.ts';
import { readDocx } from './docx-parts.ts';
import { extremeIssues } from './extreme-issues.ts';
import { compareRenders, fidelityIssues, headingProblems, missingCharacters, planLines, plannedHeadings, renderLines, withoutColophon } from './fidelity.ts';
import { convertWithLibreOffice, inkShare, lowestTextPt, pageNumberBox, pageNumberOf, pageWords, pdfPageTexts, renderEnv, savePagePng, textLines } from './render-tools.ts';

const OUT = join(repoRoot, 'test-output', 'export');
const standard: PrintOptions = { layoutProfile: 'gbt9704', fontProfile: 'office', colophonOnEvenPage: false };
const alternative: PrintOptions = { layoutProfile: 'first-glyph', fontProfile: 'system', colophonOnEvenPage: true };

interface Rendering {
  pdf: string;
  pages: string[];
}
interface Case {
  name: string;
  kind: 'fixture' | 'extreme' | 'fidelity';
  issue: Issue;
  options: PrintOptions;
  plan: PagePlan;
  docxBytes: Uint8Array;
  /** the .docx as LibreOffice prints it, and the print view as Chromium prints it */
  docx: Rendering;
  print: Rendering;
}

const cases: Case[] = [];
let printer: PdfPrinter;

beforeAll(async () => {
  // Chromium reads the same fontconfig map as LibreOffice
  process.env.FONTCONFIG_FILE = renderEnv.FONTCONFIG_FILE;
  mkdirSync(OUT, { recursive: true });
  printer = createPdfPrinter();
  const inputs = [
    ...bulletinFixtures().flatMap((fixture) => {
      const issue = parseBulletinText(fixture.text).issue;
      return [
        { name: fixture.name, kind: 'fixture' as const, issue, options: standard },
        { name: `${fixture.name}-first-glyph-even`, kind: 'fixture' as const, issue, options: alternative },
      ];
    }),
    ...extremeIssues().map(({ name, issue }) => ({ name: `extreme-${name}`, kind: 'extreme' as const, issue, options: standard })),
    ...fidelityIssues().map(({ name, issue }) => ({ name: `fidelity-${name}`, kind: 'fidelity' as const, issue, options: standard })),
  ];
  for (const input of inputs) {
    const docxBytes = await exportDocx(input.issue, input.options);
    writeFileSync(join(OUT, `${input.name}.docx`), docxBytes);
    const printPdf = join(OUT, `${input.name}.print.pdf`);
    writeFileSync(printPdf, await printer.print(input.issue, input.options));
    cases.push({ ...input, plan: typesetIssue(input.issue, input.options).pages, docxBytes, docx: { pdf: join(OUT, `${input.name}.pdf`), pages: [] }, print: { pdf: printPdf, pages: [] } });
  }
  convertWithLibreOffice(cases.map((entry) => join(OUT, `${entry.name}.docx`)), OUT);
  for (const entry of cases) {
    entry.docx.pages = pdfPageTexts(entry.docx.pdf);
    entry.print.pages = pdfPageTexts(entry.print.pdf);
    if (entry.kind !== 'fixture') continue;
    for (const [label, rendering] of [['docx', entry.docx], ['pdf', entry.print]] as const) {
      savePagePng(rendering.pdf, 1, join(OUT, `${entry.name}.${label}-first`));
      savePagePng(rendering.pdf, rendering.pages.length, join(OUT, `${entry.name}.${label}-last`));
    }
  }
}, 300_000);

afterAll(async () => {
  await printer?.close();
});

const fixtures = () => cases.filter((entry) => entry.kind === 'fixture');
const renderings = (entry: Case) => [['.docx (LibreOffice)', entry.docx], ['PDF (Chromium)', entry.print]] as const;
/** Pages that carry no number: a blank page and the colophon's own page(s). */
const unnumberedPages = (plan: PagePlan) => plan.totalPages - plan.bodyPages;
/** docs/format.md: the type area ends 35 mm (32.6 mm) above the paper's foot; side margins 28 mm and 26 mm; 三号 = 16 pt. */
const TYPE_AREA_BOTTOM_PT = { gbt9704: mmToPt(297 - 35), 'first-glyph': mmToPt(297 - 32.6) };

describe('every fixture printed from its .docx and from its PDF', () => {
  it('has as many pages in the .docx as in the PDF, and as many as the page plan', () => {
    for (const entry of fixtures()) {
      expect(entry.docx.pages.length, entry.name).toBe(entry.print.pages.length);
      expect(entry.print.pages.length, entry.name).toBe(entry.plan.totalPages);
    }
  });

  it('numbers every page of the body `— N —` and no other page', () => {
    for (const entry of fixtures()) {
      for (const [what, rendering] of renderings(entry)) {
        const numbered = rendering.pages.length - unnumberedPages(entry.plan);
        rendering.pages.forEach((page, index) => {
          expect(pageNumberOf(page), `${entry.name} ${what} page ${index + 1}`).toBe(index < numbered ? index + 1 : null);
        });
      }
    }
  });

  it('prints odd page numbers one character in from the right, even ones from the left, their dashes 7 mm under the type area', () => {
    for (const entry of fixtures()) {
      const bottom = TYPE_AREA_BOTTOM_PT[entry.options.layoutProfile];
      for (const [what, rendering] of renderings(entry)) {
        for (const page of [1, 2]) {
          const box = pageNumberBox(rendering.pdf, page, bottom)!;
          const where = `${entry.name} ${what} page ${page}`;
          if (page % 2 === 1) expect(Math.abs(box.right - (mmToPt(210 - 26) - 16)), where).toBeLessThan(3);
          else expect(Math.abs(box.left - (mmToPt(28) + 16)), where).toBeLessThan(3);
          expect(Math.abs(box.middle - (bottom + mmToPt(7))), where).toBeLessThan(4);
        }
      }
    }
  });

  it('prints the colophon on the last page only, its last line on the bottom edge of the type area', () => {
    for (const entry of fixtures()) {
      const { report, send } = entry.issue.distribution;
      for (const [what, rendering] of renderings(entry)) {
        const last = squeeze(rendering.pages.at(-1)!);
        expect(last, `${entry.name} ${what}`).toContain(`报：${squeeze(report[0]!)}`);
        expect(last).toContain(`送：${squeeze(send[0]!)}`);
        if (entry.issue.printed) expect(last).toContain('印发');
        for (const page of rendering.pages.slice(0, -1)) expect(squeeze(page)).not.toContain('报：');
        const bottom = TYPE_AREA_BOTTOM_PT[entry.options.layoutProfile];
        const lowest = lowestTextPt(rendering.pdf, rendering.pages.length);
        expect(lowest, `${entry.name} ${what}: lowest colophon text`).toBeLessThanOrEqual(bottom);
        expect(lowest, `${entry.name} ${what}: lowest colophon text`).toBeGreaterThan(bottom - 22);
      }
    }
  });

  it('puts the colophon on an even page, after a blank page where needed, when the series asks for it', () => {
    for (const entry of fixtures().filter((c) => c.options.colophonOnEvenPage)) {
      expect(entry.print.pages.length % 2, entry.name).toBe(0);
      expect(entry.docx.pages.length % 2, entry.name).toBe(0);
    }
    expect(fixtures().some((entry) => entry.plan.blankPagesBeforeColophon > 0)).toBe(true);
  });

  it('holds 22 lines of 28 characters on a full page of body text, in both profiles', () => {
    for (const name of ['yiyang-2023-01', 'yiyang-2023-01-first-glyph-even', 'extreme-generated-200-pages']) {
      const entry = cases.find((c) => c.name === name)!;
      for (const [what, rendering] of renderings(entry)) {
        const full = rendering.pages.find((page) => {
          const lines = textLines(page).map((line) => line.replace(/\s+/g, ''));
          const chinese = lines.filter((line) => !/[\x20-\x7e]/.test(line));
          return lines.length === 22 && chinese.filter((line) => [...line].length === 28).length >= 12 && chinese.every((line) => [...line].length <= 28);
        });
        expect(full, `${name} ${what}: a page of 22 lines of 28 characters`).toBeDefined();
      }
    }
  });
});

describe('issues at the extremes', () => {
  const extremes = () => cases.filter((entry) => entry.kind === 'extreme');

  it('all give a well-formed .docx that LibreOffice prints and a PDF, with the same number of pages', async () => {
    expect(extremes().map((entry) => entry.name)).toHaveLength(6);
    for (const entry of extremes()) {
      await readDocx(entry.docxBytes);
      expect(entry.docx.pages.length, entry.name).toBeGreaterThan(0);
      expect(entry.print.pages.length, entry.name).toBe(entry.docx.pages.length);
    }
  });

  it('print a 200-page issue on about 200 pages, an empty issue on one page, and all 500 recipients of 送', () => {
    const pages = (name: string) => cases.find((entry) => entry.name === `extreme-${name}`)!;
    expect(pages('generated-200-pages').print.pages.length).toBeGreaterThanOrEqual(200);
    expect(pages('empty').print.pages).toHaveLength(1);
    expect(pages('empty').docx.pages).toHaveLength(1);
    for (const rendering of [pages('send-500-entries').docx, pages('send-500-entries').print]) {
      const text = squeeze(rendering.pages.join(''));
      expect(text).toContain('第1协作单位办公室');
      expect(text).toContain('第500协作单位办公室');
    }
  });

  it('print 𠮷 and 䶮 in both outputs, in ink and not as blank boxes', () => {
    const entry = cases.find((c) => c.name === 'extreme-rare-characters')!;
    for (const [what, rendering] of renderings(entry)) {
      const text = rendering.pages.join('');
      expect(text, what).toContain('𠮷');
      expect(text, what).toContain('䶮');
      const words = pageWords(rendering.pdf, 1);
      for (const char of ['䶮', '𠮷']) {
        const word = words.find((candidate) => candidate.text === char);
        expect(word, `${what}: ${char} on a line of its own`).toBeDefined();
        expect(inkShare(rendering.pdf, 1, word!), `${what}: ink of ${char}`).toBeGreaterThan(0.05);
      }
    }
  });
});

describe('one plan, two renders: the .docx through LibreOffice and the PDF through Chromium agree', () => {
  const compared = () => cases.filter((entry) => entry.kind !== 'extreme' || entry.name === 'extreme-generated-200-pages' || entry.name === 'extreme-news-200-items');

  it('prints every character of the issue in both renders, on every fixture, extreme and generated issue', () => {
    for (const entry of cases) {
      for (const [what, rendering] of renderings(entry)) expect(missingCharacters(entry.issue, rendering.pages).join(''), `${entry.name} ${what}`).toBe('');
    }
  });

  it('has as many pages in both renders as the plan, on the generated issues too', () => {
    for (const entry of compared()) {
      expect(entry.docx.pages.length, entry.name).toBe(entry.plan.totalPages);
      expect(entry.print.pages.length, entry.name).toBe(entry.plan.totalPages);
    }
  });

  it('never leaves a title or heading at the foot of a page or splits it across pages, in either render', () => {
    for (const entry of compared()) {
      const headings = plannedHeadings(typesetIssue(entry.issue, entry.options));
      for (const [what, rendering] of renderings(entry)) expect(headingProblems(renderLines(rendering.pages), headings), `${entry.name} ${what}`).toEqual([]);
    }
  });

  it('prints the plan’s lines in the PDF exactly, line for line and page for page', () => {
    for (const entry of compared()) {
      const plan = planLines(typesetIssue(entry.issue, entry.options));
      const comparison = compareRenders(plan, withoutColophon(renderLines(entry.print.pages)));
      expect(comparison.differing.slice(0, 5), entry.name).toEqual([]);
    }
  });

  it('breaks at least 80% of lines identically in the LibreOffice render of the .docx and in the PDF', () => {
    for (const entry of compared()) {
      const comparison = compareRenders(renderLines(entry.print.pages), renderLines(entry.docx.pages));
      expect(comparison.share, `${entry.name}: ${comparison.differing.slice(0, 3).join(' | ')}`).toBeGreaterThanOrEqual(0.8);
    }
  });
});

describe('the Chromium printer', () => {
  it('prints several issues at once with one browser, and starts it again after close()', async () => {
    const issues = fixtures().slice(0, 3);
    const pdfs = await Promise.all(issues.map((entry) => printer.print(entry.issue, entry.options)));
    for (const pdf of pdfs) expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    await printer.close();
    const again = await printer.print(issues[0]!.issue, issues[0]!.options);
    expect(Buffer.from(again.subarray(0, 5)).toString()).toBe('%PDF-');
  }, 60_000);
});
