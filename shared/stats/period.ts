// The periods a 信息采用 count is made for: a month, a quarter, a year, or any run of days, each with the
// label a 通报 prints (2023年7月, 2023年第三季度, 2023年度, 2023年7月1日至9月30日) and the period before it
// of the same length (the month, quarter or year before; for days, as many days right before).
import { isRealDate } from '../model/issue.ts';

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

export interface Period {
  kind: PeriodKind;
  /** first and last day, both counted (YYYY-MM-DD) */
  from: string;
  to: string;
  label: string;
}

export class PeriodError extends Error {}

const QUARTER_NAMES = ['一', '二', '三', '四'] as const;
const DAY_MS = 86_400_000;

const iso = (year: number, month: number, day: number) => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const partsOf = (date: string) => date.split('-').map(Number) as [number, number, number];
function dayNumber(date: string): number {
  const [year, month, day] = partsOf(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}
const dateOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

function checkedYear(year: number): number {
  if (!Number.isInteger(year) || year < 1949 || year > 2200) throw new PeriodError(`年份不正确：${year}`);
  return year;
}

export function monthPeriod(year: number, month: number): Period {
  checkedYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new PeriodError(`月份不正确：${month}`);
  return { kind: 'month', from: iso(year, month, 1), to: iso(year, month, lastDayOf(year, month)), label: `${year}年${month}月` };
}

export function quarterPeriod(year: number, quarter: number): Period {
  checkedYear(year);
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new PeriodError(`季度不正确：${quarter}`);
  const last = quarter * 3;
  return { kind: 'quarter', from: iso(year, last - 2, 1), to: iso(year, last, lastDayOf(year, last)), label: `${year}年第${QUARTER_NAMES[quarter - 1]}季度` };
}

export function yearPeriod(year: number): Period {
  checkedYear(year);
  return { kind: 'year', from: iso(year, 1, 1), to: iso(year, 12, 31), label: `${year}年度` };
}

/** `2023年7月1日至9月30日`; the year written again only when the period crosses into another. */
export function customLabel(from: string, to: string): string {
  const [fy, fm, fd] = partsOf(from);
  const [ty, tm, td] = partsOf(to);
  const start = `${fy}年${fm}月${fd}日`;
  if (from === to) return start;
  return `${start}至${ty === fy ? '' : `${ty}年`}${tm}月${td}日`;
}

/** Any run of days, from ≤ to, both real dates. */
export function customPeriod(from: string, to: string): Period {
  for (const date of [from, to]) if (!isRealDate(date)) throw new PeriodError(`日期不正确：${date}（应写成 2023-07-12）`);
  if (from > to) throw new PeriodError(`起始日期 ${from} 晚于结束日期 ${to}`);
  checkedYear(partsOf(from)[0]);
  checkedYear(partsOf(to)[0]);
  return { kind: 'custom', from, to, label: customLabel(from, to) };
}

/** The period from..to, named as the whole month, quarter or year it is, else as a run of days. */
export function periodOf(from: string, to: string): Period {
  const custom = customPeriod(from, to);
  const [year, month, day] = partsOf(from);
  if (day !== 1) return custom;
  if (month === 1 && to === iso(year, 12, 31)) return yearPeriod(year);
  const asMonth = monthPeriod(year, month);
  if (asMonth.to === to) return asMonth;
  if ((month - 1) % 3 === 0) {
    const asQuarter = quarterPeriod(year, (month + 2) / 3);
    if (asQuarter.to === to) return asQuarter;
  }
  return custom;
}

/**
 * The period before, of the same length: the month, quarter or year before, or as many days right before;
 * null before the first year an archive can hold.
 */
export function previousPeriod(period: Period): Period | null {
  try {
    return periodBefore(period);
  } catch (error) {
    if (error instanceof PeriodError) return null;
    throw error;
  }
}

function periodBefore(period: Period): Period {
  const [year, month] = partsOf(period.from);
  switch (period.kind) {
    case 'month':
      return month === 1 ? monthPeriod(year - 1, 12) : monthPeriod(year, month - 1);
    case 'quarter': {
      const quarter = (month + 2) / 3;
      return quarter === 1 ? quarterPeriod(year - 1, 4) : quarterPeriod(year, quarter - 1);
    }
    case 'year':
      return yearPeriod(year - 1);
    case 'custom': {
      const first = dayNumber(period.from);
      const days = dayNumber(period.to) - first + 1;
      return customPeriod(dateOfDay(first - days), dateOfDay(first - 1));
    }
  }
}
