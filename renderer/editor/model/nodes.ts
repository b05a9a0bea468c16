// Constructors, type guards and lookups for the bulletin's Slate nodes, shared by the mapping, the
// schema, the commands and paste.
import { Editor, Element, Node, Range, Transforms, type Location, type NodeEntry } from 'slate';
import { newsHeadFormSchema, type HeadingLevel, type ImageRef, type NewsHeadForm } from '../../../shared/model/issue.ts';
import type {
  ArticleElement,
  BulletinElement,
  BulletinElementType,
  BulletinText,
  ContentNode,
  FigureElement,
  LineElement,
  NewsItemElement,
  NewsSectionElement,
  ParagraphElement,
  TableCellElement,
  TableElement,
  TableRowElement,
  TableRowRole,
  TextBlockElement,
} from './types.ts';
import { newsHeadLayout } from '../../../shared/format/marks.ts';

type ElementOf<T extends BulletinElementType> = Extract<BulletinElement, { type: T }>;

/** The properties each element type may carry besides `type` and `children`. */
export const ELEMENT_PROPERTIES: Record<BulletinElementType, readonly string[]> = {
  // sources and instruction: whose report it is and a leader's 批示 (信息采用), kept as the text is edited
  article: ['sources', 'instruction'],
  'article-title': [],
  'article-subtitle': [],
  paragraph: ['heading'],
  'news-section': ['heading', 'marker'],
  'news-item': ['form', 'sources', 'instruction'],
  'item-head': [],
  table: ['columns'],
  'table-title': [],
  'table-row': ['role'],
  'table-cell': ['colSpan', 'rowSpan'],
  figure: ['image', 'widthPercent'],
  'figure-caption': [],
};

const TEXT_BLOCK_TYPES: ReadonlySet<string> = new Set(['article-title', 'article-subtitle', 'paragraph', 'item-head', 'table-title', 'table-cell', 'figure-caption']);
const CONTENT_TYPES: ReadonlySet<string> = new Set(['paragraph', 'table', 'figure']);
/** The width share a new figure takes of the type area. */
export const DEFAULT_FIGURE_WIDTH = 80;
export const HEAD_FORMS: readonly NewsHeadForm[] = newsHeadFormSchema.options;
export const HEADING_LEVELS: readonly HeadingLevel[] = [1, 2, 3, 4];

export function isKnownElement(node: Node): node is BulletinElement {
  return Element.isElement(node) && Object.hasOwn(ELEMENT_PROPERTIES, node.type);
}

export function isOfType<T extends BulletinElementType>(node: Node | undefined, type: T): node is ElementOf<T> {
  return node !== undefined && Element.isElement(node) && node.type === type;
}

/** Title, subtitle, head, paragraph, table title, cell or caption: the elements that hold text leaves. */
export function isTextBlock(node: Node | undefined): node is TextBlockElement {
  return node !== undefined && Element.isElement(node) && TEXT_BLOCK_TYPES.has(node.type);
}

/** A paragraph, table or figure: what an article's or item's body holds. */
export function isContentNode(node: Node | undefined): node is ContentNode {
  return node !== undefined && Element.isElement(node) && CONTENT_TYPES.has(node.type);
}

export const emptyText = (): BulletinText => ({ text: '' });

export function cellNode(text = '', span: { colSpan?: number | undefined; rowSpan?: number | undefined } = {}): TableCellElement {
  const cell: TableCellElement = { type: 'table-cell', children: [{ text }] };
  if (span.colSpan !== undefined && span.colSpan >= 2) cell.colSpan = span.colSpan;
  if (span.rowSpan !== undefined && span.rowSpan >= 2) cell.rowSpan = span.rowSpan;
  return cell;
}

export function rowNode(role: TableRowRole, cells: number | TableCellElement[]): TableRowElement {
  return { type: 'table-row', role, children: typeof cells === 'number' ? Array.from({ length: cells }, () => cellNode()) : cells };
}

/** What 插入表格 asks for: body rows × columns, a header row or not, a 合计 row or not. */
export interface NewTableShape {
  rows: number;
  columns: number;
  header: boolean;
  total: boolean;
}

