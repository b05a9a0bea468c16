// Where a proofreading finding is: a text of the canonical Issue (named by field and indices) and a
// span inside it, with the helpers that read that text, name it in Chinese and order findings.
import { paragraphText, type ContentElement, type Issue } from '../../model/issue.ts';
import { cellText, isTextParagraph } from '../../model/content.ts';
import { cellOf, type TablePart } from './tables.ts';

export type { TablePart } from './tables.ts';

/**
 * One text of the canonical Issue. `block`, `item` and `paragraph` index the Issue's own arrays
 * (blocks[block], blocks[block].items[item], ….paragraphs[paragraph]), so block 0 is usually the 导读.
 *
 *   seriesName / issuer              issue.series.name / .issuer
 *   docNumber                        issue.docNumber
 *   date                             issue.date (ISO, as stored: the masthead date)
 *   printedBy / printedDate          issue.printed.by / .date (the 印发 line)
 *   block                            blocks[block] as a whole (text ''), for findings about structure
 *   leadItem                         blocks[block].items[item] of the 导读
 *   title / subtitle                 blocks[block].title / .subtitle of an article
 *   paragraph                        blocks[block].paragraphs[paragraph] of an article, its runs' text concatenated
 *   heading                          blocks[block].heading of a news section
 *   head                             blocks[block].items[item].head of a ▲ item
 *   itemParagraph                    blocks[block].items[item].paragraphs[paragraph], runs concatenated
 *   report / send / issue            distribution[field][entry]; entry null = the list as a whole (text '')
 *
 * An article's or item's `paragraphs` hold tables and figures among the text paragraphs, and `paragraph`
 * is always the element's index in that list (a text paragraph after a table is paragraphs[1], not [0]).
 * A `paragraph`/`itemParagraph` ref reads only a text paragraph; the parts of a table or figure have
 * their own fields (the item… forms in a news item, as for paragraphs):
 *
 *   element / itemElement            the table or figure as a whole (text ''), for findings about its structure
 *   tableTitle / itemTableTitle      its `title`
 *   cell / itemCell                  the cell [part][row][cell] of the table (part header, rows or total, whose
 *                                    one row is row 0; `cell` indexes the row's cells), its runs concatenated
 *   caption / itemCaption            a figure's `caption`
 */
export type TextRef =
  | { field: 'seriesName' | 'issuer' | 'docNumber' | 'date' | 'printedBy' | 'printedDate' }
  | { field: 'block' | 'title' | 'subtitle' | 'heading'; block: number }
  | { field: 'leadItem' | 'head'; block: number; item: number }
  | { field: 'paragraph' | 'element' | 'tableTitle' | 'caption'; block: number; paragraph: number }
  | { field: 'itemParagraph' | 'itemElement' | 'itemTableTitle' | 'itemCaption'; block: number; item: number; paragraph: number }
  | ({ field: 'cell'; block: number; paragraph: number } & CellPlace)
  | ({ field: 'itemCell'; block: number; item: number; paragraph: number } & CellPlace)
  | { field: 'report' | 'send' | 'issue'; entry: number | null };

export interface CellPlace {
  part: TablePart;
  row: number;
  cell: number;
}

/** A reference into an article's or item's content list. */
export type ContentRef = Extract<TextRef, { paragraph: number }>;

const IN_ITEM = new Set<TextRef['field']>(['itemParagraph', 'itemElement', 'itemTableTitle', 'itemCaption', 'itemCell']);

export const isContentRef = (ref: TextRef): ref is ContentRef => 'paragraph' in ref;

/** The reference of the same kind in an article's content (item undefined) or in a news item's. */
export function contentRef(
  kind: 'paragraph' | 'element' | 'tableTitle' | 'caption',
  block: number,
  item: number | undefined,
  paragraph: number,
): ContentRef {
  if (item === undefined) return { field: kind, block, paragraph };
  const field = ({ paragraph: 'itemParagraph', element: 'itemElement', tableTitle: 'itemTableTitle', caption: 'itemCaption' } as const)[kind];
  return { field, block, item, paragraph };
}

export function cellRef(block: number, item: number | undefined, paragraph: number, place: CellPlace): ContentRef {
  return item === undefined ? { field: 'cell', block, paragraph, ...place } : { field: 'itemCell', block, item, paragraph, ...place };
}

/** The content list a content reference indexes (an article's or a news item's), or undefined. */
export function contentListAt(issue: Pick<Issue, 'blocks'>, ref: ContentRef): readonly ContentElement[] | undefined {
  const block = issue.blocks[ref.block];
  if (!block) return undefined;
  if (IN_ITEM.has(ref.field)) return block.type === 'news' && 'item' in ref ? block.items[ref.item]?.paragraphs : undefined;
  return block.type === 'article' ? block.paragraphs : undefined;
}

export function elementAt(issue: Pick<Issue, 'blocks'>, ref: ContentRef): ContentElement | undefined {
  return contentListAt(issue, ref)?.[ref.paragraph];
}

