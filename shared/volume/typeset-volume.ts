// Sets a year's volume (汇编): a cover, its blank back, the contents (目录) with each issue's page and its
// articles' pages, then every issue as it prints on its own (typesetIssue with the options it was issued
// with), each starting on an odd page. Pages are numbered through the volume as the sheets fall; the cover,
// blank pages and colophon pages of their own print no number. The .docx and the PDF both render this plan.
import type { Issue, IssueStatus } from '../model/issue.ts';
import { STATUS_LABELS } from '../model/issue.ts';
import { formatChineseDate, issueNumberOf } from '../format/chinese.ts';
import { ELEMENTS, PARAGRAPH_STYLES, characterSpacingTwipsFor, pageGeometry, type FontRole, type PageGeometry } from '../layout/profiles.ts';
import { balancedTitleLines, textWidthPt } from '../layout/line-breaking.ts';
import { printable, typesetIssue, type PrintOptions, type TypesetIssue } from '../layout/typeset.ts';
import { twipsToPt } from '../layout/units.ts';

export interface VolumeIssue {
  issue: Issue;
  /** the options it prints with: those it was issued with */
  options: PrintOptions;
  status: IssueStatus;
}

export interface VolumeInput {
  seriesName: string;
  issuer: string;
  /** `2023年 第1期—第13期` */
  rangeLabel: string;
  /** ISO date the volume is compiled on */
  compiledOn: string;
  issues: readonly VolumeIssue[];
}

/** A centred line of the cover, at a row of the grid. */
export interface CoverLine {
  text: string;
  role: FontRole;
  sizePt: number;
  color: string;
  row: number;
  /** grid lines it takes */
  rows: number;
}

/** One printed line of the contents: an issue's line or (part of) an article title, the page number on an entry's last line. */
export interface ContentsLine {
  kind: 'heading' | 'blank' | 'issue' | 'title';
  text: string;
  role: FontRole;
  sizePt: number;
  indentPt: number;
  /** the page the entry starts on, printed on its last line; null on other lines */
  page: number | null;
}

export type VolumeSheet =
  | { kind: 'cover'; number: null }
  | { kind: 'blank'; number: null }
  | { kind: 'contents'; index: number; number: number }
  /** a sheet of an issue: its part and its sheet in the issue's own plan */
  | { kind: 'issue'; part: number; sheet: number; number: number | null };

export interface VolumePart {
  typeset: TypesetIssue;
  status: IssueStatus;
  /** the volume page it starts on (odd) */
  firstPage: number;
  /** the page each of its articles' titles starts on, in body order */
  titlePages: number[];
}

export interface TypesetVolume {
  /** the geometry and options of the cover and contents: the first issue's */
  page: PageGeometry;
  options: PrintOptions;
  documentTitle: string;
  cover: CoverLine[];
  /** the contents' lines, page by page */
  contents: ContentsLine[][];
  parts: VolumePart[];
  sheets: VolumeSheet[];
}

const { coverNameSizesPt, coverWordSizePt, contentsNumberCells, contentsTitleIndentChars } = ELEMENTS.volume;
const SIZE_三号 = ELEMENTS.body.sizePt;

/** The series' name as the cover sets it: the largest size that fits one line; else in balanced lines at the smallest, or smaller still beyond four lines. */
function coverNameLines(name: string, widthPt: number): { lines: string[]; sizePt: number } {
  const oneLine = coverNameSizesPt.find((size) => textWidthPt(name, size) <= widthPt);
  if (oneLine !== undefined) return { lines: [name], sizePt: oneLine };
  for (let sizePt = coverNameSizesPt[coverNameSizesPt.length - 1]!; sizePt > SIZE_三号; sizePt--) {
    const lines = balancedTitleLines(name, widthPt, sizePt);
    if (lines.length <= 4) return { lines, sizePt };
  }
  return { lines: balancedTitleLines(name, widthPt, SIZE_三号), sizePt: SIZE_三号 };
}

function coverLines(input: VolumeInput, page: PageGeometry): CoverLine[] {
  const name = coverNameLines(printable(input.seriesName), page.typeAreaWidthPt);
  const lines: CoverLine[] = [];
  // a name of one or two lines starts on the fourth row; a longer one higher, so the rest keeps its room
  let row = name.lines.length > 2 ? 1 : 3;
  for (const text of name.lines) {
    lines.push({ text, role: 'biaosong', sizePt: name.sizePt, color: ELEMENTS.masthead.color, row, rows: 2 });
    row += 2;
  }
  lines.push({ text: '汇　编', role: 'biaosong', sizePt: coverWordSizePt, color: PARAGRAPH_STYLES.title.color, row: row + 1, rows: 2 });
  row += 4;
  if (input.rangeLabel) lines.push({ text: `（${printable(input.rangeLabel)}）`, role: 'kaiti', sizePt: SIZE_三号, color: PARAGRAPH_STYLES.body.color, row: Math.min(row, page.linesPerPage - 6), rows: 1 });
  if (input.issuer.trim()) lines.push({ text: printable(input.issuer), role: 'fangsong', sizePt: SIZE_三号, color: PARAGRAPH_STYLES.body.color, row: page.linesPerPage - 4, rows: 1 });
  lines.push({ text: `${formatChineseDate(input.compiledOn)}编印`, role: 'fangsong', sizePt: SIZE_三号, color: PARAGRAPH_STYLES.body.color, row: page.linesPerPage - 3, rows: 1 });
  return lines;
}

