// The units list and scoring as typed in the settings screen.
import { describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/model/series.ts';
import { formatAliases, moveUnit, parseAliases, parsePoints, removeUnit, replaceUnit, unitsProblems } from './units-list.ts';

const A: Unit = { name: '安化县', aliases: ['安化'], group: '县市区' };
const B: Unit = { name: '桃江县', aliases: [], group: '县市区' };
const C: Unit = { name: '市水利局', aliases: [], group: '市直部门' };

describe('units list', () => {
  it('reads aliases split at 、 (or a comma or space), without blanks or repeats, and writes them with 、', () => {
    expect(parseAliases('安化、安化县委办，安化 ')).toEqual(['安化', '安化县委办']);
    expect(parseAliases('')).toEqual([]);
    expect(formatAliases(['安化', '安化县委办'])).toBe('安化、安化县委办');
  });

  it('moves, replaces and removes rows, leaving the list as it was at either end', () => {
    expect(moveUnit([A, B, C], 2, -1)).toEqual([A, C, B]);
    expect(moveUnit([A, B, C], 0, -1)).toEqual([A, B, C]);
    expect(moveUnit([A, B, C], 2, 1)).toEqual([A, B, C]);
    expect(replaceUnit([A, B], 1, { group: '其他' })).toEqual([A, { ...B, group: '其他' }]);
    expect(removeUnit([A, B, C], 1)).toEqual([A, C]);
  });

  it('names a row without a name and a name given twice', () => {
    expect(unitsProblems([A, { ...B, name: ' ' }, { ...C, name: '安化县' }])).toEqual(['第2个单位还没有名称', '“安化县”重复']);
    expect(unitsProblems([A, B])).toEqual([]);
  });
});

describe('parsePoints', () => {
  it('takes whole points and one decimal, full-width digits too', () => {
    expect(parsePoints('3', '文章')).toEqual({ value: 3 });
    expect(parsePoints(' 0.5 ', '动态条目')).toEqual({ value: 0.5 });
    expect(parsePoints('１．５', '编者按')).toEqual({ value: 1.5 });
  });

  it('says in Chinese what is wrong', () => {
    expect(parsePoints('', '文章')).toEqual({ problem: '请填写文章的分值' });
    expect(parsePoints('0.25', '文章')).toEqual({ problem: '文章的分值最多保留一位小数' });
    expect(parsePoints('三', '文章')).toEqual({ problem: '文章的分值只能是数字' });
    expect(parsePoints('101', '领导批示')).toEqual({ problem: '领导批示的分值应在 0–100 之间' });
    expect(parsePoints('-1', '文章')).toEqual({ problem: '文章的分值应在 0–100 之间' });
  });
});
