// The issue editor: masthead fields, the body in Slate, the derived 导读, the colophon, autosave,
// revisions, status (审核, 印发, 重新打开), proofreading, print preview and export.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Descendant } from 'slate';
import { Slate, withReact } from 'slate-react';
import type { Issue } from '../../shared/model/issue.ts';
import { STATUS_LABELS } from '../../shared/model/issue.ts';
import { deriveLead } from '../../shared/model/lead.ts';
import { issueNumberOf } from '../../shared/format/chinese.ts';
import type { IssueRecord, SeriesRecord } from '../../shared/api/records.ts';
import { api, errorMessage } from '../api/client.ts';
import { navigate } from '../app/route.ts';
import { useMenuCommands } from '../app/menu-commands.ts';
import { HistoryEditor } from 'slate-history';
import { insertArticle, insertNewsItem, setHeadingLevel, toggleBold } from './model/commands.ts';
import { useNotice } from '../ui/notice.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { downloadFile } from '../archive/file-upload.ts';
import { createBulletinEditor } from './model/editor.ts';
import { issueToSlate, slateToIssue } from './model/mapping.ts';
import { BulletinBody, type Highlight } from './BulletinBody.tsx';
import { FormatBar } from './FormatBar.tsx';
import { MastheadFields } from './MastheadFields.tsx';
import { ColophonFields } from './ColophonFields.tsx';
import { RevisionsDialog } from './RevisionsDialog.tsx';
import { PrintPreviewDialog } from './PrintPreviewDialog.tsx';
import { ProofreadingPanel } from './ProofreadingPanel.tsx';
import { PageCount, PageMarksProvider, usePagePlan } from './PageMarks.tsx';
import { fillFromBulletin, isBodyEmpty, looksLikeWholeBulletin } from './whole-bulletin.ts';
import { proofreadIssue } from '../../shared/proofread/proofread.ts';
import { withoutIgnored, type Finding } from '../../shared/proofread/finding.ts';

type SaveState = 'saved' | 'dirty' | 'saving' | 'error';
const SAVE_LABELS: Record<SaveState, string> = { saved: '已保存', dirty: '有未保存的修改', saving: '正在保存…', error: '保存失败' };
const AUTOSAVE_DELAY_MS = 1200;

export function IssueEditorScreen({ issueId }: { issueId: number }) {
  const notice = useNotice();
  const [record, setRecord] = useState<IssueRecord | null>(null);
  const [series, setSeries] = useState<SeriesRecord | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    (async () => {
      try {
        const loaded = await api['issues.get']({ id: issueId });
        const list = await api['series.list']({ includeArchived: true });
        setSeries(list.find((item) => item.id === loaded.seriesId) ?? null);
        setRecord(loaded);
      } catch (error) {
        setFailure(errorMessage(error));
      }
    })();
  }, [issueId]);

  if (failure) {
    return (
      <div className="editor-screen">
        <header className="toolbar"><button type="button" onClick={() => navigate({ screen: 'archive', seriesId: null })}>← 返回档案</button></header>
        <div className="banner banner-error" role="alert">{failure}</div>
      </div>
    );
  }
  if (!record || !series) return <div className="editor-screen"><p className="empty">正在打开…</p></div>;
  return <LoadedEditor initialRecord={record} series={series} notice={notice} />;
}

