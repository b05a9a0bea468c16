import { describe, expect, it } from 'vitest';
import { createEditor, Editor, Node, Transforms, type Descendant } from 'slate';
import { HistoryEditor } from 'slate-history';
import { seededRandom } from '../../../test/generate.ts';
import { unitHeadSplit } from './nodes.ts';
import { insertPastedText } from './paste.ts';
import { withBulletinSchema } from './schema.ts';
import {
  article,
  cursorAfter,
  cursorBefore,
  cursorBlock,
  cursorIn,
  editorWith,
  item,
  outline,
  para,
  pointAt,
  schemaEditorWith,
  section,
  selectBetween,
  structureProblems,
  TEMPLATE,
} from '../../../test/editor/model-helpers.ts';

const title = (text: string) => ({ type: 'article-title', children: [{ text }] });
const subtitle = (text: string) => ({ type: 'article-subtitle', children: [{ text }] });
const head = (text: string) => ({ type: 'item-head', children: [{ text }] });
const emptySections = TEMPLATE.flatMap((heading) => [`section ${heading}`, '  item colon', '    head', '    p']);

/** The outline of `children` after forced normalization, and a check that the result is valid. */
function normalized(children: unknown[], template: readonly string[] = TEMPLATE): string[] {
  const editor = schemaEditorWith(children, template);
  expect(structureProblems(editor.children, template)).toEqual([]);
  return outline(editor.children);
}

