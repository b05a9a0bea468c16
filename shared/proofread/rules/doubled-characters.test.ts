import { describe, expect, it } from 'vitest';
import { doubledCharactersRule as rule } from './doubled-characters.ts';
import { fixtureIssues, flagged, runRule, withParagraphs } from '../../../test/proofread/build.ts';

const check = (...paragraphs: string[]) => runRule(rule, withParagraphs(...paragraphs)).map((finding) => [finding.text, finding.severity, finding.fix]);

describe('doubled words', () => {
  it('flags a doubled function character as an error and offers it once', () => {
    expect(check('加强生态环境保护的的建设', '要在在一线开展督察', '问题的的的整改')).toEqual([
      ['的的', 'error', '的'],
      ['在在', 'error', '在'],
      ['的的的', 'error', '的'],
    ]);
  });

  it('flags a doubled word of three characters and a doubled phrase of several words as errors', () => {
    expect(check('要进一步进一步加强', '督察组督察组进驻以来', '坚持加强监管加强监管不放松')).toEqual([
      ['进一步进一步', 'error', '进一步'],
      ['督察组督察组', 'error', '督察组'],
      ['加强监管加强监管', 'error', '加强监管'],
    ]);
  });

  it('only warns, without a fix, at a two-character word said twice, which may be meant (研究研究)', () => {
    expect(check('这个问题要研究研究', '一步一步推进')).toEqual([
      ['研究研究', 'warning', undefined],
      ['一步一步', 'warning', undefined],
    ]);
  });

  it('takes no reduplicated word for a slip: 常常 天天 人人 看看 认认真真 的的确确 切切实实 家家户户', () => {
    expect(flagged(rule, '常常', '天天', '人人', '看看', '认认真真', '的的确确', '切切实实', '家家户户', '干干净净', '大家纷纷表示', '层层压实', '要以时时放心不下的工作态度', '一个个精彩的妙传')).toEqual([]);
  });

  it('accepts a word followed by a word that starts with its last character (对对方, 了了解, 不了了之, 益阳市市直单位)', () => {
    expect(flagged(rule, '对对方提出要求', '深入了了解情况', '不了了之', '益阳市市直单位')).toEqual([]);
  });

  it('reads a reduplicated word typed twice as two copies of the word (个个个个), not four of the character', () => {
    expect(check('大家纷纷纷纷表示', '个个个个干劲十足')).toEqual([
      ['纷纷纷纷', 'warning', undefined],
      ['个个个个', 'warning', undefined],
    ]);
  });

  it('only warns where the segmenter cannot read past the doubled character (在在建项目)', () => {
    expect(check('在在建项目中')).toEqual([['在在', 'warning', undefined]]);
  });

  it('reads no doubling across punctuation or in digits and Latin letters', () => {
    expect(flagged(rule, '好，好', '2020年，2020年', 'abab', '督察、督察')).toEqual([]);
  });

  it('passes over a long run of copies (a pasted blob) and reads 100,000 characters of near-doublings in a few seconds', () => {
    expect(flagged(rule, '的'.repeat(100_000), '布署'.repeat(50_000))).toEqual([]);
    const start = performance.now();
    expect(flagged(rule, '督察组组长'.repeat(20_000))).toEqual([]);
    expect(performance.now() - start).toBeLessThan(3000);
  });

  it('finds nothing in the fixtures', () => {
    for (const { issue } of fixtureIssues()) expect(runRule(rule, issue)).toEqual([]);
  });

  it('leaves measure and time words doubled to mean "every" alone (件件有着落, 周周通报), but not after a number (12件件)', () => {
    const findings = runRule(rule, withParagraphs('做到件件有着落，户户见面，天天调度，周周通报，月月考核，层层压实。', '共收到12件件信访件。'));
    expect(findings.map((finding) => [finding.text, finding.severity, finding.location.field === 'paragraph' && finding.location.paragraph])).toEqual([['件件', 'warning', 1]]);
  });
});
