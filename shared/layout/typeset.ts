// Sets a canonical issue as the paragraphs of a printed bulletin: their styles, sizes and text, the lines
// each takes on the grid, the colophon's rows, and the page plan (where the body ends, whether the colophon
// shares its page or needs a page of its own). The docx exporter and the print view both render this.
import type { ContentElement, Issue, Paragraph } from '../model/issue.ts';
import type { SeriesSettings } from '../model/series.ts';
import { printedLeadOf } from '../model/lead.ts';
import { formatChineseDate, issueNumberOf } from '../format/chinese.ts';
import { printedDocNumber } from '../format/doc-number.ts';
import { LEAD_HEADING, LEAD_MARKER, newsHeadLayout, newsMarker, sectionHeadingText } from '../format/marks.ts';
import { ELEMENTS, PARAGRAPH_STYLES, characterSpacingTwipsFor, pageGeometry, type PageGeometry, type ParagraphStyleName } from './profiles.ts';
import { FORCED_BREAK, balancedTitleLines, breakIntoLines, breakLines, textWidthPt, type LineBox } from './line-breaking.ts';
import { layRuns, printable, printableRuns, type LaidLine, type PrintRun } from './laid-lines.ts';
import type { BlockSource } from './block-source.ts';
import { layTable, type PrintTableHeader, type PrintTableRow } from './table-layout.ts';
import { layFigure, type PrintFigure } from './figure-layout.ts';
import { mmToPt, twipsToPt } from './units.ts';

export type PrintOptions = Pick<SeriesSettings, 'layoutProfile' | 'fontProfile' | 'colophonOnEvenPage'>;

export const DEFAULT_PRINT_OPTIONS: PrintOptions = { layoutProfile: 'gbt9704', fontProfile: 'office', colophonOnEvenPage: false };

export type { LaidLine, PrintRun } from './laid-lines.ts';
export { printable, sliceRuns } from './laid-lines.ts';
export type { BlockSource } from './block-source.ts';
export type { PrintCell, PrintTableHeader, PrintTableRow, TableLayout, TableRowLayout } from './table-layout.ts';
export type { PrintFigure } from './figure-layout.ts';

/** A paragraph: its lines set apart by explicit breaks (titles), or a single line of flowing runs. */
export interface PrintParagraph {
  kind: 'paragraph';
  style: ParagraphStyleName;
  lines: PrintRun[][];
  /** every printed line, as the typesetter broke it: the only line breaks any output prints */
  laid: LaidLine[];
  /** its lines are never parted across pages (titles and headings; keepLines in the .docx) */
  keepTogether: boolean;
  sizePt: number;
  /** horizontal scale of the characters, 100 unless a long series name is condensed to fit */
  scalePercent: number;
  /** lines of the grid it is expected to take */
  gridLines: number;
  keepWithNext: boolean;
  /** the part of the issue's body it prints (none for the masthead, the 导读 and blank lines) */
  source?: BlockSource;
}

/** The issuer flush left and the date flush right (on the issuer's line where there is room), the red rule under them. */
export interface PrintIssuerLine {
  kind: 'issuerLine';
  keepTogether: boolean;
  left: string;
  right: string;
  sameLine: boolean;
  sizePt: number;
  gridLines: number;
  keepWithNext: boolean;
}

/** What the page plan places: paragraphs, the issuer line, a table's header and rows, figures. */
export type PrintBlock = PrintParagraph | PrintIssuerLine | PrintTableHeader | PrintTableRow | PrintFigure;

export type ColophonRow =
  | { kind: 'recipients'; label: string; text: string; lines: number }
  | { kind: 'printed'; left: string; right: string; sameLine: boolean; lines: number }
  | { kind: 'copies'; text: string; lines: number };

export interface ColophonPlan {
  rows: ColophonRow[];
  heightPt: number;
  gridLines: number;
}

export interface PagePlan {
  /** pages the masthead and body take */
  bodyPages: number;
  /** grid lines used on the body's last page */
  linesOnLastBodyPage: number;
  /** own-pages: taller than a page, so it starts a page of its own and runs on over the next */
  colophon: 'none' | 'same-page' | 'own-page' | 'own-pages';
  /** unnumbered blank pages before a colophon page of its own, so that it lands on an even page */
  blankPagesBeforeColophon: number;
  totalPages: number;
}

