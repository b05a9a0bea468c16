import { describe, expect, it } from 'vitest';
import { doubledPunctuationRule as rule } from './doubled-punctuation.ts';
import { flagged, runRule, withParagraphs } from '../../../test/proofread/build.ts';

describe('doubled or clashing punctuation', () => {
  it('flags a doubled mark and offers one', () => {
    const findings = runRule(rule, withParagraphs('确保落实落地。。', '比赛精彩纷呈！！'));
    expect(findings.map((finding) => [finding.text, finding.fix])).toEqual([
      ['。。', '。'],
      ['！！', '！'],
    ]);
  });

  it('flags clashing marks without guessing which one was meant', () => {
    const [finding] = runRule(rule, withParagraphs('压实整改责任，。推动常态长效'));
    expect(finding!.text).toBe('，。');
    expect(finding!.fix).toBeUndefined();
  });

  it('accepts ？！, ellipses, dashes and the marks of the fixtures', () => {
    expect(flagged(rule, '这能行吗？！', '等等……', '进驻期间（2023年6月26日—7月16日）', '“燃”动风采！一起来围观这场篮球友谊赛')).toEqual([]);
  });
});
