import { describe, expect, it } from 'vitest';
import { applyFixes, compatibleFixes, describeFixCounts, groupFindings } from './fix-all.ts';
import { proofreadIssue } from './proofread.ts';
import type { Issue } from '../model/issue.ts';
import { elementPlainText } from '../model/content.ts';
import type { Finding } from './core/finding.ts';
import { article, bulletin, withParagraphs } from '../../test/proofread/build.ts';

const clauses = (count: number, mark: string) => Array.from({ length: count }, (_, i) => `第${'一二三四五六七八九十'[i % 10]}项工作已完成`).join(mark);

function bodyTexts(issue: Issue): string[] {
  return issue.blocks.flatMap((block) => (block.type === 'article' ? [block.title, ...block.paragraphs.map(elementPlainText)] : []));
}

describe('grouping findings by kind', () => {
  it('puts 19 half-width commas in one group 半角逗号 with 19 fixes, apart from the semicolons', () => {
    const issue = withParagraphs(`${clauses(20, ',')}。`, `${clauses(3, ';')}。`);
    const groups = groupFindings(proofreadIssue(issue));
    const commas = groups.find((group) => group.label === '半角逗号')!;
    expect(commas.findings).toHaveLength(19);
    expect(commas.fixable).toHaveLength(19);
    expect(groups.find((group) => group.label === '半角分号')!.fixable).toHaveLength(2);
  });

  it('names other kinds by their rule and counts in a group only the findings that carry a fix', () => {
    const issue = withParagraphs('要研究研究整改方案，要进一步进一步加强监管。');
    const [doubled] = groupFindings(proofreadIssue(issue));
    expect(doubled!.label).toBe('字词重复');
    expect(doubled!.findings.map((finding) => finding.text)).toEqual(['研究研究', '进一步进一步']);
    expect(doubled!.fixable.map((finding) => finding.text)).toEqual(['进一步进一步']);
  });

  it('keeps only the first of two fixes that overlap in one text', () => {
    const base = proofreadIssue(withParagraphs('市委,市政府'))[0]!;
    const overlapping: Finding = { ...base, location: { ...base.location, offset: base.location.offset - 1, length: 2 }, text: '委,', fix: 'X', key: 'other' };
    expect(compatibleFixes([base, overlapping])).toEqual([base]);
  });
});

describe('applying many fixes at once', () => {
  it('applies every comma of a paragraph, keeping each run’s formatting, and leaves the old issue as it was', () => {
    const issue = bulletin([{ ...article('标题'), paragraphs: [{ runs: [{ text: '市委,市政府' }, { text: ',各县市区', bold: true }, { text: ',市直单位。' }] }] }]);
    const { issue: fixed, applied, skipped } = applyFixes(issue, proofreadIssue(issue));
    expect(applied).toHaveLength(3);
    expect(skipped).toEqual([]);
    expect(fixed.blocks[1]).toMatchObject({ paragraphs: [{ runs: [{ text: '市委，市政府' }, { text: '，各县市区', bold: true }, { text: '，市直单位。' }] }] });
    expect(bodyTexts(issue)).toContain('市委,市政府,各县市区,市直单位。');
    expect(proofreadIssue(fixed).filter((finding) => finding.rule === 'punctuation.half-width')).toEqual([]);
  });

  it('fixes findings of different kinds and texts in one go, each text from its end backwards', () => {
    const issue = withParagraphs('要进一步进一步加强,落实责任;压实担子。', '坚持青山绿水就是金山银山,的的理念。');
    const { issue: fixed } = applyFixes(issue, proofreadIssue(issue));
    expect(bodyTexts(fixed).slice(1)).toEqual(['要进一步加强，落实责任；压实担子。', '坚持绿水青山就是金山银山，的理念。']);
  });

  it('skips, without throwing, a fix whose text has changed since the check, and applies the rest', () => {
    const findings = proofreadIssue(withParagraphs('市委,市政府,各县市区'));
    const changed = withParagraphs('市委、市政府,各县市区');
    const { issue: fixed, applied, skipped } = applyFixes(changed, findings);
    expect(applied).toHaveLength(1);
    expect(skipped).toHaveLength(1);
    expect(bodyTexts(fixed)[1]).toBe('市委、市政府，各县市区');
  });
});

describe('naming what was fixed', () => {
  it('counts by kind, in the order the kinds come', () => {
    const issue = withParagraphs(`${clauses(4, ',')}，落实;要进一步进一步加强。`);
    expect(describeFixCounts(proofreadIssue(issue).filter((finding) => finding.fix !== undefined))).toBe('半角逗号 3处、半角分号 1处、字词重复 1处');
  });
});
