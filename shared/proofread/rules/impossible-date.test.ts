import { describe, expect, it } from 'vitest';
import { impossibleDateRule as rule } from './impossible-date.ts';
import { fixtureIssues, flagged, runRule, withParagraphs } from '../../../test/proofread/build.ts';

describe('impossible dates', () => {
  it('flags days a month does not have and months that do not exist', () => {
    expect(flagged(rule, '2月30日，督察组进驻。', '4月31日召开部署会', '13月份', '2023-02-30')).toEqual(['2月30日', '4月31日', '13月', '2023-02-30']);
  });

  it('flags 2月29日 of a year given as not leap, and only warns when the year is the issue year by default', () => {
    const findings = runRule(rule, withParagraphs('2023年2月29日', '2月29日', '2024年2月29日'));
    expect(findings.map((finding) => [finding.text, finding.severity])).toEqual([
      ['2023年2月29日', 'error'],
      ['2月29日', 'warning'],
    ]);
  });

  it('checks the further days of a range in the month given first', () => {
    expect(flagged(rule, '6月21至31日，市直单位分别组织召开了部署会', '6月21至26日，市直单位召开部署会')).toEqual(['31日']);
  });

  it('flags a day of the month above 31 standing alone', () => {
    expect(flagged(rule, '本月32日')).toEqual(['32日']);
  });

  it('reads dates written in Chinese numerals, 元月 included', () => {
    expect(flagged(rule, '二〇二三年二月三十日', '十三月份', '四月三十一日', '二〇二三年二月二十九日', '元月三十二日')).toEqual(['二〇二三年二月三十日', '十三月', '四月三十一日', '二〇二三年二月二十九日', '元月三十二日']);
    expect(flagged(rule, '二〇二三年十二月一日', '二〇二四年二月二十九日', '三月二十日', '元月一日', '十二月三十一日')).toEqual([]);
  });

  it('takes no count of months for a date: 三个月, 两月一次', () => {
    expect(flagged(rule, '三个月内办结', '两月一次', '十三个月')).toEqual([]);
  });

  it('accepts the dates of the fixtures', () => {
    expect(flagged(rule, '进驻期间（2023年6月26日—7月16日）设立专门值班电话', '9月18日下午至19日上午，资阳区副区长带队', '12345热线反馈，3个月内')).toEqual([]);
    for (const { issue } of fixtureIssues()) expect(runRule(rule, issue)).toEqual([]);
  });
});
