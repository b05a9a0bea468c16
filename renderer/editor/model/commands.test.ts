import { describe, expect, it } from 'vitest';
import { Editor, Node, Transforms } from 'slate';
import { HistoryEditor } from 'slate-history';
import { issueSchema } from '../../../shared/model/issue.ts';
import { generateIssue, seededRandom } from '../../../test/generate.ts';
import {
  currentHeadingLevel,
  handleBackspace,
  handleDelete,
  handleEnter,
  handleShiftEnter,
  insertArticle,
  insertNewsItem,
  insertSubtitle,
  isBoldActive,
  moveArticle,
  removeBlock,
  setHeadingLevel,
  toggleBold,
} from './commands.ts';
import { leadItemsOf, slateToIssue } from './mapping.ts';
import { insertPastedText } from './paste.ts';
import {
  article,
  cursorAfter,
  cursorBefore,
  cursorBlock,
  cursorIn,
  editorWith,
  item,
  outline,
  pointAt,
  section,
  selectBetween,
  structureProblems,
  TEMPLATE,
} from '../../../test/editor/model-helpers.ts';

/** Two articles and both template sections, the first holding two items. */
function sample(): Editor {
  return editorWith([
    article('第一篇', '甲段', '乙段'),
    article('第二篇', '丙段'),
    section('县市区工作动态', item('安化县', '丁段'), item('桃江县', '戊段')),
    section('市直部门工作动态', item('市生态环境局', '己段')),
  ]);
}

function unchangedBy(action: (editor: Editor) => unknown, place: (editor: Editor) => void): void {
  const editor = sample();
  place(editor);
  const before = structuredClone(editor.children);
  action(editor);
  expect(editor.children).toEqual(before);
}

describe('insertArticle', () => {
  it('adds an empty article after the cursor’s article with the cursor in its title', () => {
    const editor = sample();
    cursorAfter(editor, '甲段');
    expect(insertArticle(editor)).toEqual([1]);
    expect(outline(editor.children).slice(4, 8)).toEqual(['article', '  title', '  p', 'article']);
    expect(cursorBlock(editor)).toBe('title');
    editor.insertText('新文章');
    expect(leadItemsOf(editor.children)).toEqual(['第一篇', '新文章', '第二篇', '县市区工作动态', '市直部门工作动态']);
  });

  it('adds the article after the last article when the cursor is in a news section', () => {
    const editor = sample();
    cursorAfter(editor, '丁段');
    expect(insertArticle(editor)).toEqual([2]);
    expect(outline([editor.children[2]!, editor.children[3]!]).filter((line) => !line.startsWith(' '))).toEqual(['article', 'section 县市区工作动态']);
  });
});

describe('insertSubtitle', () => {
  it('adds an empty subtitle under the title of the cursor’s article and puts the cursor there', () => {
    const editor = sample();
    cursorAfter(editor, '丙段');
    expect(insertSubtitle(editor)).toBe(true);
    editor.insertText('副题');
    expect(outline([editor.children[1]!])).toEqual(['article', '  title 第二篇', '  subtitle 副题', '  p 丙段']);
    expect(leadItemsOf(editor.children)[1]).toBe('第二篇：副题');
  });

  it('does nothing outside an article', () => {
    const editor = sample();
    cursorAfter(editor, '丁段');
    expect(insertSubtitle(editor)).toBe(false);
  });
});

