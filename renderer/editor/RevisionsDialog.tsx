// The revisions of an issue: every save, with time, status and size; any can be viewed and restored.
import { useEffect, useState } from 'react';
import type { RevisionSummary } from '../../shared/api/records.ts';
import { STATUS_LABELS, type Issue } from '../../shared/model/issue.ts';
import { issueToPlainText } from '../../shared/text/plain-text.ts';
import { api, errorMessage } from '../api/client.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { useNotice } from '../ui/notice.tsx';

export function RevisionsDialog({ issueId, canRestore, onRestore, onClose }: { issueId: number; canRestore: boolean; onRestore: (revision: number) => void; onClose: () => void }) {
  const notice = useNotice();
  const [revisions, setRevisions] = useState<RevisionSummary[]>([]);
  const [viewing, setViewing] = useState<{ revision: number; issue: Issue } | null>(null);

  useEffect(() => {
    api['revisions.list']({ issueId }).then(setRevisions, (error: unknown) => notice(errorMessage(error), 'error'));
  }, [issueId, notice]);

  async function view(revision: number) {
    try {
      setViewing({ revision, issue: await api['revisions.get']({ issueId, revision }) });
    } catch (error) {
      notice(errorMessage(error), 'error');
    }
  }

  return (
    <Dialog title="修订记录" onClose={onClose} wide>
      <div className="revisions">
        <ul className="revision-list">
          {revisions.map((revision) => (
            <li key={revision.revision} className={viewing?.revision === revision.revision ? 'selected' : ''}>
              <button type="button" onClick={() => view(revision.revision)}>
                第{revision.revision}版 · {new Date(revision.savedAt).toLocaleString('zh-CN')} · {STATUS_LABELS[revision.status]} · {revision.chars}字 · {revision.note}
              </button>
            </li>
          ))}
        </ul>
        {viewing && (
          <div className="revision-view">
            <pre>{issueToPlainText(viewing.issue)}</pre>
            <button type="button" className="primary" disabled={!canRestore} onClick={() => onRestore(viewing.revision)}>
              恢复到第{viewing.revision}版
            </button>
            {!canRestore && <p className="hint">已印发的简报不能恢复旧版本，请先“重新打开”。</p>}
          </div>
        )}
      </div>
    </Dialog>
  );
}
