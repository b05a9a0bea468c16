// What each command of the command table does in the issue editor; the keys, the desktop menu and the
// toolbar all run these.
import type { Editor } from 'slate';
import { HistoryEditor } from 'slate-history';
import { ReactEditor } from 'slate-react';
import type { CommandHandlers } from '../navigation/use-commands.ts';
import { insertArticle, insertNewsItem, setHeadingLevel, toggleBold } from './model/commands.ts';
import type { IssueSession } from './session/issue-session.ts';
import { moveFocusArea } from './focus-areas.ts';
import { contentBlockAt, deleteColumn, deleteFigure, deleteRow, deleteTable, editCaption, insertColumn, insertRow, moveContentBlock, setColumnAlign } from './model/table-commands.ts';
import { caretTakesContent } from './content-insertion.ts';

export type EditorDialog = 'revisions' | 'preview' | 'reopen' | 'keys' | 'table';
export type ExportKind = 'docx' | 'pdf' | 'json';

export interface EditorCommandContext {
  editor: Editor;
  session: IssueSession;
  sections: readonly string[];
  open: (dialog: EditorDialog) => void;
  exportAs: (kind: ExportKind) => void;
  showProofreading: () => void;
  notice: (text: string) => void;
  /** opens the file picker for 插入图片 (the caret's place is held while the photo is stored) */
  pickImage: () => void;
}

export function editorCommandHandlers({ editor, session, sections, open, exportAs, showProofreading, notice, pickImage }: EditorCommandContext): CommandHandlers {
  const editable = (change: () => void) => () => {
    if (session.readOnly) return;
    change();
    ReactEditor.focus(editor);
  };
  const heading = (level: 1 | 2 | 3 | 4 | null) => editable(() => setHeadingLevel(editor, level));
  // a table's or figure's command where the caret is in none says where it acts
  const inTable = (change: () => boolean) => editable(() => void (change() || notice('请先把光标放在表格的单元格中')));
  const inFigure = (change: () => boolean) => editable(() => void (change() || notice('请先把光标放在图片说明中')));
  const inArticleOrItem = (then: () => void) => () => {
    if (session.readOnly) return;
    if (caretTakesContent(editor)) then();
    else notice('表格和图片只能放在文章或动态条目中：请先把光标放在正文段落里');
  };
  return {
    'issue.save': () => void session.save().then((ok) => ok && notice('已保存')),
    'issue.printPreview': () => open('preview'),
    'issue.revisions': () => open('revisions'),
    'issue.proofread': showProofreading,
    'export.docx': () => exportAs('docx'),
    'export.pdf': () => exportAs('pdf'),
    'export.json': () => exportAs('json'),
    'edit.undo': editable(() => HistoryEditor.undo(editor)),
    'edit.redo': editable(() => HistoryEditor.redo(editor)),
    'format.bold': editable(() => toggleBold(editor)),
    'insert.article': editable(() => insertArticle(editor)),
    'insert.newsItem': editable(() => insertNewsItem(editor, sections[0])),
    'insert.table': inArticleOrItem(() => open('table')),
    'insert.image': inArticleOrItem(pickImage),
    'table.rowAbove': inTable(() => insertRow(editor, 'above')),
    'table.rowBelow': inTable(() => insertRow(editor, 'below')),
    'table.deleteRow': inTable(() => deleteRow(editor)),
    'table.columnLeft': inTable(() => insertColumn(editor, 'left')),
    'table.columnRight': inTable(() => insertColumn(editor, 'right')),
    'table.deleteColumn': inTable(() => deleteColumn(editor)),
    'table.alignLeft': inTable(() => setColumnAlign(editor, 'left')),
    'table.alignCenter': inTable(() => setColumnAlign(editor, 'center')),
    'table.alignRight': inTable(() => setColumnAlign(editor, 'right')),
    'table.delete': inTable(() => deleteTable(editor) && (notice('已删除表格，按 Ctrl+Z 可撤销'), true)),
    'figure.caption': inFigure(() => editCaption(editor)),
    'figure.delete': inFigure(() => deleteFigure(editor) && (notice('已删除图片，按 Ctrl+Z 可撤销'), true)),
    'content.moveUp': editable(() => void (contentBlockAt(editor) ? moveContentBlock(editor, 'up') || notice('已在最上面') : notice('请先把光标放在表格或图片中'))),
    'content.moveDown': editable(() => void (contentBlockAt(editor) ? moveContentBlock(editor, 'down') || notice('已在最下面') : notice('请先把光标放在表格或图片中'))),
    'heading.none': heading(null),
    'heading.level1': heading(1),
    'heading.level2': heading(2),
    'heading.level3': heading(3),
    'heading.level4': heading(4),
    'view.nextArea': () => void moveFocusArea(1),
    'view.previousArea': () => void moveFocusArea(-1),
    'help.keys': () => open('keys'),
  };
}
