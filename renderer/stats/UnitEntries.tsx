// Every report counted for the chosen unit, each opening its issue in the editor.
import type { StatsRow } from '../../shared/api/records.ts';
import { entryNotes, formatPoints, placeLabel } from './stats-rows.ts';

export function UnitEntries({ row, onOpen }: { row: StatsRow; onOpen: (issueId: number) => void }) {
  return (
    <section className="stats-entries" aria-label={`${row.unit}的采用明细`}>
      <h2>{row.unit}：采用 {row.entries.length} 篇（条），得分 {formatPoints(row.points)}</h2>
      {row.entries.length === 0 ? (
        <p className="empty">所选期间没有采用该单位的信息。</p>
      ) : (
        <ul className="stats-entry-list">
          {row.entries.map((entry) => (
            <li key={`${entry.issueId}-${entry.block}-${entry.item ?? ''}`}>
              <button type="button" className="stats-open" onClick={() => onOpen(entry.issueId)}>{placeLabel(entry)}</button>
              <span className="stats-entry-points">{formatPoints(entry.points)} 分</span>
              {entryNotes(entry).map((note) => <span key={note} className={note.includes('待确认') ? 'badge badge-pending' : 'badge'}>{note}</span>)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
