import { describe, expect, it } from 'vitest';
import { sectionTemplateRule as rule } from './section-template.ts';
import { bulletin, news, runRule } from '../../../test/proofread/build.ts';

const sections = ['县市区工作动态', '市直部门工作动态'];
const issueWith = (heading: string) => bulletin([news(heading, { head: '安化县', text: '正文。' })]);

describe('news section not in the template', () => {
  it('accepts a template section, and anything when the series has no template', () => {
    expect(runRule(rule, issueWith('县市区工作动态'), { sections })).toEqual([]);
    expect(runRule(rule, issueWith('全市上下全力迎接督察'))).toEqual([]);
  });

  it('flags another heading, offering the template section with the same characters reordered', () => {
    const [reordered] = runRule(rule, issueWith('区县市工作动态'), { sections });
    expect(reordered!.location).toEqual({ field: 'heading', block: 1, offset: 0, length: 7 });
    expect(reordered!.fix).toBe('县市区工作动态');
    const [other] = runRule(rule, issueWith('全市上下全力迎接督察'), { sections });
    expect(other!.fix).toBeUndefined();
    expect(other!.message).toContain('【县市区工作动态】【市直部门工作动态】');
  });
});
