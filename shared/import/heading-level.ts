// Recognises the numbered sub-headings of official text: 一、 (1), （一） (2), 1. (3), （1） (4).
import type { HeadingLevel } from '../model/issue.ts';

const NUMERALS = '一二三四五六七八九十百零〇';
const LEVELS: readonly [RegExp, HeadingLevel][] = [
  [new RegExp(`^[${NUMERALS}]{1,4}、`), 1],
  [new RegExp(`^[（(][${NUMERALS}]{1,4}[）)]`), 2],
  [/^\d{1,3}[.．、](?!\d)/, 3],
  [/^[（(]\d{1,3}[）)]/, 4],
];

/** The sub-heading level of a standalone heading line, or null for body text and long run-in paragraphs. */
export function headingLevelOf(text: string): HeadingLevel | null {
  const trimmed = text.trim();
  if ([...trimmed].length > 40 || /[。；]$/.test(trimmed) && [...trimmed].length > 30) return null;
  for (const [pattern, level] of LEVELS) if (pattern.test(trimmed)) return level;
  return null;
}
