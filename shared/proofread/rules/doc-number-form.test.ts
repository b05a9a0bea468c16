import { describe, expect, it } from 'vitest';
import { docNumberFormRule as rule } from './doc-number-form.ts';
import { article, bulletin, runRule } from '../../../test/proofread/build.ts';

const check = (docNumber: string | null, docNumberPrefix: string | null = null) =>
  runRule(rule, bulletin([article('标题', '正文。')], { docNumber }), { docNumberPrefix }).map((finding) => [finding.text, finding.fix, finding.location.offset]);

describe('document number form', () => {
  it('flags the 【】 of the fixture yiyang-2023-13 and offers 六角括号', () => {
    expect(check('益简字【2022】42号')).toEqual([['【2022】', '〔2022〕', 3]]);
  });

  it('flags other brackets, missing brackets and spaces inside them', () => {
    expect(check('益简字(2023)42号')).toEqual([['(2023)', '〔2023〕', 3]]);
    expect(check('益简字2023 42号')).toEqual([['2023 ', '〔2023〕', 3]]);
    expect(check('益简字〔 2023 〕42号')).toEqual([['〔 2023 〕', '〔2023〕', 3]]);
  });

  it('flags 第, leading zeros and a missing 号', () => {
    expect(check('益简字〔2023〕第042号')).toEqual([
      ['第', '', 9],
      ['0', '', 10],
    ]);
    expect(check('益简字〔2023〕42')).toEqual([['42', '42号', 9]]);
  });

  it('flags a number it cannot read, and a prefix other than the series’', () => {
    const [unreadable] = runRule(rule, bulletin([article('标题', '正文。')], { docNumber: '简报第五期' }));
    expect(unreadable!.severity).toBe('error');
    expect(unreadable!.message).toContain('〔2023〕');
    expect(check('益简〔2023〕42号', '益简字')).toEqual([['益简', '益简字', 0]]);
  });

  it('accepts a correct number and no number', () => {
    expect(check('益简字〔2023〕42号', '益简字')).toEqual([]);
    expect(check(null)).toEqual([]);
  });
});
