import { describe, expect, it } from 'vitest';
import { Editor } from 'slate';
import { HistoryEditor } from 'slate-history';
import { createBulletinEditor } from './editor.ts';
import { article, cursorAfter, cursorBefore, cursorBlock, item, outline, section } from '../../../test/editor/model-helpers.ts';

function editorOf(template: string[]): Editor {
  const editor = createBulletinEditor(() => template);
  editor.children = [article('第一篇', '甲段'), section('县市区工作动态', item('安化县', '丁段'))];
  Editor.normalize(editor, { force: true });
  return editor;
}

describe('createBulletinEditor', () => {
  it('routes Slate’s insertBreak, insertSoftBreak, deleteBackward and deleteForward (what slate-react calls) through the key handlers', () => {
    const editor = editorOf(['县市区工作动态']);
    cursorAfter(editor, '第一篇');
    editor.insertBreak();
    expect(cursorBlock(editor)).toBe('p');
    editor.deleteBackward('character');
    expect(cursorBlock(editor)).toBe('title 第一篇');
    editor.deleteForward('character');
    cursorAfter(editor, '丁段');
    editor.insertSoftBreak();
    editor.insertText('二段');
    cursorBefore(editor, '丁段');
    editor.deleteBackward('character');
    expect(outline(editor.children)).toEqual([
      'article',
      '  title 第一篇',
      '  p 甲段',
      'section 县市区工作动态',
      '  item colon',
      '    head 安化县',
      '    p 丁段',
      '    p 二段',
    ]);
  });

  it('undoes and redoes typing and structure changes', async () => {
    const editor = editorOf(['县市区工作动态']);
    const before = structuredClone(editor.children);
    cursorAfter(editor, '丁段');
    editor.insertBreak();
    await Promise.resolve();
    editor.insertText('南县');
    const after = structuredClone(editor.children);
    HistoryEditor.undo(editor);
    HistoryEditor.undo(editor);
    expect(editor.children).toEqual(before);
    HistoryEditor.redo(editor);
    HistoryEditor.redo(editor);
    expect(editor.children).toEqual(after);
  });

  it('reads the template through the getter it was given, so a changed template applies at the next normalization', () => {
    const template = ['县市区工作动态'];
    const editor = editorOf(template);
    template.push('市直部门工作动态');
    Editor.normalize(editor, { force: true });
    expect(outline(editor.children).filter((line) => line.startsWith('section'))).toEqual(['section 县市区工作动态', 'section 市直部门工作动态']);
  });
});
