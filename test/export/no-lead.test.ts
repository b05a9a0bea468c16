// A series that prints no 导读 (不印导读, `printLead: false`): the one typesetter sets no 导读 heading and no
// ★ items, the body moves up by the lines they took (so the page plan changes with it), and every output
// that reads the plan — the .docx, the print view (PDF, preview) — and the plain text prints none.
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/services/export/docx.ts';
import { parseBulletinText } from '../../shared/import/parse-bulletin.ts';
import { typesetIssue, type PrintOptions, type PrintParagraph, type TypesetIssue } from '../../shared/layout/typeset.ts';
import { renderPrintHtml } from '../../shared/print/render-print-html.ts';
import { issueToPlainText } from '../../shared/text/plain-text.ts';
import { withDerivedLead } from '../../shared/model/lead.ts';
import { emptyIssue, type Issue } from '../../shared/model/issue.ts';
import { LEAD_HEADING, LEAD_MARKER } from '../../shared/format/marks.ts';
import { bulletinFixtures } from '../fixtures.ts';
import { bodyParagraphs, readDocx, styleOf, textOf, type DocxParts } from './docx-parts.ts';

const office: PrintOptions = { layoutProfile: 'gbt9704', fontProfile: 'office', colophonOnEvenPage: false };
const LEAD_STYLES = ['leadHeading', 'leadItem'];

const noLead = (issue: Issue): Issue => withDerivedLead({ ...issue, series: { ...issue.series, printLead: false } });
const stylesOf = (typeset: TypesetIssue) => typeset.blocks.map((block) => (block.kind === 'paragraph' ? block.style : block.kind));
const textsOf = (typeset: TypesetIssue) => typeset.blocks.map((block) => (block.kind === 'paragraph' ? block.laid.map((line) => line.runs.map((run) => run.text).join('')).join('|') : block.kind === 'issuerLine' ? `${block.left}|${block.right}` : block.kind));
/** A grid row counted from the top of the first page. */
const absoluteRow = (typeset: TypesetIssue, block: number) => typeset.places[block]![0]!.page * typeset.page.linesPerPage + typeset.places[block]![0]!.row;

const fixture = bulletinFixtures().find((candidate) => candidate.name === 'yiyang-2023-13')!;
const printing = parseBulletinText(fixture.text).issue;
const silent = noLead(printing);

