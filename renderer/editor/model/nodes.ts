// Constructors, type guards and lookups for the bulletin's Slate nodes, shared by the mapping, the
// schema, the commands and paste.
import { Editor, Element, Node, Range, Transforms, type Location, type NodeEntry } from 'slate';
import { newsHeadFormSchema, type HeadingLevel, type NewsHeadForm } from '../../../shared/model/issue.ts';
import type {
  ArticleElement,
  BulletinElement,
  BulletinElementType,
  BulletinText,
  LineElement,
  NewsItemElement,
  NewsSectionElement,
  ParagraphElement,
  TextBlockElement,
} from './types.ts';

type ElementOf<T extends BulletinElementType> = Extract<BulletinElement, { type: T }>;

/** The properties each element type may carry besides `type` and `children`. */
export const ELEMENT_PROPERTIES: Record<BulletinElementType, readonly string[]> = {
  article: [],
  'article-title': [],
  'article-subtitle': [],
  paragraph: ['heading'],
  'news-section': ['heading', 'marker'],
  'news-item': ['form'],
  'item-head': [],
};

const TEXT_BLOCK_TYPES: ReadonlySet<string> = new Set(['article-title', 'article-subtitle', 'paragraph', 'item-head']);
export const HEAD_FORMS: readonly NewsHeadForm[] = newsHeadFormSchema.options;
export const HEADING_LEVELS: readonly HeadingLevel[] = [1, 2, 3, 4];

export function isKnownElement(node: Node): node is BulletinElement {
  return Element.isElement(node) && Object.hasOwn(ELEMENT_PROPERTIES, node.type);
}

export function isOfType<T extends BulletinElementType>(node: Node | undefined, type: T): node is ElementOf<T> {
  return node !== undefined && Element.isElement(node) && node.type === type;
}

/** Title, subtitle, head or paragraph: the elements that hold text leaves. */
export function isTextBlock(node: Node | undefined): node is TextBlockElement {
  return node !== undefined && Element.isElement(node) && TEXT_BLOCK_TYPES.has(node.type);
}

export const emptyText = (): BulletinText => ({ text: '' });

export function paragraphNode(children: BulletinText[] = [emptyText()], heading?: HeadingLevel): ParagraphElement {
  return heading === undefined ? { type: 'paragraph', children } : { type: 'paragraph', heading, children };
}

/** A title, subtitle or head holding plain text. */
export function lineNode<T extends LineElement['type']>(type: T, text = ''): Extract<LineElement, { type: T }> {
  return { type, children: [{ text }] } as Extract<LineElement, { type: T }>;
}

export function articleNode(title = '', subtitle?: string, paragraphs: ParagraphElement[] = [paragraphNode()]): ArticleElement {
  const lines: ArticleElement['children'] = [lineNode('article-title', title)];
  if (subtitle !== undefined) lines.push(lineNode('article-subtitle', subtitle));
  return { type: 'article', children: [...lines, ...paragraphs] };
}

export function newsItemNode(form: NewsHeadForm, head = '', paragraphs: ParagraphElement[] = [paragraphNode()]): NewsItemElement {
  return { type: 'news-item', form, children: [lineNode('item-head', head), ...paragraphs] };
}

export function newsSectionNode(heading: string, marker: boolean, items: NewsItemElement[] = [newsItemNode('colon')]): NewsSectionElement {
  return { type: 'news-section', heading, marker, children: items };
}

/** True when the node holds no characters at all (an untouched title, item or article). */
export function isBlank(node: Node): boolean {
  return Node.string(node) === '';
}

/** The nearest element of `type` above a location (the selection by default). */
export function aboveOfType<T extends BulletinElementType>(editor: Editor, type: T, at?: Location): NodeEntry<ElementOf<T>> | undefined {
  if (!at && !editor.selection) return undefined;
  return Editor.above<ElementOf<T>>(editor, { at: at ?? editor.selection!, match: (node) => isOfType(node, type) });
}

/** The title, subtitle, head or paragraph holding a location (the selection's anchor by default). */
export function textBlockAt(editor: Editor, at?: Location): NodeEntry<TextBlockElement> | undefined {
  const location = at ?? editor.selection?.anchor;
  if (!location) return undefined;
  return Editor.above<TextBlockElement>(editor, { at: location, match: isTextBlock });
}

/** Deletes an expanded selection (the schema keeps it from merging across structure) and leaves the cursor where it began. */
export function deleteSelection(editor: Editor): void {
  if (!editor.selection || Range.isCollapsed(editor.selection)) return;
  const start = Editor.pointRef(editor, Range.start(editor.selection));
  Editor.deleteFragment(editor);
  const point = start.unref();
  if (point) Transforms.select(editor, point);
}
