import { describe, expect, it } from 'vitest';
import { decimalsOf, readDigitByDigit, readNumber, withAsciiDigits } from './chinese-numbers.ts';

describe('reading numbers as Chinese text writes them', () => {
  it('reads Arabic numbers with thousands separators, decimals and full-width digits', () => {
    expect(['27', '1,520', '2,846', '38.2', '１２', '１．５'].map(readNumber)).toEqual([27, 1520, 2846, 38.2, 12, 1.5]);
  });

  it('reads Chinese numerals by place, 两 and 万 included', () => {
    expect(['十二', '二十', '十', '一百零五', '两千', '三千零五十', '三万五千', '十万', '一亿二千万', '三十八点二'].map(readNumber)).toEqual([
      12, 20, 10, 105, 2000, 3050, 35000, 100000, 120000000, 38.2,
    ]);
  });

  it('multiplies an Arabic number by the 万 or 亿 after it', () => {
    expect(['3.5万', '1,200万', '2亿'].map(readNumber)).toEqual([35000, 12000000, 200000000]);
  });

  it('refuses what is not a well-formed number: words, digit-by-digit numerals, 千 or 百 without a digit', () => {
    expect(['', '万', '千', '百', '十百', '一二三', '二〇二三', 'abc', '1,52', '重点', '点'].map(readNumber)).toEqual(Array(11).fill(null));
  });

  it('reads a year written digit by digit', () => {
    expect([readDigitByDigit('二〇二三'), readDigitByDigit('二零二四'), readDigitByDigit('二十')]).toEqual([2023, 2024, null]);
  });

  it('counts the decimals written and keeps offsets when turning full-width digits into ASCII', () => {
    expect([decimalsOf('38.2'), decimalsOf('三十八点二五'), decimalsOf('27')]).toEqual([1, 2, 0]);
    expect(withAsciiDigits('共１２件，占３８．２％')).toBe('共12件，占38.2％');
  });
});
