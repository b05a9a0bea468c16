import { describe, expect, it } from 'vitest';
import { emptyArticleRule as rule } from './empty-article.ts';
import { article, bulletin, fixtureIssues, runRule } from '../../../test/proofread/build.ts';

describe('article without body', () => {
  it('flags an article with no paragraphs or only blank ones, at its title', () => {
    const findings = runRule(rule, bulletin([article('督察组召开座谈会'), article('篮球友谊赛', '  '), article('有正文', '正文。')]));
    expect(findings.map((finding) => [finding.location, finding.text])).toEqual([
      [{ field: 'title', block: 1, offset: 0, length: 8 }, '督察组召开座谈会'],
      [{ field: 'title', block: 2, offset: 0, length: 5 }, '篮球友谊赛'],
    ]);
  });

  it('finds nothing in the fixtures', () => {
    for (const { issue } of fixtureIssues()) expect(runRule(rule, issue)).toEqual([]);
  });
});
