// Where a proofreading finding is: a text of the canonical Issue (named by field and indices) and a
// span inside it, with the helpers that read that text, name it in Chinese and order findings.
import { paragraphText, type Issue } from '../../model/issue.ts';

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
 */
export type TextRef =
  | { field: 'seriesName' | 'issuer' | 'docNumber' | 'date' | 'printedBy' | 'printedDate' }
  | { field: 'block' | 'title' | 'subtitle' | 'heading'; block: number }
  | { field: 'leadItem' | 'head'; block: number; item: number }
  | { field: 'paragraph'; block: number; paragraph: number }
  | { field: 'itemParagraph'; block: number; item: number; paragraph: number }
  | { field: 'report' | 'send' | 'issue'; entry: number | null };

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
      return ['blocks', ref.block, 'paragraphs', ref.paragraph];
    case 'itemParagraph':
      return ['blocks', ref.block, 'items', ref.item, 'paragraphs', ref.paragraph];
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
    case 'paragraph': {
      const paragraph = block.type === 'article' ? block.paragraphs[ref.paragraph] : undefined;
      return paragraph ? paragraphText(paragraph) : null;
    }
    case 'heading':
      return block.type === 'news' ? block.heading : null;
    case 'head':
      return block.type === 'news' ? (block.items[ref.item]?.head ?? null) : null;
    case 'itemParagraph': {
      const paragraph = block.type === 'news' ? block.items[ref.item]?.paragraphs[ref.paragraph] : undefined;
      return paragraph ? paragraphText(paragraph) : null;
    }
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
    case 'paragraph':
      return `${article}第${ref.paragraph + 1}段`;
    case 'heading':
      return `栏目${section}的名称`;
    case 'head':
      return `${section}第${ref.item + 1}条的标题`;
    case 'itemParagraph':
      return `${section}第${ref.item + 1}条第${ref.paragraph + 1}段`;
  }
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
  switch (location.field) {
    case 'seriesName':
      return [0, 0, 0, 0, ...tail];
    case 'issuer':
      return [0, 1, 0, 0, ...tail];
    case 'docNumber':
      return [0, 2, 0, 0, ...tail];
    case 'date':
      return [0, 3, 0, 0, ...tail];
    case 'block':
      return [1, location.block, -1, 0, ...tail];
    case 'leadItem':
      return [1, location.block, location.item, 0, ...tail];
    case 'title':
    case 'heading':
      return [1, location.block, 0, 0, ...tail];
    case 'subtitle':
      return [1, location.block, 0, 1, ...tail];
    case 'paragraph':
      return [1, location.block, 1, location.paragraph, ...tail];
    case 'head':
      return [1, location.block, 1 + location.item, -1, ...tail];
    case 'itemParagraph':
      return [1, location.block, 1 + location.item, location.paragraph, ...tail];
    case 'report':
      return [2, 0, location.entry ?? -1, 0, ...tail];
    case 'send':
      return [2, 1, location.entry ?? -1, 0, ...tail];
    case 'issue':
      return [2, 2, location.entry ?? -1, 0, ...tail];
    case 'printedBy':
      return [3, 0, 0, 0, ...tail];
    case 'printedDate':
      return [3, 1, 0, 0, ...tail];
  }
}
