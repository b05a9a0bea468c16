// The bulletin's structure as Slate normalization rules, after Slate's forced-layout example: each
// rule is a small function that looks at one node, finds one violation and makes one fix; Slate
// normalizes again until no rule fires. Structural elements are isolated, so Backspace, Delete and
// range deletion never merge text across them, and pasted fragments are placed by paste.ts.
import { Editor, Element, Node, Path, Text, Transforms, type Ancestor, type Descendant, type PathRef, type Point } from 'slate';
import { HistoryEditor } from 'slate-history';
import {
  ELEMENT_PROPERTIES,
  HEAD_FORMS,
  HEADING_LEVELS,
  articleNode,
  isContentNode,
  isKnownElement,
  isOfType,
  isTextBlock,
  lineNode,
  newsItemNode,
  newsSectionNode,
  paragraphNode,
  unitHeadSplit,
  type UnitHeadSplit,
} from './nodes.ts';
import { insertFragmentInStructure } from './paste.ts';
import { findChild, strayTextWrappedIn, unwrapAt, wrapAt, type Rule } from './schema-helpers.ts';
import { FIGURE_RULES, ROW_RULES, TABLE_RULES } from './table-schema.ts';
import type { ArticleElement, BulletinElementType, NewsItemElement, NewsSectionElement, TextBlockElement } from './types.ts';


const TEMPLATES = new WeakMap<Editor, () => readonly string[]>();

/** The news sections of the editor's series template, in print order. */
export function templateSectionsOf(editor: Editor): readonly string[] {
  return [...new Set(TEMPLATES.get(editor)?.() ?? [])];
}

const ISOLATED: ReadonlySet<BulletinElementType> = new Set([
  'article', 'news-section', 'news-item', 'article-title', 'article-subtitle', 'item-head',
  'table', 'table-title', 'table-row', 'table-cell', 'figure', 'figure-caption',
]);

/** The text holders of tables and figures: outside their table or figure they are paragraphs. */
const TABLE_TEXT_TYPES: readonly BulletinElementType[] = ['table-title', 'table-cell', 'figure-caption'];

// ---- fixes that every container (editor, article, section, item) shares ----

/** An element of unknown type that holds only text, such as a pasted link: inline content when it stands beside text. */
function isForeignInline(node: Node | undefined): boolean {
  if (node === undefined || !Element.isElement(node) || isKnownElement(node)) return false;
  return (node as Element).children.every((child) => Text.isText(child));
}

/** Text directly in a container goes into a paragraph, together with the leaves and foreign inlines beside it. */
const strayTextWrapped: Rule<Ancestor> = strayTextWrappedIn(() => paragraphNode([]), isForeignInline);

/** An element of a type the bulletin does not have: a wrapper is removed, a text holder becomes a paragraph. */
const unknownElementReplaced: Rule<Ancestor> = (editor, node, path) => {
  const index = findChild(node, (child) => Element.isElement(child) && !isKnownElement(child));
  if (index < 0) return false;
  const child = node.children[index] as Element;
  const at = path.concat(index);
  if (child.children.some((grandchild) => Element.isElement(grandchild))) unwrapAt(editor, at);
  else Transforms.setNodes(editor, { type: 'paragraph' }, { at, replace: true });
  return true;
};

/** An article or news section inside another block moves to the top level, right after its block. */
const nestedTopLevelBlockMovedOut: Rule<Ancestor> = (editor, node, path) => {
  const index = findChild(node, (child) => isOfType(child, 'article') || isOfType(child, 'news-section'));
  if (index < 0) return false;
  Transforms.moveNodes(editor, { at: path.concat(index), to: [path[0]! + 1] });
  return true;
};

/** A table row outside a table is unwrapped: its cells become paragraphs where they land. */
const strayRowUnwrapped: Rule<Ancestor> = (editor, node, path) => {
  const index = findChild(node, (child) => isOfType(child, 'table-row'));
  if (index < 0) return false;
  unwrapAt(editor, path.concat(index));
  return true;
};

/** A table or figure never ends its article or item: a paragraph follows it, so the caret can leave it downwards and type below. */
const paragraphAfterLastTableOrFigure: Rule<Ancestor> = (editor, node, path) => {
  const last = node.children.at(-1);
  if (!isOfType(last, 'table') && !isOfType(last, 'figure')) return false;
  Transforms.insertNodes(editor, paragraphNode(), { at: path.concat(node.children.length) });
  return true;
};

