// What the points chart draws.
import { describe, expect, it } from 'vitest';
import type { StatsRow } from '../../shared/api/records.ts';
import { chartHeight, chartOption } from './chart-option.ts';

const row = (unit: string, points: number): StatsRow => ({ unit, group: '县市区', articles: 0, items: 0, editorNotes: 0, instructions: 0, points, rank: 1, previousPoints: null, change: null, entries: [] });

describe('chartOption', () => {
  it('draws a bar per unit in rank order, the first at the top, the chosen one in the accent colour', () => {
    const option = chartOption([row('安化县', 4.5), row('桃江县', 0)], '桃江县');
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['安化县', '桃江县'] });
    expect(option.series[0]!.data.map((bar) => bar.value)).toEqual([4.5, 0]);
    expect(option.series[0]!.data[1]!.itemStyle.color).not.toBe(option.series[0]!.data[0]!.itemStyle.color);
    expect(option.series[0]!.label.formatter({ value: 4.5 })).toBe('4.5');
  });

  it('is tall enough for every name', () => {
    expect(chartHeight(0)).toBe(160);
    expect(chartHeight(30)).toBe(820);
  });
});
