// Chinese renderings of dates, issue numbers and document numbers as they print on a bulletin.
import type { Issue, Numbering } from '../model/issue.ts';

/** "2023-07-12" → "2023年7月12日" (no leading zeros). */
export function formatChineseDate(iso: string): string {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(iso);
  if (!match) throw new Error(`日期格式不正确：${iso}`);
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

/** "2023年7月12日" (spaces allowed) → "2023-07-12", or null when it is no real date. */
export function parseChineseDate(text: string): string | null {
  const match = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface IssueNumbering {
  numbering: Numbering;
  number: number;
  year: number;
  totalNumber: number | null;
}

/** "第13期" for sequential numbering; "2024年第3期 总第3期" for yearly numbering with a running total. */
export function formatIssueNumber({ numbering, number, year, totalNumber }: IssueNumbering): string {
  if (numbering === 'sequential') return `第${number}期`;
  const total = totalNumber === null ? '' : ` 总第${totalNumber}期`;
  return `${year}年第${number}期${total}`;
}

export function issueNumberOf(issue: Issue): string {
  return formatIssueNumber({ numbering: issue.series.numbering, number: issue.number, year: issue.year, totalNumber: issue.totalNumber });
}

// Document numbers are read and printed by one module; these names stay for the modules that import them from here.
export { formatDocNumber, parseDocNumber } from './doc-number.ts';

/** A whole line that is a document number in its common forms (import recognises the masthead's line by it). */
export const DOC_NUMBER_PATTERN = /^(\S{1,20}?)\s*[〔【［\[（(]\s*(\d{4})\s*[〕】］\]）)]\s*第?\s*0*(\d+)\s*号$/;

export function todayIso(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
