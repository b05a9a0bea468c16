// An issue cut down to what the 信息采用 count reads of it: titles, heads, attributions and 批示 whole, the
// first paragraph's start (a date and units), the last one's end (a byline), and of every paragraph enough
// of its start to tell a 编者按 (shared/stats/attribution.ts and tally.ts read no more); the rest left out. The count of a slim issue is the count of the issue (tested), at a fraction of the memory, so the
// statistics can keep the issues of the periods they count between calls.
import { paragraphText, type Block, type ContentElement, type Issue, type Paragraph } from '../model/issue.ts';
import { textParagraphsOf } from '../model/content.ts';
import { EVIDENCE_CHARS } from './attribution.ts';

/** Text paragraphs cut to the evidence the suggestions read (tables and figures say nothing of a report's source). */
function slimParagraphs(content: readonly ContentElement[]): Paragraph[] {
  const paragraphs = textParagraphsOf(content);
  return paragraphs.map((paragraph, index) => {
    const text = paragraphText(paragraph);
    const start = index === 0 ? EVIDENCE_CHARS.start : EVIDENCE_CHARS.noteStart;
    const end = index === paragraphs.length - 1 ? EVIDENCE_CHARS.end : 0;
    if (text.length <= start + end) return { runs: [{ text }] };
    return { runs: [{ text: text.slice(0, start) + (end > 0 ? text.trimEnd().slice(-end) : '') }] };
  });
}

function slimBlock(block: Block): Block {
  if (block.type === 'article') return { ...block, paragraphs: slimParagraphs(block.paragraphs) };
  if (block.type === 'news') return { ...block, items: block.items.map((item) => ({ ...item, paragraphs: slimParagraphs(item.paragraphs) })) };
  return block;
}

export function slimIssue(issue: Issue): Issue {
  return { ...issue, blocks: issue.blocks.map(slimBlock), distribution: { report: [], send: [], issue: [] } };
}
