// The bulletin body's Slate editor: history, the bulletin schema, and Enter, Shift+Enter, Backspace
// and Delete behaving as commands.ts says, whichever way the UI delivers them.
import { createEditor, type Editor } from 'slate';
import { withHistory } from 'slate-history';
import { handleBackspace, handleDelete, handleEnter, handleShiftEnter } from './commands.ts';
import { withBulletinSchema } from './schema.ts';

/** A new editor; `getSections` gives the series template's news sections in print order. */
export function createBulletinEditor(getSections: () => readonly string[]): Editor {
  const editor = withBulletinSchema(withHistory(createEditor()), getSections);
  const { insertBreak, insertSoftBreak, deleteBackward, deleteForward } = editor;
  editor.insertBreak = () => {
    if (!handleEnter(editor)) insertBreak();
  };
  editor.insertSoftBreak = () => {
    if (!handleShiftEnter(editor)) insertSoftBreak();
  };
  editor.deleteBackward = (unit) => {
    if (!handleBackspace(editor)) deleteBackward(unit);
  };
  editor.deleteForward = (unit) => {
    if (!handleDelete(editor)) deleteForward(unit);
  };
  return editor;
}