describe('insertNewsItem', () => {
  it('adds an item after the cursor’s item, with the same form, and the cursor in its head', () => {
    const editor = sample();
    cursorAfter(editor, '丁段');
    expect(insertNewsItem(editor)).toEqual([2, 1]);
    editor.insertText('南县');
    expect(outline([editor.children[2]!]).filter((line) => line.includes('head'))).toEqual(['    head 安化县', '    head 南县', '    head 桃江县']);
  });

  it('adds the item at the end of the named section when the cursor is elsewhere', () => {
    const editor = sample();
    cursorAfter(editor, '甲段');
    expect(insertNewsItem(editor, '市直部门工作动态')).toEqual([3, 1]);
    expect(cursorBlock(editor)).toBe('head');
  });

  it('uses the first section when no heading is given and the cursor is in an article', () => {
    const editor = sample();
    cursorAfter(editor, '甲段');
    expect(insertNewsItem(editor)).toEqual([2, 2]);
  });

  it('reuses a blank item instead of adding a second blank one', () => {
    const editor = editorWith([article('一', '正文')]);
    cursorAfter(editor, '正文');
    expect(insertNewsItem(editor, '县市区工作动态')).toEqual([1, 0]);
    expect(insertNewsItem(editor, '县市区工作动态')).toEqual([1, 0]);
    expect(outline([editor.children[1]!])).toEqual(['section 县市区工作动态', '  item colon', '    head', '    p']);
  });

  it('returns null when there is no such section', () => {
    const editor = editorWith([article('一', '正文')], []);
    cursorAfter(editor, '正文');
    expect(insertNewsItem(editor)).toBeNull();
    expect(insertNewsItem(editor, '不存在的栏目')).toBeNull();
  });
});

describe('sub-heading level', () => {
  it('sets and clears the level of the selected paragraphs and reports the cursor’s level', () => {
    const editor = sample();
    selectBetween(editor, pointAt(editor, '甲'), pointAt(editor, '乙', true));
    expect(setHeadingLevel(editor, 2)).toBe(true);
    expect(outline([editor.children[0]!])).toEqual(['article', '  title 第一篇', '  p2 甲段', '  p2 乙段']);
    expect(currentHeadingLevel(editor)).toBe(2);
    expect(setHeadingLevel(editor, null)).toBe(true);
    expect(currentHeadingLevel(editor)).toBeNull();
  });

  it('has no level in a title and leaves titles alone', () => {
    const editor = sample();
    cursorAfter(editor, '第一');
    expect(currentHeadingLevel(editor)).toBeUndefined();
    expect(setHeadingLevel(editor, 1)).toBe(false);
    expect(outline(editor.children)[1]).toBe('  title 第一篇');
  });
});

describe('bold', () => {
  it('makes the selected text bold and plain again, and reports it', () => {
    const editor = sample();
    selectBetween(editor, pointAt(editor, '甲'), pointAt(editor, '甲', true));
    expect(isBoldActive(editor)).toBe(false);
    expect(toggleBold(editor)).toBe(true);
    expect(outline(editor.children)[2]).toBe('  p **甲**段');
    expect(isBoldActive(editor)).toBe(true);
    toggleBold(editor);
    expect(outline(editor.children)[2]).toBe('  p 甲段');
  });

  it('makes a mixed selection all bold rather than all plain', () => {
    const editor = sample();
    selectBetween(editor, pointAt(editor, '甲'), pointAt(editor, '甲', true));
    toggleBold(editor);
    selectBetween(editor, pointAt(editor, '甲'), pointAt(editor, '段', true));
    expect(isBoldActive(editor)).toBe(false);
    toggleBold(editor);
    expect(outline(editor.children)[2]).toBe('  p **甲段**');
  });

  it('types bold after toggling at a collapsed cursor', () => {
    const editor = sample();
    cursorAfter(editor, '甲段');
    toggleBold(editor);
    expect(isBoldActive(editor)).toBe(true);
    editor.insertText('加粗');
    expect(outline(editor.children)[2]).toBe('  p 甲段**加粗**');
  });

  it('refuses bold in a title or head, and bold typed into one is dropped', () => {
    const editor = sample();
    cursorAfter(editor, '第一篇');
    expect(toggleBold(editor)).toBe(false);
    Editor.addMark(editor, 'bold', true);
    editor.insertText('续');
    expect(outline(editor.children)[1]).toBe('  title 第一篇续');
  });
});

