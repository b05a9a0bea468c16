// Decides whether pasted text is a whole bulletin (masthead, 导读 or colophon present) and, pasted
// into an empty issue, fills all its parts from it with the importer's parser: the body and colophon
// always, the masthead (期号, 日期, 文号) together or not at all, as the clerk chooses.
import type { ContentElement, Issue } from '../../shared/model/issue.ts';
import { isTextParagraph } from '../../shared/model/content.ts';
import { parseBulletinText } from '../../shared/import/parse-bulletin.ts';
import { withDerivedLead } from '../../shared/model/lead.ts';
import { formatChineseDate, issueNumberOf } from '../../shared/format/chinese.ts';
import { COLOPHON_FIELD, ISSUE_NUMBER } from '../../shared/import/matchers.ts';

export function looksLikeWholeBulletin(text: string): boolean {
  // the colophon's 报： and 送： lines, as the importer reads them, count as a sign each
  const fields = new Set(text.split('\n').map((line) => COLOPHON_FIELD.exec(line.trim())?.[1]));
  const signs = [ISSUE_NUMBER.test(text), /【\s*导\s*读\s*】/.test(text), fields.has('报'), fields.has('送'), /印\s*发\s*$/m.test(text)];
  return signs.filter(Boolean).length >= 2;
}

/** A text paragraph of white space only; a table or a figure is content. */
const isBlankElement = (element: ContentElement) => isTextParagraph(element) && element.runs.every((run) => !run.text.trim());

export function isBodyEmpty(issue: Issue): boolean {
  return issue.blocks.every((block) => {
    if (block.type === 'lead') return true;
    if (block.type === 'article') return !block.title.trim() && block.paragraphs.every(isBlankElement);
    return block.items.every((item) => !item.head.trim() && item.paragraphs.every(isBlankElement));
  });
}

export interface PastedBulletin {
  issue: Issue;
  /** the masthead facts the text gave, as they print (第5期, 2024年7月12日, 益简字〔2024〕5号) */
  masthead: string[];
  /** whether taking the pasted masthead would change this issue's 期号, date or 文号 */
  mastheadDiffers: boolean;
  found: { number: boolean; date: boolean; docNumber: boolean };
}

export function readPastedBulletin(current: Issue, text: string): PastedBulletin {
  const { issue, found } = parseBulletinText(text, { today: current.date });
  const masthead = [
    ...(found.number ? [issueNumberOf({ ...issue, series: { ...issue.series, numbering: current.series.numbering } })] : []),
    ...(found.date ? [formatChineseDate(issue.date)] : []),
    ...(found.docNumber && issue.docNumber ? [issue.docNumber] : []),
  ];
  const mastheadDiffers =
    (found.number && (issue.number !== current.number || (issue.totalNumber !== null && current.totalNumber !== null && issue.totalNumber !== current.totalNumber))) ||
    (found.date && issue.date !== current.date) ||
    (found.docNumber && issue.docNumber !== current.docNumber) ||
    (!found.docNumber && current.docNumber !== null && (found.number || found.date));
  return { issue, masthead, mastheadDiffers, found };
}

/**
 * The pasted bulletin's body and colophon in this issue; with `takeMasthead` its 期号, date and 文号 too, else this issue's stay.
 * The 导读 is this issue's: derived from the pasted titles, none where this issue's series prints none.
 */
export function fillFromBulletin(current: Issue, pasted: PastedBulletin, { takeMasthead }: { takeMasthead: boolean }): Issue {
  const parsed = pasted.issue;
  const hasColophon = parsed.distribution.report.length + parsed.distribution.send.length + parsed.distribution.issue.length > 0;
  const yearly = current.series.numbering === 'yearly-with-total';
  const masthead = takeMasthead
    ? {
        number: pasted.found.number ? parsed.number : current.number,
        totalNumber: yearly && pasted.found.number ? (parsed.totalNumber ?? current.totalNumber) : current.totalNumber,
        date: pasted.found.date ? parsed.date : current.date,
        year: pasted.found.number && yearly && parsed.series.numbering === 'yearly-with-total' ? parsed.year : Number((pasted.found.date ? parsed.date : current.date).slice(0, 4)),
        // together: a pasted masthead without a 文号 leaves none, rather than this issue's of another year
        docNumber: pasted.found.docNumber ? parsed.docNumber : null,
      }
    : { number: current.number, totalNumber: current.totalNumber, date: current.date, year: current.year, docNumber: current.docNumber };
  return withDerivedLead({
    ...current,
    ...masthead,
    blocks: parsed.blocks,
    distribution: hasColophon ? parsed.distribution : current.distribution,
    printed: parsed.printed ? { ...parsed.printed, date: masthead.date } : current.printed,
    copies: parsed.copies ?? current.copies,
  });
}
