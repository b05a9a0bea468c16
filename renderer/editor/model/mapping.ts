// The lossless mapping between the canonical issue's body and the editor's Slate nodes. The editor
// shows an issue in its normal form (shared/model/normal-form.ts: articles first, then the template's
// news sections in template order, then sections the template lacks), so that slateToIssue gives back
// exactly the normal form of the issue that issueToSlate was given.
import { Node, Text, type Descendant, type Path } from 'slate';
import type { ArticleBlock, ContentElement, Figure, ImageRef, Issue, NewsBlock, NewsItem, Paragraph, Run, Table, TableCell } from '../../../shared/model/issue.ts';
import { deriveLead, withDerivedLead } from '../../../shared/model/lead.ts';
import { normalAttribution, normalBody, normalRuns, type BodyBlock } from '../../../shared/model/normal-form.ts';
import { articleNode, emptyText, figureNode, isContentNode, isOfType, newsItemNode, newsSectionNode, paragraphNode } from './nodes.ts';
import type {
  ArticleElement,
  ArticleSubtitleElement,
  ArticleTitleElement,
  BulletinText,
  ContentNode,
  FigureElement,
  ItemHeadElement,
  NewsItemElement,
  NewsSectionElement,
  ParagraphElement,
  TableCellElement,
  TableElement,
  TableRowElement,
} from './types.ts';

/** Runs as text leaves: as the normal form writes runs, and at least one leaf. */
function leavesOf(runs: readonly Run[]): BulletinText[] {
  const leaves = normalRuns(runs);
  return leaves.length > 0 ? leaves : [emptyText()];
}

function paragraphToSlate(paragraph: Paragraph): ParagraphElement {
  return paragraphNode(leavesOf(paragraph.runs), paragraph.heading);
}

function cellToSlate(cell: TableCell): TableCellElement {
  const node: TableCellElement = { type: 'table-cell', children: leavesOf(cell.runs) };
  if (cell.colSpan !== undefined) node.colSpan = cell.colSpan;
  if (cell.rowSpan !== undefined) node.rowSpan = cell.rowSpan;
  return node;
}

function tableToSlate(table: Table): TableElement {
  const row = (role: TableRowElement['role'], cells: readonly TableCell[]): TableRowElement => ({ type: 'table-row', role, children: cells.map(cellToSlate) });
  return {
    type: 'table',
    columns: table.columns.map((column) => column.align),
    children: [
      { type: 'table-title', children: [{ text: table.title ?? '' }] },
      ...table.header.map((cells) => row('header', cells)),
      ...table.rows.map((cells) => row('body', cells)),
      ...(table.total ? [row('total', table.total)] : []),
    ],
  };
}

const figureToSlate = (figure: Figure): FigureElement => figureNode({ ...figure.image }, figure.caption, figure.widthPercent);

function contentToSlate(element: ContentElement): ContentNode {
  if (element.type === 'table') return tableToSlate(element);
  if (element.type === 'figure') return figureToSlate(element);
  return paragraphToSlate(element);
}

/**
 * The body of an article or item: at least one paragraph, and one after a table or figure that ends it, so that
 * the caret can always leave a table or figure downwards and type below it (slateToIssue drops that blank again).
 */
function paragraphsToSlate(paragraphs: readonly ContentElement[]): ContentNode[] {
  const nodes = paragraphs.map(contentToSlate);
  if (!nodes.some((node) => node.type === 'paragraph') || nodes.at(-1)!.type !== 'paragraph') nodes.push(paragraphNode());
  return nodes;
}

// an article's or item's attribution and 批示 ride on its element, so that editing the text keeps them
function articleToSlate(block: ArticleBlock): ArticleElement {
  return { ...articleNode(block.title, block.subtitle || undefined, paragraphsToSlate(block.paragraphs)), ...normalAttribution(block) };
}

function itemToSlate(item: NewsItem): NewsItemElement {
  return { ...newsItemNode(item.form ?? 'colon', item.head, paragraphsToSlate(item.paragraphs)), ...normalAttribution(item) };
}

/**
 * The editor's value for an issue: its body in normal form (normalBody with the template), and every
 * section of the template (one empty item where the issue has none); an issue without articles gets
 * one empty article to type into. slateToIssue drops those empty parts again.
 */
