// The marks a bulletin prints around its text, in one place: the typesetter, the plain-text output and the
// editor read them from here, so the three cannot drift apart.
import type { NewsHeadForm } from '../model/issue.ts';

/** the 导读 heading */
export const LEAD_HEADING = '【导读】';
/** before each 导读 item */
export const LEAD_MARKER = '★';
/** before each news item, unless the series prints its items without one */
export const NEWS_MARKER = '▲';
/** between an article's title and subtitle in the 导读 */
export const LEAD_SUBTITLE_SEPARATOR = '：';
/** after a unit name that leads its item (`▲安化县：…`) */
export const NEWS_HEAD_COLON = '：';
/** between a bold headline and the text run into it, in print (an ideographic space) */
export const RUN_IN_SEPARATOR = '　';
/** the same in plain text */
export const RUN_IN_SEPARATOR_PLAIN = ' ';

/** `【县市区工作动态】` */
export function sectionHeadingText(heading: string): string {
  return `【${heading.trim()}】`;
}

export function newsMarker(marker: boolean | undefined): string {
  return marker === false ? '' : NEWS_MARKER;
}

/** How a news item's head prints: on a line of its own, or leading the item's first paragraph, and with what. */
export function newsHeadLayout(form: NewsHeadForm | undefined, hasText: boolean): { ownLine: boolean; after: string } {
  if (form === 'ownLine' || !hasText) return { ownLine: true, after: '' };
  if (form === 'runIn') return { ownLine: false, after: RUN_IN_SEPARATOR };
  return { ownLine: false, after: NEWS_HEAD_COLON };
}