/** The titles of an issue's articles, as the contents lists them (forced breaks joined). */
export function articleTitles(issue: Issue): string[] {
  return issue.blocks.flatMap((block) => (block.type === 'article' ? [printable(block.title.replace(/\r\n|\r|\n/g, '')).trim() || '（无标题）'] : []));
}

/** An issue's line in the contents: `第13期　2023年7月12日`, with its status when it is not issued. */
export function contentsIssueText(issue: Issue, status: IssueStatus, numberText: string): string {
  const state = status === 'issued' ? '' : `（${STATUS_LABELS[status]}）`;
  return `${numberText}　${formatChineseDate(issue.date)}${state}`;
}

/** An entry's lines, broken to leave room for the leader and page number on its last line. */
function entryLines(kind: 'issue' | 'title', text: string, page: PageGeometry, role: FontRole): ContentsLine[] {
  const indentPt = kind === 'title' ? contentsTitleIndentChars * page.bodyCharPt : 0;
  const letterSpacingPt = twipsToPt(characterSpacingTwipsFor(SIZE_三号));
  const numberPt = contentsNumberCells * (SIZE_三号 + letterSpacingPt);
  // between words, in balanced lines, as titles break (no lone character on a line of its own)
  const lines = balancedTitleLines(text, page.typeAreaWidthPt - indentPt - numberPt, SIZE_三号, letterSpacingPt);
  return lines.map((line) => ({ kind, text: line, role, sizePt: SIZE_三号, indentPt, page: null }));
}

/** Lays the entries on pages: the heading on the first, an issue's line kept with its first title, no entry parted. */
function paginateContents(entries: { issue: ContentsLine[]; titles: ContentsLine[][] }[], linesPerPage: number): ContentsLine[][] {
  const heading: ContentsLine = { kind: 'heading', text: '目　　录', role: 'biaosong', sizePt: PARAGRAPH_STYLES.title.sizePt, indentPt: 0, page: null };
  const blank: ContentsLine = { kind: 'blank', text: '', role: 'fangsong', sizePt: SIZE_三号, indentPt: 0, page: null };
  const pages: ContentsLine[][] = [[heading, blank]];
  const place = (lines: ContentsLine[], keepWith = 0) => {
    const current = pages[pages.length - 1]!;
    if (current.length + lines.length + keepWith > linesPerPage && current.length > 0) pages.push([]);
    pages[pages.length - 1]!.push(...lines);
  };
  for (const entry of entries) {
    place(entry.issue, entry.titles[0]?.length ?? 0);
    for (const title of entry.titles) place(title);
  }
  return pages;
}

/**
 * Sets the volume: the contents are laid first (their length does not depend on the page numbers), then the
 * issues after them. `typesets`: the issues already set, one by one, by a caller that reports progress.
 */
export function typesetVolume(input: VolumeInput, typesets: readonly TypesetIssue[] = input.issues.map((entry) => typesetIssue(entry.issue, entry.options))): TypesetVolume {
  if (input.issues.length === 0) throw new Error('汇编中没有简报');
  if (typesets.length !== input.issues.length) throw new Error('每期简报都应已排版');
  const options = input.issues[0]!.options;
  const page = pageGeometry(options.layoutProfile);

  const entries = input.issues.map((entry) => {
    return {
      issue: entryLines('issue', contentsIssueText(entry.issue, entry.status, issueNumberOf(entry.issue)), page, 'heiti'),
      titles: articleTitles(entry.issue).map((title) => entryLines('title', title, page, 'fangsong')),
    };
  });
  const contents = paginateContents(entries, page.linesPerPage);

  const sheets: VolumeSheet[] = [{ kind: 'cover', number: null }, { kind: 'blank', number: null }];
  contents.forEach((_, index) => sheets.push({ kind: 'contents', index, number: sheets.length + 1 }));
  const parts: VolumePart[] = typesets.map((typeset, partIndex) => {
    // every issue starts on an odd page: a blank page before it where the page before is odd
    if (sheets.length % 2 === 1) sheets.push({ kind: 'blank', number: null });
    const firstPage = sheets.length + 1;
    typeset.sheets.forEach((sheet, index) => sheets.push({ kind: 'issue', part: partIndex, sheet: index, number: sheet.number === null ? null : firstPage + index }));
    const titlePages = typeset.blocks.flatMap((block, blockIndex) =>
      block.kind === 'paragraph' && block.style === 'title' && block.source?.part === 'title' ? [firstPage + typeset.places[blockIndex]![0]!.page] : [],
    );
    return { typeset, status: input.issues[partIndex]!.status, firstPage, titlePages };
  });

  // the page numbers on the entries' last lines
  parts.forEach((part, index) => {
    const entry = entries[index]!;
    entry.issue[entry.issue.length - 1]!.page = part.firstPage;
    entry.titles.forEach((title, titleIndex) => {
      title[title.length - 1]!.page = part.titlePages[titleIndex] ?? part.firstPage;
    });
  });

  return {
    page,
    options,
    documentTitle: printable(`${input.seriesName}汇编 ${input.rangeLabel}`.trim()),
    cover: coverLines(input, page),
    contents,
    parts,
    sheets,
  };
}

/** Pages of the volume. */
export const volumePageCount = (volume: TypesetVolume) => volume.sheets.length;
