// Rule: the 导读 must be the first block and list every article and news section in body order
// (标题：副标题). The 导读 is a view of the titles (the archive and the editor derive it, and nothing edits
// it), so a finding here means the issue was written by other means (a JSON file): a 导读 entry that
// differs from its title points at the title it is derived from, and offers no fix, for saving the
// issue derives the entry again. A series that prints no 导读 (不印导读) is not asked for one.
import { leadSources, printsLead } from '../../model/lead.ts';
import type { Issue } from '../../model/issue.ts';
import { makeFinding, type Finding } from '../core/finding.ts';
import type { TextRef } from '../core/location.ts';
import type { Rule } from '../core/rule.ts';

const ID = 'structure.lead';

/** The title (or section heading) a 导读 entry is derived from. */
function titleOf(issue: Issue, block: number): { ref: TextRef; text: string } | null {
  const source = issue.blocks[block];
  if (source?.type === 'article') return { ref: { field: 'title', block }, text: source.title };
  if (source?.type === 'news') return { ref: { field: 'heading', block }, text: source.heading };
  return null;
}

export const leadInStepRule: Rule = {
  id: ID,
  label: '导读与正文不一致',
  check({ issue }) {
    const findings: Finding[] = [];
    if (!printsLead(issue)) return findings;
    const structural = (block: number, message: string) =>
      findings.push(makeFinding({ rule: ID, severity: 'error', ref: { field: 'block', block }, fieldText: '', offset: 0, length: 0, message }));
    const atTitle = (block: number, message: string) => {
      const title = titleOf(issue, block);
      if (!title) return structural(block, message);
      findings.push(makeFinding({ rule: ID, severity: 'error', ref: title.ref, fieldText: title.text, offset: 0, length: title.text.length, message }));
    };
    const leads = issue.blocks.flatMap((block, index) => (block.type === 'lead' ? [index] : []));
    const expected = leadSources(issue.blocks);
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
      if (written === wanted?.item) continue;
      if (wanted === undefined) {
        // no title to point at: the entry itself, with nothing to fix (saving drops it)
        const text = written ?? '';
        findings.push(
          makeFinding({ rule: ID, severity: 'error', ref: { field: 'leadItem', block: at, item }, fieldText: text, offset: 0, length: text.length, message: '导读中的这一条在正文中没有对应的标题' }),
        );
      } else if (written === undefined) {
        atTitle(wanted.block, `导读缺少“${wanted.item}”`);
      } else {
        atTitle(wanted.block, `导读第${item + 1}条写作“${written}”，与此标题不一致；导读按标题生成，应为“${wanted.item}”`);
      }
    }
    return findings;
  },
};
