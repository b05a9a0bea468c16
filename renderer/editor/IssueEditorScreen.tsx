// The issue editor screen: opens the issue session, then lays out the toolbar, the page (报头, the body in
// Slate, 版记) and the side panels (导读, 校对). Saving, status and restores are the session's; what each
// command does is editor-commands.ts'.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Editor as SlateEditor, Element as SlateElement, Transforms, type Descendant, type Editor, type Path, type RangeRef } from 'slate';
import { ReactEditor, Slate, withReact } from 'slate-react';
import type { Issue } from '../../shared/model/issue.ts';
import { printedLeadOf, printsLead } from '../../shared/model/lead.ts';
import type { SeriesRecord } from '../../shared/api/records.ts';
import type { Finding } from '../../shared/proofread/core/finding.ts';
import { api, errorMessage } from '../api/client.ts';
import { navigate } from '../navigation/route.ts';
import { useCommands } from '../navigation/use-commands.ts';
import { useNotice } from '../ui/notice.tsx';
import { createBulletinEditor } from './model/editor.ts';
import { issueToSlate, slateToIssue } from './model/mapping.ts';
import { IssueSession } from './session/issue-session.ts';
import { useIssueSession } from './session/use-issue-session.ts';
import { editorCommandHandlers, type EditorDialog } from './editor-commands.ts';
import { useDerivedIssue } from './use-derived-issue.ts';
import { useIssueAnalysis } from './use-issue-analysis.ts';
import { useExport } from './use-export.ts';
import { articleBeingStarted, findingsInView } from './findings-in-view.ts';
import { BulletinBody } from './BulletinBody.tsx';
import { sameHighlights, type Highlight } from './decorations.ts';
import { EditorToolbar } from './EditorToolbar.tsx';
import { FormatBar } from './FormatBar.tsx';
import { MastheadFields } from './MastheadFields.tsx';
import { ColophonFields } from './ColophonFields.tsx';
import { RevisionsDialog } from './RevisionsDialog.tsx';
import { PrintPreviewDialog } from './PrintPreviewDialog.tsx';
import { ProofreadingPanel } from './ProofreadingPanel.tsx';
import { KeysHelpDialog } from './KeysHelpDialog.tsx';
import { InsertTableDialog } from './InsertTableDialog.tsx';
import { insertTable } from './model/table-commands.ts';
import { caretTakesContent, holdCaret, insertImageFiles, pasteHtmlParts } from './content-insertion.ts';
import type { PastedHtmlPart } from './clipboard-html.ts';
import { IMAGE_ACCEPT } from '../files/image-files.ts';
import { PasteMastheadDialog } from './PasteMastheadDialog.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { insertPastedText } from './model/paste.ts';
import { PageMarksProvider, usePagePlan } from './PageMarks.tsx';
import { unitMatcher } from '../../shared/stats/unit-names.ts';
import { AttributionContext, type AttributionScope } from './SourceChip.tsx';
import { SourcesPicker, type PickedSources } from './SourcesPicker.tsx';
import type { AttributedElement } from './attribution.ts';
import { fillFromBulletin, isBodyEmpty, looksLikeWholeBulletin, readPastedBulletin, type PastedBulletin } from './whole-bulletin.ts';

interface Opened {
  session: IssueSession;
  series: SeriesRecord;
  /** the body editor on screen, which the session reads the body from */
  editorRef: { current: Editor | null };
}