/** Where a line of a block is printed: page (from 0) and grid row (from 0) on it. */
export interface LinePlace {
  page: number;
  row: number;
}

/** A printed sheet of the plan. */
export interface PlannedSheet {
  kind: 'body' | 'blank' | 'colophon';
  /** the page number printed on it, null for none */
  number: number | null;
  /** the colophon stands at the foot of this sheet */
  colophonAtFoot: boolean;
}

export interface TypesetIssue {
  options: PrintOptions;
  /** per block, where each of its lines is printed (an issuer line, a table's piece, a figure: where it starts) */
  places: LinePlace[][];
  sheets: PlannedSheet[];
  /** tables' headers printed again at the top of the pages their tables run on to */
  headerRepeats: HeaderRepeat[];
  page: PageGeometry;
  /** the document's title, for file properties: series name and issue number */
  documentTitle: string;
  blocks: PrintBlock[];
  colophon: ColophonPlan | null;
  pages: PagePlan;
}

class Typesetter {
  readonly blocks: PrintBlock[] = [];
  /** attached to the paragraphs set next */
  source: BlockSource | undefined;

  constructor(readonly page: PageGeometry) {}

  private letterSpacingPt(sizePt: number): number {
    return twipsToPt(characterSpacingTwipsFor(sizePt));
  }

  private box(style: ParagraphStyleName, sizePt: number): LineBox {
    const spec = PARAGRAPH_STYLES[style];
    return { widthPt: this.page.typeAreaWidthPt, firstLineIndentPt: spec.firstLineIndentChars * sizePt, fontSizePt: sizePt, letterSpacingPt: this.letterSpacingPt(sizePt) };
  }

  /** A flowing paragraph broken into lines by the one line breaker. */
  paragraph(style: ParagraphStyleName, runs: PrintRun[]): void {
    const spec = PARAGRAPH_STYLES[style];
    const cleaned = printableRuns(runs);
    const laid = layRuns(cleaned, this.box(style, spec.sizePt), spec.align === 'justify');
    this.blocks.push({
      kind: 'paragraph',
      style,
      lines: [cleaned],
      laid,
      keepTogether: spec.keepWithNext && style !== 'blank',
      sizePt: spec.sizePt,
      scalePercent: 100,
      gridLines: laid.length * (spec.gridLines ?? 1),
      keepWithNext: spec.keepWithNext,
      ...(this.source && style !== 'blank' ? { source: this.source } : {}),
    });
  }

  /** A centred heading broken into balanced lines between words, and at the clerk's forced breaks. */
  brokenHeading(style: 'title' | 'subtitle', text: string): void {
    const spec = PARAGRAPH_STYLES[style];
    const box = { ...this.box(style, spec.sizePt), firstLineIndentPt: 0 };
    const forced = text.split(/\r\n|\r|\n/).map(printable).join(FORCED_BREAK);
    const lines = balancedTitleLines(forced, this.page.typeAreaWidthPt, spec.sizePt, box.letterSpacingPt);
    const laid = lines.map((line, index): LaidLine => {
      const [broken] = breakLines(line, { ...box, widthPt: Number.MAX_SAFE_INTEGER });
      return { runs: [{ text: line, bold: false }], broken: broken!, indentPt: 0, letterSpacingPt: box.letterSpacingPt, last: index === lines.length - 1 };
    });
    this.blocks.push({
      kind: 'paragraph',
      style,
      lines: lines.map((line) => [{ text: line, bold: false }]),
      laid,
      keepTogether: true,
      sizePt: spec.sizePt,
      scalePercent: 100,
      gridLines: lines.length,
      keepWithNext: spec.keepWithNext,
      ...(this.source ? { source: this.source } : {}),
    });
  }

  blankLines(count: number): void {
    for (let index = 0; index < count; index++) this.paragraph('blank', []);
  }