describe('moveArticle', () => {
  it('swaps an article with the one above or below, and the 导读 follows', () => {
    const editor = sample();
    expect(moveArticle(editor, [1], 'up')).toBe(true);
    expect(leadItemsOf(editor.children).slice(0, 2)).toEqual(['第二篇', '第一篇']);
    expect(moveArticle(editor, [0], 'down')).toBe(true);
    expect(leadItemsOf(editor.children).slice(0, 2)).toEqual(['第一篇', '第二篇']);
  });

  it('refuses to move past either end of the articles or to move a section', () => {
    const editor = sample();
    expect(moveArticle(editor, [0], 'up')).toBe(false);
    expect(moveArticle(editor, [1], 'down')).toBe(false);
    expect(moveArticle(editor, [2], 'up')).toBe(false);
    expect(leadItemsOf(editor.children).slice(0, 2)).toEqual(['第一篇', '第二篇']);
  });
});

describe('removeBlock', () => {
  it('removes an article and an item', () => {
    const editor = sample();
    expect(removeBlock(editor, [0])).toBe(true);
    expect(removeBlock(editor, [1, 0])).toBe(true);
    expect(leadItemsOf(editor.children)).toEqual(['第二篇', '县市区工作动态', '市直部门工作动态']);
    expect(outline([editor.children[1]!]).filter((line) => line.includes('head'))).toEqual(['    head 桃江县']);
  });

  it('leaves one empty article when the last article is removed', () => {
    const editor = editorWith([article('唯一', '正文')]);
    removeBlock(editor, [0]);
    expect(outline([editor.children[0]!])).toEqual(['article', '  title', '  p']);
  });

  it('empties a template section but keeps its heading, and removes a section outside the template', () => {
    const editor = editorWith([article('一', '正文'), section('县市区工作动态', item('安化县', '丁段'), item('南县', 'x')), section('临时栏目', item('甲', 'y'))]);
    expect(removeBlock(editor, [1])).toBe(true);
    expect(outline([editor.children[1]!])).toEqual(['section 县市区工作动态', '  item colon', '    head', '    p']);
    expect(removeBlock(editor, [3])).toBe(true);
    expect(outline(editor.children).filter((line) => line.startsWith('section'))).toEqual(['section 县市区工作动态', 'section 市直部门工作动态']);
  });

  it('refuses a path that is not an article, section or item', () => {
    const editor = sample();
    expect(removeBlock(editor, [0, 0])).toBe(false);
    expect(removeBlock(editor, [9])).toBe(false);
  });
});

