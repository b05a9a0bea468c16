// The body as one Slate editor: elements drawn in the fonts they print in, Word-like keys,
// paste cleaned like import, proofreading findings highlighted. The schema lives in ./model/.
import { useCallback, type KeyboardEvent, type ClipboardEvent } from 'react';
import { Editor, Node, Path, Range, Text, type NodeEntry, type BaseRange } from 'slate';
import { Editable, ReactEditor, type RenderElementProps, type RenderLeafProps } from 'slate-react';
import { handleBackspace, handleDelete, handleEnter, handleShiftEnter, toggleBold } from './model/commands.ts';
import { insertPastedText } from './model/paste.ts';
import { htmlToText } from './html-to-text.ts';
import { PageStartMark, usePageMarks } from './PageMarks.tsx';

export interface Highlight {
  key: string;
  range: BaseRange;
}

function Placeholder({ element, text }: { element: Node; text: string }) {
  return Node.string(element) === '' ? (
    <span className="placeholder" contentEditable={false} style={{ position: 'absolute', pointerEvents: 'none', userSelect: 'none' }}>
      {text}
    </span>
  ) : null;
}

function renderElement({ element, attributes, children }: RenderElementProps) {
  switch (element.type) {
    case 'article':
      return <div {...attributes} className="article">{children}</div>;
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
    case 'news-item':
      return <div {...attributes} className="news-item">{children}</div>;
    case 'item-head':
      return <div {...attributes} className="item-head"><PageStartMark element={element} /><Placeholder element={element} text="单位或标题" />{children}</div>;
    default:
      return (
        <p {...attributes} className={element.heading ? `paragraph heading-${element.heading}` : 'paragraph'}>
          <PageStartMark element={element} />
          <Placeholder element={element} text="正文" />
          {children}
        </p>
      );
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

export function BulletinBody({ editor, readOnly, highlights, onSave, onPreview, onPasteWhole, onCompositionChange }: {
  editor: Editor;
  readOnly: boolean;
  highlights: readonly Highlight[];
  onSave: () => void;
  onPreview: () => void;
  /** returns true when it took the text as a whole bulletin */
  onPasteWhole: (text: string) => boolean;
  onCompositionChange: (composing: boolean) => void;
}) {
  const pagePlan = usePageMarks();
  const decorate = useCallback(
    ([node, path]: NodeEntry) => {
      if (!Text.isText(node)) return [];
      const ranges: (BaseRange & ({ finding: string } | { pageStart: number }))[] = [];
      for (const highlight of highlights) {
        const intersection = Range.intersection(highlight.range, Editor.range(editor, path));
        if (intersection && !Range.isCollapsed(intersection)) ranges.push({ ...intersection, finding: highlight.key });
      }
      for (const mark of pagePlan?.inside ?? []) {
        const at = mark.inside!;
        if (!Path.equals(at.path, path) || at.offset >= node.text.length) continue;
        const width = /[\uD800-\uDBFF]/.test(node.text[at.offset]!) ? 2 : 1;
        ranges.push({ anchor: at, focus: { path, offset: at.offset + width }, pageStart: mark.page });
      }
      return ranges;
    },
    [editor, highlights, pagePlan],
  );

  function onKeyDown(event: KeyboardEvent) {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && event.key.toLowerCase() === 's') {
      event.preventDefault();
      return onSave();
    }
    if (mod && event.key.toLowerCase() === 'p') {
      event.preventDefault();
      return onPreview();
    }
    if (readOnly || event.nativeEvent.isComposing) return;
    if (mod && event.key.toLowerCase() === 'b') {
      event.preventDefault();
      return toggleBold(editor);
    }
    if (event.key === 'Enter' && !event.shiftKey && handleEnter(editor)) return event.preventDefault();
    if (event.key === 'Enter' && event.shiftKey && handleShiftEnter(editor)) return event.preventDefault();
    if (event.key === 'Backspace' && !mod && handleBackspace(editor)) return event.preventDefault();
    if (event.key === 'Delete' && !mod && handleDelete(editor)) return event.preventDefault();
  }

  function onPaste(event: ClipboardEvent) {
    if (readOnly) return;
    const html = event.clipboardData.getData('text/html');
    const text = html ? htmlToText(html) : event.clipboardData.getData('text/plain');
    // Slate's own fragments (copy inside the editor) keep their structure and bold
    if (event.clipboardData.types.includes('application/x-slate-fragment')) return;
    event.preventDefault();
    if (!text.trim()) return;
    if (onPasteWhole(text)) return;
    insertPastedText(editor, text);
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
}