/** A child of a type that does not belong here becomes the text block that does, its text kept. */
function retypeChildren(from: readonly BulletinElementType[], to: 'paragraph' | 'item-head'): Rule<Ancestor> {
  return (editor, node, path) => {
    const index = findChild(node, (child) => Element.isElement(child) && from.includes(child.type));
    if (index < 0) return false;
    Transforms.setNodes(editor, { type: to }, { at: path.concat(index), replace: true });
    return true;
  };
}

/** The container's first child must be its one `type` (title or head): a later one moves up or becomes a paragraph. */
function oneLeadingChild(type: 'article-title' | 'item-head'): Rule<Ancestor> {
  return (editor, node, path) => {
    const index = findChild(node, (child, i) => i > 0 && isOfType(child, type));
    if (index < 0) return false;
    if (isOfType(node.children[0], type)) Transforms.setNodes(editor, { type: 'paragraph' }, { at: path.concat(index), replace: true });
    else Transforms.moveNodes(editor, { at: path.concat(index), to: path.concat(0) });
    return true;
  };
}

/** An article without a title, or an item without a head, gets an empty one first. */
function startsWith(type: 'article-title' | 'item-head'): Rule<Ancestor> {
  return (editor, node, path) => {
    if (isOfType(node.children[0], type)) return false;
    Transforms.insertNodes(editor, lineNode(type), { at: path.concat(0) });
    return true;
  };
}

/** An article or item without a paragraph gets an empty one to type into. */
const hasParagraph: Rule<Ancestor> = (editor, node, path) => {
  if (node.children.some((child) => isOfType(child, 'paragraph'))) return false;
  Transforms.insertNodes(editor, paragraphNode(), { at: path.concat(node.children.length) });
  return true;
};

// ---- the top level: articles, then the template's sections in order, then other sections ----

/** A title standing alone at the top level starts a new article. */
const topLevelTitleStartsArticle: Rule<Editor> = (editor, node) => {
  const index = findChild(node, (child) => isOfType(child, 'article-title'));
  if (index < 0) return false;
  wrapAt(editor, [index], { type: 'article', children: [] });
  return true;
};

/** A paragraph, table or figure at the top level joins the block before it (an article, or a section's last item), else starts an article. */
const topLevelParagraphJoinsNeighbour: Rule<Editor> = (editor, node) => {
  const index = findChild(node, (child) => isContentNode(child));
  if (index < 0) return false;
  const previous = node.children[index - 1];
  if (isOfType(previous, 'article')) {
    Transforms.moveNodes(editor, { at: [index], to: [index - 1, previous.children.length] });
  } else if (isOfType(previous, 'news-section') && isOfType(previous.children.at(-1), 'news-item')) {
    const last = previous.children.length - 1;
    Transforms.moveNodes(editor, { at: [index], to: [index - 1, last, previous.children[last]!.children.length] });
  } else {
    wrapAt(editor, [index], { type: 'article', children: [] });
  }
  return true;
};

/** A news item at the top level joins the section before it, else the next section; with no section it is unwrapped. */
const topLevelItemJoinsSection: Rule<Editor> = (editor, node) => {
  const index = findChild(node, (child) => isOfType(child, 'news-item'));
  if (index < 0) return false;
  const previous = node.children[index - 1];
  const next = findChild(node, (child, i) => i > index && isOfType(child, 'news-section'));
  if (isOfType(previous, 'news-section')) Transforms.moveNodes(editor, { at: [index], to: [index - 1, previous.children.length] });
  else if (next >= 0) Transforms.moveNodes(editor, { at: [index], to: [next, 0] });
  else unwrapAt(editor, [index]);
  return true;
};

/** The body always has an article to type into (slateToIssue drops it while it is empty). */
const atLeastOneArticle: Rule<Editor> = (editor, node) => {
  if (node.children.some((child) => isOfType(child, 'article'))) return false;
  Transforms.insertNodes(editor, articleNode(), { at: [0] });
  return true;
};

function sectionsOf(node: Editor): [NewsSectionElement, number][] {
  return node.children.flatMap((child, index): [NewsSectionElement, number][] => (isOfType(child, 'news-section') ? [[child, index]] : []));
}