describe('Enter', () => {
  it('moves from a title into a blank first paragraph', () => {
    const editor = editorWith([article('', '')]);
    cursorIn(editor, [0, 0]);
    editor.insertText('标题');
    expect(handleEnter(editor)).toBe(true);
    editor.insertText('正文');
    expect(outline([editor.children[0]!])).toEqual(['article', '  title 标题', '  p 正文']);
  });

  it('opens a new first paragraph under the title when the body has text, without splitting the title', () => {
    const editor = sample();
    cursorAfter(editor, '第一');
    handleEnter(editor);
    editor.insertText('导语');
    expect(outline([editor.children[0]!])).toEqual(['article', '  title 第一篇', '  p 导语', '  p 甲段', '  p 乙段']);
  });

  it('moves from a subtitle into the body likewise', () => {
    const editor = sample();
    cursorAfter(editor, '丙段');
    insertSubtitle(editor);
    editor.insertText('副');
    handleEnter(editor);
    expect(cursorBlock(editor)).toBe('p');
    expect(outline([editor.children[1]!])).toEqual(['article', '  title 第二篇', '  subtitle 副', '  p', '  p 丙段']);
  });

  it('moves from an item head to the start of the item’s first paragraph', () => {
    const editor = sample();
    cursorAfter(editor, '安化');
    handleEnter(editor);
    editor.insertText('7月11日，');
    expect(outline([editor.children[2]!]).slice(1, 4)).toEqual(['  item colon', '    head 安化县', '    p 7月11日，丁段']);
  });

  it('starts a new item of the same form at the end of an item’s last paragraph', () => {
    const editor = editorWith([article('一', '正文'), section('县市区工作动态', { ...item('甲', '内容。'), form: 'ownLine' })]);
    cursorAfter(editor, '内容。');
    handleEnter(editor);
    expect(cursorBlock(editor)).toBe('head');
    editor.insertText('乙');
    expect(outline([editor.children[1]!])).toEqual(['section 县市区工作动态', '  item ownLine', '    head 甲', '    p 内容。', '  item ownLine', '    head 乙', '    p']);
  });

  it('splits an item’s paragraph when the cursor is not at the end of the last one', () => {
    const editor = sample();
    cursorAfter(editor, '丁');
    handleEnter(editor);
    expect(outline([editor.children[2]!]).slice(1, 5)).toEqual(['  item colon', '    head 安化县', '    p 丁', '    p 段']);
  });

  it('splits an article paragraph, the new paragraph being body text after a sub-heading', () => {
    const editor = sample();
    cursorAfter(editor, '甲段');
    setHeadingLevel(editor, 1);
    handleEnter(editor);
    editor.insertText('正文');
    expect(outline([editor.children[0]!])).toEqual(['article', '  title 第一篇', '  p1 甲段', '  p 正文', '  p 乙段']);
  });

  it('deletes a selection across blocks first, without merging them', () => {
    const editor = sample();
    selectBetween(editor, pointAt(editor, '篇'), pointAt(editor, '段'));
    handleEnter(editor);
    expect(outline([editor.children[0]!])).toEqual(['article', '  title 第一', '  p', '  p 段', '  p 乙段']);
  });

  it('forces a line break in a title on Shift+Enter, kept in the issue’s title and printed as the title’s line break', () => {
    const editor = sample();
    cursorAfter(editor, '第一');
    expect(handleShiftEnter(editor)).toBe(true);
    expect(outline([editor.children[0]!])[1]).toBe('  title 第一\n篇');
    const issue = slateToIssue(editor.children as never, issueSchema.parse(generateIssue(1)));
    const first = issue.blocks.find((block) => block.type === 'article');
    expect(first && first.type === 'article' ? first.title : '').toBe('第一\n篇');
  });

  it('keeps a paragraph in its item on Shift+Enter at the item’s end', () => {
    const editor = sample();
    cursorAfter(editor, '丁段');
    expect(handleShiftEnter(editor)).toBe(true);
    editor.insertText('第二段');
    expect(outline([editor.children[2]!]).slice(1, 5)).toEqual(['  item colon', '    head 安化县', '    p 丁段', '    p 第二段']);
  });

  it('is one undo step: undo takes the new item away again', () => {
    const editor = sample();
    cursorAfter(editor, '戊段');
    const before = structuredClone(editor.children);
    editor.insertBreak();
    expect(editor.children).not.toEqual(before);
    HistoryEditor.undo(editor);
    expect(editor.children).toEqual(before);
  });
});