  masthead(name: string): void {
    const text = printable(name).trim();
    const width = this.page.typeAreaWidthPt;
    const widthAt = (sizePt: number) => textWidthPt(text, sizePt);
    const { preferredSizesPt, minSizePt, minScalePercent, gridLines } = ELEMENTS.masthead;
    let sizePt: number = preferredSizesPt.find((size) => widthAt(size) <= width) ?? Math.floor((2 * width) / widthAt(1)) / 2;
    let scalePercent = 100;
    if (sizePt < minSizePt) {
      sizePt = minSizePt;
      scalePercent = Math.max(minScalePercent, Math.floor((100 * width) / widthAt(minSizePt)));
    }
    const box = { widthPt: (width * 100) / scalePercent, firstLineIndentPt: 0, fontSizePt: sizePt, letterSpacingPt: 0 };
    const broken = breakLines(text, box);
    this.blocks.push({
      kind: 'paragraph',
      style: 'masthead',
      lines: [[{ text, bold: false }]],
      laid: broken.map((line, index) => ({ runs: [{ text: line.text, bold: false }], broken: line, indentPt: 0, letterSpacingPt: 0, last: index === broken.length - 1 })),
      keepTogether: true,
      sizePt,
      scalePercent,
      gridLines: broken.length * gridLines,
      keepWithNext: true,
    });
  }

  issuerLine(issuer: string, date: string): void {
    const left = printable(issuer).trim();
    const { sizesPt, gapChars } = ELEMENTS.issuerLine;
    const fits = (size: number) =>
      textWidthPt(`${left}${date}`, size, this.letterSpacingPt(size)) + gapChars * size <= this.page.typeAreaWidthPt;
    const sizePt = sizesPt.find(fits) ?? sizesPt.at(-1)!;
    const { lines, sameLine } = twoSidedLines(left, date, this.page.typeAreaWidthPt, sizePt, this.letterSpacingPt(sizePt), gapChars);
    // the red rule and the gap above it take one more line of the grid
    this.blocks.push({ kind: 'issuerLine', left, right: date, sameLine, sizePt, gridLines: lines + 1, keepWithNext: true, keepTogether: true });
  }

  body(paragraph: Paragraph, style: ParagraphStyleName = 'body'): void {
    const level = paragraph.heading;
    this.paragraph(level ? (`heading${level}` as const) : style, paragraph.runs.map((run) => ({ text: run.text, bold: run.bold === true })));
  }

  /** An element of an article's or item's content: a paragraph in `style`, a table under its title, a figure. */
  content(element: ContentElement, style: ParagraphStyleName): void {
    if (element.type === 'table') {
      if (element.title?.trim()) this.paragraph('tableTitle', [{ text: element.title, bold: false }]);
      this.blocks.push(...layTable(element, this.page, this.source));
    } else if (element.type === 'figure') {
      this.blocks.push(layFigure(element, this.page, this.source));
    } else {
      this.body(element, style);
    }
  }
}

/** Text flush left and text flush right: on one line when both fit with a gap, else the right-hand text on a line of its own. */
function twoSidedLines(left: string, right: string, widthPt: number, sizePt: number, letterSpacingPt: number, gapChars: number): { lines: number; sameLine: boolean } {
  const sameLine = textWidthPt(left, sizePt, letterSpacingPt) + gapChars * sizePt + textWidthPt(right, sizePt, letterSpacingPt) <= widthPt;
  if (sameLine) return { lines: 1, sameLine };
  return { lines: breakIntoLines(left, { widthPt, firstLineIndentPt: 0, fontSizePt: sizePt, letterSpacingPt }).length + 1, sameLine };
}