/** Two sections with one heading become one: the later one's items join the earlier one. */
const duplicateSectionsMerged: Rule<Editor> = (editor, node) => {
  const seen = new Map<string, number>();
  for (const [section, index] of sectionsOf(node)) {
    const first = seen.get(section.heading);
    if (first === undefined) {
      seen.set(section.heading, index);
      continue;
    }
    const target = node.children[first] as NewsSectionElement;
    Editor.withoutNormalizing(editor, () => {
      section.children.forEach((_, k) => Transforms.moveNodes(editor, { at: [index, 0], to: [first, target.children.length + k] }));
      Transforms.removeNodes(editor, { at: [index] });
    });
    return true;
  }
  return false;
};

/** A section of the template that is missing comes back, empty, where the template puts it. */
const templateSectionsPresent: Rule<Editor> = (editor, node) => {
  const template = templateSectionsOf(editor);
  const sections = sectionsOf(node);
  const missing = template.findIndex((heading) => !sections.some(([section]) => section.heading === heading));
  if (missing < 0) return false;
  const before = sections.filter(([section]) => template.indexOf(section.heading) >= 0 && template.indexOf(section.heading) < missing);
  const firstSection = sections[0]?.[1] ?? node.children.length;
  const at = before.length > 0 ? before.at(-1)![1] + 1 : firstSection;
  const marker = sections[0]?.[0].marker ?? true;
  Transforms.insertNodes(editor, newsSectionNode(template[missing]!, marker), { at: [at] });
  return true;
};

/** Articles come before the news sections, as the bulletin prints them. */
const articlesBeforeSections: Rule<Editor> = (editor, node) => {
  const firstSection = findChild(node, (child) => isOfType(child, 'news-section'));
  if (firstSection < 0) return false;
  const lateArticle = findChild(node, (child, i) => i > firstSection && isOfType(child, 'article'));
  if (lateArticle < 0) return false;
  Transforms.moveNodes(editor, { at: [lateArticle], to: [firstSection] });
  return true;
};

/** Sections stand in template order, sections outside the template after them in their own order. */
const sectionsInTemplateOrder: Rule<Editor> = (editor, node) => {
  const template = templateSectionsOf(editor);
  const rank = (section: NewsSectionElement) => {
    const index = template.indexOf(section.heading);
    return index < 0 ? template.length : index;
  };
  const sections = sectionsOf(node);
  for (let place = 0; place < sections.length; place++) {
    let belongs = place;
    for (let other = place + 1; other < sections.length; other++) if (rank(sections[other]![0]) < rank(sections[belongs]![0])) belongs = other;
    if (belongs !== place) {
      Transforms.moveNodes(editor, { at: [sections[belongs]![1]], to: [sections[place]![1]] });
      return true;
    }
  }
  return false;
};

// ---- inside a news section: only items ----

/** A head among a section's children starts a new item. */
const sectionHeadStartsItem: Rule<NewsSectionElement> = (editor, node, path) => {
  const index = findChild(node, (child) => isOfType(child, 'item-head'));
  if (index < 0) return false;
  wrapAt(editor, path.concat(index), { type: 'news-item', form: formNear(node, index), children: [] });
  return true;
};

/** A paragraph, table or figure among a section's children joins the item before it, else starts an item. */
const sectionParagraphJoinsItem: Rule<NewsSectionElement> = (editor, node, path) => {
  const index = findChild(node, (child) => isContentNode(child));
  if (index < 0) return false;
  const previous = node.children[index - 1];
  if (isOfType(previous, 'news-item')) Transforms.moveNodes(editor, { at: path.concat(index), to: path.concat(index - 1, previous.children.length) });
  else wrapAt(editor, path.concat(index), { type: 'news-item', form: formNear(node, index), children: [] });
  return true;
};

/** A section without items gets one empty item. */
const sectionHasItem: Rule<NewsSectionElement> = (editor, node, path) => {
  if (node.children.length > 0) return false;
  Transforms.insertNodes(editor, newsItemNode('colon'), { at: path.concat(0) });
  return true;
};

