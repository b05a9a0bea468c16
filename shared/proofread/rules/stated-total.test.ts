import { describe, expect, it } from 'vitest';
import { statedTotalRule as rule } from './stated-total.ts';
import { flagged, runRule, withParagraphs } from '../../../test/proofread/build.ts';

describe('stated totals and their parts', () => {
  it('warns when the parts listed after 其中 add up to less than the total, pointing at the total', () => {
    const [finding] = runRule(rule, withParagraphs('共收到12件，其中A区5件，B县4件，C市2件。'));
    expect(finding!.text).toBe('12件');
    expect(finding!.location.offset).toBe(3);
    expect(finding!.severity).toBe('warning');
    expect(finding!.message).toContain('5+4+2');
  });

  it('is an error when the parts add up to more than the total', () => {
    const findings = runRule(rule, withParagraphs('累计交办信访件10件，其中赫山区5件、资阳区4件、安化县2件。'));
    expect(findings.map((finding) => [finding.text, finding.severity])).toEqual([['10件', 'error']]);
  });

  it('accepts a breakdown that adds up, and a colon before it', () => {
    expect(flagged(rule, '共受理信访件27件，其中来信5件、来访12件、网上信访10件。', '共出动执法人员30人次：赫山区12人次，资阳区18人次。')).toEqual([]);
  });

  it('leaves alone what is not clearly a breakdown', () => {
    expect(
      flagged(
        rule,
        '共收到12件，其中信访件5件。',
        '共出动执法人员120人次，其中检查企业45家、发现问题12个。',
        '共收到12件，其中A区5件，B县4件，其余正在核实。',
        '共12件，其中来信5件（含重复件2件）、来访7件。',
        '共收到12件，A区5件，B县4件。',
      ),
    ).toEqual([]);
  });
});