describe('top level', () => {
  it('gives an empty body one empty article and every template section', () => {
    expect(normalized([])).toEqual(['article', '  title', '  p', ...emptySections]);
  });

  it('wraps text typed at the top level into a paragraph that joins the article before it', () => {
    expect(normalized([article('标题', '正文'), { text: '散落的字' }, { text: '粗', bold: true }], [])).toEqual([
      'article',
      '  title 标题',
      '  p 正文',
      '  p 散落的字**粗**',
    ]);
  });

  it('starts a new article with an empty title for a top-level paragraph with no article before it', () => {
    expect(normalized([para('开头的段落'), article('标题', '正文')], [])).toEqual(['article', '  title', '  p 开头的段落', 'article', '  title 标题', '  p 正文']);
  });

  it('moves a top-level paragraph after a section into that section’s last item', () => {
    expect(normalized([article('标题', '正文'), section('县市区工作动态', item('安化县', '一')), para('接着写')], ['县市区工作动态'])).toEqual([
      'article',
      '  title 标题',
      '  p 正文',
      'section 县市区工作动态',
      '  item colon',
      '    head 安化县',
      '    p 一',
      '    p 接着写',
    ]);
  });

  it('starts a new article for a title standing at the top level', () => {
    expect(normalized([article('一', '正文'), title('二')], [])).toEqual(['article', '  title 一', '  p 正文', 'article', '  title 二', '  p']);
  });

  it('turns a subtitle or a head standing at the top level into a paragraph of the article before it', () => {
    expect(normalized([article('一', '正文'), subtitle('副'), head('头')], [])).toEqual(['article', '  title 一', '  p 正文', '  p 副', '  p 头']);
  });

  it('moves a top-level item into the section before it', () => {
    expect(normalized([article('一', '正文'), section('县市区工作动态', item('甲', 'a')), item('乙', 'b')], ['县市区工作动态'])).toEqual([
      'article',
      '  title 一',
      '  p 正文',
      'section 县市区工作动态',
      '  item colon',
      '    head 甲',
      '    p a',
      '  item colon',
      '    head 乙',
      '    p b',
    ]);
  });

  it('moves a top-level item with no section before it into the next section', () => {
    expect(normalized([article('一', '正文'), item('乙', 'b'), section('县市区工作动态', item('甲', 'a'))], ['县市区工作动态'])).toEqual([
      'article',
      '  title 一',
      '  p 正文',
      'section 县市区工作动态',
      '  item colon',
      '    head 乙',
      '    p b',
      '  item colon',
      '    head 甲',
      '    p a',
    ]);
  });

  it('keeps the text of a top-level item as paragraphs when there is no section at all', () => {
    expect(normalized([article('一', '正文'), item('乙', 'b')], [])).toEqual(['article', '  title 一', '  p 正文', '  p 乙', '  p b']);
  });

  it('brings back a missing template section, empty, at its place in the template', () => {
    expect(normalized([article('一', '正文'), section('市直部门工作动态', item('局', 'x'))])).toEqual([
      'article',
      '  title 一',
      '  p 正文',
      'section 县市区工作动态',
      '  item colon',
      '    head',
      '    p',
      'section 市直部门工作动态',
      '  item colon',
      '    head 局',
      '    p x',
    ]);
  });

  it('merges two sections with the same heading, the later items after the earlier', () => {
    expect(normalized([article('一', '正文'), section('县市区工作动态', item('甲', 'a')), section('县市区工作动态', item('乙', 'b'))], ['县市区工作动态'])).toEqual([
      'article',
      '  title 一',
      '  p 正文',
      'section 县市区工作动态',
      '  item colon',
      '    head 甲',
      '    p a',
      '  item colon',
      '    head 乙',
      '    p b',
    ]);
  });

  it('moves an article that follows a section up before the sections', () => {
    const lines = normalized([article('一', '正文'), section('县市区工作动态', item('甲', 'a')), article('二', '后文')], ['县市区工作动态']);
    expect(lines.filter((line) => !line.startsWith(' '))).toEqual(['article', 'article', 'section 县市区工作动态']);
    expect(lines[4]).toBe('  title 二');
  });

  it('puts sections in template order and sections outside the template after them, in their own order', () => {
    const lines = normalized([
      article('一', '正文'),
      section('其他乙', item('乙', 'b')),
      section('市直部门工作动态', item('局', 'x')),
      section('其他甲', item('甲', 'a')),
      section('县市区工作动态', item('县', 'y')),
    ]);
    expect(lines.filter((line) => line.startsWith('section'))).toEqual(['section 县市区工作动态', 'section 市直部门工作动态', 'section 其他乙', 'section 其他甲']);
  });

  it('reads the template at every normalization, so a section added to the template appears at once', () => {
    const template = ['县市区工作动态'];
    const editor = withBulletinSchema(createEditor(), () => template);
    editor.children = [article('一', '正文'), section('县市区工作动态', item('甲', 'a'))];
    template.unshift('重点工作');
    Editor.normalize(editor, { force: true });
    expect(outline(editor.children).filter((line) => line.startsWith('section'))).toEqual(['section 重点工作', 'section 县市区工作动态']);
  });

  it('makes an element of unknown type that holds text a paragraph, and unwraps one that holds blocks', () => {
    const children = [
      article('一', '正文'),
      { type: 'heading-one', align: 'center', children: [{ text: '外来的标题' }] },
      { type: 'div', children: [para('包着的段落')] },
    ];
    expect(normalized(children, [])).toEqual(['article', '  title 一', '  p 正文', '  p 外来的标题', '  p 包着的段落']);
  });
});

