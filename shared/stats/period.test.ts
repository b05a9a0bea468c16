// Periods of a count: labels as a 通报 prints them, recognised from their days, and the period before.
import { describe, expect, it } from 'vitest';
import { customPeriod, monthPeriod, PeriodError, periodOf, previousPeriod, quarterPeriod, yearPeriod } from './period.ts';

describe('periods', () => {
  it('labels a month, a quarter, a year and a run of days as a 通报 prints them', () => {
    expect(monthPeriod(2023, 7)).toEqual({ kind: 'month', from: '2023-07-01', to: '2023-07-31', label: '2023年7月' });
    expect(quarterPeriod(2023, 3)).toEqual({ kind: 'quarter', from: '2023-07-01', to: '2023-09-30', label: '2023年第三季度' });
    expect(yearPeriod(2023)).toEqual({ kind: 'year', from: '2023-01-01', to: '2023-12-31', label: '2023年度' });
    expect(customPeriod('2023-07-01', '2023-09-29').label).toBe('2023年7月1日至9月29日');
    expect(customPeriod('2022-12-01', '2023-01-15').label).toBe('2022年12月1日至2023年1月15日');
    expect(monthPeriod(2024, 2).to).toBe('2024-02-29');
  });

  it('names the days from..to as the whole month, quarter or year they are', () => {
    expect(periodOf('2023-07-01', '2023-09-30').label).toBe('2023年第三季度');
    expect(periodOf('2023-07-01', '2023-07-31').label).toBe('2023年7月');
    expect(periodOf('2023-01-01', '2023-12-31').label).toBe('2023年度');
    expect(periodOf('2023-07-01', '2023-09-30').kind).toBe('quarter');
    expect(periodOf('2023-08-01', '2023-10-31').label).toBe('2023年8月1日至10月31日');
  });

  it('gives the period before of the same length', () => {
    expect(previousPeriod(monthPeriod(2023, 1))!.label).toBe('2022年12月');
    expect(previousPeriod(quarterPeriod(2023, 1))!.label).toBe('2022年第四季度');
    expect(previousPeriod(yearPeriod(2023))!.label).toBe('2022年度');
    expect(previousPeriod(customPeriod('2023-03-01', '2023-03-10'))).toMatchObject({ from: '2023-02-19', to: '2023-02-28' });
    expect(previousPeriod(yearPeriod(1949))).toBeNull();
  });

  it('refuses dates that do not exist and a start after the end, in Chinese', () => {
    expect(() => customPeriod('2023-02-30', '2023-03-01')).toThrow(PeriodError);
    expect(() => customPeriod('2023-09-30', '2023-07-01')).toThrow('起始日期 2023-09-30 晚于结束日期 2023-07-01');
    expect(() => monthPeriod(2023, 13)).toThrow('月份不正确');
  });
});
