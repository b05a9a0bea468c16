// Print preview: the print view itself (the same HTML that PDF export prints, sheet for sheet, with the same
// page numbers), shown page by page on a grey desk as in WPS's print preview. The toolbar with the page count
// and the 关闭 / 打印… buttons stays at the top of the window, whatever its size. The issue's photos are shown
// once their bytes are here (the editor has most of them already); one that cannot be read prints as 图片缺失.
import { useEffect, useMemo, useRef, useState } from 'react';
import { imageIdsOf } from '../../shared/model/content.ts';
import { api } from '../api/client.ts';
import { imageSource } from './image-source.ts';
import type { Issue } from '../../shared/model/issue.ts';
import type { SeriesSettings } from '../../shared/model/series.ts';
import { printHtmlOf } from '../../shared/print/render-print-html.ts';
import { typesetIssue } from '../../shared/layout/typeset.ts';

export function PrintPreviewDialog({ issue, settings, onClose }: { issue: Issue; settings: SeriesSettings; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const [urls, setUrls] = useState<ReadonlyMap<string, string> | null>(null);
  useEffect(() => {
    let live = true;
    const ids = imageIdsOf(issue);
    void Promise.all(ids.map((id) => imageSource(api, id).then((url) => [id, url] as const, () => null))).then((found) => {
      if (live) setUrls(new Map(found.filter((entry) => entry !== null)));
    });
    return () => {
      live = false;
    };
  }, [issue]);
  const { html, pages } = useMemo(() => {
    const typeset = typesetIssue(issue, settings);
    return { html: urls ? printHtmlOf(typeset, (image) => urls.get(image.id) ?? null) : '', pages: typeset.pages.totalPages };
  }, [issue, settings, urls]);
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