describe('article', () => {
  it('gets an empty title first when it has none', () => {
    expect(normalized([{ type: 'article', children: [para('正文')] }], [])).toEqual(['article', '  title', '  p 正文']);
  });

  it('moves its only title to the top when a paragraph came before it', () => {
    expect(normalized([{ type: 'article', children: [para('正文'), title('标题')] }], [])).toEqual(['article', '  title 标题', '  p 正文']);
  });

  it('turns a second title into a paragraph', () => {
    expect(normalized([{ type: 'article', children: [title('一'), para('正文'), title('二')] }], [])).toEqual(['article', '  title 一', '  p 正文', '  p 二']);
  });

  it('keeps a subtitle right after the title and turns one anywhere else into a paragraph', () => {
    expect(normalized([{ type: 'article', children: [title('一'), subtitle('副'), para('正文'), subtitle('又一个')] }], [])).toEqual([
      'article',
      '  title 一',
      '  subtitle 副',
      '  p 正文',
      '  p 又一个',
    ]);
  });

  it('gets an empty paragraph when it has none', () => {
    expect(normalized([{ type: 'article', children: [title('一'), subtitle('副')] }], [])).toEqual(['article', '  title 一', '  subtitle 副', '  p']);
  });

  it('puts neighbouring text leaves standing in it into one paragraph, bold kept', () => {
    expect(normalized([{ type: 'article', children: [title('一'), { text: '甲' }, { text: '乙', bold: true }, para('丙')] }], [])).toEqual([
      'article',
      '  title 一',
      '  p 甲**乙**',
      '  p 丙',
    ]);
  });

  it('puts stray text and a foreign inline element beside it, such as a link, into one paragraph', () => {
    const link = { type: 'link', url: 'http://example.cn', children: [{ text: '链接' }] };
    expect(normalized([{ type: 'article', children: [title('一'), link, { text: '之后的字' }, para('丙')] }], [])).toEqual([
      'article',
      '  title 一',
      '  p 链接之后的字',
      '  p 丙',
    ]);
  });

  it('unwraps a news item inside it into paragraphs', () => {
    expect(normalized([{ type: 'article', children: [title('一'), item('安化县', '开会。')] }], [])).toEqual(['article', '  title 一', '  p 安化县', '  p 开会。']);
  });

  it('moves an article or a section nested in it out to the top level', () => {
    const lines = normalized([{ type: 'article', children: [title('一'), para('a'), article('二', 'b'), section('县市区工作动态', item('甲', 'c'))] }], ['县市区工作动态']);
    expect(lines).toEqual(['article', '  title 一', '  p a', 'article', '  title 二', '  p b', 'section 县市区工作动态', '  item colon', '    head 甲', '    p c']);
  });
});

describe('news section', () => {
  it('gets one empty item when it has none', () => {
    expect(normalized([article('一', 'a'), { type: 'news-section', heading: '县市区工作动态', marker: true, children: [] }], ['县市区工作动态']).slice(3)).toEqual([
      'section 县市区工作动态',
      '  item colon',
      '    head',
      '    p',
    ]);
  });

  it('moves a paragraph standing in it into the item before it, or makes it an item with an empty head', () => {
    const children = [article('一', 'a'), { type: 'news-section', heading: '县市区工作动态', marker: true, children: [para('开头'), item('甲', 'b'), para('续')] }];
    expect(normalized(children, ['县市区工作动态']).slice(3)).toEqual([
      'section 县市区工作动态',
      '  item colon',
      '    head',
      '    p 开头',
      '  item colon',
      '    head 甲',
      '    p b',
      '    p 续',
    ]);
  });

  it('starts a new item at a head standing in it, taking the form of the item before it; a title there becomes a head', () => {
    const ownLine = { ...item('甲', 'b'), form: 'ownLine' };
    const children = [article('一', 'a'), { type: 'news-section', heading: '县市区工作动态', marker: true, children: [ownLine, head('乙'), title('丙')] }];
    expect(normalized(children, ['县市区工作动态']).slice(3)).toEqual([
      'section 县市区工作动态',
      '  item ownLine',
      '    head 甲',
      '    p b',
      '  item ownLine',
      '    head 乙',
      '    p',
      '  item ownLine',
      '    head 丙',
      '    p',
    ]);
  });
});

