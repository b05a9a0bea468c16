// Rule: half-width , . ; : ? ! ( ) and straight quotes inside Chinese text, where full-width marks belong.
// Marks between digits (3.5%, 8:00, 1,000), in Latin words and abbreviations (U.S., China's) and in
// URLs and e-mail addresses are left alone, as is the 1. of a third-level heading.
import { charBefore, charFrom, isChineseContext, isDigit, isHan, isLatin } from '../core/characters.ts';
import { makeFinding, type Finding } from '../core/finding.ts';
import type { Rule } from '../core/rule.ts';
import type { TextUnit } from '../core/text-units.ts';

const ID = 'punctuation.half-width';

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）', '.': '。' };
/** the name of each half-width mark, for messages and for grouping findings by mark */
export const HALF_WIDTH_MARK_NAMES: Record<string, string> = { ',': '逗号', ';': '分号', ':': '冒号', '?': '问号', '!': '叹号', '(': '括号', ')': '括号', '.': '句号', '"': '引号', "'": '引号' };

/** URLs, web and e-mail addresses: their marks are not punctuation. Searched for within runs of printable ASCII. */
const ADDRESS = /(?:https?|ftp):\/\/[!-~]+|www\.[!-~]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:cn|com|net|org|gov|edu)\b(?:\/[!-~]*)?/gi;
const ASCII_RUN = /[!-~]{4,}/g;
/** a run of ASCII this long is no Chinese text (a pasted code or blob): left alone whole, and not searched */
const LONGEST_ADDRESS = 2000;
const CANDIDATE = /[,;:?!.()"']/;
const NUMERAL_HEADING_DOT = /^[\s\u3000]*[一二三四五六七八九十百]+(?=\.)/;

function addressMask(text: string): Uint8Array | null {
  let mask: Uint8Array | null = null;
  for (const run of text.matchAll(ASCII_RUN)) {
    if (run[0].length > LONGEST_ADDRESS) {
      mask ??= new Uint8Array(text.length);
      mask.fill(1, run.index, run.index + run[0].length);
      continue;
    }
    if (!/[.@]/.test(run[0])) continue;
    for (const match of run[0].matchAll(ADDRESS)) {
      // an address ends before trailing sentence punctuation
      const address = match[0].replace(/[.,;:!?)"']+$/, '');
      mask ??= new Uint8Array(text.length);
      mask.fill(1, run.index + match.index, run.index + match.index + address.length);
    }
  }
  return mask;
}

/**
 * Pairs the straight quotes at `isStraight` with each other and with curly ones: a straight quote closes
 * an open straight one; after an open curly “ it opens a quotation inside when the next quote mark is
 * straight too (“要落实"党政同责"要求”), and otherwise closes the “ (“两个维护", one of two fixed).
 * What cannot be paired is lone and gets no fix.
 */
function pairQuotes(text: string, isStraight: ReadonlySet<number>, opening: string, closing: string): { pairs: [number, number][]; lone: number[] } {
  const marks: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] === opening || text[i] === closing || isStraight.has(i)) marks.push(i);
  const pairs: [number, number][] = [];
  const open: number[] = [];
  marks.forEach((index, k) => {
    if (text[index] === opening) open.push(index);
    else if (text[index] === closing) {
      const start = open.pop();
      if (start !== undefined) pairs.push([start, index]);
    } else {
      const top = open.at(-1);
      const nextIsStraight = isStraight.has(marks[k + 1] ?? -1);
      if (top === undefined || (!isStraight.has(top) && nextIsStraight)) open.push(index);
      else pairs.push([open.pop()!, index]);
    }
  });
  return { pairs, lone: open.filter((index) => isStraight.has(index)) };
}

function message(mark: string, fix: string | undefined): string {
  if (mark.length > 1) return `中文里用了半角的点“${mark}”，省略号应写作“……”`;
  return fix ? `中文里用了半角${HALF_WIDTH_MARK_NAMES[mark]}“${mark}”，应改为全角“${fix}”` : `中文里用了半角${HALF_WIDTH_MARK_NAMES[mark]}“${mark}”，应改为全角${HALF_WIDTH_MARK_NAMES[mark]}`;
}

function checkUnit(unit: TextUnit): Finding[] {
  const text = unit.text;
  if (!CANDIDATE.test(text)) return [];
  const mask = addressMask(text);
  const findings: Finding[] = [];
  const flag = (offset: number, length: number, mark: string, fix: string | undefined) =>
    findings.push(makeFinding({ rule: ID, severity: 'warning', ref: unit.ref, fieldText: text, offset, length, message: message(mark, fix), fix }));
  const chineseAround = (index: number, length = 1) => isChineseContext(charBefore(text, index)) || isChineseContext(charFrom(text, index + length));

  const parens: number[] = [];
  const quotes: Record<'"' | "'", number[]> = { '"': [], "'": [] };
  const pairedParens: [number, number][] = [];

  for (let i = 0; i < text.length; i++) {
    const mark = text[i]!;
    if (!CANDIDATE.test(mark) || mask?.[i]) continue;
    const before = charBefore(text, i);
    const after = charFrom(text, i + 1);
    switch (mark) {
      case '(':
        parens.push(i);
        break;
      case ')': {
        const open = parens.pop();
        if (open === undefined) {
          if (chineseAround(i)) flag(i, 1, mark, '）');
        } else pairedParens.push([open, i]);
        break;
      }
      case '"':
        quotes['"'].push(i);
        break;
      case "'":
        if (!(isLatin(before) && isLatin(after))) quotes["'"].push(i);
        break;
      case '.': {
        let end = i + 1;
        while (text[end] === '.') end++;
        if (end - i >= 2) {
          if (chineseAround(i, end - i)) flag(i, end - i, '.'.repeat(end - i), end - i >= 3 ? '……' : undefined);
          i = end - 1;
        } else if (isChineseContext(before)) {
          const fix = NUMERAL_HEADING_DOT.exec(text)?.[0].length === i ? '、' : '。';
          flag(i, 1, mark, fix);
        }
        break;
      }
      default:
        if (isDigit(before) && isDigit(after)) break;
        if (isChineseContext(before) || isChineseContext(after)) flag(i, 1, mark, FULL_WIDTH[mark]);
    }
  }
  for (const open of parens) if (chineseAround(open)) flag(open, 1, '(', '（');
  for (const [open, close] of pairedParens) {
    const content = text.slice(open + 1, close);
    if ([...content].some(isHan) || isChineseContext(charBefore(text, open)) || isChineseContext(charFrom(text, close + 1))) {
      flag(open, 1, '(', '（');
      flag(close, 1, ')', '）');
    }
  }
  for (const [mark, [opening, closing]] of [['"', ['“', '”']], ["'", ['‘', '’']]] as const) {
    const at = quotes[mark];
    if (at.length === 0) continue;
    const straight = new Set(at);
    const { pairs, lone } = pairQuotes(text, straight, opening, closing);
    for (const [open, close] of pairs) {
      if (![...text.slice(open + 1, close)].some(isHan) && !chineseAround(open) && !chineseAround(close)) continue;
      if (straight.has(open)) flag(open, 1, mark, opening);
      if (straight.has(close)) flag(close, 1, mark, closing);
    }
    for (const index of lone) if (chineseAround(index)) flag(index, 1, mark, undefined);
  }
  return findings;
}

export const halfWidthPunctuationRule: Rule = {
  id: ID,
  label: '半角标点',
  check: ({ units }) => units.flatMap(checkUnit),
};
