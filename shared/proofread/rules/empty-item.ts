// Rule: a ▲ item of a news section with no text after its head (or with nothing at all).
import { makeFinding, type Finding } from '../core/finding.ts';
import type { Rule } from '../core/rule.ts';
import { holdsContent } from '../core/text-units.ts';

const ID = 'structure.empty-item';

export const emptyItemRule: Rule = {
  id: ID,
  label: '空的▲条目',
  check({ issue }) {
    const findings: Finding[] = [];
    issue.blocks.forEach((block, blockIndex) => {
      if (block.type !== 'news') return;
      block.items.forEach((item, itemIndex) => {
        if (holdsContent(item.paragraphs)) return;
        findings.push(
          makeFinding({
            rule: ID,
            severity: 'error',
            ref: { field: 'head', block: blockIndex, item: itemIndex },
            fieldText: item.head,
            offset: 0,
            length: item.head.length,
            message: item.head.trim() ? `▲条目“${item.head}”后面没有内容` : '这个▲条目是空的',
          }),
        );
      });
    });
    return findings;
  },
};