describe('a fixture issue in a series that prints no 导读', () => {
  it('keeps its lead block, with no items, where the series prints none', () => {
    expect(printing.blocks[0]).toMatchObject({ type: 'lead' });
    expect((printing.blocks[0] as { items: string[] }).items.length).toBeGreaterThan(0);
    expect(silent.blocks[0]).toEqual({ type: 'lead', items: [] });
    expect(silent.blocks.slice(1)).toEqual(printing.blocks.slice(1));
  });

  it('is typeset without the 导读 heading and items, everything else as it was, the body moved up by their lines', () => {
    const on = typesetIssue(printing, office);
    const off = typesetIssue(silent, office);
    const leadBlocks = on.blocks.filter((block) => block.kind === 'paragraph' && LEAD_STYLES.includes(block.style)) as PrintParagraph[];
    expect(leadBlocks.length).toBe(1 + fixture.expected.lead.length);
    expect(stylesOf(off).filter((style) => LEAD_STYLES.includes(style))).toEqual([]);
    expect(stylesOf(off)).toEqual(stylesOf(on).filter((style) => !LEAD_STYLES.includes(style)));
    expect(textsOf(off)).toEqual(textsOf(on).filter((_, index) => !LEAD_STYLES.includes(stylesOf(on)[index]!)));
    expect(textsOf(off).join('\n')).not.toContain(LEAD_HEADING);

    const leadLines = leadBlocks.reduce((sum, block) => sum + block.gridLines, 0);
    const firstTitle = (typeset: TypesetIssue) => stylesOf(typeset).indexOf('title');
    expect(absoluteRow(off, firstTitle(off))).toBe(absoluteRow(on, firstTitle(on)) - leadLines);
    const totalLines = (typeset: TypesetIssue) => (typeset.pages.bodyPages - 1) * typeset.page.linesPerPage + typeset.pages.linesOnLastBodyPage;
    expect(totalLines(off)).toBeLessThanOrEqual(totalLines(on) - leadLines);
    expect(off.pages).not.toEqual(on.pages);
  });

  it('exports a .docx whose document.xml holds no 导读 heading, no ★ item and no 导读 style', async () => {
    const read = async (issue: Issue): Promise<DocxParts> => readDocx(await exportDocx(issue, office));
    const [on, off] = await Promise.all([read(printing), read(silent)]);
    const paragraphs = (parts: DocxParts) => bodyParagraphs(parts.document).map((paragraph) => ({ style: styleOf(paragraph), text: textOf(paragraph) }));
    expect(paragraphs(on).some((paragraph) => paragraph.text === LEAD_HEADING)).toBe(true);
    expect(paragraphs(on).filter((paragraph) => paragraph.style === 'JbLeadItem').length).toBe(fixture.expected.lead.length);

    const document = off.raw.get('word/document.xml')!;
    expect(document).not.toContain('导读');
    expect(document).not.toContain(LEAD_MARKER);
    expect(document).not.toMatch(/JbLead(Heading|Item)/);
    // the same body paragraphs; the colophon's empty carrier paragraphs follow the page plan, which moved
    const bodyOf = (parts: DocxParts) => paragraphs(parts).filter((paragraph) => paragraph.style !== 'JbColophon');
    expect(bodyOf(off)).toEqual(bodyOf(on).filter((paragraph) => paragraph.style !== 'JbLeadHeading' && paragraph.style !== 'JbLeadItem'));
  });

  it('prints a view (PDF, preview) with no 导读 line, sheet for sheet as the plan', () => {
    const body = (html: string) => html.slice(html.indexOf('<body>'));
    const on = body(renderPrintHtml(printing, office));
    const off = body(renderPrintHtml(silent, office));
    expect(on).toContain(LEAD_HEADING);
    expect(off).not.toContain('导读');
    expect(off).not.toContain(LEAD_MARKER);
    expect(off).not.toMatch(/jb-lead(Heading|Item)/);
    expect(off.match(/<section class="jb-sheet"/g)?.length).toBe(typesetIssue(silent, office).sheets.filter((sheet) => sheet.kind !== 'colophon' || sheet.colophonAtFoot).length);
  });

  it('writes plain text with no 导读 section and every other line as before', () => {
    const on = issueToPlainText(printing).split('\n');
    const off = issueToPlainText(silent).split('\n');
    expect(on).toContain(LEAD_HEADING);
    expect(off).not.toContain(LEAD_HEADING);
    expect(off.filter((line) => line.startsWith(LEAD_MARKER))).toEqual([]);
    expect(off).toEqual(on.filter((line) => line !== LEAD_HEADING && !line.startsWith(LEAD_MARKER)));
  });

  it('prints no 导读 whatever items a stored lead block still carries', () => {
    const stale: Issue = { ...silent, blocks: [{ type: 'lead', items: ['过时的导读'] }, ...silent.blocks.slice(1)] };
    expect(stylesOf(typesetIssue(stale, office))).toEqual(stylesOf(typesetIssue(silent, office)));
    expect(issueToPlainText(stale)).toBe(issueToPlainText(silent));
  });
});

describe('the page plan without a 导读', () => {
  /** One article whose body takes `lines` grid lines, and a 3-line colophon: masthead 5, 导读 2, blank line and title 2 more. */
  function issueWithBody(lines: number, printLead?: false): Issue {
    const base = emptyIssue({ name: '测试工作简报', issuer: '测试协调联络组', numbering: 'sequential', ...(printLead === false ? { printLead } : {}) }, 3, '2024-03-05');
    return withDerivedLead({
      ...base,
      blocks: [{ type: 'article', title: '测试标题', paragraphs: [{ runs: [{ text: '督'.repeat(26 + 28 * (lines - 1)) }] }] }],
      distribution: { report: ['市委办公室'], send: ['各县市区'], issue: [] },
      printed: { by: '测试协调联络组', date: '2024-03-05' },
    });
  }

  it('keeps the colophon at the foot of the page the 导读 would have pushed it off', () => {
    expect(typesetIssue(issueWithBody(11), office).pages).toMatchObject({ bodyPages: 1, linesOnLastBodyPage: 20, colophon: 'own-page', totalPages: 2 });
    expect(typesetIssue(issueWithBody(11, false), office).pages).toMatchObject({ bodyPages: 1, linesOnLastBodyPage: 18, colophon: 'same-page', totalPages: 1 });
  });

  it('ends the body a page earlier when the lines the 导读 took are all the last page held', () => {
    // 9 lines before the body with the 导读, 7 without: 22 − 9 + 2 lines of body fill one page and two more lines
    expect(typesetIssue(issueWithBody(15), office).pages).toMatchObject({ bodyPages: 2, linesOnLastBodyPage: 2 });
    expect(typesetIssue(issueWithBody(15, false), office).pages).toMatchObject({ bodyPages: 1, linesOnLastBodyPage: 22 });
  });
});
