// The recycle bin: deleted issues of every series, each with 恢复.
import type { IssueSummary } from '../../shared/api/records.ts';
import { Dialog } from '../ui/Dialog.tsx';

export function RecycleBinDialog({ issues, onRestore, onClose }: {
  issues: IssueSummary[];
  onRestore: (issue: IssueSummary) => void;
  onClose: () => void;
}) {
  return (
    <Dialog title="回收站" onClose={onClose} wide>
      <ul className="recycle-list">
        {issues.map((issue) => (
          <li key={issue.id}>
            <span>{issue.seriesName} {issue.numberText} {issue.firstTitle}</span>
            <button type="button" onClick={() => onRestore(issue)}>恢复</button>
          </li>
        ))}
        {issues.length === 0 && <li className="empty">回收站是空的。</li>}
      </ul>
    </Dialog>
  );
}
