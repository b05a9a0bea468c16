import { describe, expect, it } from 'vitest';
import { Editor, Node, Transforms, type Element } from 'slate';
import { HistoryEditor } from 'slate-history';
import { parseBulletinText } from '../../../shared/import/parse-bulletin.ts';
import { paragraphText } from '../../../shared/model/issue.ts';
import { textParagraphsOf } from '../../../shared/model/content.ts';
import { asPdfExtraction } from '../../../test/bulletin-variants.ts';
import { missingChars } from '../../../test/char-multiset.ts';
import { bulletinFixtures } from '../../../test/fixtures.ts';
import { readFileSync } from 'node:fs';
import { htmlToLines } from '../clipboard-html.ts';
import type { BulletinText } from './types.ts';
import { insertPastedLines, insertPastedText } from './paste.ts';
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
} from '../../../test/editor/model-helpers.ts';

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
    const paragraphs = issue.blocks.flatMap((block) => (block.type === 'article' ? textParagraphsOf(block.paragraphs).map(paragraphText) : []));
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

/** A line of runs from `**x**` notation (the notation of the outline too). */
const styled = (line: string): BulletinText[] => line.split('**').flatMap((text, index) => (text === '' ? [] : [index % 2 === 1 ? { text, bold: true as const } : { text }]));
const styledLines = (text: string) => text.split('\n').map(styled);
const sampleHtml = (name: string) => readFileSync(new URL(`../../../test/fixtures/clipboard/${name}`, import.meta.url), 'utf8');
const plainOutline = (editor: Editor) => outline(editor.children).map((line) => line.replaceAll('**', ''));

