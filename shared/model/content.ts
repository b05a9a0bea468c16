// What an article's or news item's content holds besides text: telling its text paragraphs from its tables
// and figures, the text a table or figure carries (for search, counts and plain text), and the images an
// issue uses.
import type { ContentElement, Figure, Issue, Paragraph, Table, TableCell } from './issue.ts';

export type TextParagraph = Extract<ContentElement, { type?: undefined }>;

export const isTextParagraph = (element: ContentElement): element is TextParagraph => element.type === undefined;
export const isTable = (element: ContentElement): element is Table => element.type === 'table';
export const isFigure = (element: ContentElement): element is Figure => element.type === 'figure';

/** The text paragraphs of a content list, in order, tables and figures left out. */
export function textParagraphsOf(content: readonly ContentElement[]): Paragraph[] {
  return content.filter(isTextParagraph);
}

export const cellText = (cell: TableCell): string => cell.runs.map((run) => run.text).join('');

/** Every row of a table from top to bottom: header rows, body rows, then the 合计 row. */
export function tableRowsOf(table: Table): TableCell[][] {
  return [...table.header, ...table.rows, ...(table.total ? [table.total] : [])];
}

/** A table's text as lines of tab-separated cells (its title first), or a figure's caption. */
export function elementPlainText(element: ContentElement): string {
  if (element.type === 'table') {
    const lines = tableRowsOf(element).map((row) => row.map(cellText).join('\t'));
    return [...(element.title ? [element.title] : []), ...lines].join('\n');
  }
  if (element.type === 'figure') return element.caption;
  return element.runs.map((run) => run.text).join('');
}

/** Every content list of the issue's body: each article's, each news item's. */
export function contentListsOf(issue: Pick<Issue, 'blocks'>): ContentElement[][] {
  const lists: ContentElement[][] = [];
  for (const block of issue.blocks) {
    if (block.type === 'article') lists.push(block.paragraphs);
    else if (block.type === 'news') for (const item of block.items) lists.push(item.paragraphs);
  }
  return lists;
}

/** The ids of the images the issue's figures show, each once, in order of first use. */
export function imageIdsOf(issue: Pick<Issue, 'blocks'>): string[] {
  const ids = new Set<string>();
  for (const list of contentListsOf(issue)) for (const element of list) if (element.type === 'figure') ids.add(element.image.id);
  return [...ids];
}
