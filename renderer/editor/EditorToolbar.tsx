// The editor's title bar: back to the archive, which issue this is (the 期号 never cut off), its status and
// save state, the page count, and the buttons of the command table (保存, 校对, 修订记录, 打印预览, 导出, 快捷键)
// beside the review actions.
import { useEffect, useRef, useState } from 'react';
import { COMMAND_TABLE, keyLabel, type CommandId, type CommandSpec } from '../../shared/api/commands.ts';
import { STATUS_LABELS, type Issue, type IssueStatus } from '../../shared/model/issue.ts';
import { issueNumberOf } from '../../shared/format/chinese.ts';
import type { CommandHandlers } from '../navigation/use-commands.ts';
import { SAVE_STATE_LABELS, type SaveState } from './session/issue-session.ts';
import { StatusActions } from './StatusActions.tsx';
import { PageCount, type PagePlanView } from './PageMarks.tsx';

function CommandButton({ id, handlers, disabled, className, children }: {
  id: CommandId;
  handlers: CommandHandlers;
  disabled?: boolean;
  className?: string;
  children?: React.ReactNode;
}) {
  const spec: CommandSpec = COMMAND_TABLE[id];
  return (
    <button type="button" className={className} disabled={disabled} onClick={() => handlers[id]?.()} title={spec.accelerator ? keyLabel(spec.accelerator) : undefined}>
      {spec.toolbarLabel ?? spec.label}
      {children}
    </button>
  );
}

function ExportMenu({ handlers }: { handlers: CommandHandlers }) {
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !menu.current?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', close);
    window.addEventListener('keydown', close);
    return () => {
      window.removeEventListener('mousedown', close);
      window.removeEventListener('keydown', close);
    };
  }, [open]);
  const item = (id: 'export.docx' | 'export.pdf' | 'export.json') => (
    <button type="button" role="menuitem" onClick={() => { setOpen(false); handlers[id]?.(); }}>{COMMAND_TABLE[id].toolbarLabel}</button>
  );
  return (
    <div className="menu-button" ref={menu}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>导出 ▾</button>
      {open && <div className="menu-popup" role="menu">{item('export.docx')}{item('export.pdf')}{item('export.json')}</div>}
    </div>
  );
}

export function EditorToolbar({ seriesName, issue, status, saveState, readOnly, findingCount, errorCount, pagePlan, onLeave, onSetStatus, handlers }: {
  seriesName: string;
  issue: Issue;
  status: IssueStatus;
  saveState: SaveState;
  readOnly: boolean;
  findingCount: number;
  errorCount: number;
  pagePlan: PagePlanView | null;
  onLeave: () => void;
  onSetStatus: (status: IssueStatus, reason?: string) => void;
  handlers: CommandHandlers;
}) {
  return (
    <header className="toolbar editor-toolbar">
      <button type="button" onClick={onLeave}>← 返回档案</button>
      <h1 className="issue-title" title={`${seriesName} · ${issueNumberOf(issue)}`}>
        <span className="issue-title-series">{seriesName}</span>
        <span className="issue-title-number">· {issueNumberOf(issue)}</span>
      </h1>
      <span className={`badge badge-${status}`}>{STATUS_LABELS[status]}</span>
      <span className={`save-state ${saveState}`} role="status" data-testid="save-state">{readOnly ? '只读' : SAVE_STATE_LABELS[saveState]}</span>
      <PageCount plan={pagePlan} />
      <div className="toolbar-actions">
        <CommandButton id="issue.save" handlers={handlers} disabled={readOnly} />
        <CommandButton id="issue.proofread" handlers={handlers}>
          {' '}<span className={errorCount > 0 ? 'count-badge' : 'count-badge zero'} data-testid="toolbar-finding-count">{findingCount}</span>
        </CommandButton>
        <CommandButton id="issue.revisions" handlers={handlers} />
        <CommandButton id="issue.printPreview" handlers={handlers} />
        <ExportMenu handlers={handlers} />
        <StatusActions status={status} errorCount={errorCount} onSetStatus={onSetStatus} onShowFindings={() => handlers['issue.proofread']?.()} />
        <button type="button" className="icon-button" onClick={() => handlers['help.keys']?.()} title="快捷键（F1）" aria-label="快捷键">?</button>
      </div>
    </header>
  );
}