describe('news item', () => {
  const inSection = (...children: unknown[]) => [article('一', 'a'), { type: 'news-section', heading: '县市区工作动态', marker: true, children }];

  it('gets an empty head first when it has none', () => {
    expect(normalized(inSection({ type: 'news-item', form: 'colon', children: [para('正文')] }), ['县市区工作动态']).slice(4)).toEqual(['  item colon', '    head', '    p 正文']);
  });

  it('moves its only head to the top, and turns a second head into a paragraph', () => {
    const children = inSection({ type: 'news-item', form: 'colon', children: [para('正文'), head('安化县'), head('又一个')] });
    expect(normalized(children, ['县市区工作动态']).slice(4)).toEqual(['  item colon', '    head 安化县', '    p 正文', '    p 又一个']);
  });

  it('gets an empty paragraph when it has none', () => {
    expect(normalized(inSection({ type: 'news-item', form: 'runIn', children: [head('甲')] }), ['县市区工作动态']).slice(4)).toEqual(['  item runIn', '    head 甲', '    p']);
  });

  it('moves an item nested in it out to follow it', () => {
    const children = inSection({ type: 'news-item', form: 'colon', children: [head('甲'), para('a'), item('乙', 'b')] });
    expect(normalized(children, ['县市区工作动态']).slice(4)).toEqual(['  item colon', '    head 甲', '    p a', '  item colon', '    head 乙', '    p b']);
  });

  it('turns a title or subtitle inside it into a paragraph', () => {
    const children = inSection({ type: 'news-item', form: 'colon', children: [head('甲'), title('标'), subtitle('副')] });
    expect(normalized(children, ['县市区工作动态']).slice(4)).toEqual(['  item colon', '    head 甲', '    p 标', '    p 副']);
  });
});

describe('properties and text', () => {
  it('repairs invalid values: unknown form to colon, bad sub-heading level removed, missing heading and marker filled', () => {
    const children = [
      { type: 'article', children: [title('一'), { type: 'paragraph', heading: 7, children: [{ text: 'a' }] }] },
      { type: 'news-section', children: [{ type: 'news-item', form: 'banner', children: [head('甲'), para('b')] }] },
    ];
    const editor = schemaEditorWith(children, []);
    expect(editor.children[0]).toEqual(article('一', 'a'));
    expect(editor.children[1]).toMatchObject({ type: 'news-section', heading: '', marker: true, children: [{ form: 'colon' }] });
  });

  it('removes properties an element type does not have', () => {
    const children = [{ type: 'article', color: 'red', children: [{ type: 'article-title', heading: 1, children: [{ text: '一' }] }, { type: 'paragraph', heading: 2, align: 'center', children: [{ text: 'a' }] }] }];
    expect(schemaEditorWith(children, []).children).toEqual([{ type: 'article', children: [{ type: 'article-title', children: [{ text: '一' }] }, { type: 'paragraph', heading: 2, children: [{ text: 'a' }] }] }]);
  });

  it('removes bold from titles, subtitles and heads but keeps it in paragraphs', () => {
    const bold = (type: string) => ({ type, children: [{ text: type, bold: true }] });
    const children = [
      { type: 'article', children: [bold('article-title'), bold('article-subtitle'), bold('paragraph')] },
      { type: 'news-section', heading: '县市区工作动态', marker: true, children: [{ type: 'news-item', form: 'colon', children: [bold('item-head'), bold('paragraph')] }] },
    ];
    expect(normalized(children, ['县市区工作动态'])).toEqual([
      'article',
      '  title article-title',
      '  subtitle article-subtitle',
      '  p **paragraph**',
      'section 县市区工作动态',
      '  item colon',
      '    head item-head',
      '    p **paragraph**',
    ]);
  });

  it('removes every style but bold from leaves, and bold: false, then joins the equal leaves', () => {
    const children = [{ type: 'article', children: [title('一'), { type: 'paragraph', children: [{ text: '甲', italic: true }, { text: '乙', bold: false }, { text: '丙', bold: true, color: 'red' }] }] }];
    expect(schemaEditorWith(children, []).children[0]).toEqual({
      type: 'article',
      children: [{ type: 'article-title', children: [{ text: '一' }] }, { type: 'paragraph', children: [{ text: '甲乙' }, { text: '丙', bold: true }] }],
    });
  });

  it('unwraps an element inside a paragraph or title, keeping its text', () => {
    const children = [{ type: 'article', children: [{ type: 'article-title', children: [{ text: '标' }, { type: 'link', children: [{ text: '题' }] }] }, { type: 'paragraph', children: [para('里面')] }] }];
    expect(normalized(children, [])).toEqual(['article', '  title 标题', '  p 里面']);
  });
});

