// What each command of the command table does in the issue editor; the keys, the desktop menu and the
// toolbar all run these.
import type { Editor } from 'slate';
import { HistoryEditor } from 'slate-history';
import { ReactEditor } from 'slate-react';
import type { CommandHandlers } from '../navigation/use-commands.ts';
import { insertArticle, insertNewsItem, setHeadingLevel, toggleBold } from './model/commands.ts';
import type { IssueSession } from './session/issue-session.ts';
import { moveFocusArea } from './focus-areas.ts';

export type EditorDialog = 'revisions' | 'preview' | 'reopen' | 'keys';
export type ExportKind = 'docx' | 'pdf' | 'json';

export interface EditorCommandContext {
  editor: Editor;
  session: IssueSession;
  sections: readonly string[];
  open: (dialog: EditorDialog) => void;
  exportAs: (kind: ExportKind) => void;
  showProofreading: () => void;
  notice: (text: string) => void;
}

export function editorCommandHandlers({ editor, session, sections, open, exportAs, showProofreading, notice }: EditorCommandContext): CommandHandlers {
  const editable = (change: () => void) => () => {
    if (session.readOnly) return;
    change();
    ReactEditor.focus(editor);
  };
  const heading = (level: 1 | 2 | 3 | 4 | null) => editable(() => setHeadingLevel(editor, level));
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
