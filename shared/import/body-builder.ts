// Collects the body as it is read: articles, news sections and their items, and paragraphs met before
// any title (按语, 编者按), which go to the first article. Tables and photos go where they stand, like a paragraph.
import type { ArticleBlock, ContentElement, NewsBlock, NewsItem, Paragraph, Run } from '../model/issue.ts';
import { headingLevelOf } from './heading-level.ts';

/** Runs of a paragraph, with `**bold**` marks (a bold head, or a Markdown-style extraction) turned into bold runs. */
export function runsOf(text: string): Run[] {
  if (!text.includes('**')) return [{ text }];
  const runs: Run[] = [];
  const parts = text.split(/\*\*/);
  if (parts.length % 2 === 0) return [{ text }];
  parts.forEach((part, index) => {
    if (part.length === 0) return;
    runs.push(index % 2 === 1 ? { text: part, bold: true } : { text: part });
  });
  return runs.length > 0 ? runs : [{ text: '' }];
}

export function paragraphOf(text: string): Paragraph {
  const heading = headingLevelOf(text);
  const paragraph: Paragraph = { runs: runsOf(text) };
  if (heading !== null) paragraph.heading = heading;
  return paragraph;
}

export class BodyBuilder {
  readonly blocks: (ArticleBlock | NewsBlock)[] = [];
  private article: ArticleBlock | null = null;
  private section: NewsBlock | null = null;
  private item: NewsItem | null = null;
  private pending: ContentElement[] = [];

  startArticle(title: string, subtitle?: string): void {
    const article: ArticleBlock = { type: 'article', title, paragraphs: [] };
    if (subtitle) article.subtitle = subtitle;
    if (this.pending.length > 0 && this.blocks.every((block) => block.type !== 'article')) {
      article.paragraphs.push(...this.pending.splice(0));
    }
    this.blocks.push(article);
    this.article = article;
    this.section = null;
    this.item = null;
  }

  startSection(heading: string): void {
    this.section = { type: 'news', heading, items: [] };
    this.blocks.push(this.section);
    this.article = null;
    this.item = null;
  }

  get inSection(): boolean {
    return this.section !== null;
  }

  get sectionItems(): readonly NewsItem[] {
    return this.section?.items ?? [];
  }

  /** the article being read has no paragraph yet */
  get articleEmpty(): boolean {
    return this.article !== null && this.article.paragraphs.length === 0;
  }

  startItem(head: string, form: NewsItem['form'], firstText?: string): void {
    if (!this.section) this.startSection('');
    const item: NewsItem = { head, form, paragraphs: [] };
    if (firstText) item.paragraphs.push(paragraphOf(firstText));
    this.section!.items.push(item);
    this.item = item;
  }

  addParagraph(text: string): void {
    this.addElement(paragraphOf(text));
  }

  /** A paragraph, table or photo where it stands: in the item or article being read (a section's first item when none is open yet). */
  addElement(element: ContentElement): void {
    if (this.item) this.item.paragraphs.push(element);
    else if (this.article) this.article.paragraphs.push(element);
    else if (this.section) {
      this.startItem('', 'ownLine');
      this.item!.paragraphs.push(element);
    } else this.pending.push(element);
  }

  /** Text that stands where nothing can hold it (among the colophon, say) goes to the nearest article. */
  addStray(text: string): void {
    this.addStrayElement(paragraphOf(text));
  }

  addStrayElement(element: ContentElement): void {
    const target = this.item ?? this.article ?? [...this.blocks].reverse().find((block): block is ArticleBlock => block.type === 'article');
    if (target) target.paragraphs.push(element);
    else this.pending.push(element);
  }

  finish(): (ArticleBlock | NewsBlock)[] {
    if (this.pending.length > 0) {
      const first = this.blocks.find((block): block is ArticleBlock => block.type === 'article');
      if (first) first.paragraphs.unshift(...this.pending);
      else this.blocks.unshift({ type: 'article', title: '', paragraphs: this.pending });
      this.pending = [];
    }
    return this.blocks;
  }
}