function typesetColophon(issue: Issue, page: PageGeometry): ColophonPlan | null {
  const { sizePt, sideIndentChars, linePitchPt, outerRuleMm, innerRuleMm } = ELEMENTS.colophon;
  const side = sideIndentChars * sizePt;
  const width = page.typeAreaWidthPt - 2 * side;
  const rows: ColophonRow[] = [];
  const lists: [string, string[]][] = [
    ['报', issue.distribution.report],
    ['送', issue.distribution.send],
    ['发', issue.distribution.issue],
  ];
  for (const [label, entries] of lists) {
    const names = entries.map((entry) => printable(entry).trim()).filter((entry) => entry.length > 0);
    if (names.length === 0) continue;
    const text = names.join('，');
    const labelWidth = textWidthPt(`${label}：`, sizePt);
    // wrapped lines align after the colon: a hanging indent as wide as the label
    const lines = breakIntoLines(text, { widthPt: width - labelWidth, firstLineIndentPt: 0, fontSizePt: sizePt, letterSpacingPt: 0 }).length;
    rows.push({ kind: 'recipients', label, text, lines });
  }
  if (issue.printed) {
    const left = printable(issue.printed.by).trim();
    const right = `${formatChineseDate(issue.printed.date)}印发`;
    rows.push({ kind: 'printed', left, right, ...twoSidedLines(left, right, width, sizePt, 0, ELEMENTS.issuerLine.gapChars) });
  }
  if (issue.copies !== null) rows.push({ kind: 'copies', text: `（共印${issue.copies}份）`, lines: 1 });
  if (rows.length === 0) return null;
  const textLines = rows.reduce((sum, row) => sum + row.lines, 0);
  const heightPt = textLines * linePitchPt + mmToPt(2 * outerRuleMm + (rows.length - 1) * innerRuleMm);
  return { rows, heightPt, gridLines: Math.ceil(heightPt / page.linePitchPt) };
}

type PlanBlock = Pick<PrintBlock, 'gridLines' | 'keepWithNext'> & { keepTogether?: boolean; repeatHeaderLines?: number };

/** A table's header printed again at the top of a page its table runs on to. */
export interface HeaderRepeat {
  /** the header's block */
  header: number;
  page: number;
}

/**
 * The page plan of the body: blocks flow down the grid line by line; a chain of blocks kept with the next
 * (titles, headings) moves to the next page with the first line after it, so a heading never ends a page and
 * is never split; a block kept together (a table row, a figure) moves whole to the next page where it does not
 * fit; a table row that starts a page gets its table's header above it again; every other block's lines run
 * on over the page end. Returns where each block starts, and where headers are repeated.
 */
export function planBlockStarts(blocks: readonly PlanBlock[], linesPerPage: number): { pages: number; linesOnLastPage: number; starts: LinePlace[]; repeats: HeaderRepeat[] } {
  let page = 0;
  let used = 0;
  const starts: LinePlace[] = [];
  const repeats: HeaderRepeat[] = [];
  let header = -1;
  for (let index = 0; index < blocks.length; index++) {
    if (used >= linesPerPage) {
      page++;
      used = 0;
    }
    const block = blocks[index]!;
    if (block.keepWithNext && used > 0) {
      let chain = 0;
      let next = index;
      while (next < blocks.length && blocks[next]!.keepWithNext) chain += blocks[next++]!.gridLines;
      // what follows the chain: its first line, or all of it where it is never split
      if (next < blocks.length) chain += blocks[next]!.keepTogether && blocks[next]!.gridLines <= linesPerPage ? blocks[next]!.gridLines : 1;
      if (chain <= linesPerPage && used + chain > linesPerPage) {
        page++;
        used = 0;
      }
    } else if (block.keepTogether && used > 0 && block.gridLines + (block.repeatHeaderLines ?? 0) <= linesPerPage && used + block.gridLines > linesPerPage) {
      page++;
      used = 0;
    }
    if ((block as { kind?: string }).kind === 'tableHeader') header = index;
    if (used === 0 && (block.repeatHeaderLines ?? 0) > 0 && header >= 0) {
      repeats.push({ header, page });
      used += block.repeatHeaderLines!;
    }
    starts.push({ page, row: used });
    used += block.gridLines;
    while (used > linesPerPage) {
      page++;
      used -= linesPerPage;
    }
  }
  return { pages: page + 1, linesOnLastPage: used, starts, repeats };
}

/** Where the body's pages end (the plan's page count and the lines used on its last page). */
export function paginate(blocks: readonly PlanBlock[], linesPerPage: number): { pages: number; linesOnLastPage: number } {
  const { pages, linesOnLastPage } = planBlockStarts(blocks, linesPerPage);
  return { pages, linesOnLastPage };
}

