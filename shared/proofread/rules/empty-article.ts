// Rule: an article with a title but no body text.
import { paragraphText } from '../../model/issue.ts';
import { makeFinding, type Finding } from '../core/finding.ts';
import type { Rule } from '../core/rule.ts';

const ID = 'structure.empty-article';

export const emptyArticleRule: Rule = {
  id: ID,
  label: '文章没有正文',
  check({ issue }) {
    const findings: Finding[] = [];
    issue.blocks.forEach((block, index) => {
      if (block.type !== 'article' || block.paragraphs.some((paragraph) => paragraphText(paragraph).trim().length > 0)) return;
      findings.push(
        makeFinding({ rule: ID, severity: 'error', ref: { field: 'title', block: index }, fieldText: block.title, offset: 0, length: block.title.length, message: '这篇文章只有标题，没有正文' }),
      );
    });
    return findings;
  },
};
