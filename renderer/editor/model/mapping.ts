// The lossless mapping between the canonical issue's body and the editor's Slate nodes. The editor
// shows an issue in its normal form (shared/model/normal-form.ts: articles first, then the template's
// news sections in template order, then sections the template lacks), so that slateToIssue gives back
// exactly the normal form of the issue that issueToSlate was given.
import { Node, Text, type Descendant, type Path } from 'slate';
import type { ArticleBlock, Issue, NewsBlock, NewsItem, Paragraph, Run } from '../../../shared/model/issue.ts';
import { deriveLead, withDerivedLead } from '../../../shared/model/lead.ts';
import { normalAttribution, normalBody, normalRuns, type BodyBlock } from '../../../shared/model/normal-form.ts';
import { articleNode, emptyText, isOfType, newsItemNode, newsSectionNode, paragraphNode } from './nodes.ts';
import type {
  ArticleElement,
  ArticleSubtitleElement,
  ArticleTitleElement,
  BulletinText,
  ItemHeadElement,
  NewsItemElement,
  NewsSectionElement,
  ParagraphElement,
} from './types.ts';

/** Runs as text leaves: as the normal form writes runs, and at least one leaf. */
function leavesOf(runs: readonly Run[]): BulletinText[] {
  const leaves = normalRuns(runs);
  return leaves.length > 0 ? leaves : [emptyText()];
}

function paragraphToSlate(paragraph: Paragraph): ParagraphElement {
  return paragraphNode(leavesOf(paragraph.runs), paragraph.heading);
}

function paragraphsToSlate(paragraphs: readonly Paragraph[]): ParagraphElement[] {
  return paragraphs.length > 0 ? paragraphs.map(paragraphToSlate) : [paragraphNode()];
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
function runsOf(paragraph: ParagraphElement): Run[] {
  return normalRuns(paragraph.children.filter((leaf) => Text.isText(leaf)));
}

const hasLeafText = (element: { children: readonly Descendant[] }) => element.children.some((leaf) => Text.isText(leaf) && leaf.text !== '');

/** One text element of the body and where it stands in the editor's value. */
export interface PartAt<N> {
  path: Path;
  node: N;
}

export interface ItemPart extends PartAt<NewsItemElement> {
  head: PartAt<ItemHeadElement> | null;
  /** the paragraphs that have text, as the issue counts them */
  paragraphs: PartAt<ParagraphElement>[];
}

/**
 * One body block of the issue in the editor's value: its element and those of its texts, with the
 * empty parts the issue leaves out (paragraphs, items, sections, articles) left out here too.
 */
export type BodyPart =
  | (PartAt<ArticleElement> & { type: 'article'; title: PartAt<ArticleTitleElement> | null; subtitle: PartAt<ArticleSubtitleElement> | null; paragraphs: PartAt<ParagraphElement>[] })
  | (PartAt<NewsSectionElement> & { type: 'news'; items: ItemPart[] });

function firstOfType<T extends 'article-title' | 'article-subtitle' | 'item-head'>(element: ArticleElement | NewsItemElement, parent: Path, type: T) {
  const index = element.children.findIndex((child) => isOfType(child, type));
  return index < 0 ? null : { path: parent.concat(index), node: element.children[index] as Extract<ArticleElement['children'][number] | NewsItemElement['children'][number], { type: T }> };
}

function paragraphParts(element: ArticleElement | NewsItemElement, parent: Path): PartAt<ParagraphElement>[] {
  return element.children.flatMap((child, index) => (isOfType(child, 'paragraph') && hasLeafText(child) ? [{ path: parent.concat(index), node: child }] : []));
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

function paragraphsOf(parts: readonly PartAt<ParagraphElement>[]): Paragraph[] {
  return parts.map(({ node }) => (node.heading !== undefined ? { runs: runsOf(node), heading: node.heading } : { runs: runsOf(node) }));
}

// Slate's nodes are immutable: an article or news item not edited since the last conversion is the same object,
// and converts to the same block (a 200-page issue is converted after every pause in typing)
const articleBlocks = new WeakMap<object, ArticleBlock>();
const newsItems = new WeakMap<object, NewsItem>();

function articleBlockOf(part: Extract<BodyPart, { type: 'article' }>): ArticleBlock {
  const known = articleBlocks.get(part.node);
  if (known) return known;
  const block: ArticleBlock = { type: 'article', title: part.title ? Node.string(part.title.node) : '', paragraphs: paragraphsOf(part.paragraphs) };
  const subtitle = part.subtitle ? Node.string(part.subtitle.node) : '';
  if (subtitle !== '') block.subtitle = subtitle;
  Object.assign(block, normalAttribution(part.node));
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
