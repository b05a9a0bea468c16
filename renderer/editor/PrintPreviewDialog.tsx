// Print preview: the print view itself (the same HTML that PDF export prints, sheet for sheet, with the same
// page numbers), shown page by page on a grey desk as in WPS's print preview. The toolbar with the page count
// and the 关闭 / 打印… buttons stays at the top of the window, whatever its size.
import { useEffect, useMemo, useRef } from 'react';
import type { Issue } from '../../shared/model/issue.ts';
import type { SeriesSettings } from '../../shared/model/series.ts';
import { printHtmlOf } from '../../shared/print/render-print-html.ts';
import { typesetIssue } from '../../shared/layout/typeset.ts';

export function PrintPreviewDialog({ issue, settings, onClose }: { issue: Issue; settings: SeriesSettings; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const { html, pages } = useMemo(() => {
    const typeset = typesetIssue(issue, settings);
    return { html: printHtmlOf(typeset), pages: typeset.pages.totalPages };
  }, [issue, settings]);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog ref={dialog} className="dialog print-preview" aria-label="打印预览" onCancel={(event) => { event.preventDefault(); onClose(); }}>
      <header className="print-preview-bar">
        <h2>打印预览</h2>
        <span className="print-preview-count" data-testid="preview-page-count">共 {pages} 页</span>
        <span className="hint">与导出的 PDF 逐页相同</span>
        <span className="print-preview-spacer" />
        <button type="button" onClick={onClose}>关闭</button>
        <button type="button" className="primary" onClick={() => frame.current?.contentWindow?.print()}>打印…</button>
      </header>
      <iframe ref={frame} className="print-preview-frame preview-frame" title="打印预览页面" srcDoc={html} sandbox="allow-same-origin allow-modals" />
    </dialog>
  );
}
