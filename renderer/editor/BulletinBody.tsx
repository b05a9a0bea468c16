// The body as one Slate editor: elements drawn in the fonts they print in, Word-like keys,
// paste cleaned like import, proofreading findings highlighted, each article's and item's source units in a
// chip (Alt+U there opens the picker). The schema lives in ./model/.
import { memo, useCallback, useLayoutEffect, useMemo, type KeyboardEvent, type ClipboardEvent, type ReactNode } from 'react';
import { Node, Range, Text, Transforms, type Editor, type NodeEntry } from 'slate';
import { Editable, ReactEditor, type RenderElementProps, type RenderLeafProps } from 'slate-react';
import { handleBackspace, handleDelete, handleEnter, handleShiftEnter } from './model/commands.ts';
import { insertPastedLines, insertPastedText } from './model/paste.ts';
import { showsRunIn } from './model/nodes.ts';
import { linesToText } from './clipboard-html.ts';
import { NEWS_HEAD_COLON, RUN_IN_SEPARATOR } from '../../shared/format/marks.ts';
import { PageStartMark, usePageMarks } from './PageMarks.tsx';
import { decorationIndex, NO_DECORATIONS, pathKey, type Highlight } from './decorations.ts';
import { SourceChip } from './SourceChip.tsx';
import { renderContentElement } from './ContentElements.tsx';
import { htmlToParts, type PastedHtmlPart } from './clipboard-html.ts';
import { hasTablesOrImages } from './model/paste-content.ts';
import { inCellLike, moveToCell, moveVertically } from './model/table-commands.ts';
import { aboveOfType } from './model/nodes.ts';
import { imageFilesOf } from '../files/image-files.ts';
import { skipReactSelectionWalk } from './react-selection-walk.ts';

export type { Highlight } from './decorations.ts';

function Placeholder({ element, text }: { element: Node; text: string }) {
  return Node.string(element) === '' ? (
    <span className="placeholder" contentEditable={false} style={{ position: 'absolute', pointerEvents: 'none', userSelect: 'none' }}>
      {text}
    </span>
  ) : null;
}

function renderElement(props: RenderElementProps) {
  const { element, attributes, children } = props;
  switch (element.type) {
    case 'article':
      return <div {...attributes} className="article"><SourceChip element={element} />{children}</div>;
    case 'article-title':
      return <h2 {...attributes} className="article-title"><PageStartMark element={element} /><Placeholder element={element} text="文章标题" />{children}</h2>;
    case 'article-subtitle':
      return <div {...attributes} className="article-subtitle"><PageStartMark element={element} /><Placeholder element={element} text="副标题" />{children}</div>;
    case 'news-section':
      return (
        <section {...attributes} className={element.marker === false ? 'news-section no-marker' : 'news-section'}>
          <PageStartMark element={element} />
          <div className="news-heading" contentEditable={false}>【{element.heading}】</div>
          {children}
        </section>
      );
    case 'news-item': {
      // a colon or run-in item shows as it prints, its head run in before its text: `▲安化县：7月11日，…`. The ▲ is
      // drawn by CSS; the ： (or a run-in headline's space) stands between head and text as an element that is no
      // text, so that the end of the head and the start of the text stay two places for the caret. The children
      // keep one shape in both layouts, so that switching never remounts the text being typed.
      const runIn = showsRunIn(element);
      const [head, ...rest] = Array.isArray(children) ? (children as ReactNode[]) : [children as ReactNode];
      return (
        <div {...attributes} className={runIn ? `news-item run-in ${element.form === 'colon' ? 'head-colon' : 'head-run-in'}` : 'news-item'}>
          <SourceChip element={element} />
          {head}
          {runIn ? <span className="run-in-separator" contentEditable={false} aria-hidden="true">{element.form === 'colon' ? NEWS_HEAD_COLON : RUN_IN_SEPARATOR}</span> : null}
          {rest}
        </div>
      );
    }
    case 'item-head':
      return <div {...attributes} className="item-head"><PageStartMark element={element} /><Placeholder element={element} text="单位或标题" />{children}</div>;
    case 'paragraph':
      return (
        <p {...attributes} className={element.heading ? `paragraph heading-${element.heading}` : 'paragraph'}>
          <PageStartMark element={element} />
          <Placeholder element={element} text="正文" />
          {children}
        </p>
      );
    default:
      return renderContentElement(props);
  }
}

function renderLeaf({ attributes, children, leaf }: RenderLeafProps) {
  let content = children;
  if (leaf.bold) content = <strong>{content}</strong>;
  const { finding, pageStart } = leaf as { finding?: string; pageStart?: number };
  // a page that starts inside a paragraph: a dashed mark before its first character
  const page = pageStart !== undefined ? { 'data-page-start-inside': pageStart, className: 'page-break-inside' } : {};
  return <span {...attributes} {...(finding ? { 'data-finding': finding } : {})} {...page}>{content}</span>;
}

const EDITING_KEYS = new Set(['Enter', 'Backspace', 'Delete']);

/** Alt+U: the source units of the article or item the caret is in (no command of the table uses it). */
const isSourcesKey = (event: KeyboardEvent) =>
  event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && (event.code === 'KeyU' || event.key.toLowerCase() === 'u');

/**
 * Slate learns of a caret the browser moved (End, Ctrl+End, a click) only at its next, throttled
 * selection event; a key pressed straight after would act where the caret was before. Take the
 * caret from the page first.
 */
function caretFromPage(editor: Editor): void {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return;
  const range = ReactEditor.toSlateRange(editor, selection, { exactMatch: false, suppressThrow: true });
  if (range && (!editor.selection || !Range.equals(range, editor.selection))) Transforms.select(editor, range);
}

