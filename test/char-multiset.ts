// "Nothing dropped" as a check: every non-space character of the source appears in the result at
// least as often, after the page-number lines and the extraction's own marks are taken out.
import { isPageNumberLine } from '../shared/text/lines.ts';

function countChars(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const char of text.replace(/\s+/g, '')) counts.set(char, (counts.get(char) ?? 0) + 1);
  return counts;
}

/** The source text without what import is allowed to drop: page numbers, `- ` bullets before ★, `**` bold marks. */
export function keptText(source: string): string {
  return source
    .split(/\r\n|\r|\n/)
    .filter((line) => !isPageNumberLine(line))
    .map((line) => line.replace(/^\s*-\s+(?=★)/, '').replaceAll('**', ''))
    .join('\n');
}

/** Characters of `source` (with their counts) missing from `result`. */
export function missingChars(source: string, result: string): string {
  const have = countChars(result);
  let missing = '';
  for (const [char, count] of countChars(keptText(source))) {
    const short = count - (have.get(char) ?? 0);
    if (short > 0) missing += char.repeat(short);
  }
  return missing;
}
