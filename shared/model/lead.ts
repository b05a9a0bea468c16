// The 导读 is never typed: it is derived from the body, one ★ line per article and per news section.
// A series that prints no 导读 (不印导读, `printLead: false` in its settings and in each issue's series
// snapshot) keeps the lead block, with no items, so the block list has the same shape either way.
import type { ArticleBlock, Block, Issue, IssueSeries } from './issue.ts';

/** The dash a subtitle may be printed after (——关于…的调研); the 导读 lists the subtitle without it. */
export const SUBTITLE_DASH = /^[—－-]{1,2}\s*/;

/** `标题：副标题`; a subtitle printed after a dash (——关于…的调研) is listed without it. */
export function leadItemOf(article: Pick<ArticleBlock, 'title' | 'subtitle'>): string {
  const subtitle = article.subtitle?.trim().replace(SUBTITLE_DASH, '');
  return subtitle ? `${article.title.trim()}：${subtitle}` : article.title.trim();
}

/** One 导读 item and the index of the block it is derived from (an article's title, a news section's heading). */
export interface LeadSource {
  item: string;
  block: number;
}

/** The 导读 items of the blocks, each with the block it comes from: the one derivation of the 导读. */
export function leadSources(blocks: readonly Block[]): LeadSource[] {
  const sources: LeadSource[] = [];
  blocks.forEach((block, index) => {
    if (block.type === 'article') sources.push({ item: leadItemOf(block), block: index });
    else if (block.type === 'news') sources.push({ item: block.heading.trim(), block: index });
  });
  return sources;
}

export function deriveLead(blocks: readonly Block[]): string[] {
  return leadSources(blocks).map((source) => source.item);
}

/** An issue, or its blocks alone (read as a series that prints a 导读). */
type MaybeWithSeries = { readonly series?: IssueSeries | undefined };

/** Whether the issue prints a 导读: unless its series snapshot says it prints none (`printLead: false`). */
export function printsLead(issue: MaybeWithSeries): boolean {
  return issue.series?.printLead !== false;
}

/** The 导读 items the issue prints: derived from its body, or none where the series prints no 导读. */
export function printedLeadOf(issue: Pick<Issue, 'blocks'> & MaybeWithSeries): string[] {
  return printsLead(issue) ? deriveLead(issue.blocks) : [];
}

/**
 * Puts the derived 导读 in place (first block), replacing whatever lead the issue had; where the series
 * prints no 导读, a lead block with no items.
 */
export function withDerivedLead<T extends Pick<Issue, 'blocks'> & MaybeWithSeries>(issue: T): T {
  const body = issue.blocks.filter((block) => block.type !== 'lead');
  return { ...issue, blocks: [{ type: 'lead', items: printsLead(issue) ? deriveLead(body) : [] }, ...body] };
}
