// An issue as the archive stores it: in normal form (shared/model/normal-form.ts: 导读 derived, blocks
// in the editor's order for the series template), checked against issueSchema, serialized the same way
// every time, so that equal content has an equal hash (saving unchanged content adds no revision).
import { createHash } from 'node:crypto';
import { ISSUE_FORMAT, issueSchema, type Issue } from '../../../shared/model/issue.ts';
import { cellText, contentListsOf, tableRowsOf } from '../../../shared/model/content.ts';
import { normalizeIssue } from '../../../shared/model/normal-form.ts';
import { formatErrors, validate } from '../../../shared/model/validate.ts';
import { ArchiveError } from './errors.ts';

export interface StoredIssue {
  issue: Issue;
  json: string;
  hash: string;
}

function hashOf(json: string): string {
  return createHash('sha256').update(json).digest('hex');
}

/**
 * The issue in normal form for the series template `sections` (the news sections in the order the editor
 * shows them), validated before any write; a refusal names the fields in Chinese and changes nothing.
 * Without a template, an issue already in normal form keeps its order.
 */
export function storedIssue(input: Issue, sections: readonly string[] = []): StoredIssue {
  const result = validate(issueSchema, normalizeIssue(input, sections));
  if (!result.ok) throw new ArchiveError('invalid-input', `简报内容不符合要求，未保存：${formatErrors(result.errors)}`);
  const json = JSON.stringify(result.value);
  return { issue: result.value, json, hash: hashOf(json) };
}

/** What issues stored before tables and photos (issue@1) say as their format; their rows are never rewritten. */
const LEGACY_FORMAT = 'jianbao/issue@1';

/**
 * A revision's content as stored (already checked when it was written), read without the schema: one
 * stored as issue@1 says issue@2, which it is (@2 only added element kinds), its stored JSON and hash unchanged.
 */
export function parseStoredIssue(json: string): Issue {
  const issue = JSON.parse(json) as Issue;
  return (issue.format as string) === ISSUE_FORMAT ? issue : { ...issue, format: ISSUE_FORMAT };
}

/** The hash an archive before issue@2 gave this content: the same issue, stored with the old format name. */
export function legacyHashOf(issue: Issue): string {
  return hashOf(JSON.stringify({ ...issue, format: LEGACY_FORMAT }));
}

/** Whether `stored` is the content whose hash a row keeps: in this version's form, or as issue@1 stored it. */
export function isStoredContent(stored: StoredIssue, hash: string): boolean {
  return stored.hash === hash || legacyHashOf(stored.issue) === hash;
}

/** The hash of an issue's content exactly as given (not normalized): how an archive of an earlier version stored it. */
export function contentHashOf(issue: Issue): string {
  return hashOf(JSON.stringify(issue));
}

/**
 * The hash of an issue's content with its status left out: a reopened issue has the body it was issued
 * with. Taken under the old format name, so that what was sent or received before issue@2 still matches.
 */
export function bodyHashOf(issue: Issue): string {
  return hashOf(JSON.stringify({ ...issue, format: LEGACY_FORMAT, status: 'draft' }));
}

export function firstTitleOf(issue: Issue): string {
  for (const block of issue.blocks) if (block.type === 'article') return block.title;
  return '';
}

/** Characters of article and news text (table cells and photo captions included), to tell revisions apart at a glance. */
export function bodyCharsOf(issue: Issue): number {
  let chars = 0;
  for (const list of contentListsOf(issue)) {
    for (const element of list) {
      if (element.type === 'table') {
        chars += element.title?.length ?? 0;
        for (const row of tableRowsOf(element)) for (const cell of row) chars += cellText(cell).length;
      } else if (element.type === 'figure') chars += element.caption.length;
      else for (const run of element.runs) chars += run.text.length;
    }
  }
  return chars;
}
