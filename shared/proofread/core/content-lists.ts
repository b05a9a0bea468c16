// The content lists of an issue's body with where each is: an article's (item undefined) or a news item's.
import type { ContentElement, Issue } from '../../model/issue.ts';

export interface PlacedContent {
  block: number;
  /** the news item's index; undefined for an article */
  item: number | undefined;
  content: readonly ContentElement[];
}

export function placedContentsOf(issue: Pick<Issue, 'blocks'>): PlacedContent[] {
  const lists: PlacedContent[] = [];
  issue.blocks.forEach((block, index) => {
    if (block.type === 'article') lists.push({ block: index, item: undefined, content: block.paragraphs });
    else if (block.type === 'news') block.items.forEach((item, at) => lists.push({ block: index, item: at, content: item.paragraphs }));
  });
  return lists;
}
