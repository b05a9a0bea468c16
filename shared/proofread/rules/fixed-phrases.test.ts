import { describe, expect, it } from 'vitest';
import { fixedPhrasesRule as rule } from './fixed-phrases.ts';
import { DEFAULT_PHRASES } from '../core/default-phrases.ts';
import { phraseSchema } from '../../model/series.ts';
import { fixtureIssues, runRule, withParagraphs } from '../../../test/proofread/build.ts';

const check = (settings: Parameters<typeof runRule>[2], ...paragraphs: string[]) =>
  runRule(rule, withParagraphs(...paragraphs), settings).map((finding) => [finding.text, finding.fix]);

describe('fixed phrases', () => {
  it('flags built-in mistaken forms and offers the standard wording', () => {
    expect(check({}, '要认真布署，坚持青山绿水就是金山银山的理念，打好污染防止攻坚战。')).toEqual([
      ['布署', '部署'],
      ['青山绿水就是金山银山', '绿水青山就是金山银山'],
      ['污染防止攻坚战', '污染防治攻坚战'],
    ]);
  });

  it('reads words: a two-character wrong form across the end of one word and the start of the next is not there', () => {
    expect(check({}, '贴好标签属于基本要求', '大幅射程', '国防碍于形势')).toEqual([]);
    expect(check({}, '双方签属了协议', '防碍工作')).toEqual([
      ['签属', '签署'],
      ['防碍', '妨碍'],
    ]);
  });

  it('uses the series’ own list, which wins over the built-in one', () => {
    const phrases = [
      { correct: '益阳市生态环境局', wrong: ['益阳市环保局'] },
      { correct: '布置', wrong: ['布署'] },
    ];
    expect(check({ phrases }, '益阳市环保局要认真布署')).toEqual([
      ['益阳市环保局', '益阳市生态环境局'],
      ['布署', '布置'],
    ]);
  });

  it('uses the user’s edited built-in list in place of the default', () => {
    expect(check({ builtInPhrases: [] }, '要认真布署')).toEqual([]);
  });

  it('has a built-in list that series settings would accept, and finds nothing in the fixtures', () => {
    for (const phrase of DEFAULT_PHRASES) expect(phraseSchema.safeParse(phrase).success).toBe(true);
    for (const { issue } of fixtureIssues()) expect(runRule(rule, issue)).toEqual([]);
  });
});