// memoized, with stable callbacks from its owner: a refresh of the side panels does not re-render Slate's Editable
// (which sets the page's selection again, a layout of the whole body in a long issue)
export const BulletinBody = memo(function BulletinBody({ editor, readOnly, highlights, onPasteWhole, onPasteParts, onPasteImages, onCompositionChange, onTab, onPickSources }: {
  editor: Editor;
  readOnly: boolean;
  highlights: readonly Highlight[];
  /** Tab pressed in the body: it stays where it is (paragraphs indent themselves) */
  onTab: () => void;
  /** returns true when it took the text as a whole bulletin */
  onPasteWhole: (text: string) => boolean;
  /** pasted HTML holding tables or images: the owner stores the images, then places it all */
  onPasteParts: (parts: PastedHtmlPart[]) => void;
  /** image files on the clipboard (a screenshot, a copied photo) */
  onPasteImages: (files: File[]) => void;
  onCompositionChange: (composing: boolean) => void;
  /** Alt+U in an editable body: choose the source units of the article or item the caret is in */
  onPickSources: () => void;
}) {
  const pagePlan = usePageMarks();
  useLayoutEffect(() => skipReactSelectionWalk(ReactEditor.toDOMNode(editor, editor)), [editor]);
  // a new function only when the decorations change: each new one makes Slate decorate every node again
  const decorations = useMemo(() => decorationIndex(editor, highlights, pagePlan?.inside ?? []), [editor, highlights, pagePlan]);
  const decorate = useCallback(
    ([node, path]: NodeEntry) => (Text.isText(node) ? (decorations.get(pathKey(path)) ?? NO_DECORATIONS) : NO_DECORATIONS),
    [decorations],
  );

  // Ctrl+S, Ctrl+B and the other commands are the command table's (one window listener); here only the
  // keys that edit the text where the caret is
  function onKeyDown(event: KeyboardEvent) {
    const mod = event.ctrlKey || event.metaKey;
    if (event.key === 'Tab' && !mod && !event.altKey && !readOnly) {
      event.preventDefault();
      if (event.nativeEvent.isComposing) return;
      // in a table Tab goes from cell to cell (Shift+Tab back, Tab in the last cell adds a row); in a caption it stays
      caretFromPage(editor);
      if (moveToCell(editor, event.shiftKey ? 'previous' : 'next')) return;
      if (aboveOfType(editor, 'figure')) return;
      return onTab();
    }
    if (readOnly || event.nativeEvent.isComposing) return;
    if (isSourcesKey(event)) {
      event.preventDefault();
      caretFromPage(editor);
      return onPickSources();
    }
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !mod && !event.altKey && !event.shiftKey) {
      caretFromPage(editor);
      if (moveVertically(editor, event.key === 'ArrowDown' ? 'down' : 'up')) return event.preventDefault();
    }
    if (EDITING_KEYS.has(event.key)) caretFromPage(editor);
    // Ctrl+Alt+Enter and the like are the command table's (在下方插入行): left to its window listener
    if (event.key === 'Enter' && (mod || event.altKey)) return;
    if (event.key === 'Enter' && !event.shiftKey && handleEnter(editor)) return event.preventDefault();
    if (event.key === 'Enter' && event.shiftKey && handleShiftEnter(editor)) return event.preventDefault();
    if (event.key === 'Backspace' && !mod && handleBackspace(editor)) return event.preventDefault();
    if (event.key === 'Delete' && !mod && handleDelete(editor)) return event.preventDefault();
  }

  function onPaste(event: ClipboardEvent) {
    if (readOnly) return;
    // Slate's own fragments (copy inside the editor) keep their structure and bold
    if (event.clipboardData.types.includes('application/x-slate-fragment')) return;
    event.preventDefault();
    // HTML (Word, WPS, LibreOffice, web pages) gives its bold too; HTML without text (a picture) falls back to the plain text
    const html = event.clipboardData.getData('text/html');
    const parts = html ? htmlToParts(html) : [];
    const lines = parts.flatMap((part) => (part.kind === 'line' ? [part.line] : []));
    // a copied photo or screenshot: the image itself (a browser adds HTML naming its address, which an offline office cannot load)
    const images = imageFilesOf(event.clipboardData);
    if (images.length > 0 && lines.length === 0 && !parts.some((part) => part.kind === 'table')) return onPasteImages(images);
    // tables and photos from Word or WPS: placed in order once the photos are stored (not into a cell, which holds
    // one line); an image the page cannot read (a web address, a file Word left behind) alone makes no such paste
    const readable = parts.filter((part) => part.kind !== 'image' || /^data:image\//i.test(part.src));
    if (hasTablesOrImages(readable) && !inCellLike(editor)) return onPasteParts(parts);
    const text = lines.length > 0 ? linesToText(lines) : event.clipboardData.getData('text/plain');
    if (!text.trim()) return;
    // a whole bulletin fills the parts from its text
    if (onPasteWhole(text)) return;
    if (lines.length > 0) insertPastedLines(editor, lines);
    else insertPastedText(editor, text);
    ReactEditor.focus(editor);
  }

  return (
    <Editable
      className="bulletin-body"
      readOnly={readOnly}
      renderElement={renderElement}
      renderLeaf={renderLeaf}
      decorate={decorate}
      onKeyDown={onKeyDown}
      onPaste={onPaste}
      onCompositionStart={() => onCompositionChange(true)}
      onCompositionEnd={() => onCompositionChange(false)}
      spellCheck={false}
      aria-label="简报正文"
      data-testid="bulletin-body"
    />
  );
});
