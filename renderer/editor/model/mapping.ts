// The lossless mapping between the canonical issue's body and the editor's Slate nodes: articles
// first, then the template's news sections in template order, then sections the template lacks.
import { Node, Text, type Descendant } from 'slate';
import type { ArticleBlock, Issue, NewsBlock, NewsItem, Paragraph, Run } from '../../../shared/model/issue.ts';
import { deriveLead, withDerivedLead } from '../../../shared/model/lead.ts';
import { articleNode, emptyText, isOfType, newsItemNode, newsSectionNode, paragraphNode } from './nodes.ts';
import type { ArticleElement, BulletinText, NewsItemElement, NewsSectionElement, ParagraphElement } from './types.ts';

type BodyBlock = ArticleBlock | NewsBlock;

/** Runs as text leaves: empty runs dropped, neighbours with the same style joined, at least one leaf. */
function leavesOf(runs: readonly Run[]): BulletinText[] {
  const leaves: BulletinText[] = [];
  for (const run of runs) {
    if (run.text === '') continue;
    const last = leaves.at(-1);
    if (last && (last.bold === true) === (run.bold === true)) last.text += run.text;
    else leaves.push(run.bold ? { text: run.text, bold: true } : { text: run.text });
  }
  return leaves.length > 0 ? leaves : [emptyText()];
}

function paragraphToSlate(paragraph: Paragraph): ParagraphElement {
  return paragraphNode(leavesOf(paragraph.runs), paragraph.heading);
}

function paragraphsToSlate(paragraphs: readonly Paragraph[]): ParagraphElement[] {
  return paragraphs.length > 0 ? paragraphs.map(paragraphToSlate) : [paragraphNode()];
}

function articleToSlate(block: ArticleBlock): ArticleElement {
  return articleNode(block.title, block.subtitle || undefined, paragraphsToSlate(block.paragraphs));
}

function itemToSlate(item: NewsItem): NewsItemElement {
  return newsItemNode(item.form ?? 'colon', item.head, paragraphsToSlate(item.paragraphs));
}

/**
 * The editor's value for an issue. Every section of the template appears (one empty item where the
 * issue has none); blocks that share a heading become one section; an issue without articles gets
 * one empty article to type into. slateToIssue drops those empty parts again.
 */
export function issueToSlate(issue: Issue, sections: readonly string[], newsMarker = true): Descendant[] {
  const articles: ArticleElement[] = [];
  const sectionsByHeading = new Map<string, NewsSectionElement>();
  for (const block of issue.blocks) {
    if (block.type === 'article') {
      articles.push(articleToSlate(block));
    } else if (block.type === 'news') {
      const items = block.items.map(itemToSlate);
      const existing = sectionsByHeading.get(block.heading);
      if (existing) existing.children.push(...items);
      else sectionsByHeading.set(block.heading, newsSectionNode(block.heading, block.marker !== false, items));
    }
  }
  if (articles.length === 0) articles.push(articleNode());
  const template = [...new Set(sections)];
  const ordered = [
    ...template.map((heading) => sectionsByHeading.get(heading) ?? newsSectionNode(heading, newsMarker)),
    ...[...sectionsByHeading.values()].filter((section) => !template.includes(section.heading)),
  ];
  for (const section of ordered) if (section.children.length === 0) section.children.push(newsItemNode('colon'));
  return [...articles, ...ordered];
}

/** Leaves as runs: empty leaves dropped, neighbours with the same style joined into one run. */
function runsOf(paragraph: ParagraphElement): Run[] {
  const runs: Run[] = [];
  for (const leaf of paragraph.children) {
    if (!Text.isText(leaf) || leaf.text === '') continue;
    const bold = leaf.bold === true;
    const last = runs.at(-1);
    if (last && (last.bold === true) === bold) last.text += leaf.text;
    else runs.push(bold ? { text: leaf.text, bold: true } : { text: leaf.text });
  }
  return runs;
}

/** The non-empty paragraphs among the children; an empty paragraph is an unused line in the editor. */
function paragraphsOf(children: readonly Descendant[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const child of children) {
    if (!isOfType(child, 'paragraph')) continue;
    const runs = runsOf(child);
    if (runs.length === 0) continue;
    const paragraph: Paragraph = { runs };
    if (child.heading !== undefined) paragraph.heading = child.heading;
    paragraphs.push(paragraph);
  }
  return paragraphs;
}

function articleOf(article: ArticleElement): ArticleBlock | null {
  const title = article.children.find((child) => child.type === 'article-title');
  const subtitle = article.children.find((child) => child.type === 'article-subtitle');
  const block: ArticleBlock = { type: 'article', title: title ? Node.string(title) : '', paragraphs: paragraphsOf(article.children) };
  const subtitleText = subtitle ? Node.string(subtitle) : '';
  if (subtitleText !== '') block.subtitle = subtitleText;
  return block.title === '' && subtitleText === '' && block.paragraphs.length === 0 ? null : block;
}

function itemOf(item: NewsItemElement): NewsItem | null {
  const head = item.children.find((child) => child.type === 'item-head');
  const block: NewsItem = { head: head ? Node.string(head) : '', form: item.form, paragraphs: paragraphsOf(item.children) };
  return block.head === '' && block.paragraphs.length === 0 ? null : block;
}

function sectionOf(section: NewsSectionElement): NewsBlock | null {
  const items = section.children.flatMap((child) => (isOfType(child, 'news-item') ? (itemOf(child) ?? []) : []));
  if (items.length === 0) return null;
  const block: NewsBlock = { type: 'news', heading: section.heading, items };
  if (!section.marker) block.marker = false;
  return block;
}

/** The issue's body blocks in editor order, empty articles, items, sections and paragraphs left out. */
export function bodyBlocksOf(nodes: readonly Descendant[]): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  for (const node of nodes) {
    const block = isOfType(node, 'article') ? articleOf(node) : isOfType(node, 'news-section') ? sectionOf(node) : null;
    if (block) blocks.push(block);
  }
  return blocks;
}

/** The edited issue: `base` with the body from the editor and the 导读 derived from it (none where `base`'s series prints no 导读). */
export function slateToIssue(nodes: readonly Descendant[], base: Issue): Issue {
  return withDerivedLead({ ...base, blocks: bodyBlocksOf(nodes) });
}

function hasText(node: Node): boolean {
  return Text.isText(node) ? node.text !== '' : 'children' in node && node.children.some(hasText);
}

/** The 导读 of the editor's content, as slateToIssue would derive it for a series that prints one, without converting the body. */
export function leadItemsOf(nodes: readonly Descendant[]): string[] {
  const titles: BodyBlock[] = [];
  for (const node of nodes) {
    if (!hasText(node)) continue;
    if (isOfType(node, 'article')) {
      const title = node.children.find((child) => child.type === 'article-title');
      const subtitle = node.children.find((child) => child.type === 'article-subtitle');
      titles.push({ type: 'article', title: title ? Node.string(title) : '', subtitle: subtitle ? Node.string(subtitle) : undefined, paragraphs: [] });
    } else if (isOfType(node, 'news-section')) {
      titles.push({ type: 'news', heading: node.heading, items: [] });
    }
  }
  return deriveLead(titles);
}
