// The 导读 is never typed: it is derived from the body, one ★ line per article and per news section.
import type { ArticleBlock, Block, Issue } from './issue.ts';

export function leadItemOf(article: Pick<ArticleBlock, 'title' | 'subtitle'>): string {
  const subtitle = article.subtitle?.trim();
  return subtitle ? `${article.title.trim()}：${subtitle}` : article.title.trim();
}

export function deriveLead(blocks: readonly Block[]): string[] {
  const items: string[] = [];
  for (const block of blocks) {
    if (block.type === 'article') items.push(leadItemOf(block));
    else if (block.type === 'news') items.push(block.heading.trim());
  }
  return items;
}

/** Puts the derived 导读 in place (first block), replacing whatever lead the issue had. */
export function withDerivedLead<T extends Pick<Issue, 'blocks'>>(issue: T): T {
  const body = issue.blocks.filter((block) => block.type !== 'lead');
  return { ...issue, blocks: [{ type: 'lead', items: deriveLead(body) }, ...body] };
}
