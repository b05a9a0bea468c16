import { describe, expect, it } from 'vitest';
import { straySpaceRule as rule } from './stray-space.ts';
import { article, bulletin, flagged, runRule, withParagraphs } from '../../../test/proofread/build.ts';

describe('spaces in Chinese text', () => {
  it('flags a date or issue number with spaces inside as one span and offers it without them', () => {
    const findings = runRule(rule, withParagraphs('9 月 17 日，省第四生态环境保护督察组在益阳全面开展下沉督察。', '见第 13 期'));
    expect(findings.map((finding) => [finding.text, finding.fix])).toEqual([
      ['9 月 17 日', '9月17日'],
      ['第 13 期', '第13期'],
    ]);
  });

  it('flags a space between Chinese characters and around a counted number', () => {
    expect(flagged(rule, '市委 办公室', '督察进驻时间为 21 天')).toEqual([' ', ' ', ' ']);
  });

  it('leaves a space before a clock time, around Latin words and full-width spaces alone', () => {
    expect(flagged(rule, '督察组受理举报电话时间为每天 8:00-20:00', '湖南省益阳市 A007 信箱', 'PM2.5 浓度', '报：市委办公室　送：市政府办公室')).toEqual([]);
  });

  it('only hints, without a fix, at a space separating the phrases of a title', () => {
    const findings = runRule(rule, bulletin([article('下沉督察 直面问题 真督实查', '9月17日，督察组开展下沉督察。')]));
    expect(findings).toHaveLength(2);
    for (const finding of findings) {
      expect(finding.severity).toBe('info');
      expect(finding.fix).toBeUndefined();
      expect(finding.location.field).toBe('title');
    }
  });
});
