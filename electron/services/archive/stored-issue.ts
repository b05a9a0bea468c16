// An issue as the archive stores it: in normal form (shared/model/normal-form.ts: 导读 derived, blocks
// in the editor's order for the series template), checked against issueSchema, serialized the same way
// every time, so that equal content has an equal hash (saving unchanged content adds no revision).
import { createHash } from 'node:crypto';
import { issueSchema, paragraphText, type Issue } from '../../../shared/model/issue.ts';
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

/** The hash of an issue's content exactly as given (not normalized): how an archive of an earlier version stored it. */
export function contentHashOf(issue: Issue): string {
  return hashOf(JSON.stringify(issue));
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
