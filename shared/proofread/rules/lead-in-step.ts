// Rule: the 导读 must be the first block and list every article and news section in body order
// (标题：副标题). The editor derives it, so a finding here means the issue was edited by other means.
// A series that prints no 导读 (不印导读) is not asked for one: nothing of its lead block prints.
import { deriveLead, printsLead } from '../../model/lead.ts';
import { makeFinding, type Finding } from '../finding.ts';
import type { Rule } from '../rule.ts';

const ID = 'structure.lead';

export const leadInStepRule: Rule = {
  id: ID,
  label: '导读与正文不一致',
  check({ issue }) {
    const findings: Finding[] = [];
    if (!printsLead(issue)) return findings;
    const structural = (block: number, message: string) =>
      findings.push(makeFinding({ rule: ID, severity: 'error', ref: { field: 'block', block }, fieldText: '', offset: 0, length: 0, message }));
    const leads = issue.blocks.flatMap((block, index) => (block.type === 'lead' ? [index] : []));
    const expected = deriveLead(issue.blocks);
    if (leads.length === 0) {
      if (expected.length > 0) structural(0, '缺少导读');
      return findings;
    }
    for (const extra of leads.slice(1)) structural(extra, '导读只能有一处');
    const at = leads[0]!;
    if (at !== 0) structural(at, '导读应在正文之前');
    const lead = issue.blocks[at];
    if (lead?.type !== 'lead') return findings;
    const count = Math.max(lead.items.length, expected.length);
    for (let item = 0; item < count; item++) {
      const written = lead.items[item];
      const wanted = expected[item];
      if (written === wanted) continue;
      if (written === undefined) {
        structural(at, `导读缺少“${wanted}”`);
      } else {
        findings.push(
          makeFinding({
            rule: ID,
            severity: 'error',
            ref: { field: 'leadItem', block: at, item },
            fieldText: written,
            offset: 0,
            length: written.length,
            message: wanted === undefined ? '导读中的这一条在正文中没有对应的标题' : `导读第${item + 1}条应与正文一致，为“${wanted}”`,
            fix: wanted,
          }),
        );
      }
    }
    return findings;
  },
};
