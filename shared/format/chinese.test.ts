import { describe, expect, it } from 'vitest';
import { formatChineseDate, formatDocNumber, formatIssueNumber, parseChineseDate, parseDocNumber } from './chinese.ts';

describe('Chinese dates', () => {
  it('print without leading zeros', () => {
    expect(formatChineseDate('2023-07-02')).toBe('2023年7月2日');
    expect(formatChineseDate('2023-12-31')).toBe('2023年12月31日');
  });

  it('read back with or without spaces, and refuse impossible days', () => {
    expect(parseChineseDate('2023 年 7 月 12 日')).toBe('2023-07-12');
    expect(parseChineseDate('2024年2月29日')).toBe('2024-02-29');
    expect(parseChineseDate('2023年2月29日')).toBeNull();
    expect(parseChineseDate('2023年2月30日')).toBeNull();
  });

  it('refuse to format a malformed date instead of printing garbage', () => {
    expect(() => formatChineseDate('12/07/2023')).toThrow('日期格式不正确');
  });
});

describe('issue numbers', () => {
  it('print 第N期 for sequential numbering', () => {
    expect(formatIssueNumber({ numbering: 'sequential', number: 13, year: 2023, totalNumber: null })).toBe('第13期');
  });

  it('print year, number and running total for yearly numbering', () => {
    expect(formatIssueNumber({ numbering: 'yearly-with-total', number: 3, year: 2024, totalNumber: 3 })).toBe('2024年第3期 总第3期');
    expect(formatIssueNumber({ numbering: 'yearly-with-total', number: 1, year: 2025, totalNumber: 48 })).toBe('2025年第1期 总第48期');
  });
});

describe('document numbers', () => {
  it('print the year in 六角括号 without leading zeros or 第', () => {
    expect(formatDocNumber('益简字', 2023, 42)).toBe('益简字〔2023〕42号');
    expect(formatDocNumber(' 湘环督 ', 2024, 7)).toBe('湘环督〔2024〕7号');
  });

  it('read the forms offices actually type, including the wrong brackets', () => {
    expect(parseDocNumber('益简字【2022】42号')).toEqual({ prefix: '益简字', year: 2022, serial: 42 });
    expect(parseDocNumber('益简字〔2023〕第042号')).toEqual({ prefix: '益简字', year: 2023, serial: 42 });
    expect(parseDocNumber('益简字(2023)5号')).toEqual({ prefix: '益简字', year: 2023, serial: 5 });
    expect(parseDocNumber('第13期')).toBeNull();
  });
});
