// Rule: a news section whose heading is not one of the series' template sections (SeriesSettings.sections).
import { makeFinding, type Finding } from '../core/finding.ts';
import type { Rule } from '../core/rule.ts';

const ID = 'structure.section';

const sortedChars = (text: string) => [...text].sort().join('');

export const sectionTemplateRule: Rule = {
  id: ID,
  label: '栏目不在模板中',
  check({ issue, settings }) {
    const sections = settings.sections ?? [];
    if (sections.length === 0) return [];
    const findings: Finding[] = [];
    issue.blocks.forEach((block, index) => {
      if (block.type !== 'news' || sections.includes(block.heading.trim())) return;
      // the same characters in another order (区县市 for 县市区) can only mean that section
      const reordered = sections.filter((section) => sortedChars(section) === sortedChars(block.heading.trim()));
      findings.push(
        makeFinding({
          rule: ID,
          severity: 'warning',
          ref: { field: 'heading', block: index },
          fieldText: block.heading,
          offset: 0,
          length: block.heading.length,
          message: `栏目“${block.heading}”不在本刊物的栏目模板中（${sections.map((section) => `【${section}】`).join('')}）`,
          fix: reordered.length === 1 ? reordered[0] : undefined,
        }),
      );
    });
    return findings;
  },
};
