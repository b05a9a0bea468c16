import { describe, expect, it } from 'vitest';
import { seriesSettingsSchema, defaultSeriesSettings } from '../../shared/model/series.ts';
import { describeProblems } from '../ui/lines.ts';
import { formatLeaders, formatPhrases, parseLeaders, parsePhrases } from './settings-lines.ts';

describe('leaders', () => {
  it('reads "姓名 职务" lines, the title keeping its inner spaces as one', () => {
    expect(parseLeaders('刘勇会 市委常委、常务副市长\n\n王建国　　市政府  副市长').entries).toEqual([
      { name: '刘勇会', title: '市委常委、常务副市长' },
      { name: '王建国', title: '市政府 副市长' },
    ]);
  });

  it('names the lines still being typed instead of dropping them silently', () => {
    const parsed = parseLeaders('刘\n刘勇会 市委常委\n王建国 \n赵');
    expect(parsed.entries).toEqual([{ name: '刘勇会', title: '市委常委' }]);
    expect(describeProblems(parsed.problems)).toEqual(['第1、3、4行还缺职务（姓名与职务之间空一格）']);
  });

  it('flags what the settings would refuse to save', () => {
    const parsed = parseLeaders(`${'长'.repeat(21)} 市长\n李四 ${'职'.repeat(101)}`);
    expect(parsed.entries).toEqual([]);
    expect(describeProblems(parsed.problems)).toEqual(['第1行的姓名超过20个字', '第2行的职务超过100个字']);
  });

  it('formats into text that reads back the same, and what it reads is valid settings', () => {
    const leaders = [{ name: '刘勇会', title: '市委常委、常务副市长' }, { name: '王建国', title: '市政府 副市长' }];
    expect(parseLeaders(formatLeaders(leaders))).toEqual({ entries: leaders, problems: [] });
    expect(seriesSettingsSchema.safeParse({ ...defaultSeriesSettings('甲'), leaders }).success).toBe(true);
  });
});

describe('phrases', () => {
  it('reads "正确写法 错误写法…" lines', () => {
    expect(parsePhrases('一岗双责 一岗两责\n河长制　河长治  河长职').entries).toEqual([
      { correct: '一岗双责', wrong: ['一岗两责'] },
      { correct: '河长制', wrong: ['河长治', '河长职'] },
    ]);
  });

  it('keeps a wording without its wrong forms as a line still to complete', () => {
    const parsed = parsePhrases('一岗双责 \n河长制 河长治');
    expect(parsed.entries).toEqual([{ correct: '河长制', wrong: ['河长治'] }]);
    expect(describeProblems(parsed.problems)).toEqual(['第1行还缺常见错误写法（与正确写法之间空一格）']);
  });

  it('formats into text that reads back the same', () => {
    const phrases = [{ correct: '一岗双责', wrong: ['一岗两责', '一岗二责'] }];
    expect(parsePhrases(formatPhrases(phrases))).toEqual({ entries: phrases, problems: [] });
  });
});
