// The canonical issue written out as the plain text of the printed bulletin: for .txt export,
// the search index, and checking that import drops nothing.
import type { Issue, Paragraph } from '../model/issue.ts';
import { formatChineseDate, issueNumberOf } from '../format/chinese.ts';
import { deriveLead } from '../model/lead.ts';

function paragraphPlain(paragraph: Paragraph): string {
  return paragraph.runs.map((run) => run.text).join('');
}

export function issueToPlainText(issue: Issue): string {
  const out: string[] = [issue.series.name, issueNumberOf(issue)];
  if (issue.docNumber) out.push(issue.docNumber);
  out.push(`${issue.series.issuer} ${formatChineseDate(issue.date)}`);
  const body = issue.blocks.filter((block) => block.type !== 'lead');
  const lead = deriveLead(body);
  if (lead.length > 0) out.push('【导读】', ...lead.map((item) => `★${item}`));
  for (const block of body) {
    if (block.type === 'article') {
      out.push(block.title);
      if (block.subtitle) out.push(block.subtitle);
      out.push(...block.paragraphs.map(paragraphPlain));
    } else if (block.type === 'news') {
      out.push(`【${block.heading}】`);
      const marker = block.marker === false ? '' : '▲';
      for (const item of block.items) {
        const [first, ...rest] = item.paragraphs.map(paragraphPlain);
        if (item.form === 'ownLine' || first === undefined) {
          out.push(`${marker}${item.head}`);
          if (first !== undefined) out.push(first);
        } else if (item.form === 'runIn') {
          out.push(`${marker}${item.head} ${first}`);
        } else {
          out.push(`${marker}${item.head}：${first}`);
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
