import { describe, expect, it } from 'vitest';
import { docNumberYearRule as rule } from './doc-number-year.ts';
import { article, bulletin, runRule } from '../../../test/proofread/build.ts';

const check = (docNumber: string | null) => runRule(rule, bulletin([article('标题', '正文。')], { docNumber, year: 2023 }));

describe('document number year', () => {
  it('flags the year 2022 in the 2023 fixture’s 益简字【2022】42号 and offers 2023', () => {
    const [finding] = check('益简字【2022】42号');
    expect(finding!.text).toBe('2022');
    expect(finding!.location).toEqual({ field: 'docNumber', offset: 4, length: 4 });
    expect(finding!.fix).toBe('2023');
    expect(finding!.severity).toBe('error');
  });

  it('flags a later year too (益简字〔2024〕3号 in a 2023 issue), and offers the issue’s year', () => {
    const [finding] = check('益简字〔2024〕3号');
    expect(finding!.text).toBe('2024');
    expect(finding!.location).toEqual({ field: 'docNumber', offset: 4, length: 4 });
    expect(finding!.fix).toBe('2023');
    expect(check('益简字〔2033〕3号')).toHaveLength(1);
  });

  it('accepts the issue year and no number', () => {
    expect(check('益简字〔2023〕42号')).toEqual([]);
    expect(check(null)).toEqual([]);
  });
});
