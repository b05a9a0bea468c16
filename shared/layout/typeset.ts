// Sets a canonical issue as the paragraphs of a printed bulletin: their styles, sizes and text, the lines
// each takes on the grid, the colophon's rows, and the page plan (where the body ends, whether the colophon
// shares its page or needs a page of its own). The docx exporter and the print view both render this.
import type { Issue, Paragraph } from '../model/issue.ts';
import type { SeriesSettings } from '../model/series.ts';
import { deriveLead } from '../model/lead.ts';
import { formatChineseDate, formatDocNumber, issueNumberOf, parseDocNumber } from '../format/chinese.ts';
import { ELEMENTS, PARAGRAPH_STYLES, characterSpacingTwipsFor, pageGeometry, type PageGeometry, type ParagraphStyleName } from './profiles.ts';
import { balancedTitleLines, breakIntoLines, textWidthPt } from './line-breaking.ts';
import { mmToPt, twipsToPt } from './units.ts';

export type PrintOptions = Pick<SeriesSettings, 'layoutProfile' | 'fontProfile' | 'colophonOnEvenPage'>;

export const DEFAULT_PRINT_OPTIONS: PrintOptions = { layoutProfile: 'gbt9704', fontProfile: 'office', colophonOnEvenPage: false };

export interface PrintRun {
  text: string;
  bold: boolean;
}

/** A paragraph: its lines set apart by explicit breaks (titles), or a single line of flowing runs. */
export interface PrintParagraph {
  kind: 'paragraph';
  style: ParagraphStyleName;
  lines: PrintRun[][];
  sizePt: number;
  /** horizontal scale of the characters, 100 unless a long series name is condensed to fit */
  scalePercent: number;
  /** lines of the grid it is expected to take */
  gridLines: number;
  keepWithNext: boolean;
}

/** The issuer flush left and the date flush right (on the issuer's line where there is room), the red rule under them. */
export interface PrintIssuerLine {
  kind: 'issuerLine';
  left: string;
  right: string;
  sameLine: boolean;
  sizePt: number;
  gridLines: number;
  keepWithNext: boolean;
}

export type PrintBlock = PrintParagraph | PrintIssuerLine;

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

export interface TypesetIssue {
  options: PrintOptions;
  page: PageGeometry;
  /** the document's title, for file properties: series name and issue number */
  documentTitle: string;
  blocks: PrintBlock[];
  colophon: ColophonPlan | null;
  pages: PagePlan;
}

// Characters XML 1.0 cannot carry (and Word refuses), and unpaired surrogates.
const UNPRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as it can be printed: no control characters, line breaks and tabs as spaces. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, '').replace(/[\t\r\n]+/g, ' ');
}

const RUN_IN_SEPARATOR = '　';
const LEAD_HEADING = '【导读】';
const LEAD_MARKER = '★';
const NEWS_MARKER = '▲';

class Typesetter {
  readonly blocks: PrintBlock[] = [];

  constructor(readonly page: PageGeometry) {}

  private letterSpacingPt(sizePt: number): number {
    return twipsToPt(characterSpacingTwipsFor(sizePt));
  }

  /** Lines a flowing paragraph of this style takes. */
  private flowLines(style: ParagraphStyleName, text: string, sizePt: number): number {
    const spec = PARAGRAPH_STYLES[style];
    return breakIntoLines(text, {
      widthPt: this.page.typeAreaWidthPt,
      firstLineIndentPt: spec.firstLineIndentChars * sizePt,
      fontSizePt: sizePt,
      letterSpacingPt: this.letterSpacingPt(sizePt),
    }).length;
  }

  paragraph(style: ParagraphStyleName, runs: PrintRun[]): void {
    const spec = PARAGRAPH_STYLES[style];
    const cleaned = runs.map((run) => ({ text: printable(run.text), bold: run.bold })).filter((run) => run.text.length > 0);
    const text = cleaned.map((run) => run.text).join('');
    this.blocks.push({
      kind: 'paragraph',
      style,
      lines: [cleaned],
      sizePt: spec.sizePt,
      scalePercent: 100,
      gridLines: this.flowLines(style, text, spec.sizePt) * (spec.gridLines ?? 1),
      keepWithNext: spec.keepWithNext,
    });
  }