describe('editing cannot change the shape', () => {
  const twoArticles = () => schemaEditorWith([article('第一篇', '甲段', '乙段'), article('第二篇', '丙段'), section('县市区工作动态', item('安化县', '丁段'))], ['县市区工作动态']);

  it('does not split a title or head on Slate’s own insertBreak, but splits a paragraph', () => {
    const editor = twoArticles();
    cursorAfter(editor, '第一');
    editor.insertBreak();
    cursorAfter(editor, '安化');
    editor.insertBreak();
    cursorAfter(editor, '甲');
    editor.insertBreak();
    expect(outline(editor.children).slice(0, 5)).toEqual(['article', '  title 第一篇', '  p 甲', '  p 段', '  p 乙段']);
    expect(outline(editor.children)).toContain('    head 安化县');
  });

  it('does not merge an article’s first paragraph into its title on Slate’s own deleteBackward', () => {
    const editor = twoArticles();
    cursorBefore(editor, '丙段');
    editor.deleteBackward('character');
    editor.deleteBackward('word');
    expect(outline(editor.children).slice(3, 7)).toEqual(['  p 乙段', 'article', '  title 第二篇', '  p 丙段']);
  });

  it('does not merge an item’s first paragraph into its head on Slate’s own deleteBackward', () => {
    const editor = twoArticles();
    cursorBefore(editor, '丁段');
    editor.deleteBackward('character');
    expect(outline(editor.children).slice(-2)).toEqual(['    head 安化县', '    p 丁段']);
  });

  it('does not pull the next article’s title into a last paragraph on Slate’s own deleteForward', () => {
    const editor = twoArticles();
    cursorAfter(editor, '乙段');
    editor.deleteForward('character');
    editor.deleteForward('line');
    expect(outline(editor.children).slice(3, 6)).toEqual(['  p 乙段', 'article', '  title 第二篇']);
  });

  it('still joins two paragraphs of one article on deleteBackward', () => {
    const editor = twoArticles();
    cursorBefore(editor, '乙段');
    editor.deleteBackward('character');
    expect(outline(editor.children).slice(0, 3)).toEqual(['article', '  title 第一篇', '  p 甲段乙段']);
  });

  it('keeps both articles, each with its title, when a selection from one into the next is deleted', () => {
    const editor = twoArticles();
    selectBetween(editor, pointAt(editor, '段'), pointAt(editor, '段', false, 2));
    editor.deleteFragment();
    expect(outline(editor.children).slice(0, 6)).toEqual(['article', '  title 第一篇', '  p 甲', 'article', '  title', '  p 段']);
  });

  it('keeps a title a title when typing over a selection from it into the body', () => {
    const editor = twoArticles();
    selectBetween(editor, pointAt(editor, '篇'), pointAt(editor, '乙'));
    editor.insertText('新');
    expect(outline(editor.children).slice(0, 4)).toEqual(['article', '  title 第一新', '  p 乙段', 'article']);
  });

  it('leaves a valid empty body when everything is selected and deleted', () => {
    const editor = twoArticles();
    Transforms.select(editor, Editor.range(editor, []));
    editor.deleteFragment();
    expect(structureProblems(editor.children, ['县市区工作动态'])).toEqual([]);
    expect(Node.string(editor)).toBe('');
  });

  it('places a pasted fragment of a whole article as a new article, not as text in a title', () => {
    const editor = twoArticles();
    const fragment = structuredClone([article('复制的文章', '复制的正文')]);
    cursorAfter(editor, '第二篇');
    editor.insertFragment(fragment);
    expect(outline(editor.children).slice(5, 11)).toEqual(['  title 第二篇', '  p 丙段', 'article', '  title 复制的文章', '  p 复制的正文', 'section 县市区工作动态']);
  });
});

