// Rule: an article with a title but no body text.
import { makeFinding, type Finding } from '../core/finding.ts';
import type { Rule } from '../core/rule.ts';
import { holdsContent } from '../core/text-units.ts';

const ID = 'structure.empty-article';

export const emptyArticleRule: Rule = {
  id: ID,
  label: '文章没有正文',
  check({ issue }) {
    const findings: Finding[] = [];
    issue.blocks.forEach((block, index) => {
      if (block.type !== 'article' || holdsContent(block.paragraphs)) return;
      findings.push(
        makeFinding({ rule: ID, severity: 'error', ref: { field: 'title', block: index }, fieldText: block.title, offset: 0, length: block.title.length, message: '这篇文章只有标题，没有正文' }),
      );
    });
    return findings;
  },
};
