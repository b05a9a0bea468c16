import { describe, expect, it } from 'vitest';
import { timeFormRule as rule } from './time-form.ts';
import { flagged, runRule, withParagraphs } from '../../../test/proofread/build.ts';

describe('clock times', () => {
  it('flags 19点30时 of the fixture yiyang-2020-huitoukan-04 as an error and offers 19时30分', () => {
    const findings = runRule(rule, withParagraphs('9月19日19点30时，高新区工委委员、管委会副主任卜永强召集区办公室召开紧急会议。'));
    expect(findings.map((finding) => [finding.text, finding.fix, finding.severity, finding.location.offset])).toEqual([['19点30时', '19时30分', 'error', 5]]);
  });

  it('warns at colloquial 点 times', () => {
    const findings = runRule(rule, withParagraphs('晚上8点30分开会', '晚上8点30开会'));
    expect(findings.map((finding) => [finding.text, finding.fix, finding.severity])).toEqual([
      ['8点30分', '8时30分', 'warning'],
      ['8点30', '8时30分', 'warning'],
    ]);
  });

  it('flags a time that does not exist', () => {
    expect(flagged(rule, '25时10分', '19时70分')).toEqual(['25时10分', '19时70分']);
  });

  it('accepts 19时30分, colon times and 点 as a count', () => {
    expect(flagged(rule, '19时30分', '督察组受理举报电话时间为每天8:00-20:00。', '提出3点要求', '24小时值守', '增长3点5个百分点')).toEqual([]);
  });
});