/** The form of the nearest item before `index`, so that a new item prints like its neighbours. */
function formNear(section: NewsSectionElement, index: number): NewsItemElement['form'] {
  for (let i = index - 1; i >= 0; i--) {
    const child = section.children[i];
    if (isOfType(child, 'news-item')) return child.form;
  }
  return 'colon';
}

// ---- inside an item ----

/** An item inside an item moves out to follow it. */
const nestedItemMovedOut: Rule<NewsItemElement> = (editor, node, path) => {
  const index = findChild(node, (child) => isOfType(child, 'news-item'));
  if (index < 0) return false;
  Transforms.moveNodes(editor, { at: path.concat(index), to: Path.next(path) });
  return true;
};

/** Editors in the middle of an undo: normalizing them must not redo what the clerk is undoing. */
const UNDOING = new WeakSet<Editor>();
/** Heads whose split the clerk undid: they keep their colon for as long as they have one. */
const KEPT_HEADS = new WeakMap<Editor, PathRef[]>();

function keptHead(editor: Editor, path: Path): PathRef | undefined {
  const live = (KEPT_HEADS.get(editor) ?? []).filter((ref) => ref.current !== null || (ref.unref(), false));
  KEPT_HEADS.set(editor, live);
  return live.find((ref) => Path.equals(ref.current!, path));
}

/** The point `offset` characters into the text block at `path`. */
function pointInBlock(editor: Editor, path: Path, offset: number): Point {
  let rest = offset;
  for (const [leaf, leafPath] of Node.texts(Node.get(editor, path))) {
    if (rest <= leaf.text.length) return { path: path.concat(leafPath), offset: rest };
    rest -= leaf.text.length;
  }
  return Editor.end(editor, path);
}

/** How far into the text block at `path` a point is, or null when it is elsewhere. */
function offsetInBlock(editor: Editor, path: Path, point: Point): number | null {
  if (!Path.isAncestor(path, point.path)) return null;
  let offset = 0;
  for (const [leaf, leafPath] of Node.texts(Node.get(editor, path))) {
    if (Path.equals(path.concat(leafPath), point.path)) return offset + point.offset;
    offset += leaf.text.length;
  }
  return null;
}

/**
 * Moves the text after a head's colon to the start of the item's first paragraph and drops the colon
 * (the colon form prints its own). A caret that stood after the colon follows the text, so typing `：`
 * takes the caret to the item's text. One undo step of its own, so that undo gives back the head as typed.
 */
function splitUnitHead(editor: Editor, itemPath: Path, split: UnitHeadSplit): void {
  const headPath = itemPath.concat(0);
  const textPath = itemPath.concat(1);
  const rest = Node.string(Node.get(editor, headPath)).slice(split.restStart);
  const selection = editor.selection;
  const follows = (point: Point | undefined) => {
    const offset = point ? offsetInBlock(editor, headPath, point) : null;
    return offset !== null && offset > split.colon ? Math.max(0, offset - split.restStart) : null;
  };
  const anchor = follows(selection?.anchor);
  const focus = follows(selection?.focus);
  const run = () =>
    Editor.withoutNormalizing(editor, () => {
      Transforms.delete(editor, { at: { anchor: pointInBlock(editor, headPath, split.headEnd), focus: Editor.end(editor, headPath) } });
      if (rest !== '') Transforms.insertNodes(editor, { text: rest }, { at: textPath.concat(0) });
      if ((anchor !== null || focus !== null) && editor.selection) {
        const inText = (offset: number): Point => (rest !== '' ? { path: textPath.concat(0), offset } : Editor.start(editor, textPath));
        Transforms.select(editor, { anchor: anchor !== null ? inText(anchor) : editor.selection.anchor, focus: focus !== null ? inText(focus) : editor.selection.focus });
      }
    });
  if (HistoryEditor.isHistoryEditor(editor)) HistoryEditor.withNewBatch(editor, run);
  else run();
}

/**
 * A colon-form item whose head was written `单位：正文` on one line (typed key by key, committed by the
 * IME or pasted): the unit stays the head and the text after the colon starts the item's text. Heads
 * of the other forms are headlines and may hold a colon. A head whose split was undone keeps its colon.
 */
