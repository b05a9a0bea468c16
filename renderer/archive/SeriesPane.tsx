// The left pane: the series (刊物) with their issue counts, the chosen one marked; 新建刊物; archived
// series shown on request.
import type { SeriesRecord } from '../../shared/api/records.ts';

export function SeriesPane({ series, selectedId, showArchived, onSelect, onNew, onShowArchived }: {
  /** the series to list (archived ones already left out unless shown) */
  series: SeriesRecord[];
  selectedId: number | null;
  showArchived: boolean;
  onSelect: (record: SeriesRecord) => void;
  onNew: () => void;
  onShowArchived: (show: boolean) => void;
}) {
  return (
    <aside className="series-pane" aria-label="刊物列表">
      <header className="pane-header">
        <h2>刊物</h2>
        <button type="button" onClick={onNew}>新建刊物</button>
      </header>
      <ul className="series-list">
        {series.map((record) => (
          <li key={record.id}>
            <button
              type="button"
              className={record.id === selectedId ? 'series-item selected' : 'series-item'}
              aria-current={record.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(record)}
            >
              <span className="series-name">{record.settings.name}</span>
              <span className="series-count">{record.issueCount}期{record.archived ? '（已归档）' : ''}</span>
            </button>
          </li>
        ))}
        {series.length === 0 && <li className="empty">还没有刊物。点“新建刊物”，或导入已有的简报。</li>}
      </ul>
      <label className="checkbox">
        <input type="checkbox" checked={showArchived} onChange={(event) => onShowArchived(event.target.checked)} />
        显示已归档的刊物
      </label>
    </aside>
  );
}
