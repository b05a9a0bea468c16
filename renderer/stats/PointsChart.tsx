// The points of each unit as a bar chart (ECharts, only the parts it draws with, bundled: no CDN). Clicking a
// bar chooses that unit, as clicking its row does. The chart is disposed of when the screen goes.
import { useEffect, useRef } from 'react';
import { init, use, type EChartsCoreOption, type ECharts } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { StatsRow } from '../../shared/api/records.ts';
import { chartHeight, chartOption } from './chart-option.ts';

use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export function PointsChart({ rows, selected, onSelect }: { rows: readonly StatsRow[]; selected: string | null; onSelect: (unit: string) => void }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const latestSelect = useRef(onSelect);
  latestSelect.current = onSelect;

  useEffect(() => {
    const element = container.current!;
    const created = init(element, undefined, { renderer: 'canvas' });
    chart.current = created;
    created.on('click', (params) => {
      if (typeof params.name === 'string' && params.name !== '') latestSelect.current(params.name);
    });
    const resize = new ResizeObserver(() => created.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      created.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const current = chart.current;
    if (!current) return;
    current.setOption(chartOption(rows, selected) as EChartsCoreOption, { notMerge: true });
    current.resize();
  }, [rows, selected]);

  return (
    <div
      ref={container}
      className="stats-chart"
      data-testid="stats-chart"
      role="img"
      aria-label={`各单位得分柱状图（共 ${rows.length} 个单位）`}
      style={{ height: chartHeight(rows.length) }}
    />
  );
}
