// Every text of an issue that the prose rules read, in reading order, each with its reference and kind.
import { paragraphText, type ContentElement, type Issue } from '../../model/issue.ts';
import { cellText, elementPlainText } from '../../model/content.ts';
import { cellRef, contentRef, type TextRef } from './location.ts';
import { partRows, TABLE_PARTS } from './tables.ts';

/**
 * title: titles, subtitles, section names, ▲ heads, table titles; body: paragraphs and figure captions;
 * cell: a table cell's text; name: series name, units, recipients
 */
export type UnitKind = 'title' | 'body' | 'cell' | 'name';

export interface TextUnit {
  ref: TextRef;
  text: string;
  kind: UnitKind;
}

/**
 * The texts of one article's or item's content, each under its index in the list: a text paragraph, a
 * table's title and its non-empty cells row by row, a figure's caption.
 */
function contentUnits(units: TextUnit[], content: readonly ContentElement[], block: number, item: number | undefined): void {
  content.forEach((element, index) => {
    if (element.type === undefined) {
      units.push({ ref: contentRef('paragraph', block, item, index), text: paragraphText(element), kind: 'body' });
    } else if (element.type === 'figure') {
      if (element.caption !== '') units.push({ ref: contentRef('caption', block, item, index), text: element.caption, kind: 'body' });
    } else {
      if (element.title) units.push({ ref: contentRef('tableTitle', block, item, index), text: element.title, kind: 'title' });
      for (const part of TABLE_PARTS) {
        partRows(element, part).forEach((cells, row) => {
          cells.forEach((cell, at) => {
            const text = cellText(cell);
            if (text !== '') units.push({ ref: cellRef(block, item, index, { part, row, cell: at }), text, kind: 'cell' });
          });
        });
      }
    }
  });
}

/** The 导读 is left out (it is derived from the titles, which are read), and so are the document number and dates, which have rules of their own. */
export function textUnitsOf(issue: Issue): TextUnit[] {
  const units: TextUnit[] = [
    { ref: { field: 'seriesName' }, text: issue.series.name, kind: 'name' },
    { ref: { field: 'issuer' }, text: issue.series.issuer, kind: 'name' },
  ];
  issue.blocks.forEach((block, blockIndex) => {
    if (block.type === 'article') {
      units.push({ ref: { field: 'title', block: blockIndex }, text: block.title, kind: 'title' });
      if (block.subtitle !== undefined) units.push({ ref: { field: 'subtitle', block: blockIndex }, text: block.subtitle, kind: 'title' });
      contentUnits(units, block.paragraphs, blockIndex, undefined);
    } else if (block.type === 'news') {
      units.push({ ref: { field: 'heading', block: blockIndex }, text: block.heading, kind: 'title' });
      block.items.forEach((item, itemIndex) => {
        units.push({ ref: { field: 'head', block: blockIndex, item: itemIndex }, text: item.head, kind: 'title' });
        contentUnits(units, item.paragraphs, blockIndex, itemIndex);
      });
    }
  });
  for (const list of ['report', 'send', 'issue'] as const) {
    issue.distribution[list].forEach((text, entry) => units.push({ ref: { field: list, entry }, text, kind: 'name' }));
  }
  if (issue.printed) units.push({ ref: { field: 'printedBy' }, text: issue.printed.by, kind: 'name' });
  return units;
}

/** Whether an article's or item's content holds anything to print: text, a figure (its photo), or a table with any text. */
export function holdsContent(content: readonly ContentElement[]): boolean {
  return content.some((element) => {
    if (element.type === 'figure') return true;
    if (element.type === 'table') return elementPlainText(element).trim().length > 0;
    return paragraphText(element).trim().length > 0;
  });
}