/** Where each line of each block is printed, from where the block starts. */
function placeLines(blocks: readonly PrintBlock[], starts: readonly LinePlace[], linesPerPage: number): LinePlace[][] {
  return blocks.map((block, index) => {
    const start = starts[index]!;
    if (block.kind !== 'paragraph') return [start];
    const count = Math.max(1, block.laid.length);
    const rowsPerLine = block.gridLines / count;
    return Array.from({ length: block.laid.length }, (_, line) => {
      const row = start.row + line * rowsPerLine;
      return { page: start.page + Math.floor(row / linesPerPage), row: row % linesPerPage };
    });
  });
}

/**
 * Lets go of "keep with next" where the blocks kept together could not fit on one page anyway (a title of
 * thousands of characters): renderers disagree on what to do with such a chain, so it simply flows.
 */
function releaseOverlongChains(blocks: PrintBlock[], linesPerPage: number): void {
  for (let start = 0; start < blocks.length; ) {
    if (!blocks[start]!.keepWithNext) {
      start++;
      continue;
    }
    let end = start;
    let lines = 0;
    while (end < blocks.length && blocks[end]!.keepWithNext) lines += blocks[end++]!.gridLines;
    if (lines + (end < blocks.length ? 1 : 0) > linesPerPage) {
      for (let index = start; index < end; index++) {
        blocks[index]!.keepWithNext = false;
        if (blocks[index]!.gridLines > linesPerPage) blocks[index]!.keepTogether = false;
      }
    }
    start = end;
  }
}

function planPages(blocks: readonly PrintBlock[], colophon: ColophonPlan | null, page: PageGeometry, onEvenPage: boolean): { plan: PagePlan; starts: LinePlace[]; repeats: HeaderRepeat[] } {
  const { pages: bodyPages, linesOnLastPage, starts, repeats } = planBlockStarts(blocks, page.linesPerPage);
  const base = { bodyPages, linesOnLastBodyPage: linesOnLastPage };
  const done = (plan: PagePlan) => ({ plan, starts, repeats });
  if (!colophon) return done({ ...base, colophon: 'none', blankPagesBeforeColophon: 0, totalPages: bodyPages });
  const free = page.linesPerPage - linesOnLastPage;
  const fits = free >= colophon.gridLines + ELEMENTS.colophon.minGapLines;
  if (fits && (!onEvenPage || bodyPages % 2 === 0)) return done({ ...base, colophon: 'same-page', blankPagesBeforeColophon: 0, totalPages: bodyPages });
  const blank = onEvenPage && (bodyPages + 1) % 2 === 1 ? 1 : 0;
  if (colophon.gridLines > page.linesPerPage) {
    return done({ ...base, colophon: 'own-pages', blankPagesBeforeColophon: blank, totalPages: bodyPages + blank + Math.ceil(colophon.gridLines / page.linesPerPage) });
  }
  return done({ ...base, colophon: 'own-page', blankPagesBeforeColophon: blank, totalPages: bodyPages + blank + 1 });
}

/** The sheets of a page plan, in print order, with their page numbers (none on a blank or colophon page of its own). */
export function sheetsOf(plan: PagePlan): PlannedSheet[] {
  const sheets: PlannedSheet[] = [];
  for (let index = 0; index < plan.bodyPages; index++) {
    sheets.push({ kind: 'body', number: index + 1, colophonAtFoot: plan.colophon === 'same-page' && index === plan.bodyPages - 1 });
  }
  if (plan.colophon === 'own-page' || plan.colophon === 'own-pages') {
    for (let index = 0; index < plan.blankPagesBeforeColophon; index++) sheets.push({ kind: 'blank', number: null, colophonAtFoot: false });
    const colophonPages = plan.totalPages - plan.bodyPages - plan.blankPagesBeforeColophon;
    for (let index = 0; index < colophonPages; index++) sheets.push({ kind: 'colophon', number: null, colophonAtFoot: plan.colophon === 'own-page' });
  }
  return sheets;
}

