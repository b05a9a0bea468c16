// The statistics screen's period choices as requests: each kind, the status box, and what is wrong in Chinese.
import { describe, expect, it } from 'vitest';
import { initialChoice, requestOf, type PeriodChoice } from './stats-request.ts';

const base: PeriodChoice = { kind: 'year', year: '2023', month: 7, quarter: 3, from: '2023-07-01', to: '2023-09-30', issuedOnly: true };

describe('requestOf', () => {
  it('makes the days of a month, a quarter, a year and two dates, issued only unless unticked', () => {
    expect(requestOf(4, { ...base, kind: 'month' })).toMatchObject({ ok: true, request: { seriesId: 4, from: '2023-07-01', to: '2023-07-31', status: 'issued' }, period: { label: '2023年7月' } });
    expect(requestOf(4, { ...base, kind: 'quarter' })).toMatchObject({ ok: true, request: { from: '2023-07-01', to: '2023-09-30' }, period: { label: '2023年第三季度' } });
    expect(requestOf(4, { ...base, issuedOnly: false })).toMatchObject({ ok: true, request: { from: '2023-01-01', to: '2023-12-31', status: 'all' } });
    expect(requestOf(4, { ...base, kind: 'custom', from: '2023-07-05', to: '2023-08-01' })).toMatchObject({ ok: true, period: { label: '2023年7月5日至8月1日' } });
    expect(requestOf(4, { ...base, year: '２０２３' })).toMatchObject({ ok: true, request: { from: '2023-01-01' } });
  });

  it('says in Chinese what is missing or wrong', () => {
    expect(requestOf(4, { ...base, year: '' })).toEqual({ ok: false, problem: '请填写年份' });
    expect(requestOf(4, { ...base, year: '23' })).toEqual({ ok: false, problem: '年份应写成四位数字，如 2023' });
    expect(requestOf(4, { ...base, year: '1900' })).toEqual({ ok: false, problem: '年份不正确：1900' });
    expect(requestOf(4, { ...base, kind: 'custom', to: '' })).toEqual({ ok: false, problem: '请填写起始日期和结束日期' });
    expect(requestOf(4, { ...base, kind: 'custom', from: '2023-09-30', to: '2023-07-01' })).toEqual({ ok: false, problem: '起始日期 2023-09-30 晚于结束日期 2023-07-01' });
  });
});

describe('initialChoice', () => {
  it('starts on the latest year the series has issues in, else this year, issued only', () => {
    const today = new Date(2026, 4, 20);
    expect(initialChoice({ years: [2020, 2023] }, today)).toMatchObject({ kind: 'year', year: '2023', month: 5, quarter: 2, issuedOnly: true });
    expect(initialChoice({ years: [] }, today).year).toBe('2026');
    expect(initialChoice(null, today).year).toBe('2026');
  });
});
