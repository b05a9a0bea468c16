// The issue's way through review: 审核通过 (warned, in the app, when proofreading errors remain),
// 退回草稿, 印发 (always asked: it makes the issue read-only), 重新打开 an issued issue with a reason.
import { useState } from 'react';
import type { IssueStatus } from '../../shared/model/issue.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { visibleReason } from '../../shared/model/reason.ts';

type Asking = 'review' | 'issue' | 'reopen' | null;

export function StatusActions({ status, errorCount, onSetStatus, onShowFindings }: {
  status: IssueStatus;
  errorCount: number;
  onSetStatus: (status: IssueStatus, reason?: string) => void;
  onShowFindings: () => void;
}) {
  const [asking, setAsking] = useState<Asking>(null);
  const close = () => setAsking(null);
  const then = (status: IssueStatus, reason?: string) => () => {
    close();
    onSetStatus(status, reason);
  };
  const errorsLeft = errorCount > 0 && (
    <p className="confirm-warning">校对发现 <strong>{errorCount}</strong> 处错误尚未处理（未修改也未忽略）。</p>
  );
  return (
    <>
      {status === 'draft' && (
        <button type="button" className="primary" onClick={() => (errorCount > 0 ? setAsking('review') : onSetStatus('reviewed'))}>审核通过</button>
      )}
      {status === 'reviewed' && (
        <>
          <button type="button" onClick={() => onSetStatus('draft')}>退回草稿</button>
          <button type="button" className="primary" onClick={() => setAsking('issue')}>印发</button>
        </>
      )}
      {status === 'issued' && <button type="button" onClick={() => setAsking('reopen')}>重新打开</button>}

      {asking === 'review' && (
        <ConfirmDialog title="审核通过" onCancel={close}
          choices={[
            { label: '查看校对结果', run: () => { close(); onShowFindings(); } },
            { label: '仍然审核通过', run: then('reviewed'), primary: true },
          ]}>
          {errorsLeft}
          <p>审核通过后，如再修改内容，本期会退回草稿，需要重新审核。</p>
        </ConfirmDialog>
      )}
      {asking === 'issue' && (
        <ConfirmDialog title="印发本期" onCancel={close}
          choices={[
            ...(errorCount > 0 ? [{ label: '查看校对结果', run: () => { close(); onShowFindings(); } }] : []),
            { label: errorCount > 0 ? '仍然印发' : '印发', run: then('issued'), primary: true },
          ]}>
          {errorsLeft}
          <p>印发后本期内容只读，导出的文件以此为准；如需修改，须“重新打开”并写明原因。</p>
        </ConfirmDialog>
      )}
      {asking === 'reopen' && <ReopenDialog onCancel={close} onReopen={(reason) => then('draft', reason)()} />}
    </>
  );
}

function ReopenDialog({ onCancel, onReopen }: { onCancel: () => void; onReopen: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  const ready = visibleReason(reason) !== null;
  return (
    <Dialog title="重新打开已印发的简报" onClose={onCancel}>
      <form onSubmit={(event) => { event.preventDefault(); if (ready) onReopen(reason.trim()); }}>
        <label className="field">
          <span className="field-label">原因（至少两个字，将与时间一起记录；Ctrl+Enter 确认）</span>
          <textarea rows={3} value={reason} maxLength={1000} onChange={(event) => setReason(event.target.value)} aria-label="重新打开的原因" required
            onKeyDown={(event) => { if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { event.preventDefault(); if (ready) onReopen(reason.trim()); } }} />
        </label>
        <footer className="dialog-actions">
          <button type="button" onClick={onCancel}>取消</button>
          <button type="submit" className="primary" disabled={!ready}>重新打开</button>
        </footer>
      </form>
    </Dialog>
  );
}