  /** A centred heading broken into balanced lines between words. */
  brokenHeading(style: 'title' | 'subtitle', text: string): void {
    const spec = PARAGRAPH_STYLES[style];
    const lines = balancedTitleLines(printable(text), this.page.typeAreaWidthPt, spec.sizePt, this.letterSpacingPt(spec.sizePt));
    this.blocks.push({
      kind: 'paragraph',
      style,
      lines: lines.map((line) => [{ text: line, bold: false }]),
      sizePt: spec.sizePt,
      scalePercent: 100,
      gridLines: lines.length,
      keepWithNext: spec.keepWithNext,
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
    const lines = breakIntoLines(text, { widthPt: (width * 100) / scalePercent, firstLineIndentPt: 0, fontSizePt: sizePt, letterSpacingPt: 0 }).length;
    this.blocks.push({
      kind: 'paragraph',
      style: 'masthead',
      lines: [[{ text, bold: false }]],
      sizePt,
      scalePercent,
      gridLines: lines * gridLines,
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
    this.blocks.push({ kind: 'issuerLine', left, right: date, sameLine, sizePt, gridLines: lines + 1, keepWithNext: true });
  }

  body(paragraph: Paragraph, style: ParagraphStyleName = 'body'): void {
    const level = paragraph.heading;
    this.paragraph(level ? (`heading${level}` as const) : style, paragraph.runs.map((run) => ({ text: run.text, bold: run.bold === true })));
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

/** Where the body's pages end: blocks flow down the grid; a block kept with the next moves over with it. */
export function paginate(blocks: readonly Pick<PrintBlock, 'gridLines' | 'keepWithNext'>[], linesPerPage: number): { pages: number; linesOnLastPage: number } {
  let pages = 1;
  let used = 0;
  for (let index = 0; index < blocks.length; index++) {
    if (used >= linesPerPage) {
      pages++;
      used = 0;
    }
    if (blocks[index]!.keepWithNext && used > 0) {
      let chain = 0;
      let next = index;
      while (next < blocks.length && blocks[next]!.keepWithNext) chain += blocks[next++]!.gridLines;
      if (next < blocks.length) chain += 1;
      if (chain <= linesPerPage && used + chain > linesPerPage) {
        pages++;
        used = 0;
      }
    }
    used += blocks[index]!.gridLines;
    while (used > linesPerPage) {
      pages++;
      used -= linesPerPage;
    }
  }
  return { pages, linesOnLastPage: used };
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
    if (lines + (end < blocks.length ? 1 : 0) > linesPerPage) for (let index = start; index < end; index++) blocks[index]!.keepWithNext = false;
    start = end;
  }
}

function planPages(blocks: readonly PrintBlock[], colophon: ColophonPlan | null, page: PageGeometry, onEvenPage: boolean): PagePlan {
  const { pages: bodyPages, linesOnLastPage } = paginate(blocks, page.linesPerPage);
  const plan = { bodyPages, linesOnLastBodyPage: linesOnLastPage };
  if (!colophon) return { ...plan, colophon: 'none', blankPagesBeforeColophon: 0, totalPages: bodyPages };
  const free = page.linesPerPage - linesOnLastPage;
  const fits = free >= colophon.gridLines + ELEMENTS.colophon.minGapLines;
  if (fits && (!onEvenPage || bodyPages % 2 === 0)) return { ...plan, colophon: 'same-page', blankPagesBeforeColophon: 0, totalPages: bodyPages };
  const blank = onEvenPage && (bodyPages + 1) % 2 === 1 ? 1 : 0;
  if (colophon.gridLines > page.linesPerPage) {
    return { ...plan, colophon: 'own-pages', blankPagesBeforeColophon: blank, totalPages: bodyPages + blank + Math.ceil(colophon.gridLines / page.linesPerPage) };
  }
  return { ...plan, colophon: 'own-page', blankPagesBeforeColophon: blank, totalPages: bodyPages + blank + 1 };
}

function normalDocNumber(docNumber: string): string {
  const parsed = parseDocNumber(docNumber);
  return parsed ? formatDocNumber(parsed.prefix, parsed.year, parsed.serial) : docNumber;
}

export function typesetIssue(issue: Issue, options: PrintOptions): TypesetIssue {
  const page = pageGeometry(options.layoutProfile);
  const set = new Typesetter(page);
  const issueNumber = issueNumberOf(issue);

  set.masthead(issue.series.name);
  set.paragraph('issueNumber', [{ text: issueNumber, bold: false }]);
  if (issue.docNumber) set.paragraph('docNumber', [{ text: normalDocNumber(issue.docNumber), bold: false }]);
  set.issuerLine(issue.series.issuer, formatChineseDate(issue.date));

  const body = issue.blocks.filter((block) => block.type !== 'lead');
  const lead = deriveLead(body);
  if (lead.length > 0) {
    set.paragraph('leadHeading', [{ text: LEAD_HEADING, bold: false }]);
    for (const item of lead) set.paragraph('leadItem', [{ text: `${LEAD_MARKER}${item}`, bold: false }]);
  }
  for (const block of body) {
    if (block.type === 'article') {
      set.blankLines(ELEMENTS.title.blankLinesBefore);
      set.brokenHeading('title', block.title);
      if (block.subtitle?.trim()) set.brokenHeading('subtitle', block.subtitle);
      for (const paragraph of block.paragraphs) set.body(paragraph);
    } else if (block.type === 'news') {
      set.blankLines(ELEMENTS.newsSection.blankLinesBefore);
      set.paragraph('sectionHeading', [{ text: `【${block.heading.trim()}】`, bold: false }]);
      const marker = block.marker === false ? '' : NEWS_MARKER;
      for (const item of block.items) {
        const [first, ...rest] = item.paragraphs;
        const head = `${marker}${item.head.trim()}`;
        const runsOf = (paragraph: Paragraph) => paragraph.runs.map((run) => ({ text: run.text, bold: run.bold === true }));
        if (item.form === 'ownLine' || first === undefined) {
          set.paragraph('newsHead', [{ text: head, bold: true }]);
          if (first) set.body(first, 'newsItem');
        } else if (item.form === 'runIn') {
          set.paragraph('newsItem', [{ text: head, bold: true }, { text: RUN_IN_SEPARATOR, bold: false }, ...runsOf(first)]);
        } else {
          set.paragraph('newsItem', [{ text: `${head}：`, bold: true }, ...runsOf(first)]);
        }
        for (const paragraph of rest) set.body(paragraph, 'newsItem');
      }
    }
  }

  releaseOverlongChains(set.blocks, page.linesPerPage);
  const colophon = typesetColophon(issue, page);
  return {
    options,
    page,
    documentTitle: printable(`${issue.series.name} ${issueNumber}`),
    blocks: set.blocks,
    colophon,
    pages: planPages(set.blocks, colophon, page, options.colophonOnEvenPage),
  };
}
