// What the clerk must settle before it counts (待确认): each entry names where it is and why, and opens its issue.
import type { StatsPending } from '../../shared/api/records.ts';
import { pendingWhy, placeLabel } from './stats-rows.ts';

export function PendingList({ pending, onOpen }: { pending: readonly StatsPending[]; onOpen: (issueId: number) => void }) {
  if (pending.length === 0) return null;
  return (
    <section className="stats-pending" aria-label="待确认">
      <h2>待确认（{pending.length}）<span className="hint">以下信息未计分或按识别结果计分，请打开该期确认来源单位</span></h2>
      <ul>
        {pending.map((entry) => (
          <li key={`${entry.issueId}-${entry.block}-${entry.item ?? ''}`}>
            <button type="button" className="stats-open" onClick={() => onOpen(entry.issueId)}>{placeLabel(entry)}</button>
            <span className="badge badge-pending">{pendingWhy(entry)}</span>
            <span className="hint">{entry.reason}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