describe('Backspace', () => {
  it.each([
    ['a title', (editor: Editor) => cursorBefore(editor, '第一篇')],
    ['an item head', (editor: Editor) => cursorBefore(editor, '安化县')],
    ['an article’s first paragraph', (editor: Editor) => cursorBefore(editor, '丙段')],
    ['an item’s first paragraph', (editor: Editor) => cursorBefore(editor, '丁段')],
    ['a non-blank subtitle', (editor: Editor) => (insertSubtitle(editor), editor.insertText('副'), cursorBefore(editor, '副'))],
  ])('at the start of %s changes nothing and reports the key handled', (_where, place) => {
    unchangedBy((editor) => expect(handleBackspace(editor)).toBe(true), (editor) => (cursorAfter(editor, '甲段'), place(editor)));
  });

  it('at the start of an item’s text shown run in after its head goes back to the end of the head, changing nothing', () => {
    for (const form of ['colon', 'runIn'] as const) {
      const editor = editorWith([article('一', '正文'), section('县市区工作动态', { ...item('安化县', '丁段'), form })]);
      const before = structuredClone(editor.children);
      cursorBefore(editor, '丁段');
      expect(handleBackspace(editor)).toBe(true);
      expect(editor.children).toEqual(before);
      expect(editor.selection?.anchor).toEqual(pointAt(editor, '安化县', true));
    }
  });

  it('at the start of the text under a headline of its own line, or under a head not yet written, leaves the cursor there', () => {
    for (const [form, head] of [['ownLine', '南县召开部署会'], ['colon', '']] as const) {
      const editor = editorWith([article('一', '正文'), section('县市区工作动态', { ...item(head, '丁段'), form })]);
      cursorBefore(editor, '丁段');
      expect(handleBackspace(editor)).toBe(true);
      expect(editor.selection?.anchor).toEqual(pointAt(editor, '丁段'));
    }
  });

  it('at the start of an empty article’s title or an empty item’s head never removes them', () => {
    const editor = editorWith([article('一', '正文'), article('', ''), section('县市区工作动态', item('甲', 'a'), item('', ''))]);
    for (const path of [[1, 0], [1, 1], [2, 1, 0], [2, 1, 1]]) {
      cursorIn(editor, path);
      for (let i = 0; i < 3; i++) editor.deleteBackward('character');
    }
    // the two articles, the two items of the first section and the blank item of the second
    expect(outline(editor.children).filter((line) => line === 'article' || line.startsWith('  item'))).toEqual(['article', 'article', '  item colon', '  item colon', '  item colon']);
  });

  it('joins a paragraph to the paragraph above it in the same article', () => {
    const editor = sample();
    cursorBefore(editor, '乙段');
    expect(handleBackspace(editor)).toBe(false);
    editor.deleteBackward('character');
    expect(outline([editor.children[0]!])).toEqual(['article', '  title 第一篇', '  p 甲段乙段']);
  });

  it('turns a sub-heading into body text first', () => {
    const editor = sample();
    cursorBefore(editor, '乙段');
    setHeadingLevel(editor, 3);
    editor.deleteBackward('character');
    expect(outline([editor.children[0]!])).toEqual(['article', '  title 第一篇', '  p 甲段', '  p 乙段']);
  });

  it('removes a blank paragraph, also the first one, and puts the cursor at the end of the line above', () => {
    const editor = sample();
    cursorAfter(editor, '第一');
    handleEnter(editor);
    editor.deleteBackward('character');
    expect(outline([editor.children[0]!])).toEqual(['article', '  title 第一篇', '  p 甲段', '  p 乙段']);
    expect(editor.selection?.anchor).toEqual(pointAt(editor, '第一篇', true));
  });

  it('removes a blank subtitle, the cursor going to the end of the title', () => {
    const editor = sample();
    cursorAfter(editor, '甲段');
    insertSubtitle(editor);
    editor.deleteBackward('character');
    expect(outline([editor.children[0]!])).toEqual(['article', '  title 第一篇', '  p 甲段', '  p 乙段']);
    expect(cursorBlock(editor)).toBe('title 第一篇');
  });

  it('inside text leaves the key to Slate, which deletes one character', () => {
    const editor = sample();
    cursorAfter(editor, '甲');
    expect(handleBackspace(editor)).toBe(false);
    editor.deleteBackward('character');
    expect(outline(editor.children)[2]).toBe('  p 段');
  });

  it('deletes a selection from one item into the next without merging the items', () => {
    const editor = sample();
    selectBetween(editor, pointAt(editor, '丁', true), pointAt(editor, '桃', true));
    expect(handleBackspace(editor)).toBe(true);
    expect(outline([editor.children[2]!])).toEqual(['section 县市区工作动态', '  item colon', '    head 安化县', '    p 丁', '  item colon', '    head 江县', '    p 戊段']);
  });
});

