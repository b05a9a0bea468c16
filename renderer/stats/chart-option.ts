// What the points chart draws: a horizontal bar per unit in rank order (the first at the top), the chosen
// unit's bar in the accent colour, points written at the end of each bar.
import type { StatsRow } from '../../shared/api/records.ts';
import { formatPoints } from './stats-rows.ts';

const BAR = '#93c5fd';
const CHOSEN = '#1d4ed8';

/** Tall enough for every unit's name to be read: 26 px a unit, 160 px at least. */
export function chartHeight(units: number): number {
  return Math.max(160, units * 26 + 40);
}

export function chartOption(rows: readonly StatsRow[], selected: string | null) {
  return {
    animation: false,
    grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value: unknown) => `${formatPoints(Number(value))} 分` },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map((row) => row.unit), axisLabel: { fontSize: 12 } },
    series: [
      {
        type: 'bar',
        name: '得分',
        barMaxWidth: 18,
        data: rows.map((row) => ({ value: row.points, itemStyle: { color: row.unit === selected ? CHOSEN : BAR } })),
        label: { show: true, position: 'right', formatter: ({ value }: { value: unknown }) => formatPoints(Number(value)) },
      },
    ],
  };
}
