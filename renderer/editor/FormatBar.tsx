// The editing toolbar, as in Word/WPS: new article, new ▲ item, sub-heading level, bold, undo, redo.
import type { Editor } from 'slate';
import { HistoryEditor } from 'slate-history';
import { ReactEditor, useSlateSelector } from 'slate-react';
import type { HeadingLevel } from '../../shared/model/issue.ts';
import { currentHeadingLevel, insertArticle, insertNewsItem, insertSubtitle, isBoldActive, moveArticle, removeBlock, setHeadingLevel, toggleBold } from './model/commands.ts';
import { aboveOfType } from './model/nodes.ts';
import { useNotice } from '../ui/notice.tsx';
import { COMMAND_TABLE, keyLabel, type CommandId, type CommandSpec } from '../../shared/api/commands.ts';
import type { ColumnAlign } from '../../shared/model/issue.ts';
import type { CommandHandlers } from '../navigation/use-commands.ts';
import { currentColumnAlign, isInTable, setFigureWidth } from './model/table-commands.ts';

/** A button of the command table's: its toolbar label and key; pressed with the mouse, the caret stays in the body. */
function CommandButton({ id, handlers, disabled, className }: { id: CommandId; handlers: CommandHandlers; disabled?: boolean; className?: string }) {
  const spec: CommandSpec = COMMAND_TABLE[id];
  return (
    <button type="button" className={className} disabled={disabled} title={spec.accelerator ? `${spec.label}（${keyLabel(spec.accelerator)}）` : spec.label}
      onMouseDown={(event) => { event.preventDefault(); handlers[id]?.(); }}
      onClick={(event) => { if (event.detail === 0) handlers[id]?.(); }}>
      {spec.toolbarLabel ?? spec.label}
    </button>
  );
}

const LEVELS: { value: HeadingLevel | 0; label: string }[] = [
  { value: 0, label: '正文' },
  { value: 1, label: '一级标题 一、' },
  { value: 2, label: '二级标题 （一）' },
  { value: 3, label: '三级标题 1.' },
  { value: 4, label: '四级标题 （1）' },
];

interface ToolbarState {
  bold: boolean;
  level: HeadingLevel | null | undefined;
  inArticle: boolean;
  inItem: boolean;
  canUndo: boolean;
  canRedo: boolean;
  /** the caret's table column alignment; null in a table's title, undefined outside a table */
  align: ColumnAlign | null | undefined;
  /** the caret's figure's width share, undefined outside a figure */
  figureWidth: number | undefined;
}

function toolbarState(editor: Editor): ToolbarState {
  return {
    bold: isBoldActive(editor),
    level: currentHeadingLevel(editor),
    inArticle: aboveOfType(editor, 'article') !== undefined,
    inItem: aboveOfType(editor, 'news-item') !== undefined,
    canUndo: editor.history.undos.length > 0,
    canRedo: editor.history.redos.length > 0,
    align: isInTable(editor) ? currentColumnAlign(editor) : undefined,
    figureWidth: aboveOfType(editor, 'figure')?.[0].widthPercent,
  };
}

const sameState = (a: ToolbarState | null, b: ToolbarState) =>
  a !== null && (Object.keys(b) as (keyof ToolbarState)[]).every((key) => a[key] === b[key]);

const WIDTHS = [40, 50, 60, 70, 80, 90, 100];

