import { describe, expect, it } from 'vitest';
import { Editor, Node, Transforms } from 'slate';
import { HistoryEditor } from 'slate-history';
import { parseBulletinText } from '../../../shared/import/parse-bulletin.ts';
import { paragraphText } from '../../../shared/model/issue.ts';
import { asPdfExtraction } from '../../../test/bulletin-variants.ts';
import { missingChars } from '../../../test/char-multiset.ts';
import { bulletinFixtures } from '../../../test/fixtures.ts';
import { insertPastedText } from './paste.ts';
import {
  article,
  cursorAfter,
  cursorBlock,
  cursorIn,
  editorWith,
  item,
  outline,
  pointAt,
  section,
  selectBetween,
  structureProblems,
} from './test-helpers.ts';

function sample(): Editor {
  return editorWith([article('第一篇', '甲段', '乙段'), section('县市区工作动态', item('安化县', '丁段')), section('市直部门工作动态')]);
}

const fixtures = bulletinFixtures();

describe('plain text in an article', () => {
  it('puts a single line in at the cursor as text of the paragraph', () => {
    const editor = sample();
    cursorAfter(editor, '甲');
    expect(insertPastedText(editor, '插入的话')).toBe(true);
    expect(outline(editor.children).slice(0, 4)).toEqual(['article', '  title 第一篇', '  p 甲插入的话段', '  p 乙段']);
    expect(editor.selection?.anchor).toEqual(pointAt(editor, '插入的话', true));
  });

  it('joins the first line to the text before the cursor and the last to the text after it, as Word does', () => {
    const editor = sample();
    cursorAfter(editor, '甲');
    insertPastedText(editor, '一行。\n二行。\n三行');
    expect(outline([editor.children[0]!])).toEqual(['article', '  title 第一篇', '  p 甲一行。', '  p 二行。', '  p 三行段', '  p 乙段']);
    expect(editor.selection?.anchor).toEqual(pointAt(editor, '三行', true));
  });

  it('joins hard-wrapped lines into paragraphs and drops page numbers, as import does', () => {
    const issue = parseBulletinText(fixtures[2]!.text).issue;
    const paragraphs = issue.blocks.flatMap((block) => (block.type === 'article' ? block.paragraphs.map(paragraphText) : []));
    expect(paragraphs.some((text) => text.includes('PCB'))).toBe(true);
    const editor = editorWith([article('标题', '')]);
    cursorIn(editor, [0, 1]);
    insertPastedText(editor, asPdfExtraction(paragraphs.join('\n')));
    expect(outline([editor.children[0]!]).slice(2)).toEqual(paragraphs.map((text) => `  p ${text}`));
  });

  it('removes the spaces that extraction puts around digits in dates', () => {
    const editor = editorWith([article('标题', '')]);
    cursorIn(editor, [0, 1]);
    insertPastedText(editor, '2023 年 7 月 12 日，第 13 期简报印发。');
    expect(outline(editor.children)[2]).toBe('  p 2023年7月12日，第13期简报印发。');
  });

  it('gives sub-heading lines the level import gives them', () => {
    const editor = editorWith([article('标题', '')]);
    cursorIn(editor, [0, 1]);
    insertPastedText(editor, '一、总体情况\n工作推进有力。\n（一）组织领导\n1.明确责任');
    expect(outline([editor.children[0]!]).slice(2)).toEqual(['  p1 一、总体情况', '  p 工作推进有力。', '  p2 （一）组织领导', '  p3 1.明确责任']);
  });

  it('keeps ▲ lines as paragraphs with their ▲ outside a news section', () => {
    const editor = editorWith([article('标题', '')]);
    cursorIn(editor, [0, 1]);
    insertPastedText(editor, '▲安化县：7月11日，开会。');
    expect(outline(editor.children)[2]).toBe('  p ▲安化县：7月11日，开会。');
  });

  it('drops **bold** marks of plain text and makes nothing bold', () => {
    const editor = editorWith([article('标题', '')]);
    cursorIn(editor, [0, 1]);
    insertPastedText(editor, '这是**重点**内容。');
    expect(outline(editor.children)[2]).toBe('  p 这是重点内容。');
  });

  it('puts the first line into a title and opens the body with the others, replacing a blank body', () => {
    const editor = editorWith([article('', '')]);
    cursorIn(editor, [0, 0]);
    insertPastedText(editor, '新标题\n第一段。\n第二段。');
    expect(outline([editor.children[0]!])).toEqual(['article', '  title 新标题', '  p 第一段。', '  p 第二段。']);
    expect(cursorBlock(editor)).toBe('p 第二段。');
  });

  it('replaces a selection that runs from a title into the body without merging them', () => {
    const editor = sample();
    selectBetween(editor, pointAt(editor, '篇'), pointAt(editor, '乙'));
    insertPastedText(editor, '替换');
    expect(outline([editor.children[0]!])).toEqual(['article', '  title 第一替换', '  p 乙段']);
  });

  it('returns false and changes nothing for blank text or page numbers only', () => {
    const editor = sample();
    cursorAfter(editor, '甲');
    const before = structuredClone(editor.children);
    expect(insertPastedText(editor, ' \n\n— 2 —\n')).toBe(false);
    expect(editor.children).toEqual(before);
  });

  it.each(fixtures.flatMap((fixture) => [[`${fixture.name} as published`, fixture.text], [`${fixture.name} hard-wrapped`, asPdfExtraction(fixture.text)]]))(
    'loses no character of %s pasted into an article',
    (_name, text) => {
      const editor = editorWith([article('标题', '')]);
      cursorIn(editor, [0, 1]);
      insertPastedText(editor, text);
      expect(missingChars(text, Node.string(editor))).toBe('');
      expect(structureProblems(editor.children)).toEqual([]);
    },
  );

  it('is one undo step', async () => {
    const editor = sample();
    await Promise.resolve();
    const before = structuredClone(editor.children);
    cursorAfter(editor, '甲');
    insertPastedText(editor, '一\n二\n三');
    HistoryEditor.undo(editor);
    expect(editor.children).toEqual(before);
  });
});

