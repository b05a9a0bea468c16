// A proofreading finding (rule, severity, exact span, Chinese explanation, optional one-click fix)
// and the stable key by which an ignored finding is remembered with the issue.
import { pathOf, type Location, type TextRef } from './location.ts';

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export interface Finding {
  /** the rule's id, e.g. "punctuation.half-width" */
  rule: string;
  severity: Severity;
  location: Location;
  /** exactly the text at the span (textAt(issue, location).slice(offset, offset + length)) */
  text: string;
  /** one Chinese sentence or two: what is wrong and what is right */
  message: string;
  /** replacement for the span, given only where the right text is certain */
  fix?: string;
  /** rule + text path + occurrence + text: the same finding gets the same key on every run */
  key: string;
}

const KEY_TEXT_CHARS = 200;

/** The last count made, so that the many findings of one text in one field are counted on from there, not from the start each time. */
let lastCount = { fieldText: '', text: '', offset: 0, count: 0 };

function occurrencesBefore(fieldText: string, text: string, offset: number): number {
  if (text.length === 0) return 0;
  const resume = lastCount.fieldText === fieldText && lastCount.text === text && lastCount.offset <= offset;
  let count = resume ? lastCount.count : 0;
  for (let at = fieldText.indexOf(text, resume ? lastCount.offset : 0); at !== -1 && at < offset; at = fieldText.indexOf(text, at + 1)) count++;
  lastCount = { fieldText, text, offset, count };
  return count;
}

/**
 * The key names the span by which occurrence of its text it is within the field rather than by offset,
 * so that an edit elsewhere in the paragraph does not bring back a finding the reviewer ignored.
 */
export function findingKey(rule: string, ref: TextRef, fieldText: string, offset: number, text: string): string {
  const shown = text.length > KEY_TEXT_CHARS ? `${text.slice(0, KEY_TEXT_CHARS)}…(${text.length})` : text;
  return `${rule}|${pathOf(ref).join('.')}|${occurrencesBefore(fieldText, text, offset)}|${shown}`;
}

export interface FindingInput {
  rule: string;
  severity: Severity;
  ref: TextRef;
  /** the whole text the reference points at */
  fieldText: string;
  offset: number;
  length: number;
  message: string;
  fix?: string;
}

export function makeFinding({ rule, severity, ref, fieldText, offset, length, message, fix }: FindingInput): Finding {
  const text = fieldText.slice(offset, offset + length);
  const finding: Finding = {
    rule,
    severity,
    location: { ...ref, offset, length } as Location,
    text,
    message,
    key: findingKey(rule, ref, fieldText, offset, text),
  };
  if (fix !== undefined && fix !== text) finding.fix = fix;
  return finding;
}

/** The findings a reviewer has not chosen to ignore. */
export function withoutIgnored(findings: readonly Finding[], ignoredKeys: readonly string[] | undefined): Finding[] {
  if (!ignoredKeys || ignoredKeys.length === 0) return [...findings];
  const ignored = new Set(ignoredKeys);
  return findings.filter((finding) => !ignored.has(finding.key));
}
