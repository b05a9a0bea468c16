// An issue as the archive stores it: lead derived, checked against issueSchema, serialized the same way
// every time, so that equal content has an equal hash (saving unchanged content adds no revision).
import { createHash } from 'node:crypto';
import { issueSchema, paragraphText, type Issue } from '../../../shared/model/issue.ts';
import { withDerivedLead } from '../../../shared/model/lead.ts';
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

/** Validates before any write; a refusal names the fields in Chinese and changes nothing. */
export function storedIssue(input: Issue): StoredIssue {
  const result = validate(issueSchema, withDerivedLead(input));
  if (!result.ok) throw new ArchiveError('invalid-input', `简报内容不符合要求，未保存：${formatErrors(result.errors)}`);
  const json = JSON.stringify(result.value);
  return { issue: result.value, json, hash: hashOf(json) };
}

/** The hash of an issue's content with its status left out: a reopened issue has the body it was issued with. */
export function bodyHashOf(issue: Issue): string {
  return hashOf(JSON.stringify({ ...issue, status: 'draft' }));
}

export function firstTitleOf(issue: Issue): string {
  for (const block of issue.blocks) if (block.type === 'article') return block.title;
  return '';
}

/** Characters of article and news text, to tell revisions apart at a glance. */
export function bodyCharsOf(issue: Issue): number {
  let chars = 0;
  for (const block of issue.blocks) {
    const paragraphs = block.type === 'article' ? block.paragraphs : block.type === 'news' ? block.items.flatMap((item) => item.paragraphs) : [];
    for (const paragraph of paragraphs) chars += paragraphText(paragraph).length;
  }
  return chars;
}
