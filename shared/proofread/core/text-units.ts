// Every text of an issue that the prose rules read, in reading order, each with its reference and kind.
import { paragraphText, type Issue } from '../../model/issue.ts';
import type { TextRef } from './location.ts';

/** title: titles, subtitles, section names, ▲ heads; body: paragraphs; name: series name, units, recipients */
export type UnitKind = 'title' | 'body' | 'name';

export interface TextUnit {
  ref: TextRef;
  text: string;
  kind: UnitKind;
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
      block.paragraphs.forEach((paragraph, index) => {
        units.push({ ref: { field: 'paragraph', block: blockIndex, paragraph: index }, text: paragraphText(paragraph), kind: 'body' });
      });
    } else if (block.type === 'news') {
      units.push({ ref: { field: 'heading', block: blockIndex }, text: block.heading, kind: 'title' });
      block.items.forEach((item, itemIndex) => {
        units.push({ ref: { field: 'head', block: blockIndex, item: itemIndex }, text: item.head, kind: 'title' });
        item.paragraphs.forEach((paragraph, index) => {
          units.push({ ref: { field: 'itemParagraph', block: blockIndex, item: itemIndex, paragraph: index }, text: paragraphText(paragraph), kind: 'body' });
        });
      });
    }
  });
  for (const list of ['report', 'send', 'issue'] as const) {
    issue.distribution[list].forEach((text, entry) => units.push({ ref: { field: list, entry }, text, kind: 'name' }));
  }
  if (issue.printed) units.push({ ref: { field: 'printedBy' }, text: issue.printed.by, kind: 'name' });
  return units;
}