export function typesetIssue(issue: Issue, options: PrintOptions): TypesetIssue {
  const page = pageGeometry(options.layoutProfile);
  const set = new Typesetter(page);
  const issueNumber = issueNumberOf(issue);

  set.masthead(issue.series.name);
  set.paragraph('issueNumber', [{ text: issueNumber, bold: false }]);
  if (issue.docNumber) set.paragraph('docNumber', [{ text: printedDocNumber(issue.docNumber), bold: false }]);
  set.issuerLine(issue.series.issuer, formatChineseDate(issue.date));

  const body = issue.blocks.filter((block) => block.type !== 'lead');
  // derived from the titles whatever lead the issue stored; none at all where the series prints no 导读
  const lead = printedLeadOf(issue);
  if (lead.length > 0) {
    set.paragraph('leadHeading', [{ text: LEAD_HEADING, bold: false }]);
    for (const item of lead) set.paragraph('leadItem', [{ text: `${LEAD_MARKER}${item}`, bold: false }]);
  }
  body.forEach((block, blockIndex) => {
    if (block.type === 'article') {
      set.source = undefined;
      set.blankLines(ELEMENTS.title.blankLinesBefore);
      set.source = { block: blockIndex, part: 'title' };
      set.brokenHeading('title', block.title);
      set.source = { block: blockIndex, part: 'subtitle' };
      if (block.subtitle?.trim()) set.brokenHeading('subtitle', block.subtitle);
      block.paragraphs.forEach((element, index) => {
        set.source = { block: blockIndex, part: 'paragraph', paragraph: index };
        set.content(element, 'body');
      });
    } else if (block.type === 'news') {
      set.source = undefined;
      set.blankLines(ELEMENTS.newsSection.blankLinesBefore);
      set.source = { block: blockIndex, part: 'sectionHeading' };
      set.paragraph('sectionHeading', [{ text: sectionHeadingText(block.heading), bold: false }]);
      const marker = newsMarker(block.marker);
      block.items.forEach((item, itemIndex) => {
        const [leading, ...rest] = item.paragraphs;
        // a table or figure first: the head prints on a line of its own above it
        const first = leading?.type === undefined ? leading : undefined;
        const head = `${marker}${item.head.trim()}`;
        const runsOf = (paragraph: Paragraph) => paragraph.runs.map((run) => ({ text: run.text, bold: run.bold === true }));
        const form = newsHeadLayout(item.form, first !== undefined);
        const paragraphAt = (index: number, prefix = 0) =>
          ({ block: blockIndex, part: 'paragraph', item: itemIndex, paragraph: index, ...(prefix ? { prefix, marker: marker.length } : {}) }) as const;
        if (form.ownLine || first === undefined) {
          set.source = { block: blockIndex, part: 'itemHead', item: itemIndex, marker: marker.length };
          set.paragraph('newsHead', [{ text: head, bold: true }]);
          set.source = paragraphAt(0);
          if (leading) set.content(leading, 'newsItem');
        } else {
          const lead = item.form === 'runIn' ? [{ text: head, bold: true }, { text: form.after, bold: false }] : [{ text: `${head}${form.after}`, bold: true }];
          set.source = paragraphAt(0, printable(`${head}${form.after}`).length);
          set.paragraph('newsItem', [...lead, ...runsOf(first)]);
        }
        rest.forEach((element, index) => {
          set.source = paragraphAt(index + 1);
          set.content(element, 'newsItem');
        });
      });
    }
  });
  set.source = undefined;

  releaseOverlongChains(set.blocks, page.linesPerPage);
  const colophon = typesetColophon(issue, page);
  const { plan, starts, repeats } = planPages(set.blocks, colophon, page, options.colophonOnEvenPage);
  return {
    options,
    page,
    documentTitle: printable(`${issue.series.name} ${issueNumber}`),
    blocks: set.blocks,
    colophon,
    pages: plan,
    places: placeLines(set.blocks, starts, page.linesPerPage),
    headerRepeats: repeats,
    sheets: sheetsOf(plan),
  };
}
