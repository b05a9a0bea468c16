// Issue numbers: the next one by the series' scheme (sequential: max + 1; yearly with total: restarts at
// 1 each year, total = max + 1), the check that a number is never used twice, gaps, and the next
// document number (文号) of a series with a prefix.
import type Database from 'better-sqlite3';
import type { Issue, Numbering } from '../../../shared/model/issue.ts';
import type { NumberingGap } from '../../../shared/api/records.ts';
import { formatChineseDate, formatIssueNumber } from '../../../shared/format/chinese.ts';
import { formatDocNumber, parseDocNumber } from '../../../shared/format/doc-number.ts';
import { ArchiveError } from './errors.ts';
import { statement } from './statements.ts';

export interface IssueNumber {
  number: number;
  year: number;
  totalNumber: number | null;
}

/** Where a number must be unique: the whole series (0) for sequential numbering, else the year. */
export const numberScope = (numbering: Numbering, year: number) => (numbering === 'sequential' ? 0 : year);

/** Numbers in the recycle bin stay taken: a deleted issue can come back. */
export function nextNumber(db: Database.Database, seriesId: number, numbering: Numbering, date: string): IssueNumber {
  const year = Number(date.slice(0, 4));
  const maxNumber = statement<[number, number], { max: number | null }>(db, 'SELECT max(number) AS max FROM issues WHERE series_id = ? AND number_scope = ?').get(
    seriesId,
    numberScope(numbering, year),
  )!.max;
  if (numbering === 'sequential') return { number: (maxNumber ?? 0) + 1, year, totalNumber: null };
  const maxTotal = statement<[number], { max: number | null }>(db, 'SELECT max(total_number) AS max FROM issues WHERE series_id = ?').get(seriesId)!.max;
  return { number: (maxNumber ?? 0) + 1, year, totalNumber: (maxTotal ?? 0) + 1 };
}

interface Holder {
  date: string;
  deleted_at: string | null;
}

const holderText = (holder: Holder) => `${formatChineseDate(holder.date)}的那一期${holder.deleted_at ? '，现在回收站中' : ''}`;

/** Another issue of the series that has this issue's number or total number: which number (as it prints) and who has it. */
export interface NumberTaken {
  /** 第3期, 2024年第3期, 总第12期 */
  numberText: string;
  /** 2024年3月1日的那一期(，现在回收站中) */
  holderText: string;
  total: boolean;
}

export function numberTaken(db: Database.Database, seriesId: number, issue: Issue, exceptId: number | null): NumberTaken | null {
  const numbering = issue.series.numbering;
  const holder = statement<[number, number, number, number | null], Holder>(
    db,
    'SELECT date, deleted_at FROM issues WHERE series_id = ? AND number_scope = ? AND number = ? AND id IS NOT ?',
  ).get(seriesId, numberScope(numbering, issue.year), issue.number, exceptId);
  if (holder) {
    return { numberText: formatIssueNumber({ numbering, number: issue.number, year: issue.year, totalNumber: null }), holderText: holderText(holder), total: false };
  }
  if (issue.totalNumber === null) return null;
  const totalHolder = statement<[number, number, number | null], Holder>(
    db,
    'SELECT date, deleted_at FROM issues WHERE series_id = ? AND total_number = ? AND id IS NOT ?',
  ).get(seriesId, issue.totalNumber, exceptId);
  return totalHolder ? { numberText: `总第${issue.totalNumber}期`, holderText: holderText(totalHolder), total: true } : null;
}

/** Refuses a number (or total number) that another issue of the series already has. The UNIQUE indexes back this up. */
export function assertNumberFree(db: Database.Database, seriesId: number, issue: Issue, exceptId: number | null): void {
  const taken = numberTaken(db, seriesId, issue, exceptId);
  if (!taken) return;
  if (taken.total) throw new ArchiveError('conflict', `本刊物的${taken.numberText}已经用过（${taken.holderText}），总期号不能重复使用`);
  throw new ArchiveError('conflict', `本刊物的${taken.numberText}已经用过（${taken.holderText}），同一刊物的期号不能重复使用`);
}

/**
 * The 文号 a new issue of the series starts with: `prefix〔year〕N号`, N one more than the largest serial
 * among the series' issues whose 文号 reads that prefix and year (however written: 【2024】第05号 counts
 * as 5), those in the recycle bin too; null when the series has no prefix.
 */
export function nextDocNumber(db: Database.Database, seriesId: number, prefix: string | null, year: number): string | null {
  const wanted = prefix?.trim();
  if (!wanted) return null;
  const written = statement<[number, string], { doc: string }>(
    db,
    `SELECT json_extract(r.content, '$.docNumber') AS doc FROM issues i JOIN revisions r ON r.issue_id = i.id AND r.revision = i.revision
     WHERE i.series_id = ? AND instr(json_extract(r.content, '$.docNumber'), ?) > 0`,
  ).all(seriesId, String(year));
  let largest = 0;
  for (const { doc } of written) {
    const parsed = parseDocNumber(doc);
    if (parsed && parsed.prefix === wanted && parsed.year === year) largest = Math.max(largest, parsed.serial);
  }
  return formatDocNumber(wanted, year, largest + 1);
}

/** Numbers missing between 1 and the highest one, per year for yearly numbering; issues in the recycle bin count as missing. */
export function numberingGaps(db: Database.Database, seriesId: number): NumberingGap[] {
  const rows = statement<[number], { number_scope: number; number: number }>(
    db,
    'SELECT number_scope, number FROM issues WHERE series_id = ? AND deleted_at IS NULL ORDER BY number_scope, number',
  ).all(seriesId);
  const byScope = new Map<number, number[]>();
  for (const row of rows) {
    const numbers = byScope.get(row.number_scope) ?? [];
    numbers.push(row.number);
    byScope.set(row.number_scope, numbers);
  }
  const gaps: NumberingGap[] = [];
  for (const [scope, numbers] of byScope) {
    const present = new Set(numbers);
    const missing: number[] = [];
    for (let number = 1; number < numbers[numbers.length - 1]!; number++) if (!present.has(number)) missing.push(number);
    if (missing.length > 0) gaps.push({ year: scope === 0 ? null : scope, missing });
  }
  return gaps;
}