export function IssueEditorScreen({ issueId }: { issueId: number }) {
  const notice = useNotice();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let session: IssueSession | null = null;
    let cancelled = false;
    (async () => {
      try {
        const record = await api['issues.get']({ id: issueId });
        const series = await api['series.get']({ id: record.seriesId });
        if (cancelled) return;
        const editorRef: Opened['editorRef'] = { current: null };
        session = new IssueSession(api, record, { issueOf: (meta) => (editorRef.current ? slateToIssue(editorRef.current.children, meta) : meta), notice }, errorMessage);
        setOpened({ session, series, editorRef });
      } catch (error) {
        if (!cancelled) setFailure(errorMessage(error));
      }
    })();
    // leaving by any way (返回档案, the back button, another route): save what is unsaved, drop an untouched new draft
    return () => {
      cancelled = true;
      void session?.leave();
    };
  }, [issueId, notice]);

  if (failure) {
    return (
      <div className="editor-screen">
        <header className="toolbar"><button type="button" onClick={() => navigate({ screen: 'archive', seriesId: null })}>← 返回档案</button></header>
        <div className="banner banner-error" role="alert">{failure}</div>
      </div>
    );
  }
  if (!opened) return <div className="editor-screen"><p className="empty">正在打开…</p></div>;
  return <IssueEditor {...opened} />;
}