describe('Delete', () => {
  it.each([
    ['a title', (editor: Editor) => cursorAfter(editor, '第一篇')],
    ['an item head', (editor: Editor) => cursorAfter(editor, '安化县')],
    ['an article’s last paragraph', (editor: Editor) => cursorAfter(editor, '乙段')],
    ['an item’s last paragraph', (editor: Editor) => cursorAfter(editor, '丁段')],
  ])('at the end of %s changes nothing and reports the key handled', (_where, place) => {
    unchangedBy((editor) => expect(handleDelete(editor)).toBe(true), place);
  });

  it('takes in the next paragraph of the same article', () => {
    const editor = sample();
    cursorAfter(editor, '甲段');
    editor.deleteForward('character');
    expect(outline([editor.children[0]!])).toEqual(['article', '  title 第一篇', '  p 甲段乙段']);
  });

  it('removes a blank last paragraph instead of pulling in the next title', () => {
    const editor = sample();
    cursorAfter(editor, '乙段');
    handleShiftEnter(editor);
    editor.deleteForward('character');
    expect(outline(editor.children).slice(0, 5)).toEqual(['article', '  title 第一篇', '  p 甲段', '  p 乙段', 'article']);
  });
});

describe('random editing', () => {
  const BASE = generateIssue(1);
  const actions: [string, (editor: Editor, random: () => number) => void][] = [
    ['type', (editor) => editor.insertText('字')],
    ['Enter', (editor) => editor.insertBreak()],
    ['Shift+Enter', (editor) => editor.insertSoftBreak()],
    ['Backspace', (editor) => editor.deleteBackward('character')],
    ['Ctrl+Backspace', (editor) => editor.deleteBackward('word')],
    ['Delete', (editor) => editor.deleteForward('character')],
    ['cut', (editor) => editor.deleteFragment()],
    ['paste lines', (editor) => insertPastedText(editor, '▲南县：开会。\n又一段')],
    ['paste a fragment', (editor) => editor.insertFragment(structuredClone(editor.getFragment()))],
    ['bold', (editor) => toggleBold(editor)],
    ['level', (editor, random) => setHeadingLevel(editor, random() < 0.5 ? null : 2)],
    ['new article', (editor) => insertArticle(editor)],
    ['new item', (editor) => insertNewsItem(editor)],
    ['undo', (editor) => HistoryEditor.undo(editor)],
  ];

  function randomPoint(editor: Editor, random: () => number) {
    const texts = [...Node.texts(editor)];
    const [leaf, path] = texts[Math.floor(random() * texts.length)]!;
    return { path, offset: Math.floor(random() * (leaf.text.length + 1)) };
  }

  it.each([1, 2, 3, 4])('keeps a valid bulletin through 150 random edits at random places (seed %i)', async (seed) => {
    const random = seededRandom(seed);
    const editor = sample();
    for (let step = 0; step < 150; step++) {
      const anchor = randomPoint(editor, random);
      Transforms.select(editor, random() < 0.7 ? anchor : { anchor, focus: randomPoint(editor, random) });
      const [name, act] = actions[Math.floor(random() * actions.length)]!;
      act(editor, random);
      const problems = structureProblems(editor.children, TEMPLATE);
      if (problems.length > 0) throw new Error(`after ${name} at step ${step}: ${problems.join('; ')}`);
      await Promise.resolve(); // lets Slate flush, so that each edit is its own undo step
    }
    expect(structureProblems(editor.children, TEMPLATE)).toEqual([]);
    expect(issueSchema.safeParse(slateToIssue(editor.children, BASE)).error).toBeUndefined();
  });
});