const unitHeadSplitOff: Rule<NewsItemElement> = (editor, node, path) => {
  const [head, first] = node.children;
  if (node.form !== 'colon' || !isOfType(head, 'item-head') || !isOfType(first, 'paragraph')) return false;
  const headPath = path.concat(0);
  const split = unitHeadSplit(Node.string(head));
  const kept = keptHead(editor, headPath);
  if (!split) {
    kept?.unref();
    return false;
  }
  if (kept) return false;
  if (UNDOING.has(editor)) {
    KEPT_HEADS.get(editor)!.push(Editor.pathRef(editor, headPath));
    return false;
  }
  splitUnitHead(editor, path, split);
  return true;
};

// ---- inside an article ----

/** An item inside an article is unwrapped: its head and paragraphs become the article's paragraphs. */
const articleItemUnwrapped: Rule<ArticleElement> = (editor, node, path) => {
  const index = findChild(node, (child) => isOfType(child, 'news-item'));
  if (index < 0) return false;
  unwrapAt(editor, path.concat(index));
  return true;
};

/** At most one subtitle, right after the title; any other is a paragraph. */
const subtitleOnlyAfterTitle: Rule<ArticleElement> = (editor, node, path) => {
  const index = findChild(node, (child, i) => i !== 1 && isOfType(child, 'article-subtitle'));
  if (index < 0) return false;
  Transforms.setNodes(editor, { type: 'paragraph' }, { at: path.concat(index), replace: true });
  return true;
};

// ---- properties and text ----

/** An element keeps only the properties of its type. */
const ownPropertiesOnly: Rule<Element> = (editor, node, path) => {
  const allowed = ELEMENT_PROPERTIES[node.type];
  const extra = Object.keys(node).filter((key) => key !== 'type' && key !== 'children' && !allowed.includes(key));
  if (extra.length === 0) return false;
  Transforms.unsetNodes(editor, extra, { at: path });
  return true;
};

/** Properties hold values the bulletin knows: a level 1–4, a known head form, a heading string, a marker flag. */
const propertyValuesValid: Rule<Element> = (editor, node, path) => {
  if (node.type === 'paragraph' && node.heading !== undefined && !HEADING_LEVELS.includes(node.heading)) {
    Transforms.unsetNodes(editor, 'heading', { at: path });
  } else if (node.type === 'news-item' && !HEAD_FORMS.includes(node.form)) {
    Transforms.setNodes(editor, { form: 'colon' }, { at: path });
  } else if (node.type === 'news-section' && typeof node.heading !== 'string') {
    Transforms.setNodes(editor, { heading: '' }, { at: path });
  } else if (node.type === 'news-section' && typeof node.marker !== 'boolean') {
    Transforms.setNodes(editor, { marker: true }, { at: path });
  } else if (node.type === 'table-cell' && ((node.colSpan !== undefined && typeof node.colSpan !== 'number') || (node.rowSpan !== undefined && typeof node.rowSpan !== 'number'))) {
    Transforms.unsetNodes(editor, ['colSpan', 'rowSpan'], { at: path });
  } else {
    return false;
  }
  return true;
};

/** A title, subtitle, head or paragraph holds only text: an element inside one is unwrapped. */
const textBlockHoldsOnlyText: Rule<TextBlockElement> = (editor, node, path) => {
  const index = findChild(node, (child) => Element.isElement(child));
  if (index < 0) return false;
  unwrapAt(editor, path.concat(index));
  return true;
};

/** Bold is the only style, and only paragraphs and table cells carry it: titles, heads and captions print in their own fonts. */
const leafStyleValid: Rule<Text> = (editor, node, path) => {
  const parent = Node.parent(editor, path);
  if (!isTextBlock(parent)) return false;
  const invalid = Object.keys(node).filter((key) => key !== 'text' && (key !== 'bold' || node.bold !== true || (parent.type !== 'paragraph' && parent.type !== 'table-cell')));
  if (invalid.length === 0) return false;
  Transforms.unsetNodes(editor, invalid, { at: path });
  return true;
};

const EDITOR_RULES: Rule<Editor>[] = [
  strayTextWrapped,
  unknownElementReplaced,
  topLevelTitleStartsArticle,
  strayRowUnwrapped,
  retypeChildren(['article-subtitle', 'item-head', ...TABLE_TEXT_TYPES], 'paragraph'),
  topLevelParagraphJoinsNeighbour,
  topLevelItemJoinsSection,
  atLeastOneArticle,
  duplicateSectionsMerged,
  templateSectionsPresent,
  articlesBeforeSections,
  sectionsInTemplateOrder,
];