export function FormatBar({ editor, readOnly, sections, handlers }: { editor: Editor; readOnly: boolean; sections: readonly string[]; handlers: CommandHandlers }) {
  // re-rendered only when what the buttons show changes, not on every keystroke
  const state = useSlateSelector(toolbarState, sameState);
  const notice = useNotice();
  const run = (command: () => void) => (event: { preventDefault: () => void }) => {
    event.preventDefault();
    // focused before the command changes the document: after it, Slate focuses only on a later tick, and the
    // first keys typed at once would go to whatever field had the focus (the masthead's 期号, say)
    ReactEditor.focus(editor);
    command();
    ReactEditor.focus(editor);
  };
  const level = state.level;
  const article = () => aboveOfType(editor, 'article');
  const removable = () => aboveOfType(editor, 'news-item') ?? article();
  return (
    <div className="format-bar" role="toolbar" aria-label="编辑工具栏">
      <button type="button" disabled={readOnly} onMouseDown={run(() => insertArticle(editor))}>新文章</button>
      {sections.length <= 1 ? (
        <button type="button" disabled={readOnly || sections.length === 0} title={sections.length === 0 ? '本刊物没有动态栏目，可在“刊物设置”中添加' : undefined}
          onMouseDown={run(() => insertNewsItem(editor, sections[0]))}>新▲条目</button>
      ) : (
        <select aria-label="新▲条目" disabled={readOnly} value="" onChange={(event) => { if (event.target.value) { insertNewsItem(editor, event.target.value); ReactEditor.focus(editor); } }}>
          <option value="">新▲条目…</option>
          {sections.map((section) => <option key={section} value={section}>{section}</option>)}
        </select>
      )}
      <button type="button" disabled={readOnly || !state.inArticle} onMouseDown={run(() => insertSubtitle(editor))}>加副标题</button>
      <button type="button" disabled={readOnly || !state.inArticle} onMouseDown={run(() => { const at = article(); if (at) moveArticle(editor, at[1], 'up'); })}>文章上移</button>
      <button type="button" disabled={readOnly || !state.inArticle} onMouseDown={run(() => { const at = article(); if (at) moveArticle(editor, at[1], 'down'); })}>文章下移</button>
      <button type="button" className="danger" disabled={readOnly || !(state.inArticle || state.inItem)}
        onMouseDown={run(() => {
          const at = removable();
          if (!at) return;
          removeBlock(editor, at[1]);
          notice(`已删除${state.inItem ? '这条动态' : '这篇文章'}，按 Ctrl+Z 可撤销`);
        })}>{state.inItem ? '删除条目' : '删除文章'}</button>
      <span className="separator" />
      <select aria-label="段落级别" disabled={readOnly || level === undefined} value={level ?? 0}
        onChange={(event) => { const value = Number(event.target.value); setHeadingLevel(editor, value === 0 ? null : (value as HeadingLevel)); ReactEditor.focus(editor); }}>
        {LEVELS.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
      </select>
      <button type="button" disabled={readOnly} className={state.bold ? 'active' : ''} onMouseDown={run(() => toggleBold(editor))} title="Ctrl+B" aria-label="加粗"><b>B</b></button>
      <span className="separator" />
      <CommandButton id="insert.table" handlers={handlers} disabled={readOnly || !(state.inArticle || state.inItem)} />
      <CommandButton id="insert.image" handlers={handlers} disabled={readOnly || !(state.inArticle || state.inItem)} />
      {state.align !== undefined && !readOnly && (
        <span className="table-tools" role="group" aria-label="表格">
          <CommandButton id="table.rowAbove" handlers={handlers} disabled={state.align === null} />
          <CommandButton id="table.rowBelow" handlers={handlers} disabled={state.align === null} />
          <CommandButton id="table.deleteRow" handlers={handlers} disabled={state.align === null} />
          <CommandButton id="table.columnLeft" handlers={handlers} disabled={state.align === null} />
          <CommandButton id="table.columnRight" handlers={handlers} disabled={state.align === null} />
          <CommandButton id="table.deleteColumn" handlers={handlers} disabled={state.align === null} />
          <select aria-label="本列对齐" disabled={state.align === null} value={state.align ?? 'left'}
            onChange={(event) => handlers[`table.align${event.target.value === 'left' ? 'Left' : event.target.value === 'center' ? 'Center' : 'Right'}`]?.()}>
            <option value="left">本列左对齐</option>
            <option value="center">本列居中</option>
            <option value="right">本列右对齐</option>
          </select>
          <CommandButton id="content.moveUp" handlers={handlers} />
          <CommandButton id="content.moveDown" handlers={handlers} />
          <CommandButton id="table.delete" handlers={handlers} className="danger" />
        </span>
      )}
      {state.figureWidth !== undefined && !readOnly && (
        <span className="figure-tools" role="group" aria-label="图片">
          <select aria-label="图片宽度" value={state.figureWidth} onChange={(event) => { setFigureWidth(editor, Number(event.target.value)); ReactEditor.focus(editor); }}>
            {[...new Set([...WIDTHS, state.figureWidth])].sort((a, b) => a - b).map((width) => <option key={width} value={width}>宽 {width}%</option>)}
          </select>
          <CommandButton id="content.moveUp" handlers={handlers} />
          <CommandButton id="content.moveDown" handlers={handlers} />
          <CommandButton id="figure.delete" handlers={handlers} className="danger" />
        </span>
      )}
      <span className="separator" />
      <button type="button" disabled={readOnly || !state.canUndo} onMouseDown={run(() => HistoryEditor.undo(editor))} title="Ctrl+Z">撤销</button>
      <button type="button" disabled={readOnly || !state.canRedo} onMouseDown={run(() => HistoryEditor.redo(editor))} title="Ctrl+Y">重做</button>
    </div>
  );
}
