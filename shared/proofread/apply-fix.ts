// Applies one finding's fix to an issue and returns the new issue, leaving the old one untouched.
// Refuses, in Chinese, when the text at the finding's span has changed since it was found.
import { isRealDate, type ContentElement, type Issue, type Run } from '../model/issue.ts';
import { withDerivedLead } from '../model/lead.ts';
import type { Finding } from './core/finding.ts';
import { isContentRef, textAt, type ContentRef, type Location } from './core/location.ts';
import { partRows } from './core/tables.ts';
import { ApiError } from '../api/errors.ts';

export class StaleFindingError extends ApiError {
  constructor(message: string) {
    super('conflict', message);
    this.name = 'StaleFindingError';
  }
}

/** Replaces [offset, offset + length) of the paragraph's (or table cell's) concatenated text; the runs keep their formatting, emptied runs go. */
export function replaceInParagraph<T extends { runs: readonly Run[] }>(paragraph: T, offset: number, length: number, replacement: string): T {
  const end = offset + length;
  const runs: Run[] = [];
  let position = 0;
  let inserted = false;
  for (const run of paragraph.runs) {
    const runStart = position;
    const runEnd = position + run.text.length;
    position = runEnd;
    // the replacement goes into the run where the span starts (for an empty span at a boundary, the earlier run)
    const takesReplacement = !inserted && offset >= runStart && (offset < runEnd || (offset === runEnd && length === 0));
    if (runEnd <= offset && !takesReplacement) {
      runs.push(run);
      continue;
    }
    if (runStart >= end && !takesReplacement) {
      runs.push(run);
      continue;
    }
    const keepBefore = run.text.slice(0, Math.max(0, offset - runStart));
    const keepAfter = run.text.slice(Math.max(0, end - runStart));
    const text = keepBefore + (takesReplacement ? replacement : '') + keepAfter;
    if (takesReplacement) inserted = true;
    if (text.length > 0) runs.push({ ...run, text });
  }
  if (!inserted) {
    const last = runs.at(-1);
    if (last) runs[runs.length - 1] = { ...last, text: last.text + replacement };
    else runs.push({ text: replacement });
  }
  return { ...paragraph, runs: runs.length > 0 ? runs : [{ text: '' }] };
}

function replaced(text: string, location: Location, replacement: string): string {
  return text.slice(0, location.offset) + replacement + text.slice(location.offset + location.length);
}

/**
 * The element at a content reference with its text there replaced. textAt has already read that text, so
 * the element is of the kind the reference reads (a paragraph ref never edits a table that took its place).
 */
function fixedElement(element: ContentElement, location: ContentRef & Location, replacement: string, next: string): ContentElement {
  switch (location.field) {
    case 'paragraph':
    case 'itemParagraph':
      if (element.type === undefined) return replaceInParagraph(element, location.offset, location.length, replacement);
      break;
    case 'tableTitle':
    case 'itemTableTitle':
      if (element.type === 'table') return { ...element, title: next };
      break;
    case 'caption':
    case 'itemCaption':
      if (element.type === 'figure') return { ...element, caption: next };
      break;
    case 'cell':
    case 'itemCell': {
      if (element.type !== 'table') break;
      const { part, row, cell } = location;
      const rows = partRows(element, part).map((cells, index) =>
        index === row ? cells.map((each, at) => (at === cell ? replaceInParagraph(each, location.offset, location.length, replacement) : each)) : cells,
      );
      return part === 'total' ? { ...element, total: rows[0]! } : { ...element, [part]: rows };
    }
  }
  throw new StaleFindingError('这一处问题没有可自动应用的修改');
}

function withContentText(issue: Issue, location: ContentRef & Location, replacement: string, next: string): Issue {
  const blocks = [...issue.blocks];
  const block = blocks[location.block]!;
  const fixList = (list: readonly ContentElement[]) => list.map((element, index) => (index === location.paragraph ? fixedElement(element, location, replacement, next) : element));
  if ('item' in location) {
    if (block.type !== 'news') throw new StaleFindingError('这段文字在校对之后已改动，请重新校对后再修改');
    blocks[location.block] = { ...block, items: block.items.map((item, index) => (index === location.item ? { ...item, paragraphs: fixList(item.paragraphs) } : item)) };
  } else {
    if (block.type !== 'article') throw new StaleFindingError('这段文字在校对之后已改动，请重新校对后再修改');
    blocks[location.block] = { ...block, paragraphs: fixList(block.paragraphs) };
  }
  return { ...issue, blocks };
}

function withText(issue: Issue, location: Location, replacement: string, current: string): Issue {
  const next = replaced(current, location, replacement);
  if (isContentRef(location)) return withContentText(issue, location, replacement, next);
  switch (location.field) {
    case 'seriesName':
      return { ...issue, series: { ...issue.series, name: next } };
    case 'issuer':
      return { ...issue, series: { ...issue.series, issuer: next } };
    case 'docNumber':
      return { ...issue, docNumber: next };
    case 'date':
      return { ...issue, date: next };
    case 'printedBy':
    case 'printedDate':
      return { ...issue, printed: { ...issue.printed!, [location.field === 'printedBy' ? 'by' : 'date']: next } };
    case 'report':
    case 'send':
    case 'issue': {
      if (location.entry === null) throw new StaleFindingError('这一处问题没有可自动应用的修改');
      const list = [...issue.distribution[location.field]];
      list[location.entry] = next;
      return { ...issue, distribution: { ...issue.distribution, [location.field]: list } };
    }
  }
  const blocks = [...issue.blocks];
  const block = blocks[location.block]!;
  switch (location.field) {
    // the 导读 is derived from the titles, and nothing edits it: a fix changes the title
    case 'block':
    case 'leadItem':
      throw new StaleFindingError('这一处问题没有可自动应用的修改');
    case 'title':
    case 'subtitle':
      if (block.type === 'article') blocks[location.block] = { ...block, [location.field]: next };
      break;
    case 'heading':
      if (block.type === 'news') blocks[location.block] = { ...block, heading: next };
      break;
    case 'head':
      if (block.type === 'news') {
        const items = block.items.map((item, index) => (index === location.item ? { ...item, head: next } : item));
        blocks[location.block] = { ...block, items };
      }
      break;
  }
  return { ...issue, blocks };
}

/** The issue with the finding's fix applied. Throws StaleFindingError when the finding has no fix or no longer matches the text. */
export function applyFix(issue: Issue, finding: Finding): Issue {
  if (finding.fix === undefined) throw new StaleFindingError('这一处问题没有可自动应用的修改');
  const { location } = finding;
  const current = textAt(issue, location);
  if (current === null || current.slice(location.offset, location.offset + location.length) !== finding.text) {
    throw new StaleFindingError('这段文字在校对之后已改动，请重新校对后再修改');
  }
  const fixed = withText(issue, location, finding.fix, current);
  // the 导读 is a view of the titles: a fixed title shows in it at once
  const result = location.field === 'title' || location.field === 'subtitle' || location.field === 'heading' ? withDerivedLead(fixed) : fixed;
  if ((location.field === 'date' || location.field === 'printedDate') && !isRealDate(textAt(result, location) ?? '')) {
    throw new StaleFindingError('修改后的日期不是有效日期');
  }
  return result;
}
