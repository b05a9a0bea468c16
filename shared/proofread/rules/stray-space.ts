// Rule: a space between Chinese characters, inside a date or number (`9 月 17 日`, `第 13 期`), or
// between a number and the Chinese word it counts. A space before a clock time (`每天 8:00`) or
// around Latin words is left alone; in a title a space may separate phrases on purpose, and in a table
// cell line up a header (县 市 区), so there it is only a hint.
import { charBefore, charFrom, isDigit, isHan, isLatin } from '../core/characters.ts';
import { makeFinding, type Finding } from '../core/finding.ts';
import type { Rule } from '../core/rule.ts';
import type { TextUnit } from '../core/text-units.ts';

const ID = 'punctuation.space';
const SPACE_RUN = /[ \t\u00a0]+/g;
const SPACED_NUMBER = /(?<![A-Za-z0-9.])(?:第[ \t\u00a0]*)?\d+(?:[ \t\u00a0]*[年月日时分秒号期][ \t\u00a0]*\d+)*[ \t\u00a0]*[年月日时分秒号期]/g;

/** The digits (with decimal points) starting at `index` are followed, after optional spaces, by a Han character. */
function numberCountsHan(text: string, index: number): boolean {
  let end = index;
  while (isDigit(text[end]) || text[end] === '.') end++;
  while (text[end] === ' ' || text[end] === '\t' || text[end] === '\u00a0') end++;
  return isHan(charFrom(text, end));
}

/** The digits ending at `index` are a number of their own, not the tail of a Latin token such as PM2.5. */
function standaloneNumberBefore(text: string, index: number): boolean {
  let start = index;
  while (start > 0 && (isDigit(text[start - 1]) || text[start - 1] === '.')) start--;
  return !isLatin(text[start - 1]);
}

function checkUnit(unit: TextUnit): Finding[] {
  const text = unit.text;
  if (!/[ \t\u00a0]/.test(text)) return [];
  const findings: Finding[] = [];
  const covered: [number, number][] = [];
  for (const match of text.matchAll(SPACED_NUMBER)) {
    if (!/[ \t\u00a0]/.test(match[0])) continue;
    covered.push([match.index, match.index + match[0].length]);
    findings.push(
      makeFinding({
        rule: ID,
        severity: 'warning',
        ref: unit.ref,
        fieldText: text,
        offset: match.index,
        length: match[0].length,
        message: '日期、数字中间有空格，应删去',
        fix: match[0].replace(/[ \t\u00a0]+/g, ''),
      }),
    );
  }
  let next = 0;
  for (const match of text.matchAll(SPACE_RUN)) {
    const start = match.index;
    const end = start + match[0].length;
    while (next < covered.length && covered[next]![1] <= start) next++;
    if (next < covered.length && covered[next]![0] <= start) continue;
    const before = charBefore(text, start);
    const after = charFrom(text, end);
    if (isHan(before) && isHan(after)) {
      const inTitle = unit.kind === 'title';
      const inCell = unit.kind === 'cell';
      findings.push(
        makeFinding({
          rule: ID,
          severity: inTitle || inCell ? 'info' : 'warning',
          ref: unit.ref,
          fieldText: text,
          offset: start,
          length: end - start,
          message: inTitle
            ? '标题中汉字之间有空格：若是有意隔开词组，宜用全角空格；若是换行留下的，应删去'
            : inCell
              ? '表格单元格中汉字之间有空格：若是为了对齐，宜改用对齐方式；若是误输入，应删去'
              : '汉字之间有空格，应删去',
          fix: inTitle || inCell ? undefined : '',
        }),
      );
    } else if ((isDigit(before) && isHan(after) && standaloneNumberBefore(text, start)) || (isHan(before) && isDigit(after) && numberCountsHan(text, end))) {
      findings.push(
        makeFinding({ rule: ID, severity: 'warning', ref: unit.ref, fieldText: text, offset: start, length: end - start, message: '数字与汉字之间有空格，应删去', fix: '' }),
      );
    }
  }
  return findings;
}

export const straySpaceRule: Rule = {
  id: ID,
  label: '多余空格',
  check: ({ units }) => units.flatMap(checkUnit),
};