/** The text of a content reference: null when the element there is not of the kind the reference reads. */
function contentTextAt(issue: Issue, ref: ContentRef): string | null {
  const element = elementAt(issue, ref);
  if (!element) return null;
  switch (ref.field) {
    case 'paragraph':
    case 'itemParagraph':
      return isTextParagraph(element) ? paragraphText(element) : null;
    case 'element':
    case 'itemElement':
      return isTextParagraph(element) ? null : '';
    case 'tableTitle':
    case 'itemTableTitle':
      return element.type === 'table' ? (element.title ?? '') : null;
    case 'caption':
    case 'itemCaption':
      return element.type === 'figure' ? element.caption : null;
    case 'cell':
    case 'itemCell': {
      const cell = element.type === 'table' ? cellOf(element, ref.part, ref.row, ref.cell) : undefined;
      return cell ? cellText(cell) : null;
    }
  }
}

/**
 * A span of a text: `offset` and `length` count UTF-16 code units of the text `textAt` returns
 * (as JavaScript strings and Slate count them); in a paragraph they run across its runs.
 */
export type Location = TextRef & { offset: number; length: number };

/** The path of the text in the Issue's JSON, e.g. ["blocks", 2, "paragraphs", 0]. */
export function pathOf(ref: TextRef): (string | number)[] {
  switch (ref.field) {
    case 'seriesName':
      return ['series', 'name'];
    case 'issuer':
      return ['series', 'issuer'];
    case 'docNumber':
    case 'date':
      return [ref.field];
    case 'printedBy':
      return ['printed', 'by'];
    case 'printedDate':
      return ['printed', 'date'];
    case 'block':
      return ['blocks', ref.block];
    case 'title':
    case 'subtitle':
    case 'heading':
      return ['blocks', ref.block, ref.field];
    case 'leadItem':
      return ['blocks', ref.block, 'items', ref.item];
    case 'head':
      return ['blocks', ref.block, 'items', ref.item, 'head'];
    case 'paragraph':
    case 'element':
      return ['blocks', ref.block, 'paragraphs', ref.paragraph];
    case 'itemParagraph':
    case 'itemElement':
      return ['blocks', ref.block, 'items', ref.item, 'paragraphs', ref.paragraph];
    case 'tableTitle':
    case 'caption':
      return ['blocks', ref.block, 'paragraphs', ref.paragraph, ref.field === 'tableTitle' ? 'title' : 'caption'];
    case 'itemTableTitle':
    case 'itemCaption':
      return ['blocks', ref.block, 'items', ref.item, 'paragraphs', ref.paragraph, ref.field === 'itemTableTitle' ? 'title' : 'caption'];
    case 'cell':
    case 'itemCell': {
      const list = ref.field === 'cell' ? ['blocks', ref.block, 'paragraphs', ref.paragraph] : ['blocks', ref.block, 'items', ref.item, 'paragraphs', ref.paragraph];
      return ref.part === 'total' ? [...list, 'total', ref.cell] : [...list, ref.part, ref.row, ref.cell];
    }
    case 'report':
    case 'send':
    case 'issue':
      return ref.entry === null ? ['distribution', ref.field] : ['distribution', ref.field, ref.entry];
  }
}

/** The text a reference points at, or null when the issue has no such text (an index out of range). */
export function textAt(issue: Issue, ref: TextRef): string | null {
  switch (ref.field) {
    case 'seriesName':
      return issue.series.name;
    case 'issuer':
      return issue.series.issuer;
    case 'docNumber':
      return issue.docNumber;
    case 'date':
      return issue.date;
    case 'printedBy':
      return issue.printed?.by ?? null;
    case 'printedDate':
      return issue.printed?.date ?? null;
    case 'report':
    case 'send':
    case 'issue': {
      const list = issue.distribution[ref.field];
      return ref.entry === null ? '' : (list[ref.entry] ?? null);
    }
  }
  if (isContentRef(ref)) return contentTextAt(issue, ref);
  const block = issue.blocks[ref.block];
  if (!block) return null;
  switch (ref.field) {
    case 'block':
      return '';
    case 'leadItem':
      return block.type === 'lead' ? (block.items[ref.item] ?? null) : null;
    case 'title':
      return block.type === 'article' ? block.title : null;
    case 'subtitle':
      return block.type === 'article' ? (block.subtitle ?? null) : null;
    case 'heading':
      return block.type === 'news' ? block.heading : null;
    case 'head':
      return block.type === 'news' ? (block.items[ref.item]?.head ?? null) : null;
  }
}

const LIST_NAMES = { report: '报', send: '送', issue: '发' } as const;

function shortTitle(text: string): string {
  const chars = [...text.trim()];
  if (chars.length === 0) return '（无标题）';
  return chars.length > 12 ? `${chars.slice(0, 12).join('')}…` : chars.join('');
}

