// The canonical issue written out as the plain text of the printed bulletin: for .txt export,
// the search index, and checking that import drops nothing.
import type { ContentElement, Issue } from '../model/issue.ts';
import { elementPlainText } from '../model/content.ts';
import { formatChineseDate, issueNumberOf } from '../format/chinese.ts';
import { printedLeadOf } from '../model/lead.ts';
import { LEAD_HEADING, LEAD_MARKER, RUN_IN_SEPARATOR_PLAIN, newsHeadLayout, newsMarker, sectionHeadingText, RUN_IN_SEPARATOR as NEWS_RUN_IN_PRINT } from '../format/marks.ts';

/** A paragraph's text; a table as lines of tab-separated cells; a figure as its caption. */
const paragraphPlain = (element: ContentElement): string => elementPlainText(element);

export function issueToPlainText(issue: Issue): string {
  const out: string[] = [issue.series.name, issueNumberOf(issue)];
  if (issue.docNumber) out.push(issue.docNumber);
  out.push(`${issue.series.issuer} ${formatChineseDate(issue.date)}`);
  const body = issue.blocks.filter((block) => block.type !== 'lead');
  const lead = printedLeadOf(issue);
  if (lead.length > 0) out.push(LEAD_HEADING, ...lead.map((item) => `${LEAD_MARKER}${item}`));
  for (const block of body) {
    if (block.type === 'article') {
      out.push(block.title);
      if (block.subtitle) out.push(block.subtitle);
      out.push(...block.paragraphs.map(paragraphPlain));
    } else if (block.type === 'news') {
      out.push(sectionHeadingText(block.heading));
      const marker = newsMarker(block.marker);
      for (const item of block.items) {
        const [first, ...rest] = item.paragraphs.map(paragraphPlain);
        const layout = newsHeadLayout(item.form, first !== undefined);
        if (layout.ownLine) {
          out.push(`${marker}${item.head}`);
          if (first !== undefined) out.push(first);
        } else {
          // plain text separates a run-in head with a space where print uses an ideographic one
          out.push(`${marker}${item.head}${layout.after === NEWS_RUN_IN_PRINT ? RUN_IN_SEPARATOR_PLAIN : layout.after}${first}`);
        }
        out.push(...rest);
      }
    }
  }
  const { report, send, issue: issueTo } = issue.distribution;
  if (report.length > 0) out.push(`报：${report.join('，')}`);
  if (send.length > 0) out.push(`送：${send.join('，')}`);
  if (issueTo.length > 0) out.push(`发：${issueTo.join('，')}`);
  if (issue.printed) out.push(`${issue.printed.by} ${formatChineseDate(issue.printed.date)}印发`);
  if (issue.copies !== null) out.push(`（共印${issue.copies}份）`);
  return `${out.join('\n')}\n`;
}
