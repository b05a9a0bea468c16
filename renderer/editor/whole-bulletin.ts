// Decides whether pasted text is a whole bulletin (masthead, 导读 or colophon present) and, pasted
// into an empty issue, fills all its parts from it with the importer's parser.
import type { Issue } from '../../shared/model/issue.ts';
import { parseBulletinText } from '../../shared/import/parse-bulletin.ts';

export function looksLikeWholeBulletin(text: string): boolean {
  const signs = [/第\s*\d+\s*期/, /【\s*导\s*读\s*】/, /^\s*报\s*[：:]/m, /^\s*送\s*[：:]/m, /印\s*发\s*$/m];
  return signs.filter((sign) => sign.test(text)).length >= 2;
}

export function isBodyEmpty(issue: Issue): boolean {
  return issue.blocks.every((block) => {
    if (block.type === 'lead') return true;
    if (block.type === 'article') return !block.title.trim() && block.paragraphs.every((p) => p.runs.every((run) => !run.text.trim()));
    return block.items.every((item) => !item.head.trim() && item.paragraphs.every((p) => p.runs.every((run) => !run.text.trim())));
  });
}

/** The pasted bulletin's body, colophon and document number in this issue; number, date and series stay. */
export function fillFromBulletin(issue: Issue, text: string): Issue {
  const parsed = parseBulletinText(text, { today: issue.date }).issue;
  const hasColophon = parsed.distribution.report.length + parsed.distribution.send.length + parsed.distribution.issue.length > 0;
  return {
    ...issue,
    blocks: parsed.blocks,
    docNumber: parsed.docNumber ?? issue.docNumber,
    distribution: hasColophon ? parsed.distribution : issue.distribution,
    printed: parsed.printed ? { ...parsed.printed, date: issue.date } : issue.printed,
    copies: parsed.copies ?? issue.copies,
  };
}
