// What proofreading finds in the published bulletins of the fixtures: exactly the known mistakes.
import { describe, expect, it } from 'vitest';
import { proofreadIssue } from '../../shared/proofread/proofread.ts';
import type { Finding } from '../../shared/proofread/core/finding.ts';
import type { Issue } from '../../shared/model/issue.ts';
import { parseBulletinText } from '../../shared/import/parse-bulletin.ts';
import { fixtureIssues } from './build.ts';
import { bulletinFixtures } from '../fixtures.ts';

const issueNamed = (name: string): Issue => fixtureIssues().find((fixture) => fixture.name === name)!.issue;

function countByRule(findings: readonly Finding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const finding of findings) counts[`${finding.rule} ${finding.severity}`] = (counts[`${finding.rule} ${finding.severity}`] ?? 0) + 1;
  return counts;
}

/** The series' real leaders, as the office would list them in the series settings. */
const LEADERS = [
  { name: '胡安邦', title: '副市长' },
  { name: '肖祥清', title: '省第四生态环境保护督察组组长' },
  { name: '王盛才', title: '省第四生态环境保护督察组副组长' },
  { name: '王盛才', title: '省生态环境厅党组成员、副厅长' },
  { name: '陈竞', title: '市委书记' },
  { name: '熊炜', title: '市委副书记、市长' },
  { name: '刘勇会', title: '市委常委、常务副市长' },
  { name: '谌映民', title: '市生态环境局党组书记、局长' },
  { name: '陶汉文', title: '市政协副主席' },
  { name: '付振南', title: '资阳区委书记' },
  { name: '周卫星', title: '赫山区委书记' },
];

describe('proofreading the fixtures', () => {
  it('finds in yiyang-2023-13 only the document number 益简字【2022】42号: its brackets and its year', () => {
    const findings = proofreadIssue(issueNamed('yiyang-2023-13'));
    expect(findings.map((finding) => [finding.rule, finding.severity, finding.text, finding.location.offset, finding.fix])).toEqual([
      ['dates.doc-number-form', 'error', '【2022】', 3, '〔2022〕'],
      ['dates.doc-number-year', 'error', '2022', 4, '2023'],
    ]);
  });

  it('finds in yiyang-2020-huitoukan-04 the time 9月19日19点30时 and hints at the spaced titles', () => {
    const issue = issueNamed('yiyang-2020-huitoukan-04');
    const findings = proofreadIssue(issue);
    expect(countByRule(findings)).toEqual({ 'dates.time-form error': 1, 'punctuation.space info': 3 });
    const time = findings.find((finding) => finding.rule === 'dates.time-form')!;
    expect(time.location).toMatchObject({ field: 'itemParagraph', block: 4, item: 0, paragraph: 0, offset: 5, length: 6 });
    expect(time.text).toBe('19点30时');
    expect(time.fix).toBe('19时30分');
  });

  it('finds nothing in yiyang-2023-01', () => {
    expect(proofreadIssue(issueNamed('yiyang-2023-01'))).toEqual([]);
  });

  it('finds every leader of the fixtures under a title of his, and the one mistaken title planted in them', () => {
    for (const { issue } of fixtureIssues()) {
      expect(proofreadIssue(issue, { leaders: LEADERS }).filter((finding) => finding.rule === 'names.leader-title')).toEqual([]);
    }
    const text = bulletinFixtures()[0]!.text.replace('益阳市副市长胡安邦主持', '益阳市市长胡安邦主持');
    const planted = proofreadIssue(parseBulletinText(text).issue, { leaders: LEADERS }).filter((finding) => finding.rule === 'names.leader-title');
    expect(planted.map((finding) => [finding.text, finding.fix])).toEqual([['市长', '副市长']]);
  });

  it('flags the 2020 section 区县市工作动态 against a template of 县市区工作动态 and offers the template name', () => {
    const findings = proofreadIssue(issueNamed('yiyang-2020-huitoukan-04'), { sections: ['县市区工作动态', '市直部门工作动态'] });
    expect(findings.filter((finding) => finding.rule === 'structure.section').map((finding) => [finding.text, finding.fix])).toEqual([['区县市工作动态', '县市区工作动态']]);
  });
});