describe('plain text in a news section', () => {
  it('makes ▲ lines items, heads split off like import, the blank item filled first', () => {
    const editor = editorWith([article('一', '正文')]);
    cursorIn(editor, [1, 0, 0]);
    insertPastedText(editor, '▲安化县：7月11日，开会。\n▲**桃江县抓整改**坚决推进。\n▲南县召开部署会\n会议要求全面整改。');
    expect(outline([editor.children[1]!])).toEqual([
      'section 县市区工作动态',
      '  item colon',
      '    head 安化县',
      '    p 7月11日，开会。',
      '  item runIn',
      '    head 桃江县抓整改',
      '    p 坚决推进。',
      '  item ownLine',
      '    head 南县召开部署会',
      '    p 会议要求全面整改。',
    ]);
    expect(cursorBlock(editor)).toBe('p 会议要求全面整改。');
  });

  it('adds items after the cursor’s item and drops the line with the section’s own heading', () => {
    const editor = sample();
    cursorAfter(editor, '丁段');
    insertPastedText(editor, '【县市区工作动态】\n▲南县：开会。');
    expect(outline([editor.children[1]!])).toEqual(['section 县市区工作动态', '  item colon', '    head 安化县', '    p 丁段', '  item colon', '    head 南县', '    p 开会。']);
  });

  it('adds text before the first ▲ line to the cursor’s item', () => {
    const editor = sample();
    cursorAfter(editor, '丁段');
    insertPastedText(editor, '补充一句。\n▲南县：开会。');
    expect(outline([editor.children[1]!]).slice(2, 5)).toEqual(['    head 安化县', '    p 丁段补充一句。', '  item colon']);
  });

  it('splits `单位：text` pasted into a blank head into head and text', () => {
    const editor = editorWith([article('一', '正文')]);
    cursorIn(editor, [1, 0, 0]);
    insertPastedText(editor, '安化县：7月11日，开会。');
    expect(outline([editor.children[1]!])).toEqual(['section 县市区工作动态', '  item colon', '    head 安化县', '    p 7月11日，开会。']);
  });

  it('types a plain name into a head as text, keeping the item’s form', () => {
    const editor = editorWith([article('一', '正文'), section('县市区工作动态', { ...item('', ''), form: 'runIn' })]);
    cursorIn(editor, [1, 0, 0]);
    insertPastedText(editor, '安化县');
    expect(outline([editor.children[1]!])).toEqual(['section 县市区工作动态', '  item runIn', '    head 安化县', '    p']);
  });

  it('starts items at `单位：` lines where the section prints no ▲', () => {
    const editor = editorWith([article('一', '正文'), { ...section('县市区工作动态', item('安化县', '丁段')), marker: false }]);
    cursorAfter(editor, '丁段');
    insertPastedText(editor, '\n桃江县：开会。\n南县：部署。');
    expect(outline([editor.children[1]!]).filter((line) => line.includes('head'))).toEqual(['    head 安化县', '    head 桃江县', '    head 南县']);
  });

  it('loses no character of a fixture’s news but the ▲ marks and the section’s own heading line', () => {
    const fixture = fixtures[1]!;
    const news = fixture.text.slice(fixture.text.indexOf('【全市上下全力迎接督察】'), fixture.text.indexOf('报：'));
    const editor = editorWith([article('一', '正文')], ['全市上下全力迎接督察']);
    cursorIn(editor, [1, 0, 0]);
    insertPastedText(editor, news);
    expect(missingChars(news.replace('【全市上下全力迎接督察】', '').replaceAll('▲', ''), Node.string(editor))).toBe('');
    expect(outline([editor.children[1]!]).filter((line) => line.startsWith('  item'))).toHaveLength(4);
  });
});