/** Where a reference is, the way a clerk would say it: 文章《…》第3段, 【县市区工作动态】第2条的标题. */
export function describeRef(issue: Issue, ref: TextRef): string {
  switch (ref.field) {
    case 'seriesName':
      return '刊物名称';
    case 'issuer':
      return '编印单位';
    case 'docNumber':
      return '文号';
    case 'date':
      return '报头日期';
    case 'printedBy':
      return '印发单位';
    case 'printedDate':
      return '印发日期';
    case 'report':
    case 'send':
    case 'issue':
      return ref.entry === null ? `“${LIST_NAMES[ref.field]}”送范围` : `“${LIST_NAMES[ref.field]}”第${ref.entry + 1}个单位`;
  }
  const block = issue.blocks[ref.block];
  const article = block?.type === 'article' ? `文章《${shortTitle(block.title)}》` : `正文第${ref.block + 1}部分`;
  const section = block?.type === 'news' ? `【${shortTitle(block.heading)}】` : `正文第${ref.block + 1}部分`;
  if (isContentRef(ref)) return `${'item' in ref ? `${section}第${ref.item + 1}条` : article}${describeInContent(issue, ref)}`;
  switch (ref.field) {
    case 'block':
      if (block?.type === 'lead') return '导读';
      return block?.type === 'news' ? `栏目${section}` : article;
    case 'leadItem':
      return `导读第${ref.item + 1}条`;
    case 'title':
      return `${article}的标题`;
    case 'subtitle':
      return `${article}的副标题`;
    case 'heading':
      return `栏目${section}的名称`;
    case 'head':
      return `${section}第${ref.item + 1}条的标题`;
  }
}

const PART_NAMES: Record<TablePart, string> = { header: '表头', rows: '', total: '合计行' };

/**
 * Where in an article's or item's content: 第2段 counting text paragraphs only (as the clerk counts them on
 * the page), 第1个表格, 第2张图片; an element that is not what the reference reads by its index (第3项).
 */
function describeInContent(issue: Issue, ref: ContentRef): string {
  const list = contentListAt(issue, ref) ?? [];
  const element = list[ref.paragraph];
  const ordinal = (same: (other: ContentElement) => boolean) => list.slice(0, ref.paragraph + 1).filter(same).length;
  if (element && isTextParagraph(element)) return `第${ordinal(isTextParagraph)}段`;
  if (element?.type === 'figure') return `第${ordinal((other) => other.type === 'figure')}张图片${ref.field === 'caption' || ref.field === 'itemCaption' ? '的图注' : ''}`;
  if (element?.type !== 'table') return `第${ref.paragraph + 1}项`;
  const table = `第${ordinal((other) => other.type === 'table')}个表格`;
  if (ref.field === 'tableTitle' || ref.field === 'itemTableTitle') return `${table}的标题`;
  if (ref.field !== 'cell' && ref.field !== 'itemCell') return table;
  const row = ref.part === 'total' ? '' : `第${ref.row + 1}行`;
  return `${table}${PART_NAMES[ref.part]}${row}第${ref.cell + 1}${ref.part === 'header' ? '格' : '列'}`;
}

/** describeRef plus the character position (counted in characters, from 1) when the span is in running text. */
export function describeLocation(issue: Issue, location: Location): string {
  const where = describeRef(issue, location);
  const text = textAt(issue, location);
  if (text === null || text.length === 0 || location.field === 'date' || location.field === 'printedDate') return where;
  return `${where}第${[...text.slice(0, location.offset)].length + 1}字`;
}

/** Sort key in reading order: masthead, body (block by block, title before paragraphs), colophon; then offset. */
export function readingOrder(location: Location): number[] {
  const tail = [location.offset, location.length];
  // inside a content element: the table as a whole, its title, then its cells row by row
  const inside = (() => {
    switch (location.field) {
      case 'element':
      case 'itemElement':
        return [-2, 0, 0];
      case 'tableTitle':
      case 'itemTableTitle':
        return [-1, 0, 0];
      case 'cell':
      case 'itemCell':
        return [['header', 'rows', 'total'].indexOf(location.part), location.row, location.cell];
      default:
        return [0, 0, 0];
    }
  })();
  const key = (...head: number[]) => [...head, ...inside, ...tail];
  switch (location.field) {
    case 'seriesName':
      return key(0, 0, 0, 0);
    case 'issuer':
      return key(0, 1, 0, 0);
    case 'docNumber':
      return key(0, 2, 0, 0);
    case 'date':
      return key(0, 3, 0, 0);
    case 'block':
      return key(1, location.block, -1, 0);
    case 'leadItem':
      return key(1, location.block, location.item, 0);
    case 'title':
    case 'heading':
      return key(1, location.block, 0, 0);
    case 'subtitle':
      return key(1, location.block, 0, 1);
    case 'paragraph':
    case 'element':
    case 'tableTitle':
    case 'caption':
    case 'cell':
      return key(1, location.block, 1, location.paragraph);
    case 'head':
      return key(1, location.block, 1 + location.item, -1);
    case 'itemParagraph':
    case 'itemElement':
    case 'itemTableTitle':
    case 'itemCaption':
    case 'itemCell':
      return key(1, location.block, 1 + location.item, location.paragraph);
    case 'report':
      return key(2, 0, location.entry ?? -1, 0);
    case 'send':
      return key(2, 1, location.entry ?? -1, 0);
    case 'issue':
      return key(2, 2, location.entry ?? -1, 0);
    case 'printedBy':
      return key(3, 0, 0, 0);
    case 'printedDate':
      return key(3, 1, 0, 0);
  }
}
