import { describe, expect, it } from 'vitest';
import type { VolumePreview } from '../../shared/api/records.ts';
import { emptyPreviewProblem, exportedMessage, initialChoice, readRange, readRequest, type VolumeChoice } from './volume-dialog.ts';

const choice = (patch: Partial<VolumeChoice>): VolumeChoice => ({ ...initialChoice({ years: [2023] }, 2026), ...patch });

describe('initialChoice', () => {
  it('offers the latest year the series has issues in, its whole span of dates, Word and issued issues only', () => {
    expect(initialChoice({ years: [2020, 2023, 2021] }, 2026)).toMatchObject({ kind: 'year', year: '2023', from: '2023-01-01', to: '2023-12-31', format: 'docx', includeDrafts: false });
  });

  it('offers this year for a series with no issues yet', () => {
    expect(initialChoice({ years: [] }, 2026).year).toBe('2026');
  });
});

describe('readRange', () => {
  it('reads a year, full-width digits included', () => {
    expect(readRange(choice({ year: '２０２３' }), 'sequential')).toEqual({ value: { kind: 'year', year: 2023 } });
  });

  it('says what is wrong with a year left empty, not a number or out of range', () => {
    expect(readRange(choice({ year: '' }), 'sequential')).toEqual({ problem: '请填写年份' });
    expect(readRange(choice({ year: '20a3' }), 'sequential')).toEqual({ problem: '年份只能是数字' });
    expect(readRange(choice({ year: '1900' }), 'sequential')).toEqual({ problem: '年份应在 1949–2200 之间' });
  });

  it('reads a span of dates and refuses one missing an end or running backwards', () => {
    expect(readRange(choice({ kind: 'dates', from: '2023-06-01', to: '2023-07-31' }), 'sequential')).toEqual({ value: { kind: 'dates', from: '2023-06-01', to: '2023-07-31' } });
    expect(readRange(choice({ kind: 'dates', from: '', to: '2023-07-31' }), 'sequential')).toEqual({ problem: '请选择起始日期' });
    expect(readRange(choice({ kind: 'dates', from: '2023-08-01', to: '2023-07-31' }), 'sequential')).toEqual({ problem: '起始日期不能晚于结束日期' });
  });

  it('reads a span of numbers and refuses one with no end or running backwards', () => {
    expect(readRange(choice({ kind: 'numbers', fromNumber: '1', toNumber: '13' }), 'sequential')).toEqual({ value: { kind: 'numbers', from: 1, to: 13 } });
    expect(readRange(choice({ kind: 'numbers', fromNumber: '1', toNumber: '' }), 'sequential')).toEqual({ problem: '请填写结束期号' });
    expect(readRange(choice({ kind: 'numbers', fromNumber: '9', toNumber: '3' }), 'sequential')).toEqual({ problem: '起始期号不能大于结束期号' });
  });

  it("sends the numbers' year only for a series numbered afresh each year, and only when it is filled in", () => {
    const numbers = choice({ kind: 'numbers', fromNumber: '1', toNumber: '5', numberYear: '2024' });
    expect(readRange(numbers, 'yearly-with-total')).toEqual({ value: { kind: 'numbers', from: 1, to: 5, year: 2024 } });
    expect(readRange(numbers, 'sequential')).toEqual({ value: { kind: 'numbers', from: 1, to: 5 } });
    expect(readRange({ ...numbers, numberYear: '' }, 'yearly-with-total')).toEqual({ value: { kind: 'numbers', from: 1, to: 5 } });
    expect(readRange({ ...numbers, numberYear: '24' }, 'yearly-with-total')).toEqual({ problem: '年份应在 1949–2200 之间' });
  });
});

describe('readRequest', () => {
  it('asks for drafts only when the clerk ticked them, and carries a range problem through', () => {
    expect(readRequest(7, choice({}), 'sequential')).toEqual({ value: { seriesId: 7, range: { kind: 'year', year: 2023 } } });
    expect(readRequest(7, choice({ includeDrafts: true }), 'sequential')).toEqual({ value: { seriesId: 7, range: { kind: 'year', year: 2023 }, includeDrafts: true } });
    expect(readRequest(7, choice({ year: '' }), 'sequential')).toEqual({ problem: '请填写年份' });
  });
});

describe('emptyPreviewProblem', () => {
  const preview = (issues: VolumePreview['issues']): VolumePreview => ({ seriesName: '甲工作简报', rangeLabel: '2019年', issues, gaps: [] });

  it('has nothing to say of a range with issues', () => {
    expect(emptyPreviewProblem(preview([{ id: 1, numberText: '第1期', date: '2019-01-02', status: 'issued', titles: [] }]), false)).toBeNull();
  });

  it('says an empty range binds nothing, pointing to the drafts box when drafts were left out', () => {
    expect(emptyPreviewProblem(preview([]), false)).toContain('“甲工作简报”在所选范围内没有已印发的简报，无法汇编');
    expect(emptyPreviewProblem(preview([]), false)).toContain('收入未印发的简报');
    expect(emptyPreviewProblem(preview([]), true)).toBe('“甲工作简报”在所选范围内没有简报，无法汇编');
  });
});

describe('exportedMessage', () => {
  it('names the file and its pages', () => {
    expect(exportedMessage('甲工作简报汇编2023年第1期—第13期.docx', 58)).toBe('已导出：甲工作简报汇编2023年第1期—第13期.docx（共 58 页）');
    expect(exportedMessage('甲.pdf', null)).toBe('已导出：甲.pdf');
  });
});
