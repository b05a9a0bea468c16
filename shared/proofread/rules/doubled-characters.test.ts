import { describe, expect, it } from 'vitest';
import { doubledCharactersRule as rule } from './doubled-characters.ts';
import { fixtureIssues, flagged, runRule, withParagraphs } from '../../../test/proofread/build.ts';

describe('doubled characters', () => {
  it('flags a doubled function word and offers it once', () => {
    const findings = runRule(rule, withParagraphs('加强生态环境保护的的建设', '要在在一线开展督察'));
    expect(findings.map((finding) => [finding.text, finding.fix])).toEqual([
      ['的的', '的'],
      ['在在', '在'],
    ]);
  });

  it('accepts a word followed by a word that starts with the same character, and real reduplication', () => {
    expect(flagged(rule, '的的确确', '对对方提出要求', '在在建项目中', '不了了之', '一个个精彩的妙传', '要以时时放心不下的工作态度', '益阳市市直单位', '大家纷纷表示')).toEqual([]);
  });

  it('finds nothing in the fixtures', () => {
    for (const { issue } of fixtureIssues()) expect(runRule(rule, issue)).toEqual([]);
  });
});
