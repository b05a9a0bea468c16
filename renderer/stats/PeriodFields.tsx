// The statistics screen's choices: the series, the kind of period with its fields, and 只统计已印发.
import { useId } from 'react';
import type { SeriesRecord } from '../../shared/api/records.ts';
import type { PeriodKind } from '../../shared/stats/period.ts';
import { PERIOD_KIND_LABELS, QUARTER_LABELS, type PeriodChoice } from './stats-request.ts';

const KINDS = Object.keys(PERIOD_KIND_LABELS) as PeriodKind[];
const MONTHS = Array.from({ length: 12 }, (_, index) => index + 1);

export function PeriodFields({ series, seriesId, choice, onSeries, onChange }: {
  series: readonly SeriesRecord[];
  seriesId: number;
  choice: PeriodChoice;
  onSeries: (id: number) => void;
  onChange: (change: Partial<PeriodChoice>) => void;
}) {
  const kindLabel = useId();
  const yearField = (
    <label>年份 <input type="text" inputMode="numeric" aria-label="年份" className="stats-year" maxLength={4} value={choice.year} onChange={(event) => onChange({ year: event.target.value })} /></label>
  );
  return (
    <div className="stats-fields">
      <label>刊物
        <select aria-label="刊物" value={seriesId} onChange={(event) => onSeries(Number(event.target.value))}>
          {series.map((record) => <option key={record.id} value={record.id}>{record.settings.name}</option>)}
        </select>
      </label>
      <div className="stats-kinds" role="radiogroup" aria-labelledby={kindLabel}>
        <span id={kindLabel}>统计周期</span>
        {KINDS.map((kind) => (
          <label key={kind} className="radio">
            <input type="radio" name="stats-period" checked={choice.kind === kind} onChange={() => onChange({ kind })} />{PERIOD_KIND_LABELS[kind]}
          </label>
        ))}
      </div>
      <div className="stats-period-fields">
        {choice.kind !== 'custom' && yearField}
        {choice.kind === 'month' && (
          <label>月份
            <select aria-label="月份" value={choice.month} onChange={(event) => onChange({ month: Number(event.target.value) })}>
              {MONTHS.map((month) => <option key={month} value={month}>{month}月</option>)}
            </select>
          </label>
        )}
        {choice.kind === 'quarter' && (
          <label>季度
            <select aria-label="季度" value={choice.quarter} onChange={(event) => onChange({ quarter: Number(event.target.value) })}>
              {QUARTER_LABELS.map((label, index) => <option key={label} value={index + 1}>{label}</option>)}
            </select>
          </label>
        )}
        {choice.kind === 'custom' && (
          <>
            <label>起 <input type="date" aria-label="起始日期" value={choice.from} onChange={(event) => onChange({ from: event.target.value })} /></label>
            <label>止 <input type="date" aria-label="结束日期" value={choice.to} onChange={(event) => onChange({ to: event.target.value })} /></label>
          </>
        )}
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={choice.issuedOnly} onChange={(event) => onChange({ issuedOnly: event.target.checked })} />只统计已印发
      </label>
    </div>
  );
}
