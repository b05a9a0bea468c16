import { describe, expect, it } from 'vitest';
import { mastheadDateRule as rule } from './masthead-date.ts';
import { article, bulletin, runRule, SERIES } from '../../../test/proofread/build.ts';

const issueOf = (date: string, printed: string | null) =>
  bulletin([article('标题', '正文。')], { date, printed: printed === null ? null : { by: SERIES.issuer, date: printed } });

describe('masthead date and 印发 date', () => {
  it('is an error when the masthead is dated after the 印发 date, pointing at the masthead date', () => {
    const [finding] = runRule(rule, issueOf('2023-07-13', '2023-07-12'));
    expect(finding!.severity).toBe('error');
    expect(finding!.location).toEqual({ field: 'date', offset: 0, length: 10 });
    expect(finding!.text).toBe('2023-07-13');
    expect(finding!.message).toContain('晚于印发日期2023年7月12日');
  });

  it('warns when the two differ the other way', () => {
    expect(runRule(rule, issueOf('2023-07-11', '2023-07-12')).map((finding) => finding.severity)).toEqual(['warning']);
  });

  it('is silent when they agree or there is no 印发 line', () => {
    expect(runRule(rule, issueOf('2023-07-12', '2023-07-12'))).toEqual([]);
    expect(runRule(rule, issueOf('2023-07-12', null))).toEqual([]);
  });
});