describe('convergence', () => {
  const TYPES = ['article', 'article-title', 'article-subtitle', 'paragraph', 'news-section', 'news-item', 'item-head', 'blockquote'];

  function randomNode(random: () => number, depth: number, serial: { n: number }): unknown {
    if (depth > 3 || random() < 0.3) return { text: `字${serial.n++}`, ...(random() < 0.3 ? { bold: true } : {}) };
    const type = TYPES[Math.floor(random() * TYPES.length)]!;
    const children = Array.from({ length: Math.floor(random() * 4) }, () => randomNode(random, depth + 1, serial));
    const extra = type === 'news-section' ? { heading: random() < 0.5 ? '县市区工作动态' : '其他动态', marker: true } : type === 'news-item' ? { form: 'colon' } : {};
    return { type, ...extra, children };
  }

  const characters = (nodes: readonly Descendant[]) => [...nodes.map((node) => Node.string(node)).join('')].sort().join('');

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('turns random nesting (seed %i) into a valid body without losing a character', (seed) => {
    const random = seededRandom(seed);
    const serial = { n: 0 };
    const children = Array.from({ length: 12 }, () => randomNode(random, 0, serial)) as Descendant[];
    const editor = schemaEditorWith(children);
    expect(structureProblems(editor.children)).toEqual([]);
    expect(characters(editor.children)).toBe(characters(children));
  });
});