export function issueToSlate(issue: Issue, sections: readonly string[], newsMarker = true): Descendant[] {
  const body = normalBody(issue.blocks, sections);
  const articles = body.flatMap((block) => (block.type === 'article' ? [articleToSlate(block)] : []));
  if (articles.length === 0) articles.push(articleNode());
  const present = new Map(body.flatMap((block) => (block.type === 'news' ? [[block.heading, block] as const] : [])));
  const template = [...new Set(sections)];
  const sectionOf = (heading: string) => {
    const block = present.get(heading);
    return block ? newsSectionNode(heading, block.marker !== false, block.items.map(itemToSlate)) : newsSectionNode(heading, newsMarker, [newsItemNode('colon')]);
  };
  const ordered = [...template, ...[...present.keys()].filter((heading) => !template.includes(heading))].map(sectionOf);
  return [...articles, ...ordered];
}

/** Leaves as runs, as the normal form writes runs. */
function runsOf(element: { children: readonly Descendant[] }): Run[] {
  return normalRuns(element.children.filter((leaf) => Text.isText(leaf)));
}

const hasLeafText = (element: { children: readonly Descendant[] }) => element.children.some((leaf) => Text.isText(leaf) && leaf.text !== '');

/** Whether a content node is part of the issue: a paragraph with text, a table with a row, any figure (see contentOf). */
function countsAsContent(node: ContentNode): boolean {
  if (node.type === 'paragraph') return hasLeafText(node);
  if (node.type === 'table') return node.children.some((child) => isOfType(child, 'table-row'));
  return true;
}

/** One text element of the body and where it stands in the editor's value. */
export interface PartAt<N> {
  path: Path;
  node: N;
}

export interface ItemPart extends PartAt<NewsItemElement> {
  head: PartAt<ItemHeadElement> | null;
  /** the item's content as the issue counts it (paragraphs with text, tables, figures): paragraphs[k] is the issue's paragraphs[k] */
  paragraphs: PartAt<ContentNode>[];
}

/**
 * One body block of the issue in the editor's value: its element and those of its texts, with the
 * empty parts the issue leaves out (paragraphs, items, sections, articles) left out here too.
 */
export type BodyPart =
  | (PartAt<ArticleElement> & { type: 'article'; title: PartAt<ArticleTitleElement> | null; subtitle: PartAt<ArticleSubtitleElement> | null; paragraphs: PartAt<ContentNode>[] })
  | (PartAt<NewsSectionElement> & { type: 'news'; items: ItemPart[] });

function firstOfType<T extends 'article-title' | 'article-subtitle' | 'item-head'>(element: ArticleElement | NewsItemElement, parent: Path, type: T) {
  const index = element.children.findIndex((child) => isOfType(child, type));
  return index < 0 ? null : { path: parent.concat(index), node: element.children[index] as Extract<ArticleElement['children'][number] | NewsItemElement['children'][number], { type: T }> };
}

function paragraphParts(element: ArticleElement | NewsItemElement, parent: Path): PartAt<ContentNode>[] {
  return element.children.flatMap((child, index) => (isContentNode(child) && countsAsContent(child) ? [{ path: parent.concat(index), node: child }] : []));
}

/**
 * The issue's body blocks as they stand in the editor, in the issue's order (the issue's blocks[k + 1],
 * after the 导读): the one counting of blocks, items and paragraphs that slateToIssue, finding ranges
 * and the page plan share.
 */
export function bodyPartsOf(nodes: readonly Descendant[]): BodyPart[] {
  const parts: BodyPart[] = [];
  nodes.forEach((node, index) => {
    const path = [index];
    if (isOfType(node, 'article')) {
      const title = firstOfType(node, path, 'article-title');
      const subtitle = firstOfType(node, path, 'article-subtitle');
      const paragraphs = paragraphParts(node, path);
      if ((title && Node.string(title.node) !== '') || (subtitle && Node.string(subtitle.node) !== '') || paragraphs.length > 0) {
        parts.push({ type: 'article', path, node, title, subtitle, paragraphs });
      }
    } else if (isOfType(node, 'news-section')) {
      const items: ItemPart[] = [];
      node.children.forEach((item, itemIndex) => {
        if (!isOfType(item, 'news-item')) return;
        const itemPath = path.concat(itemIndex);
        const head = firstOfType(item, itemPath, 'item-head');
        const paragraphs = paragraphParts(item, itemPath);
        if ((head && Node.string(head.node) !== '') || paragraphs.length > 0) items.push({ path: itemPath, node: item, head, paragraphs });
      });
      if (items.length > 0) parts.push({ type: 'news', path, node, items });
    }
  });
  return parts;
}

