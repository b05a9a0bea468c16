// The editing toolbar, as in Word/WPS: new article, new ▲ item, sub-heading level, bold, undo, redo.
import type { Editor } from 'slate';
import { HistoryEditor } from 'slate-history';
import { ReactEditor, useSlate } from 'slate-react';
import type { HeadingLevel } from '../../shared/model/issue.ts';
import { currentHeadingLevel, insertArticle, insertNewsItem, insertSubtitle, isBoldActive, moveArticle, removeBlock, setHeadingLevel, toggleBold } from './model/commands.ts';
import { aboveOfType } from './model/nodes.ts';

const LEVELS: { value: HeadingLevel | 0; label: string }[] = [
  { value: 0, label: '正文' },
  { value: 1, label: '一级标题 一、' },
  { value: 2, label: '二级标题 （一）' },
  { value: 3, label: '三级标题 1.' },
  { value: 4, label: '四级标题 （1）' },
];

export function FormatBar({ editor, readOnly, sections }: { editor: Editor; readOnly: boolean; sections: readonly string[] }) {
  useSlate(); // re-render with the selection, so bold and level show the current state
  const run = (command: () => void) => (event: { preventDefault: () => void }) => {
    event.preventDefault();
    command();
    ReactEditor.focus(editor);
  };
  const level = currentHeadingLevel(editor);
  const article = aboveOfType(editor, 'article');
  const item = aboveOfType(editor, 'news-item');
  const removable = item ?? article;
  return (
    <div className="format-bar" role="toolbar" aria-label="编辑工具栏">
      <button type="button" disabled={readOnly} onMouseDown={run(() => insertArticle(editor))}>新文章</button>
      {sections.length <= 1 ? (
        <button type="button" disabled={readOnly} onMouseDown={run(() => insertNewsItem(editor, sections[0]))}>新▲条目</button>
      ) : (
        <select aria-label="新▲条目" disabled={readOnly} value="" onChange={(event) => { if (event.target.value) { insertNewsItem(editor, event.target.value); ReactEditor.focus(editor); } }}>
          <option value="">新▲条目…</option>
          {sections.map((section) => <option key={section} value={section}>{section}</option>)}
        </select>
      )}
      <button type="button" disabled={readOnly || !article} onMouseDown={run(() => insertSubtitle(editor))}>加副标题</button>
      <button type="button" disabled={readOnly || !article} onMouseDown={run(() => article && moveArticle(editor, article[1], 'up'))}>文章上移</button>
      <button type="button" disabled={readOnly || !article} onMouseDown={run(() => article && moveArticle(editor, article[1], 'down'))}>文章下移</button>
      <button type="button" className="danger" disabled={readOnly || !removable}
        onMouseDown={run(() => {
          if (removable && window.confirm(item ? '删除这条动态？' : '删除这篇文章？（可用“撤销”找回）')) removeBlock(editor, removable[1]);
        })}>{item ? '删除条目' : '删除文章'}</button>
      <span className="separator" />
      <select aria-label="段落级别" disabled={readOnly || level === undefined} value={level ?? 0}
        onChange={(event) => { const value = Number(event.target.value); setHeadingLevel(editor, value === 0 ? null : (value as HeadingLevel)); ReactEditor.focus(editor); }}>
        {LEVELS.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
      </select>
      <button type="button" disabled={readOnly} className={isBoldActive(editor) ? 'active' : ''} onMouseDown={run(() => toggleBold(editor))} title="Ctrl+B" aria-label="加粗"><b>B</b></button>
      <span className="separator" />
      <button type="button" disabled={readOnly || editor.history.undos.length === 0} onMouseDown={run(() => HistoryEditor.undo(editor))} title="Ctrl+Z">撤销</button>
      <button type="button" disabled={readOnly || editor.history.redos.length === 0} onMouseDown={run(() => HistoryEditor.redo(editor))} title="Ctrl+Y">重做</button>
    </div>
  );
}