function LoadedEditor({ initialRecord, series, notice }: { initialRecord: IssueRecord; series: SeriesRecord; notice: ReturnType<typeof useNotice> }) {
  const [record, setRecord] = useState(initialRecord);
  const [meta, setMeta] = useState<Issue>(initialRecord.issue);
  const [editorKey, setEditorKey] = useState(0);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [derived, setDerived] = useState<Issue>(initialRecord.issue);
  const [dialog, setDialog] = useState<'revisions' | 'preview' | 'reopen' | null>(null);
  const [highlights, setHighlights] = useState<Highlight[]>([]);
  const sections = series.settings.sections;
  const sectionsRef = useRef(sections);
  sectionsRef.current = sections;

  const readOnly = record.issue.status === 'issued';
  // one editor per content reset (restore, whole-bulletin paste), so Slate starts from the new value
  const editor = useMemo(() => withReact(createBulletinEditor(() => sectionsRef.current)), [editorKey]);
  const initialValue = useMemo<Descendant[]>(() => issueToSlate(meta, sections, series.settings.newsMarker), [editorKey]);
  // timers and callbacks made before a content reset must read the editor that is on screen now
  const editorRef = useRef(editor);
  editorRef.current = editor;

  const metaRef = useRef(meta);
  metaRef.current = meta;
  const baseRevision = useRef(record.revision);
  const changeCount = useRef(0);
  const composing = useRef(false);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const deriveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const currentIssue = useCallback((): Issue => slateToIssue(editorRef.current.children, metaRef.current), []);

  const save = useCallback(async (): Promise<boolean> => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    if (readOnly) return true;
    if (composing.current) {
      saveTimer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
      return false;
    }
    const startedAt = changeCount.current;
    setSaveState('saving');
    try {
      const result = await api['issues.save']({ id: record.id, baseRevision: baseRevision.current, issue: currentIssue() });
      baseRevision.current = result.record.revision;
      setRecord(result.record);
      setSaveState(changeCount.current === startedAt ? 'saved' : 'dirty');
      return true;
    } catch (error) {
      setSaveState('error');
      notice(errorMessage(error), 'error');
      return false;
    }
  }, [readOnly, record.id, currentIssue, notice]);

  const refreshDerived = useCallback(() => {
    if (deriveTimer.current) clearTimeout(deriveTimer.current);
    deriveTimer.current = setTimeout(() => {
      if (composing.current) return refreshDerived();
      setDerived(currentIssue());
    }, 300);
  }, [currentIssue]);

  const changed = useCallback(() => {
    changeCount.current++;
    setSaveState('dirty');
    refreshDerived();
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
  }, [refreshDerived, save]);

  useEffect(() => () => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    if (deriveTimer.current) clearTimeout(deriveTimer.current);
  }, []);

  // leaving with unsaved changes: save first (and let the browser warn when it cannot wait)
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (changeCount.current > 0 && saveState !== 'saved') {
        void save();
        event.preventDefault();
      }
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [save, saveState]);

  useEffect(() => {
    const keys = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void save().then((ok) => ok && notice('已保存'));
      } else if (mod && event.key.toLowerCase() === 'p') {
        event.preventDefault();
        setDialog('preview');
      }
    };
    window.addEventListener('keydown', keys);
    return () => window.removeEventListener('keydown', keys);
  }, [save, notice]);

  useMenuCommands((command) => {
    const editable = !readOnly;
    switch (command) {
      case 'issue.save':
        return void save().then((ok) => ok && notice('已保存'));
      case 'issue.printPreview':
        return setDialog('preview');
      case 'export.docx':
      case 'export.pdf':
      case 'export.json':
        return void exportAs(command.slice(7) as 'docx' | 'pdf' | 'json');
      case 'edit.undo':
        return editable && HistoryEditor.undo(editor);
      case 'edit.redo':
        return editable && HistoryEditor.redo(editor);
      case 'format.bold':
        return editable && toggleBold(editor);
      case 'insert.article':
        return editable && insertArticle(editor);
      case 'insert.newsItem':
        return editable && insertNewsItem(editor, sections[0]);
      case 'heading.none':
        return editable && setHeadingLevel(editor, null);
      case 'heading.level1':
      case 'heading.level2':
      case 'heading.level3':
      case 'heading.level4':
        return editable && setHeadingLevel(editor, Number(command.slice(-1)) as 1 | 2 | 3 | 4);
      default:
        return undefined;
    }
  });

  function updateMeta(next: Issue) {
    setMeta(next);
    metaRef.current = next;
    changed();
  }

  function resetContent(issue: Issue) {
    setMeta(issue);
    metaRef.current = issue;
    setDerived(issue);
    setEditorKey((key) => key + 1);
  }

  function pasteWhole(text: string): boolean {
    if (!looksLikeWholeBulletin(text) || !isBodyEmpty(currentIssue())) return false;
    resetContent(fillFromBulletin(currentIssue(), text));
    changed();
    notice('已按整期简报填入：文章、动态栏目和版记');
    return true;
  }

  async function setStatus(status: Issue['status'], reason?: string) {
    if (!(await save())) return;
    try {
      const updated = await api['issues.setStatus']({ id: record.id, status, ...(reason ? { reason } : {}) });
      baseRevision.current = updated.revision;
      setRecord(updated);
      resetContent(updated.issue);
      setSaveState('saved');
      notice(`状态已改为“${STATUS_LABELS[status]}”`);
    } catch (error) {
      notice(errorMessage(error), 'error');
    }
  }

  async function restoreRevision(revision: number) {
    try {
      const restored = await api['revisions.restore']({ issueId: record.id, revision });
      baseRevision.current = restored.revision;
      setRecord(restored);
      resetContent(restored.issue);
      setSaveState('saved');
      setDialog(null);
      notice(`已恢复到第${revision}版（另存为第${restored.revision}版）`);
    } catch (error) {
      notice(errorMessage(error), 'error');
    }
  }

  async function exportAs(kind: 'docx' | 'pdf' | 'json') {
    if (!(await save())) return;
    try {
      notice(kind === 'pdf' ? '正在生成 PDF…' : '正在导出…');
      const file = await api[`export.${kind}`]({ issueId: record.id });
      downloadFile(file);
      for (const warning of file.warnings ?? []) notice(warning, 'error');
    } catch (error) {
      notice(errorMessage(error), 'error');
    }
  }

  const lead = deriveLead(derived.blocks);
  const findings = useMemo(
    () => withoutIgnored(proofreadIssue(derived, series.settings), derived.ignoredFindings),
    [derived, series.settings],
  );
  const errorCount = findings.filter((finding) => finding.severity === 'error').length;
  const pagePlan = usePagePlan(editor, currentIssue, series.settings, derived);

  function ignore(finding: Finding) {
    const ignoredFindings = [...(metaRef.current.ignoredFindings ?? []), finding.key];
    updateMeta({ ...metaRef.current, ignoredFindings });
    setDerived((current) => ({ ...current, ignoredFindings }));
  }
  return (
    <div className="editor-screen">
      <header className="toolbar">
        <button type="button" onClick={async () => { await save(); navigate({ screen: 'archive', seriesId: record.seriesId }); }}>← 返回档案</button>
        <h1>{series.settings.name} · {issueNumberOf(meta)}</h1>
        <span className={`badge badge-${record.issue.status}`}>{STATUS_LABELS[record.issue.status]}</span>
        <span className={`save-state ${saveState}`} role="status" data-testid="save-state">{readOnly ? '只读' : SAVE_LABELS[saveState]}</span>
        <PageCount plan={pagePlan} />
        <div className="toolbar-actions">
          <button type="button" disabled={readOnly} onClick={() => void save().then((ok) => ok && notice('已保存'))} title="Ctrl+S">保存</button>
          <button type="button" onClick={() => document.querySelector('[aria-label="校对"]')?.scrollIntoView({ block: 'start' })} title="校对结果在右侧">
            校对 <span className={errorCount > 0 ? 'count-badge' : 'count-badge zero'} data-testid="toolbar-finding-count">{findings.length}</span>
          </button>
          <button type="button" onClick={() => setDialog('revisions')}>修订记录</button>
          <button type="button" onClick={() => setDialog('preview')} title="Ctrl+P">打印预览</button>
          <button type="button" onClick={() => exportAs('docx')}>导出 Word</button>
          <button type="button" onClick={() => exportAs('pdf')}>导出 PDF</button>
          <button type="button" onClick={() => exportAs('json')}>导出 JSON</button>
          {record.issue.status === 'draft' && <button type="button" className="primary" onClick={() => setStatus('reviewed')}>审核通过</button>}
          {record.issue.status === 'reviewed' && (
            <>
              <button type="button" onClick={() => setStatus('draft')}>退回草稿</button>
              <button type="button" className="primary" onClick={() => {
                if (errorCount > 0 && !window.confirm(`校对发现 ${errorCount} 处错误尚未处理，仍要印发吗？印发后内容只读。`)) return;
                void setStatus('issued');
              }}>印发</button>
            </>
          )}
          {readOnly && <button type="button" onClick={() => setDialog('reopen')}>重新打开</button>}
        </div>
      </header>
      {readOnly && <div className="banner banner-info">本期已印发，内容只读。如需修改，请点“重新打开”并写明原因。</div>}
      <PageMarksProvider value={pagePlan}>
      <Slate
        key={editorKey}
        editor={editor}
        initialValue={initialValue}
        onChange={() => {
          if (editor.operations.some((operation) => operation.type !== 'set_selection')) changed();
        }}
      >
        <FormatBar editor={editor} readOnly={readOnly} sections={sections} />
        <div className="editor-layout">
          <div className="editor-main">
            <div className="page-sheet">
              <MastheadFields issue={meta} readOnly={readOnly} onChange={updateMeta} />
              <BulletinBody
                editor={editor}
                readOnly={readOnly}
                highlights={highlights}
                onSave={() => void save().then((ok) => ok && notice('已保存'))}
                onPreview={() => setDialog('preview')}
                onPasteWhole={pasteWhole}
                onCompositionChange={(value) => { composing.current = value; }}
              />
              <ColophonFields issue={meta} readOnly={readOnly} onChange={updateMeta} />
            </div>
          </div>
          <aside className="editor-side">
            <section className="side-section" aria-label="导读">
              <h3>导读（按正文自动生成）</h3>
              <ul className="lead-list" data-testid="lead">
                {lead.map((item, index) => <li key={index}>{item}</li>)}
                {lead.length === 0 && <li className="hint">正文中还没有标题。</li>}
              </ul>
            </section>
            <ProofreadingPanel
              editor={editor}
              issue={derived}
              findings={findings}
              readOnly={readOnly}
              onHighlight={setHighlights}
              onIssueChange={(next) => { resetContent(next); changed(); }}
              onIgnore={ignore}
            />
          </aside>
        </div>
      </Slate>
      </PageMarksProvider>
      {dialog === 'revisions' && <RevisionsDialog issueId={record.id} canRestore={!readOnly} onRestore={restoreRevision} onClose={() => setDialog(null)} />}
      {dialog === 'preview' && <PrintPreviewDialog issue={currentIssue()} settings={series.settings} onClose={() => setDialog(null)} />}
      {dialog === 'reopen' && <ReopenDialog onCancel={() => setDialog(null)} onReopen={(reason) => { setDialog(null); void setStatus('draft', reason); }} />}
    </div>
  );
}

function ReopenDialog({ onCancel, onReopen }: { onCancel: () => void; onReopen: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  return (
    <Dialog title="重新打开已印发的简报" onClose={onCancel}>
      <form onSubmit={(event) => { event.preventDefault(); if (reason.trim()) onReopen(reason.trim()); }}>
        <label className="field">
          <span className="field-label">原因（将与时间一起记录）</span>
          <textarea rows={3} value={reason} onChange={(event) => setReason(event.target.value)} aria-label="重新打开的原因" required autoFocus />
        </label>
        <footer className="dialog-actions">
          <button type="button" onClick={onCancel}>取消</button>
          <button type="submit" className="primary" disabled={!reason.trim()}>重新打开</button>
        </footer>
      </form>
    </Dialog>
  );
}