function IssueEditor({ session, series, editorRef }: Opened) {
  const notice = useNotice();
  const { record, meta, saveState, resets, conflict, error } = useIssueSession(session);
  const [leaving, setLeaving] = useState(false);
  const [wholeIntoFull, setWholeIntoFull] = useState<string | null>(null);
  const [dialog, setDialog] = useState<EditorDialog | null>(null);
  const [pasted, setPasted] = useState<PastedBulletin | null>(null);
  const [highlights, setHighlights] = useState<Highlight[]>([]);
  /** the article or item whose source units the picker is choosing (Alt+U) */
  const [picking, setPicking] = useState<{ path: Path; element: AttributedElement } | null>(null);
  const readOnly = record.issue.status === 'issued';
  const { settings } = series;
  const units = useMemo(() => settings.units ?? [], [settings.units]);
  const attribution = useMemo<AttributionScope>(() => ({ matcher: unitMatcher(units), editable: !readOnly }), [units, readOnly]);
  // a read-only issue shows what it has, not the template's empty sections
  const sections = readOnly ? [] : settings.sections;
  const sectionsRef = useRef(sections);
  sectionsRef.current = sections;

  // one editor per content reset (restore, status change, whole-bulletin paste), so Slate starts from the new value
  const initialValue = useMemo<Descendant[]>(
    () => issueToSlate(readOnly ? withoutEmptySections(meta) : meta, sections, settings.newsMarker),
    [resets, readOnly],
  );
  const editor = useMemo(() => {
    const created = withReact(createBulletinEditor(() => sectionsRef.current));
    // holding its value before <Slate> mounts, so the first issue read for the side panels is the whole one, not an empty body
    created.children = initialValue;
    return created;
  }, [initialValue]);
  editorRef.current = editor;

  const bodyOf = useCallback(() => editorRef.current?.children ?? [], [editorRef]);
  const { derived, refresh } = useDerivedIssue(session, bodyOf, resets);
  // proofreading and the page plan of a long issue take long: they run in a worker, not between keystrokes
  const analyzed = useIssueAnalysis(derived.issue, derived.body, settings);
  const [startedTitle, setStartedTitle] = useState<string | null>(null);
  const findings = useMemo(() => findingsInView(analyzed?.findings ?? [], meta.ignoredFindings, startedTitle), [analyzed, meta.ignoredFindings, startedTitle]);
  const errorCount = findings.filter((finding) => finding.severity === 'error').length;
  const pagePlan = usePagePlan(analyzed);
  // a proofreading run that marks the same spans leaves the body's decorations (and so its rendering) alone
  const showHighlights = useCallback((next: Highlight[]) => setHighlights((current) => (sameHighlights(current, next) ? current : next)), []);
  const exportAs = useExport(session, notice);
  const proofreading = useRef<HTMLElement>(null);
  const body = useRef<HTMLDivElement>(null);

  const showProofreading = useCallback(() => {
    const panel = proofreading.current;
    panel?.scrollIntoView({ block: 'start' });
    panel?.querySelector<HTMLElement>('button, [tabindex]')?.focus();
  }, []);

  // 插入图片: the picker opens at once; the caret's place is held until the photo is stored
  const imageInput = useRef<HTMLInputElement>(null);
  const heldCaret = useRef<RangeRef | null>(null);
  const insertion = useMemo(() => ({ editor, api, notice, errorMessage }), [editor, notice]);
  const pickImage = useCallback(() => {
    heldCaret.current?.unref();
    heldCaret.current = holdCaret(editor);
    imageInput.current?.click();
  }, [editor]);
  const handlers = editorCommandHandlers({ editor, session, sections: settings.sections, open: setDialog, exportAs, showProofreading, notice, pickImage });
  useCommands(handlers, { inBody: (target) => target instanceof Node && (body.current?.contains(target) ?? false), bodyHasCaret: () => editor.selection !== null });
  const toldAboutTab = useRef(false);

  // the body's callbacks keep their identity (BulletinBody is memoized) and call the latest closures
  const latest = useRef({ pasteWhole, pickSources, session, notice, insertion });
  latest.current = { pasteWhole, pickSources, session, notice, insertion };
  const onPasteParts = useCallback((parts: PastedHtmlPart[]) => void pasteHtmlParts(latest.current.insertion, parts), []);
  const onPasteImages = useCallback((files: File[]) => {
    if (!caretTakesContent(latest.current.insertion.editor)) return latest.current.notice('图片只能放在文章或动态条目中：请把光标放在正文段落里再粘贴');
    void insertImageFiles(latest.current.insertion, files);
  }, []);
  const onPickSources = useCallback(() => latest.current.pickSources(), []);
  const onPasteWhole = useCallback((text: string) => latest.current.pasteWhole(text), []);
  const onCompositionChange = useCallback((composing: boolean) => latest.current.session.setComposing(composing), []);
  const onTab = useCallback(() => {
    if (toldAboutTab.current) return;
    toldAboutTab.current = true;
    latest.current.notice('正文段落会自动缩进两字，不需要按 Tab。要到版记等处，请按 F6 或用鼠标。');
  }, []);

  // closing the window with unsaved changes: save, and let the browser ask when it cannot wait
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!session.hasUnsavedChanges()) return;
      void session.save('auto');
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [session]);

  const edited = () => {
    session.changed();
    refresh();
  };
  const updateMeta = (next: Issue) => {
    session.updateMeta(next);
    refresh();
  };

  function pasteWhole(text: string): boolean {
    if (!looksLikeWholeBulletin(text)) return false;
    if (!isBodyEmpty(session.currentIssue())) {
      setWholeIntoFull(text);
      return true;
    }
    takeWhole(text);
    return true;
  }

  function takeWhole(text: string) {
    const reading = readPastedBulletin(session.currentIssue(), text);
    if (reading.mastheadDiffers) setPasted(reading);
    else fillWhole(reading, false);
  }

  function fillWhole(reading: PastedBulletin, takeMasthead: boolean) {
    setPasted(null);
    session.replaceContent(fillFromBulletin(session.currentIssue(), reading, { takeMasthead }));
    notice(`已按整期简报填入：文章、动态栏目和版记${takeMasthead ? '，以及期号、日期和文号' : ''}`);
  }

  function pickSources() {
    if (session.readOnly) return;
    const entry = SlateEditor.above(editor, { match: (node) => SlateElement.isElement(node) && (node.type === 'article' || node.type === 'news-item') });
    if (!entry) return notice('请把光标放在一篇文章或一条动态中，再按 Alt+U 选择来源单位');
    setPicking({ path: entry[1], element: entry[0] as AttributedElement });
  }

  /**
   * Closes a modal dialog and puts the focus back in the body at once, then makes `change`: keys typed with no
   * pause after the dialog's Enter land at the caret the change leaves (waiting a frame for the focus lost them
   * on a loaded machine). While the modal <dialog> is open the body cannot take the focus, so it is closed first;
   * the focus is taken before the change, with none pending, and Slate moves the page's caret when it renders.
   */
  function closeDialogThen(close: () => void, change?: () => void) {
    flushSync(close);
    ReactEditor.focus(editor);
    change?.();
  }

  // one change of the element (so one undo step), saved with the issue like any edit
  function confirmSources(picked: PickedSources) {
    if (!picking) return;
    const { path } = picking;
    closeDialogThen(() => setPicking(null), () => Transforms.setNodes(editor, { sources: picked.sources, instruction: picked.instruction === '' ? undefined : picked.instruction }, { at: path }));
  }

  function closePicker() {
    closeDialogThen(() => setPicking(null));
  }

  function ignore(finding: Finding) {
    updateMeta({ ...meta, ignoredFindings: [...(meta.ignoredFindings ?? []), finding.key] });
  }

  async function leave() {
    if (await session.leave()) navigate({ screen: 'archive', seriesId: record.seriesId });
    else setLeaving(true);
  }

  // the issue's own series snapshot decides, as it decides the masthead: a series that prints no 导读 shows none
  const showsLead = printsLead(derived.issue);
  const lead = printedLeadOf(derived.issue);
  return (
    <div className="editor-screen">
      <EditorToolbar
        seriesName={settings.name}
        issue={meta}
        status={record.issue.status}
        saveState={saveState}
        readOnly={readOnly}
        findingCount={findings.length}
        errorCount={errorCount}
        pagePlan={pagePlan}
        onLeave={() => void leave()}
        onSetStatus={(status, reason) => void session.setStatus(status, reason)}
        handlers={handlers}
      />
      {readOnly && <div className="banner banner-info">本期已印发，内容只读。如需修改，请点“重新打开”并写明原因。</div>}
      {conflict && (
        <div className="banner banner-error" role="alert" data-testid="conflict-banner">
          本期已在别处保存为第{conflict.revision}版，你在这里的修改还没有保存。
          <button type="button" onClick={() => void session.resolveConflict('mine')}>以我的修改为准（对方的版本留在修订记录中）</button>
          <button type="button" onClick={() => void session.resolveConflict('theirs')}>放弃我的修改，载入第{conflict.revision}版</button>
        </div>
      )}
      {record.issue.status === 'reviewed' && <div className="banner banner-info" data-testid="reviewed-banner">本期已审核。如再修改内容，保存后会退回草稿，需要重新审核。</div>}
      <PageMarksProvider value={pagePlan}>
        <Slate
          key={`${resets}-${readOnly}`}
          editor={editor}
          initialValue={initialValue}
          onChange={() => {
            if (editor.operations.some((operation) => operation.type !== 'set_selection')) edited();
            const started = articleBeingStarted(editor);
            if (started !== startedTitle) setStartedTitle(started);
          }}
        >
          <FormatBar editor={editor} readOnly={readOnly} sections={settings.sections} handlers={handlers} />
          <div className="editor-layout">
            <div className="editor-main">
              <div className="page-sheet">
                <div data-area="masthead"><MastheadFields issue={meta} readOnly={readOnly} onChange={updateMeta} /></div>
                <div data-area="body" ref={body}>
                  <AttributionContext.Provider value={attribution}>
                    <BulletinBody
                      editor={editor}
                      readOnly={readOnly}
                      highlights={highlights}
                      onPasteWhole={onPasteWhole}
                      onPasteParts={onPasteParts}
                      onPasteImages={onPasteImages}
                      onCompositionChange={onCompositionChange}
                      onTab={onTab}
                      onPickSources={onPickSources}
                    />
                  </AttributionContext.Provider>
                </div>
                <div data-area="colophon"><ColophonFields issue={meta} readOnly={readOnly} onChange={updateMeta} /></div>
              </div>
            </div>
            <aside className="editor-side">
              {showsLead ? (
                <section className="side-section" aria-label="导读">
                  <h3>导读（按正文自动生成）</h3>
                  <ul className="lead-list" data-testid="lead">
                    {lead.map((item, index) => <li key={index}>{item}</li>)}
                    {lead.length === 0 && <li className="hint">正文中还没有标题。</li>}
                  </ul>
                </section>
              ) : (
                <section className="side-section" data-testid="no-lead">
                  <p className="hint">本刊不印导读</p>
                </section>
              )}
              <section ref={proofreading} data-area="proofreading" className="side-proofreading">
                <ProofreadingPanel
                  editor={editor}
                  issue={analyzed?.issue ?? derived.issue}
                  currentIssue={() => session.currentIssue()}
                  findings={findings}
                  readOnly={readOnly}
                  onHighlight={showHighlights}
                  onIssueChange={(next) => session.replaceContent(next)}
                  onIgnore={ignore}
                />
              </section>
            </aside>
          </div>
        </Slate>
      </PageMarksProvider>
      {dialog === 'revisions' && (
        <RevisionsDialog issueId={record.id} current={session.currentIssue()} canRestore={!readOnly}
          onRestore={(revision, withMasthead) => void session.restoreRevision(revision, withMasthead).then((ok) => ok && setDialog(null))}
          onClose={() => setDialog(null)} />
      )}
      {dialog === 'preview' && <PrintPreviewDialog issue={session.currentIssue()} settings={settings} onClose={() => setDialog(null)} />}
      {picking && <SourcesPicker element={picking.element} units={units} matcher={attribution.matcher} onConfirm={confirmSources} onClose={closePicker} />}
      {dialog === 'keys' && <KeysHelpDialog onClose={() => setDialog(null)} />}
      {dialog === 'table' && (
        <InsertTableDialog
          onClose={() => closeDialogThen(() => setDialog(null))}
          onInsert={(shape) =>
            closeDialogThen(
              () => setDialog(null),
              () => {
                if (!insertTable(editor, shape)) notice('表格只能放在文章或动态条目中：请先把光标放在正文段落里');
              },
            )
          }
        />
      )}
      <input ref={imageInput} type="file" accept={IMAGE_ACCEPT} multiple hidden data-testid="image-file"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          const held = heldCaret.current;
          heldCaret.current = null;
          if (files.length === 0) return void held?.unref();
          void insertImageFiles(insertion, files, held).then(() => ReactEditor.focus(editor));
        }} />
      {leaving && (
        <ConfirmDialog title="修改未能保存" onCancel={() => setLeaving(false)} cancelLabel="留在这里"
          choices={[{ label: '放弃修改并离开', danger: true, run: () => { session.abandon(); navigate({ screen: 'archive', seriesId: record.seriesId }); } }]}>
          <p className="confirm-warning">{error ?? '有修改还没有保存。'}</p>
          <p>留在这里可以改正后再保存；离开则这些修改不会保存。</p>
        </ConfirmDialog>
      )}
      {wholeIntoFull !== null && (
        <ConfirmDialog title="粘贴整期简报" onCancel={() => setWholeIntoFull(null)} cancelLabel="不粘贴"
          choices={[
            { label: '作为普通段落插入', run: () => { const text = wholeIntoFull; setWholeIntoFull(null); insertPastedText(editor, text); } },
            { label: '替换本期的正文和版记', primary: true, run: () => { const text = wholeIntoFull; setWholeIntoFull(null); takeWhole(text); } },
          ]}>
          <p>粘贴的像是一整期简报（有报头、导读或版记），而本期已经有内容。</p>
          <p className="hint">替换后，原来的内容仍可在“修订记录”中找回。</p>
        </ConfirmDialog>
      )}
      {pasted && <PasteMastheadDialog current={meta} pasted={pasted} onChoose={(take) => fillWhole(pasted, take)} onCancel={() => setPasted(null)} />}
    </div>
  );
}

function withoutEmptySections(issue: Issue): Issue {
  return { ...issue, blocks: issue.blocks.filter((block) => block.type !== 'news' || block.items.length > 0) };
}
