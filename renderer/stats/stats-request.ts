// What the statistics screen's choices mean: the period the clerk chose (a month, a quarter, a year, or two
// dates) as the request stats.tally, stats.xlsx and stats.docx take, or what is wrong with it, in Chinese.
import type { ApiInput } from '../../shared/api/contract.ts';
import type { SeriesRecord } from '../../shared/api/records.ts';
import { customPeriod, monthPeriod, PeriodError, quarterPeriod, yearPeriod, type Period, type PeriodKind } from '../../shared/stats/period.ts';

export type StatsRequest = ApiInput<'stats.tally'>;

export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = { month: '月度', quarter: '季度', year: '年度', custom: '自定义' };
export const QUARTER_LABELS = ['第一季度', '第二季度', '第三季度', '第四季度'] as const;

/** The screen's fields as typed: the year stays text so that its box can be emptied and retyped. */
export interface PeriodChoice {
  kind: PeriodKind;
  year: string;
  /** 1–12 */
  month: number;
  /** 1–4 */
  quarter: number;
  from: string;
  to: string;
  /** 只统计已印发 */
  issuedOnly: boolean;
}

/** A whole year: the latest the series has issues in, else this year; only issued issues. */
export function initialChoice(series: Pick<SeriesRecord, 'years'> | null, today: Date): PeriodChoice {
  const year = series && series.years.length > 0 ? Math.max(...series.years) : today.getFullYear();
  return { kind: 'year', year: String(year), month: today.getMonth() + 1, quarter: Math.floor(today.getMonth() / 3) + 1, from: `${year}-01-01`, to: `${year}-12-31`, issuedOnly: true };
}

const digitsOf = (text: string) => text.trim().replace(/[０-９]/g, (digit) => String(digit.charCodeAt(0) - 0xff10));

function yearOf(text: string): number {
  const digits = digitsOf(text);
  if (digits === '') throw new PeriodError('请填写年份');
  if (!/^\d{4}$/.test(digits)) throw new PeriodError('年份应写成四位数字，如 2023');
  return Number(digits);
}

/** The period chosen; throws a PeriodError with the Chinese reason when it is not one. */
export function periodOfChoice(choice: PeriodChoice): Period {
  switch (choice.kind) {
    case 'month':
      return monthPeriod(yearOf(choice.year), choice.month);
    case 'quarter':
      return quarterPeriod(yearOf(choice.year), choice.quarter);
    case 'year':
      return yearPeriod(yearOf(choice.year));
    case 'custom':
      if (choice.from === '' || choice.to === '') throw new PeriodError('请填写起始日期和结束日期');
      return customPeriod(choice.from, choice.to);
  }
}

export type ReadRequest = { ok: true; request: StatsRequest; period: Period } | { ok: false; problem: string };

/** The request for the series and the chosen period, or why there is none yet. */
export function requestOf(seriesId: number, choice: PeriodChoice): ReadRequest {
  try {
    const period = periodOfChoice(choice);
    return { ok: true, period, request: { seriesId, from: period.from, to: period.to, status: choice.issuedOnly ? 'issued' : 'all' } };
  } catch (error) {
    if (error instanceof PeriodError) return { ok: false, problem: error.message };
    throw error;
  }
}
