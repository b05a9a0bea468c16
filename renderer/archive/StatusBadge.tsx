// An issue's status (草稿, 已审核, 已印发) as a coloured badge, in the issue list and the search results alike.
import { STATUS_LABELS, type IssueStatus } from '../../shared/model/issue.ts';

export function StatusBadge({ status }: { status: IssueStatus }) {
  return <span className={`badge badge-${status}`}>{STATUS_LABELS[status]}</span>;
}
