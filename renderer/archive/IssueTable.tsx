// The chosen series' issues, newest first, with open, duplicate and delete on each row; when the list is
// empty it says why: no series chosen, a series with no issues yet, or filters nothing matches. A grid for the
// keyboard (arrows, PageUp/PageDown, Home/End move the selection, Enter opens), drawn only where it is in view.
import { useRef, useState, type KeyboardEvent } from 'react';
import { formatChineseDate } from '../../shared/format/chinese.ts';
import type { IssueSummary, SeriesRecord } from '../../shared/api/records.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { describeFilters, hasFilters, type IssueFilters } from './archive-filters.ts';
import { useRowWindow } from './use-row-window.ts';

const ROW_HEIGHT_ESTIMATE = 41;
const rowId = (issue: IssueSummary) => `issue-row-${issue.id}`;

export function IssueTable({ issues, series, filters, onOpen, onDuplicate, onDelete, onClearFilters }: {
  issues: IssueSummary[];
  /** the series shown; null when none is chosen */
  series: SeriesRecord | null;
  /** the filters the list was read with */
  filters: IssueFilters;
  onOpen: (issue: IssueSummary) => void;
  onDuplicate: (issue: IssueSummary) => void;
  onDelete: (issue: IssueSummary) => void;
  onClearFilters: () => void;
}) {
  const list = useRef<HTMLDivElement>(null);
  const rows = useRowWindow(list, issues.length, ROW_HEIGHT_ESTIMATE);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const selected = selectedId === null ? -1 : issues.findIndex((issue) => issue.id === selectedId);

  function select(index: number) {
    const issue = issues[Math.max(0, Math.min(issues.length - 1, index))];
    if (!issue) return;
    setSelectedId(issue.id);
    rows.scrollToRow(issues.indexOf(issue));
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    // the row's own buttons keep their keys
    if (event.target !== event.currentTarget) return;
    const at = Math.max(selected, 0);
    const moves: Record<string, number> = {
      ArrowDown: selected < 0 ? 0 : at + 1,
      ArrowUp: at - 1,
      PageDown: at + rows.rowsInView,
      PageUp: at - rows.rowsInView,
      Home: 0,
      End: issues.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      select(moves[event.key]!);
    } else if (event.key === 'Enter' && issues[selected]) {
      event.preventDefault();
      onOpen(issues[selected]);
    }
  }

  if (issues.length === 0) {
    return (
      <p className="empty" data-testid="issues-empty">
        {!series ? (
          '请选择或新建一个刊物。'
        ) : series.issueCount > 0 && hasFilters(filters) ? (
          <>
            这个刊物共{series.issueCount}期，没有符合筛选条件（{describeFilters(filters)}）的简报。
            <button type="button" onClick={onClearFilters}>清除筛选</button>
          </>
        ) : (
          '这个刊物还没有简报。点“新建一期”开始编写。'
        )}
      </p>
    );
  }
  const shown = issues.slice(rows.first, rows.end);
  const active = selected >= rows.first && selected < rows.end ? rowId(issues[selected]!) : undefined;
  return (
    <div className="issue-list" ref={list} style={rows.padding}>
      <table
        className="issue-table"
        role="grid"
        aria-label={`${series?.settings.name ?? ''}的简报，共${issues.length}期`}
        aria-rowcount={issues.length + 1}
        aria-activedescendant={active}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={(event) => event.target === event.currentTarget && selected < 0 && select(0)}
      >
        <thead>
          <tr aria-rowindex={1}><th>期号</th><th>日期</th><th>首篇标题</th><th>状态</th><th>操作</th></tr>
        </thead>
        <tbody>
          {shown.map((issue, offset) => {
            const index = rows.first + offset;
            // Tab goes from the grid to the selected row's buttons, not through every row's
            const tabStop = index === selected || (selected < 0 && index === 0) ? 0 : -1;
            return (
              <tr key={issue.id} id={rowId(issue)} aria-rowindex={index + 2} aria-selected={index === selected}
                className={index === selected ? 'selected' : undefined} onClick={() => setSelectedId(issue.id)} onDoubleClick={() => onOpen(issue)}>
                <td className="nowrap">{issue.numberText}</td>
                <td className="nowrap">{formatChineseDate(issue.date)}</td>
                <td className="title-cell" title={issue.firstTitle || undefined}>{issue.firstTitle || '（尚无文章）'}</td>
                <td className="nowrap"><StatusBadge status={issue.status} /></td>
                <td>
                  <div className="row-actions">
                    <button type="button" tabIndex={tabStop} onClick={() => onOpen(issue)}>打开</button>
                    <button type="button" tabIndex={tabStop} onClick={() => onDuplicate(issue)}>复制为新一期</button>
                    <button type="button" tabIndex={tabStop} className="danger" onClick={() => onDelete(issue)}>删除</button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