describe('styled lines (HTML from Word, WPS, LibreOffice, web pages)', () => {
  it('keeps bold in an article paragraph, the first line joining the text before the cursor and the last the text after it', () => {
    const editor = sample();
    cursorAfter(editor, '甲');
    expect(insertPastedLines(editor, styledLines('一行**加粗**。\n**二行**。\n三**行**'))).toBe(true);
    expect(outline([editor.children[0]!])).toEqual(['article', '  title 第一篇', '  p 甲一行**加粗**。', '  p **二行**。', '  p 三**行**段', '  p 乙段']);
    expect(editor.selection?.anchor).toEqual(pointAt(editor, '行', true, 2));
  });

  it.each(fixtures.flatMap((fixture) => [[`${fixture.name} as published`, fixture.text], [`${fixture.name} hard-wrapped`, asPdfExtraction(fixture.text)]]))(
    'cleans %s with bold here and there exactly as the same text pasted plain, the bold kept',
    (_name, text) => {
      // about a third of the Han characters bold, chosen by the character itself, so that bold runs meet every kind of
      // cleaning (trims, date spaces, wraps, page numbers) and where each character ends up tells whether it must be bold
      const isBoldChar = (ch: string) => /\p{Script=Han}/u.test(ch) && ch.codePointAt(0)! % 3 === 0;
      const unmarked = text.replaceAll('**', '');
      const lines = unmarked.split('\n').map((line) => [...line].map((ch) => (isBoldChar(ch) ? { text: ch, bold: true as const } : { text: ch })));
      const plain = editorWith([article('标题', '')]);
      const rich = editorWith([article('标题', '')]);
      for (const editor of [plain, rich]) cursorIn(editor, [0, 1]);
      insertPastedText(plain, unmarked);
      insertPastedLines(rich, lines);
      expect(plainOutline(rich)).toEqual(plainOutline(plain));
      const paragraphs = (rich.children[0] as Element).children.slice(1);
      const misplaced = paragraphs.flatMap((paragraph) => [...Node.texts(paragraph)].flatMap(([leaf]) => [...leaf.text].filter((ch) => isBoldChar(ch) !== (leaf.bold === true))));
      expect(misplaced.join('')).toBe('');
      expect(outline(rich.children).join('\n')).toContain('**');
      expect(structureProblems(rich.children)).toEqual([]);
    },
  );

  it('keeps a bold heading line apart from the paragraph after it, with its sub-heading level', () => {
    const editor = editorWith([article('标题', '')]);
    cursorIn(editor, [0, 1]);
    insertPastedLines(editor, styledLines('**一、总体情况**\n工作推进有力'));
    expect(outline(editor.children).slice(2, 4)).toEqual(['  p1 **一、总体情况**', '  p 工作推进有力']);
  });

  it('keeps asterisks of HTML text as text: they are no bold marks there', () => {
    const editor = editorWith([article('标题', '')]);
    cursorIn(editor, [0, 1]);
    insertPastedLines(editor, [[{ text: '会议要求，2*3=6，**不是粗体**' }]]);
    expect(Editor.node(editor, [0, 1])[0]).toEqual({ type: 'paragraph', children: [{ text: '会议要求，2*3=6，**不是粗体**' }] });
  });

  it('drops bold pasted into a title or a head, which print in their own fonts', () => {
    const editor = sample();
    cursorAfter(editor, '第一篇');
    insertPastedLines(editor, styledLines('**续**'));
    cursorAfter(editor, '安化县');
    insertPastedLines(editor, styledLines('**城区**'));
    expect(outline(editor.children).filter((line) => /(title|head) ./.test(line))).toEqual(['  title 第一篇续', '    head 安化县城区']);
  });

  it('makes a Word news section’s ▲ lines items, a bold lead giving the head: `**安化县：**` a colon item, a bold headline run in or on its own line, a ▲ outside the bold too', () => {
    const editor = editorWith([article('一', '正文')]);
    cursorIn(editor, [1, 0, 0]);
    insertPastedLines(
      editor,
      styledLines('**▲安化县：**7月11日，**开会**。\n▲**市直单位、县区：**联合督导。\n**▲桃江县抓整改**　坚决推进。\n▲**南县召开部署会**\n会议要求全面整改。\n▲**沅江市**：当日完成。'),
    );
    expect(outline([editor.children[1]!])).toEqual([
      'section 县市区工作动态',
      '  item colon',
      '    head 安化县',
      '    p 7月11日，**开会**。',
      '  item colon',
      '    head 市直单位、县区',
      '    p 联合督导。',
      '  item runIn',
      '    head 桃江县抓整改',
      '    p 坚决推进。',
      '  item ownLine',
      '    head 南县召开部署会',
      '    p 会议要求全面整改。',
      '  item colon',
      '    head 沅江市',
      '    p 当日完成。',
    ]);
  });

  it('takes a bold headline for the head even where a colon comes later in the line', () => {
    const editor = editorWith([article('一', '正文')]);
    cursorIn(editor, [1, 0, 0]);
    insertPastedLines(editor, styledLines('▲**桃江县抓整改**该县：部署到位。'));
    expect(outline([editor.children[1]!]).slice(1)).toEqual(['  item runIn', '    head 桃江县抓整改', '    p 该县：部署到位。']);
  });

  it('reads a unit before a colon as import does even where the bold runs past it, and keeps that bold in the text', () => {
    const editor = editorWith([article('一', '正文')]);
    cursorIn(editor, [1, 0, 0]);
    insertPastedLines(editor, styledLines('▲**安化县：7月11日，开会。**'));
    expect(outline([editor.children[1]!]).slice(1)).toEqual(['  item colon', '    head 安化县', '    p **7月11日，开会。**']);
  });

  it('pastes Word 2016’s clipboard into an article and into a news section as a clerk would get them', () => {
    const lines = htmlToLines(sampleHtml('word-2016.html'));
    const editor = editorWith([article('标题', '')]);
    cursorIn(editor, [0, 1]);
    insertPastedLines(editor, lines.slice(1, 5));
    expect(outline([editor.children[0]!]).slice(2)).toEqual([
      '  p 7月12日，全市召开会议，**督察组**通报了整改进展，各县市区逐一表态发言。',
      '  p1 **一、总体情况**',
      '  p 会议强调，要紧盯**重点任务**，压实整改责任。',
      '  p3 1. 建立问题清单',
    ]);
    cursorIn(editor, [1, 0, 0]);
    insertPastedLines(editor, lines.slice(5));
    expect(outline([editor.children[1]!]).slice(1)).toEqual([
      '  item colon',
      '    head 安化县',
      '    p 7月11日，该县召开整改工作部署会，12个交办件全部办结。',
      '  item runIn',
      '    head 桃江县抓整改见实效',
      '    p 该县对交办件逐一销号，群众满意度明显提升。',
    ]);
  });

  it('starts items at bold heads where the section prints no ▲', () => {
    const editor = editorWith([article('一', '正文'), { ...section('县市区工作动态', item('安化县', '丁段')), marker: false }]);
    cursorAfter(editor, '丁段');
    insertPastedLines(editor, styledLines('\n**桃江县抓整改**坚决推进。\n南县：部署。'));
    expect(outline([editor.children[1]!]).filter((line) => line.includes('head') || line.includes('item'))).toEqual([
      '  item colon',
      '    head 安化县',
      '  item runIn',
      '    head 桃江县抓整改',
      '  item colon',
      '    head 南县',
    ]);
  });

  it('is one undo step, and returns false for lines without text', async () => {
    const editor = sample();
    await Promise.resolve();
    const before = structuredClone(editor.children);
    cursorAfter(editor, '甲');
    expect(insertPastedLines(editor, [[{ text: '  ' }], []])).toBe(false);
    insertPastedLines(editor, styledLines('一**二**\n三'));
    HistoryEditor.undo(editor);
    expect(editor.children).toEqual(before);
  });
});

describe('lines pasted into a colon item’s head', () => {
  it('opens the item’s text with what follows the colon of the first line, before the other lines', () => {
    const editor = sample();
    cursorAfter(editor, '安化县');
    insertPastedText(editor, '：7月11日，开会。\n会议要求全面整改。');
    expect(outline([editor.children[1]!]).slice(1)).toEqual(['  item colon', '    head 安化县', '    p 7月11日，开会。', '    p 会议要求全面整改。', '    p 丁段']);
  });

  it('puts a single line’s text after the colon at the start of the item’s text, as typing it would', () => {
    const editor = sample();
    cursorAfter(editor, '安化县');
    insertPastedText(editor, '：7月11日，');
    expect(outline([editor.children[1]!]).slice(1)).toEqual(['  item colon', '    head 安化县', '    p 7月11日，丁段']);
  });
});
