// Rule: dates that do not exist (2月30日, 4月31日, 13月, 2023-02-29, 二〇二三年二月二十九日). A date
// written without its year is read in the issue's year, so 2月29日 in a 2023 issue is only a warning.
import { readDigitByDigit, readNumber } from '../../text/chinese-numbers.ts';
import { makeFinding, type Finding } from '../core/finding.ts';
import type { Rule } from '../core/rule.ts';
import type { TextUnit } from '../core/text-units.ts';

const ID = 'dates.impossible';
const S = '[ \\t\\u00a0]*';
const RANGE = '[至到—－~～、和及-]';
const CHINESE_DATE = new RegExp(`(?<![\\d.])(?:(\\d{4})${S}年${S})?(\\d{1,2})${S}月(?:${S}(\\d{1,2})(?:${S}日|(?=${S}${RANGE}${S}\\d{1,2}${S}日)))?`, 'g');
/** a further day of the same month: 6月21至26日, 7月1日、3日 */
const FURTHER_DAY = new RegExp(`${S}${RANGE}${S}(\\d{1,2})${S}日`, 'y');
const NUMERIC_DATE = /(?<![\d.])(\d{4})([-./])(\d{1,2})\2(\d{1,2})(?![\d.])/g;
/** 二〇二三年十二月一日, 十二月三十二日, 元月: dates in Chinese numerals (两 is a count, never a month) */
const CHINESE_NUMERAL_DATE = /(?<![〇零○一二三四五六七八九十])(?:([〇零○一二三四五六七八九]{4})年)?([一二三四五六七八九十]{1,3}|元)月(?:([一二三四五六七八九十]{1,3})日)?/g;
const DAY_ONLY = new RegExp(`(?<![\\d.]|\\d${S}月${S})(\\d{1,2})${S}日`, 'g');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function checkUnit(unit: TextUnit, issueYear: number): Finding[] {
  const text = unit.text;
  if (!/[月日\-./]/.test(text)) return [];
  const findings: Finding[] = [];
  const flag = (offset: number, length: number, message: string, severity: 'error' | 'warning' = 'error') =>
    findings.push(makeFinding({ rule: ID, severity, ref: unit.ref, fieldText: text, offset, length, message }));

  const checkDay = (offset: number, length: number, year: number, yearGiven: boolean, month: number, day: number) => {
    if (day >= 1 && day <= daysIn(year, month)) return;
    if (month !== 2 || day !== 29) flag(offset, length, `${month}月没有${day}日`);
    else if (yearGiven) flag(offset, length, `${year}年不是闰年，没有2月29日`);
    else flag(offset, length, `${issueYear}年没有2月29日；如指别的年份，请写明年份`, 'warning');
  };

  for (const match of text.matchAll(CHINESE_DATE)) {
    const yearGiven = match[1] !== undefined;
    const year = yearGiven ? Number(match[1]) : issueYear;
    const month = Number(match[2]);
    const end = match.index + match[0].length;
    if (month < 1 || month > 12) {
      flag(match.index, match[0].length, `没有${month}月`);
      continue;
    }
    if (match[3] === undefined) continue;
    checkDay(match.index, match[0].length, year, yearGiven, month, Number(match[3]));
    FURTHER_DAY.lastIndex = end;
    for (let further = FURTHER_DAY.exec(text); further; further = FURTHER_DAY.exec(text)) {
      const dayAt = further.index + further[0].indexOf(further[1]!);
      checkDay(dayAt, further.index + further[0].length - dayAt, year, yearGiven, month, Number(further[1]));
    }
  }
  for (const match of text.matchAll(NUMERIC_DATE)) {
    const [year, month, day] = [Number(match[1]), Number(match[3]), Number(match[4])];
    if (month < 1 || month > 12) flag(match.index, match[0].length, `没有${month}月`);
    else checkDay(match.index, match[0].length, year, true, month, day);
  }
  for (const match of text.matchAll(CHINESE_NUMERAL_DATE)) {
    const yearGiven = match[1] !== undefined;
    const year = yearGiven ? readDigitByDigit(match[1]!)! : issueYear;
    const month = match[2] === '元' ? 1 : readNumber(match[2]!);
    if (month === null) continue;
    if (month < 1 || month > 12) {
      flag(match.index, match[0].length, `没有${month}月`);
      continue;
    }
    const day = match[3] === undefined ? null : readNumber(match[3]);
    if (day !== null) checkDay(match.index, match[0].length, year, yearGiven, month, day);
  }
  for (const match of text.matchAll(DAY_ONLY)) {
    const day = Number(match[1]);
    if (day === 0 || day > 31) flag(match.index, match[0].length, `没有${day}日`);
  }
  return findings;
}

export const impossibleDateRule: Rule = {
  id: ID,
  label: '不存在的日期',
  check: ({ units, issue }) => units.flatMap((unit) => checkUnit(unit, issue.year)),
};