/** A new table: its first column (the units) flush left, the others centred, as offices print short words and counts alike. */
export function tableNode({ rows, columns, header, total }: NewTableShape): TableElement {
  const children: TableElement['children'] = [{ type: 'table-title', children: [emptyText()] }];
  if (header) children.push(rowNode('header', columns));
  for (let i = 0; i < rows; i++) children.push(rowNode('body', columns));
  if (total) children.push(rowNode('total', [cellNode('合计'), ...Array.from({ length: columns - 1 }, () => cellNode())]));
  return { type: 'table', columns: Array.from({ length: columns }, (_, index) => (index === 0 ? 'left' : 'center')), children };
}

export function figureNode(image: ImageRef, caption = '', widthPercent = DEFAULT_FIGURE_WIDTH): FigureElement {
  return { type: 'figure', image, widthPercent, children: [{ type: 'figure-caption', children: [{ text: caption }] }] };
}

export function paragraphNode(children: BulletinText[] = [emptyText()], heading?: HeadingLevel): ParagraphElement {
  return heading === undefined ? { type: 'paragraph', children } : { type: 'paragraph', heading, children };
}

/** A title, subtitle or head holding plain text. */
export function lineNode<T extends LineElement['type']>(type: T, text = ''): Extract<LineElement, { type: T }> {
  return { type, children: [{ text }] } as Extract<LineElement, { type: T }>;
}

export function articleNode(title = '', subtitle?: string, paragraphs: ContentNode[] = [paragraphNode()]): ArticleElement {
  const lines: ArticleElement['children'] = [lineNode('article-title', title)];
  if (subtitle !== undefined) lines.push(lineNode('article-subtitle', subtitle));
  return { type: 'article', children: [...lines, ...paragraphs] };
}

export function newsItemNode(form: NewsHeadForm, head = '', paragraphs: ContentNode[] = [paragraphNode()]): NewsItemElement {
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

// ---- a news item's head and its text ----

const HAN = /^\p{Script=Han}$/u;
/** A unit name as the importer reads one before `：` (shared/import/parse-bulletin.ts): 2 to 16 characters, no punctuation or space. */
const UNIT_NAME = /^[^，。；：:！？、,;!?\s]{2,16}$/u;

const charBefore = (text: string, index: number) => String.fromCodePoint(text.codePointAt(index - (/[\uDC00-\uDFFF]/.test(text[index - 1] ?? '') ? 2 : 1)) ?? 0);
const charAt = (text: string, index: number) => (index < text.length ? String.fromCodePoint(text.codePointAt(index)!) : '');

/** Where a head written `单位：正文` divides: the unit ends at `headEnd`, `colon` is the colon, the text starts at `restStart`. */
export interface UnitHeadSplit {
  headEnd: number;
  colon: number;
  restStart: number;
}

/**
 * The division of a head written on one line as `安化县：7月11日，…`: at the first full-width `：`, or a
 * half-width `:` between Han characters, when what stands before it is a short unit name. Null for a
 * head that is no `单位：` (a headline, a sentence, a time such as `10:30`).
 */
export function unitHeadSplit(text: string): UnitHeadSplit | null {
  let colon = -1;
  for (let i = 0; i < text.length && colon < 0; i++) {
    if (text[i] === '：' || (text[i] === ':' && i > 0 && HAN.test(charBefore(text, i)) && HAN.test(charAt(text, i + 1)))) colon = i;
  }
  if (colon < 0) return null;
  const head = text.slice(0, colon).trimEnd();
  if (!UNIT_NAME.test(head.trimStart())) return null;
  const after = text.slice(colon + 1);
  return { headEnd: head.length, colon, restStart: colon + 1 + (after.length - after.trimStart().length) };
}

/**
 * Whether the editor shows the item as it prints, its head run in before its text on one line
 * (`▲安化县：7月11日，…`, `▲**headline**　text`): a colon or run-in head that has text. A headline of
 * its own line, and a head not yet written, stand on their own line.
 */
export function showsRunIn(item: NewsItemElement): boolean {
  const head = item.children[0];
  return isOfType(head, 'item-head') && !isBlank(head) && !newsHeadLayout(item.form, true).ownLine;
}
