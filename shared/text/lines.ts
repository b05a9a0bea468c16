// Line-level clean-up of text extracted from PDF or Word: page-number lines, spaces inside dates and
// numbers, hard wraps. Import and paste both use these, so pasted text is cleaned exactly like imports.

const PAGE_NUMBER_LINE = /^[\s]*(?:[－—\-–―~～]+\s*\d{1,4}\s*[－—\-–―~～]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})[\s]*$/;

export function isPageNumberLine(line: string): boolean {
  return PAGE_NUMBER_LINE.test(line);
}

const DIGIT = '0-9０-９';
const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{3134f}';
const SPACE = '[ \\t\\u00a0\\u3000]+';
const SPACE_AFTER_DIGIT = new RegExp(`(?<=[${DIGIT}])${SPACE}(?=[${CJK}${DIGIT}%％])`, 'gu');
const SPACE_BEFORE_DIGIT = new RegExp(`(?<=[${CJK}])${SPACE}(?=[${DIGIT}])`, 'gu');

/** `9 月 17 日` → `9月17日`, `第 13 期` → `第13期`: extraction puts spaces around digits that print without them. */
export function collapseNumberSpaces(line: string): string {
  return line.replace(SPACE_AFTER_DIGIT, '').replace(SPACE_BEFORE_DIGIT, '');
}

/** Punctuation after which a paragraph may end. A closing quote or bracket counts when what it closes did. */
/** A half-width full stop ending Chinese text (`…明显改善.`), not a decimal point or an abbreviation. */
export const HALF_WIDTH_PERIOD = /[\u4e00-\u9fff”’）)]\.$/u;

export function endsSentence(line: string): boolean {
  const trimmed = line.trimEnd().replace(/[”’」』）)】》\]*]+$/u, '');
  if (trimmed.length === 0) return true;
  return /[。！？!?；;…：:]$/u.test(trimmed) || HALF_WIDTH_PERIOD.test(trimmed) || (trimmed.length < line.trimEnd().length && /[。！？!?]$/u.test(trimmed));
}

/** Characters that carry a sentence on: a line ending in one of these always continues. */
export function endsMidSentence(line: string): boolean {
  return /[，,、—\-（(“‘《【]$/u.test(line.trimEnd());
}

export function visibleLength(line: string): number {
  return [...line.replace(/\s+/g, '')].length;
}

/**
 * The width a text was hard-wrapped at, or null when it was not: hard-wrapped text has many lines
 * of the same (maximal) length, while free paragraphs vary.
 */
export function detectWrapWidth(lines: readonly string[]): number | null {
  const counts = new Map<number, number>();
  const lengths: number[] = [];
  for (const line of lines) {
    const length = visibleLength(line);
    if (length < 15) continue;
    lengths.push(length);
    counts.set(length, (counts.get(length) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [length, count] of counts) {
    const near = count + (counts.get(length - 1) ?? 0);
    // on a tie the length more lines have exactly: a wrap width, not the odd line one longer than it
    if (near > bestCount || (near === bestCount && best !== null && (count > counts.get(best)! || (count === counts.get(best)! && length > best)))) {
      best = length;
      bestCount = near;
    }
  }
  if (best === null || bestCount < 4 || bestCount < lengths.length * 0.3) return null;
  // fewer lines of the width than one short of it: the longer ones hang a closing mark past the width
  if ((counts.get(best - 1) ?? 0) > counts.get(best)!) best -= 1;
  // in wrapped text hardly a line runs past the width
  const longer = lengths.filter((length) => length > best + 2).length;
  return longer <= Math.max(3, lengths.length * 0.08) ? best : null;
}

/**
 * Joins two pieces of one paragraph. They join directly, Latin letters too: in Chinese text a Latin
 * run is mostly an acronym (PCB, GDP) that a hard wrap cut, rarely two English words.
 */
export function joinWrapped(left: string, right: string): string {
  return left + right;
}

/** Splits raw text into trimmed, non-empty lines with page numbers dropped and number spaces collapsed. */
export function cleanLines(text: string): string[] {
  const lines: string[] = [];
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n|\u2028|\u2029|\f/)) {
    const line = collapseNumberSpaces(raw.trim());
    if (line.length === 0 || isPageNumberLine(line)) continue;
    lines.push(line);
  }
  return lines;
}