describe('Slate fragments', () => {
  it('pastes a piece of one paragraph as text, keeping its bold', () => {
    const editor = sample();
    cursorAfter(editor, '乙');
    editor.insertFragment([{ type: 'article', children: [{ type: 'paragraph', children: [{ text: '普通' }, { text: '加粗', bold: true }] }] }]);
    expect(outline(editor.children)[3]).toBe('  p 乙普通**加粗**段');
  });

  it('pastes bold text into a title without its bold', () => {
    const editor = sample();
    cursorAfter(editor, '第一篇');
    editor.insertFragment([{ type: 'paragraph', children: [{ text: '续', bold: true }] }]);
    expect(outline(editor.children)[1]).toBe('  title 第一篇续');
  });

  it('pastes a whole article as a new article after the cursor’s, and into a blank article in its place', () => {
    const editor = editorWith([article('一', '正文'), article('', '')]);
    const copied = structuredClone(editor.children[0]!);
    cursorAfter(editor, '正文');
    editor.insertFragment([copied]);
    expect(outline(editor.children).filter((line) => line.startsWith('  title'))).toEqual(['  title 一', '  title 一', '  title']);
    cursorIn(editor, [2, 0]);
    editor.insertFragment([copied]);
    expect(outline(editor.children).filter((line) => line.startsWith('  title'))).toEqual(['  title 一', '  title 一', '  title 一']);
  });

  it('pastes copied items as items in a section, and as paragraphs led by the bold head in an article', () => {
    const editor = sample();
    Transforms.select(editor, Editor.range(editor, [1, 0]));
    const fragment = editor.getFragment();
    cursorAfter(editor, '丁段');
    editor.insertFragment(structuredClone(fragment));
    expect(outline([editor.children[1]!]).filter((line) => line.includes('head'))).toEqual(['    head 安化县', '    head 安化县']);
    cursorAfter(editor, '乙段');
    editor.insertFragment(structuredClone(fragment));
    expect(outline([editor.children[0]!]).slice(3)).toEqual(['  p 乙段', '  p **安化县**：丁段']);
  });

  it('pastes a copy running from inside one article into the next as its paragraphs and then the new article', () => {
    const editor = editorWith([article('一', '甲段', '乙段'), article('二', '丙段'), article('三', '丁段')]);
    selectBetween(editor, pointAt(editor, '乙'), pointAt(editor, '丙段', true));
    const fragment = structuredClone(editor.getFragment());
    cursorAfter(editor, '丁段');
    editor.insertFragment(fragment);
    expect(outline([editor.children[2]!, editor.children[3]!])).toEqual(['article', '  title 三', '  p 丁段乙段', 'article', '  title 二', '  p 丙段']);
  });
});