const ARTICLE_RULES: Rule<ArticleElement>[] = [
  strayTextWrapped,
  unknownElementReplaced,
  nestedTopLevelBlockMovedOut,
  articleItemUnwrapped,
  strayRowUnwrapped,
  retypeChildren(['item-head', ...TABLE_TEXT_TYPES], 'paragraph'),
  oneLeadingChild('article-title'),
  startsWith('article-title'),
  subtitleOnlyAfterTitle,
  hasParagraph,
  paragraphAfterLastTableOrFigure,
];

const SECTION_RULES: Rule<NewsSectionElement>[] = [
  strayTextWrapped,
  unknownElementReplaced,
  nestedTopLevelBlockMovedOut,
  strayRowUnwrapped,
  retypeChildren(['article-title', 'article-subtitle'], 'item-head'),
  retypeChildren(TABLE_TEXT_TYPES, 'paragraph'),
  sectionHeadStartsItem,
  sectionParagraphJoinsItem,
  sectionHasItem,
];

const ITEM_RULES: Rule<NewsItemElement>[] = [
  strayTextWrapped,
  unknownElementReplaced,
  nestedTopLevelBlockMovedOut,
  nestedItemMovedOut,
  strayRowUnwrapped,
  retypeChildren(['article-title', 'article-subtitle', ...TABLE_TEXT_TYPES], 'paragraph'),
  oneLeadingChild('item-head'),
  startsWith('item-head'),
  hasParagraph,
  paragraphAfterLastTableOrFigure,
  unitHeadSplitOff,
];

const ELEMENT_RULES: Rule<Element>[] = [ownPropertiesOnly, propertyValuesValid];

function firstFix<N>(rules: readonly Rule<N>[], editor: Editor, node: N, path: Path): boolean {
  return rules.some((rule) => rule(editor, node, path));
}

/** Applies the first rule that finds something to fix at this node; false when the node is in shape. */
function applyFirstRule(editor: Editor, node: Node, path: Path): boolean {
  if (Text.isText(node)) return leafStyleValid(editor, node, path);
  if (path.length === 0) return firstFix(EDITOR_RULES, editor, editor, path);
  if (!isKnownElement(node)) return false;
  if (firstFix(ELEMENT_RULES, editor, node, path)) return true;
  switch (node.type) {
    case 'article':
      return firstFix(ARTICLE_RULES, editor, node, path);
    case 'news-section':
      return firstFix(SECTION_RULES, editor, node, path);
    case 'news-item':
      return firstFix(ITEM_RULES, editor, node, path);
    case 'table':
      return firstFix(TABLE_RULES, editor, node, path);
    case 'table-row':
      return firstFix(ROW_RULES, editor, node, path);
    case 'figure':
      return firstFix(FIGURE_RULES, editor, node, path);
    default:
      return textBlockHoldsOnlyText(editor, node, path);
  }
}

/**
 * Makes the editor keep the shape of a bulletin body. `getSections` gives the series template's
 * news sections in print order; it is read at every normalization, so template edits apply at once.
 */
export function withBulletinSchema<T extends Editor>(editor: T, getSections: () => readonly string[]): T {
  const { normalizeNode, isIsolated, insertFragment } = editor;
  TEMPLATES.set(editor, getSections);

  if (HistoryEditor.isHistoryEditor(editor)) {
    const { undo } = editor;
    editor.undo = () => {
      UNDOING.add(editor);
      try {
        undo();
      } finally {
        UNDOING.delete(editor);
      }
    };
  }

  editor.normalizeNode = (entry, options) => {
    const [node, path] = entry;
    if (applyFirstRule(editor, node, path)) return;
    // an element of unknown type is replaced by its parent's rules; Slate's own rules could drop its text first
    if (path.length > 0 && Element.isElement(node) && !isKnownElement(node)) return;
    normalizeNode(entry, options);
  };

  editor.isIsolated = (element) => ISOLATED.has(element.type) || isIsolated(element);

  editor.insertFragment = (fragment, options) => {
    if (options?.at !== undefined || !editor.selection) insertFragment(fragment, options);
    else insertFragmentInStructure(editor, fragment);
  };

  return editor;
}
