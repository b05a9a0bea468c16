import { describe, expect, it } from 'vitest';
import { proofreadIssue } from './proofread.ts';
import { RULES } from './rules/index.ts';
import { defaultSeriesSettings } from '../model/series.ts';
import { article, bulletin, news } from '../../test/proofread/build.ts';

describe('proofreadIssue', () => {
  it('runs every rule and lists the findings in reading order', () => {
    const issue = bulletin([article('督察組召开座谈会', '市委,市政府高度重视。。'), news('区县市工作动态', { head: '安化县' })], {
      docNumber: '益简字【2022】42号',
      distribution: { report: [], send: [], issue: [] },
    });
    const findings = proofreadIssue(issue);
    expect(findings.map((finding) => [finding.rule, finding.text])).toEqual([
      ['dates.doc-number-form', '【2022】'],
      ['dates.doc-number-year', '2022'],
      ['characters.traditional', '組'],
      ['punctuation.half-width', ','],
      ['punctuation.doubled', '。。'],
      ['structure.empty-item', '安化县'],
      ['structure.empty-report', ''],
    ]);
  });

  it('takes a whole SeriesSettings for the series’ lists', () => {
    const settings = { ...defaultSeriesSettings('简报'), sections: ['县市区工作动态'], leaders: [{ name: '胡安邦', title: '副市长' }] };
    const issue = bulletin([article('约谈', '市长胡安邦主持召开约谈会。'), news('区县市工作动态', { head: '安化县', text: '督导整改。' })]);
    expect(proofreadIssue(issue, settings).map((finding) => finding.rule)).toEqual(['names.leader-title', 'structure.section']);
  });

  it('has rules with distinct ids and Chinese labels', () => {
    expect(new Set(RULES.map((rule) => rule.id)).size).toBe(RULES.length);
    for (const rule of RULES) expect(rule.label).toMatch(/[\u4e00-\u9fff]/);
  });
});