function cellOf(cell: TableCellElement): TableCell {
  const out: TableCell = { runs: runsOf(cell) };
  if (typeof cell.colSpan === 'number' && cell.colSpan >= 2) out.colSpan = cell.colSpan;
  if (typeof cell.rowSpan === 'number' && cell.rowSpan >= 2) out.rowSpan = cell.rowSpan;
  return out;
}

/** A table as the normal form writes it: title only when it has more than white space, the 合计 row only when there is one. */
function tableOf(node: TableElement): Table {
  const title = node.children.find((child) => isOfType(child, 'table-title'));
  const rows = node.children.filter((child): child is TableRowElement => isOfType(child, 'table-row'));
  const cells = (role: TableRowElement['role']) => rows.filter((row) => row.role === role).map((row) => row.children.filter((cell) => isOfType(cell, 'table-cell')).map(cellOf));
  const titleText = title ? Node.string(title) : '';
  const total = cells('total')[0];
  // the keys in the normal form's order
  return {
    type: 'table',
    ...(titleText.trim() !== '' ? { title: titleText } : {}),
    columns: node.columns.map((align) => ({ align })),
    header: cells('header'),
    rows: cells('body'),
    ...(total ? { total } : {}),
  };
}

function figureOf(node: FigureElement): Figure {
  const image: ImageRef = { id: node.image.id, format: node.image.format, width: node.image.width, height: node.image.height };
  return { type: 'figure', image, caption: Node.string(node).trim(), widthPercent: node.widthPercent };
}

function contentOf({ node }: PartAt<ContentNode>): ContentElement {
  if (node.type === 'table') return tableOf(node);
  if (node.type === 'figure') return figureOf(node);
  return node.heading !== undefined ? { runs: runsOf(node), heading: node.heading } : { runs: runsOf(node) };
}

function paragraphsOf(parts: readonly PartAt<ContentNode>[]): ContentElement[] {
  return parts.map(contentOf);
}

// Slate's nodes are immutable: an article or news item not edited since the last conversion is the same object,
// and converts to the same block (a 200-page issue is converted after every pause in typing)
const articleBlocks = new WeakMap<object, ArticleBlock>();
const newsItems = new WeakMap<object, NewsItem>();

function articleBlockOf(part: Extract<BodyPart, { type: 'article' }>): ArticleBlock {
  const known = articleBlocks.get(part.node);
  if (known) return known;
  const subtitle = part.subtitle ? Node.string(part.subtitle.node) : '';
  // the keys in the normal form's order
  const block: ArticleBlock = { type: 'article', title: part.title ? Node.string(part.title.node) : '', ...(subtitle !== '' ? { subtitle } : {}), paragraphs: paragraphsOf(part.paragraphs), ...normalAttribution(part.node) };
  articleBlocks.set(part.node, block);
  return block;
}

function newsItemOf(item: ItemPart): NewsItem {
  const known = newsItems.get(item.node);
  if (known) return known;
  const converted: NewsItem = { head: item.head ? Node.string(item.head.node) : '', form: item.node.form, paragraphs: paragraphsOf(item.paragraphs), ...normalAttribution(item.node) };
  newsItems.set(item.node, converted);
  return converted;
}

function blockOf(part: BodyPart): BodyBlock {
  if (part.type === 'article') return articleBlockOf(part);
  const items = part.items.map(newsItemOf);
  const block: NewsBlock = { type: 'news', heading: part.node.heading, items };
  if (!part.node.marker) block.marker = false;
  return block;
}

/** The issue's body blocks in editor order, empty articles, items, sections and paragraphs left out. */
export function bodyBlocksOf(nodes: readonly Descendant[]): BodyBlock[] {
  return bodyPartsOf(nodes).map(blockOf);
}

/** The edited issue: `base` with the body from the editor and the 导读 derived from it (none where `base`'s series prints no 导读). */
export function slateToIssue(nodes: readonly Descendant[], base: Issue): Issue {
  return withDerivedLead({ ...base, blocks: bodyBlocksOf(nodes) });
}

/** The 导读 of the editor's content, as slateToIssue would derive it for a series that prints one, without converting the body. */
export function leadItemsOf(nodes: readonly Descendant[]): string[] {
  const titles = bodyPartsOf(nodes).map((part): BodyBlock => {
    if (part.type === 'news') return { type: 'news', heading: part.node.heading, items: [] };
    const subtitle = part.subtitle ? Node.string(part.subtitle.node) : '';
    return { type: 'article', title: part.title ? Node.string(part.title.node) : '', ...(subtitle !== '' ? { subtitle } : {}), paragraphs: [] };
  });
  return deriveLead(titles);
}
