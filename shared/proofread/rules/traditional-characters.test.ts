import { describe, expect, it } from 'vitest';
import { traditionalCharactersRule as rule } from './traditional-characters.ts';
import { fixtureIssues, flagged, runRule, withParagraphs } from '../../../test/proofread/build.ts';

describe('traditional and variant characters', () => {
  it('runs OpenCC in Node with no DOM', () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    expect(flagged(rule, '發展')).toEqual(['發']);
  });

  it('flags traditional characters in runs, each with its simplified form', () => {
    const findings = runRule(rule, withParagraphs('要堅決貫徹落實督察要求'));
    expect(findings.map((finding) => [finding.text, finding.fix, finding.location.offset])).toEqual([
      ['堅決貫徹', '坚决贯彻', 1],
      ['實', '实', 6],
    ]);
    expect(findings[0]!.severity).toBe('error');
  });

  it('flags variant characters', () => {
    expect(runRule(rule, withParagraphs('綫索', '峯會')).map((finding) => finding.fix)).toEqual(['线', '峰会']);
  });

  it('flags a Kangxi radical left by PDF extraction in place of a character', () => {
    const [finding] = runRule(rule, withParagraphs('\u2f2f作动态'));
    expect(finding!.fix).toBe('工');
  });

  it('leaves simplified words that look traditional alone (著名, 乾隆, 干部, 皇后, 余下)', () => {
    expect(flagged(rule, '著名作家写了乾隆年间的干部和皇后，余下的以后再说。')).toEqual([]);
  });

  it('finds nothing in the fixtures', () => {
    for (const { issue } of fixtureIssues()) expect(runRule(rule, issue)).toEqual([]);
  });
});
