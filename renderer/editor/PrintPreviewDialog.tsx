// Print preview: the print view (the same HTML PDF export prints) on sheets of the page's size, with
// the page breaks of the exact-line grid marked, and a button that prints it through the browser.
import { useMemo, useRef } from 'react';
import type { Issue } from '../../shared/model/issue.ts';
import type { SeriesSettings } from '../../shared/model/series.ts';
import { renderPrintHtml } from '../../shared/print/render-print-html.ts';
import { pageGeometry } from '../../shared/layout/profiles.ts';
import { Dialog } from '../ui/Dialog.tsx';

/** On screen a print document is one long column: draw it on the paper, a red hairline where each page ends. */
function screenSheetCss(settings: SeriesSettings): string {
  const page = pageGeometry(settings.layoutProfile);
  return `@media screen {
  html { background: #8a8f98; }
  body {
    width: ${page.paperWidthMm}mm; box-sizing: border-box; margin: 12px auto;
    padding: ${page.marginTopMm}mm ${page.marginRightMm}mm ${page.marginBottomMm}mm ${page.marginLeftMm}mm;
    background-image: repeating-linear-gradient(to bottom, transparent 0, transparent calc(${page.typeAreaHeightMm}mm - 1px), rgba(212, 0, 0, 0.35) calc(${page.typeAreaHeightMm}mm - 1px), rgba(212, 0, 0, 0.35) ${page.typeAreaHeightMm}mm), linear-gradient(#fff, #fff);
    background-origin: content-box, border-box; background-clip: content-box, border-box;
    box-shadow: 0 2px 8px rgba(0, 0, 0, 0.4);
  }
}`;
}

export function PrintPreviewDialog({ issue, settings, onClose }: { issue: Issue; settings: SeriesSettings; onClose: () => void }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const html = useMemo(() => renderPrintHtml(issue, settings).replace('</head>', `<style>${screenSheetCss(settings)}</style></head>`), [issue, settings]);
  return (
    <Dialog title="打印预览" onClose={onClose} wide>
      <p className="hint">版式与导出的 PDF 相同；红色细线为分页处。</p>
      <iframe ref={frame} className="preview-frame" title="打印预览" srcDoc={html} sandbox="allow-same-origin allow-modals" />
      <footer className="dialog-actions">
        <button type="button" onClick={onClose}>关闭</button>
        <button type="button" className="primary" onClick={() => frame.current?.contentWindow?.print()}>打印…</button>
      </footer>
    </Dialog>
  );
}
