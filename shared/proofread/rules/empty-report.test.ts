import { describe, expect, it } from 'vitest';
import { emptyReportRule as rule } from './empty-report.ts';
import { article, bulletin, fixtureIssues, runRule } from '../../../test/proofread/build.ts';

describe('empty 报 list', () => {
  it('flags an empty or blank 报 list, at the list as a whole', () => {
    for (const report of [[], ['  ']]) {
      const findings = runRule(rule, bulletin([article('标题', '正文。')], { distribution: { report, send: ['市政府办公室'], issue: [] } }));
      expect(findings.map((finding) => [finding.location, finding.severity])).toEqual([[{ field: 'report', entry: null, offset: 0, length: 0 }, 'error']]);
    }
  });

  it('finds nothing in the fixtures', () => {
    for (const { issue } of fixtureIssues()) expect(runRule(rule, issue)).toEqual([]);
  });
});
