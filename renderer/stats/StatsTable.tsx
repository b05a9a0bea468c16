// A line per unit (units with nothing too): counts, points, rank and the change against the period before.
// A row is chosen by a click, or by Enter or Space when it has the focus; arrows move between rows.
import type { KeyboardEvent } from 'react';
import type { StatsRow } from '../../shared/api/records.ts';
import { rowCells } from './stats-rows.ts';

export function StatsTable({ rows, selected, onSelect }: { rows: readonly StatsRow[]; selected: string | null; onSelect: (unit: string) => void }) {
  function onKeyDown(event: KeyboardEvent<HTMLTableRowElement>, unit: string) {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(unit);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? event.currentTarget.nextElementSibling : event.currentTarget.previousElementSibling;
      (next as HTMLElement | null)?.focus();
    }
  }
  if (rows.length === 0) return <p className="empty">所选期间没有可统计的单位。可在“刊物设置”中填写信息采用单位名单。</p>;
  return (
    <table className="issue-table stats-table" aria-label="各单位信息采用情况">
      <thead>
        <tr><th>序号</th><th>单位</th><th>文章</th><th>动态</th><th>编者按</th><th>批示</th><th>得分</th><th>排名</th><th>较上期</th></tr>
      </thead>
      <tbody>
        {rows.map((row, index) => {
          const cells = rowCells(row);
          return (
            <tr
              key={row.unit}
              tabIndex={0}
              className={row.unit === selected ? 'selected' : undefined}
              aria-selected={row.unit === selected}
              data-unit={row.unit}
              onClick={() => onSelect(row.unit)}
              onKeyDown={(event) => onKeyDown(event, row.unit)}
            >
              <td>{index + 1}</td>
              <td className="stats-unit">{cells.unit}</td>
              <td>{cells.articles}</td>
              <td>{cells.items}</td>
              <td>{cells.editorNotes}</td>
              <td>{cells.instructions}</td>
              <td className="stats-points">{cells.points}</td>
              <td>{cells.rank}</td>
              <td>{cells.change}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