describe('a news item typed on one line, `单位：正文`', () => {
  /** An article and a section with one blank colon item, the cursor in its head. */
  function blankItem(form: 'colon' | 'runIn' | 'ownLine' = 'colon', text = ''): Editor {
    const editor = editorWith([article('一', '正文'), section('县市区工作动态', { ...item('', text), form })], ['县市区工作动态']);
    cursorIn(editor, [1, 0, 0]);
    return editor;
  }
  const itemOutline = (editor: Editor) => outline([editor.children[1]!]).slice(1);
  /** Types `text` as a clerk does key by key, each character its own edit. */
  async function typeKeys(editor: Editor, text: string): Promise<void> {
    for (const ch of text) {
      editor.insertText(ch);
      await Promise.resolve();
    }
  }

  it('moves the cursor to the start of the item’s text when `：` is typed after a unit, and what follows goes into the text', async () => {
    const editor = blankItem();
    await typeKeys(editor, '安化县：');
    expect(itemOutline(editor)).toEqual(['  item colon', '    head 安化县', '    p']);
    expect(cursorBlock(editor)).toBe('p');
    await typeKeys(editor, '7月11日，该县召开会议。');
    expect(itemOutline(editor)).toEqual(['  item colon', '    head 安化县', '    p 7月11日，该县召开会议。']);
  });

  it('splits one IME commit holding the colon the same way, the cursor after the committed text', () => {
    const editor = blankItem();
    editor.insertText('安化县：7月11日，该县召开会议。');
    expect(itemOutline(editor)).toEqual(['  item colon', '    head 安化县', '    p 7月11日，该县召开会议。']);
    expect(editor.selection?.anchor).toEqual(pointAt(editor, '会议。', true));
  });

  it('splits a pasted `单位：正文` typed into a head that has a name, putting the text before the item’s text', () => {
    const editor = blankItem('colon', '已有正文。');
    editor.insertText('安化县');
    insertPastedText(editor, '：7月11日，');
    expect(itemOutline(editor)).toEqual(['  item colon', '    head 安化县', '    p 7月11日，已有正文。']);
    expect(editor.selection?.anchor).toEqual(pointAt(editor, '7月11日，', true));
  });

  it('splits at a half-width colon between Han characters, and drops the spaces after the colon', async () => {
    const editor = blankItem();
    await typeKeys(editor, '安化县:该县  召开');
    expect(itemOutline(editor)).toEqual(['  item colon', '    head 安化县', '    p 该县  召开']);
    const spaced = blankItem();
    spaced.insertText('桃江县 ：  开会');
    expect(itemOutline(spaced)).toEqual(['  item colon', '    head 桃江县', '    p 开会']);
  });

  it.each([
    ['a time', '10:30召开会议'],
    ['a half-width colon after Latin letters', 'PM2.5:下降'],
    ['a sentence before the colon', '7月11日，安化县召开会议：要求整改'],
    ['a name of more than 16 characters', '益阳市生态环境保护督察整改工作领导小组办公室：开会'],
    ['one character before the colon', '县：开会'],
  ])('leaves a head with %s as it is', (_what, head) => {
    const editor = blankItem();
    editor.insertText(head);
    expect(itemOutline(editor)).toEqual(['  item colon', `    head ${head}`, '    p']);
  });

  it.each(['runIn', 'ownLine'] as const)('leaves a %s headline holding a colon as it is', (form) => {
    const editor = blankItem(form);
    editor.insertText('督察回头看：桃江县全面整改');
    expect(itemOutline(editor)).toEqual([`  item ${form}`, '    head 督察回头看：桃江县全面整改', '    p']);
  });

  it('splits a head held by the body, as the schema normalizes it (an item loaded or pasted as a fragment)', () => {
    const editor = schemaEditorWith([article('一', '正文'), section('县市区工作动态', item('安化县：7月11日，', '开会。'))], ['县市区工作动态']);
    expect(outline([editor.children[1]!]).slice(1)).toEqual(['  item colon', '    head 安化县', '    p 7月11日，开会。']);
  });

  it('gives back on one undo the head as it was typed, which then keeps its colon while the clerk types on', async () => {
    const editor = blankItem();
    await typeKeys(editor, '安化县：');
    HistoryEditor.undo(editor);
    expect(itemOutline(editor)).toEqual(['  item colon', '    head 安化县：', '    p']);
    expect(editor.selection?.anchor).toEqual(pointAt(editor, '安化县：', true));
    await typeKeys(editor, '益阳');
    expect(itemOutline(editor)).toEqual(['  item colon', '    head 安化县：益阳', '    p']);
    HistoryEditor.undo(editor);
    HistoryEditor.undo(editor);
    expect(itemOutline(editor)).toEqual(['  item colon', '    head', '    p']);
  });

  it('gives back on one undo an IME commit as committed, and on the next takes it away', async () => {
    const editor = blankItem();
    await Promise.resolve();
    editor.insertText('安化县：7月11日，该县召开会议。');
    await Promise.resolve();
    HistoryEditor.undo(editor);
    expect(itemOutline(editor)).toEqual(['  item colon', '    head 安化县：7月11日，该县召开会议。', '    p']);
    HistoryEditor.undo(editor);
    expect(itemOutline(editor)).toEqual(['  item colon', '    head', '    p']);
  });

  it('splits again once the undone colon was deleted and typed anew', async () => {
    const editor = blankItem();
    await typeKeys(editor, '安化县：');
    HistoryEditor.undo(editor);
    editor.deleteBackward('character');
    await Promise.resolve();
    await typeKeys(editor, '：');
    expect(itemOutline(editor)).toEqual(['  item colon', '    head 安化县', '    p']);
  });

  it('finds the division where the brief puts it', () => {
    expect(unitHeadSplit('安化县：7月11日')).toEqual({ headEnd: 3, colon: 3, restStart: 4 });
    expect(unitHeadSplit('安化县 ： 7月')).toEqual({ headEnd: 3, colon: 4, restStart: 6 });
    expect(unitHeadSplit('𠀋县:镇')).toEqual({ headEnd: 3, colon: 3, restStart: 4 });
    expect(unitHeadSplit('安化县:7月')).toBeNull();
    expect(unitHeadSplit('安化县')).toBeNull();
  });
});
