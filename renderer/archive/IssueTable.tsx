// The chosen series' issues, newest first, with open, duplicate and delete on each row; when the list is
// empty it says why: no series chosen, a series with no issues yet, or filters nothing matches.
import { formatChineseDate } from '../../shared/format/chinese.ts';
import type { IssueSummary, SeriesRecord } from '../../shared/api/records.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { describeFilters, hasFilters, type IssueFilters } from './archive-filters.ts';

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
  return (
    <table className="issue-table">
      <thead>
        <tr><th>期号</th><th>日期</th><th>首篇标题</th><th>状态</th><th>操作</th></tr>
      </thead>
      <tbody>
        {issues.map((issue) => (
          <tr key={issue.id} onDoubleClick={() => onOpen(issue)}>
            <td className="nowrap">{issue.numberText}</td>
            <td className="nowrap">{formatChineseDate(issue.date)}</td>
            <td className="title-cell" title={issue.firstTitle || undefined}>{issue.firstTitle || '（尚无文章）'}</td>
            <td className="nowrap"><StatusBadge status={issue.status} /></td>
            <td>
              <div className="row-actions">
                <button type="button" onClick={() => onOpen(issue)}>打开</button>
                <button type="button" onClick={() => onDuplicate(issue)}>复制为新一期</button>
                <button type="button" className="danger" onClick={() => onDelete(issue)}>删除</button>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
