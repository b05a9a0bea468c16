// A slim issue counts as the issue it was cut from: the fixtures and generated issues with bylines at the end
// of long paragraphs, 编者按 and attributions, with a units list and without one.
import { describe, expect, it } from 'vitest';
import { parseBulletinText } from '../import/parse-bulletin.ts';
import type { Issue, Paragraph } from '../model/issue.ts';
import { DEFAULT_SCORING, type Unit } from '../model/series.ts';
import { bulletinFixtures } from '../../test/fixtures.ts';
import { generateIssue } from '../../test/generate.ts';
import { yearPeriod } from './period.ts';
import { slimIssue } from './slim.ts';
import { tally, type TallyIssue } from './tally.ts';

const UNITS: Unit[] = [
  { name: '安化县', aliases: ['安化'], group: '县市区' },
  { name: '资阳区', aliases: [], group: '县市区' },
  { name: '高新区', aliases: [], group: '县市区' },
  { name: '市水利局', aliases: [], group: '市直部门' },
];

function withBylines(issue: Issue): Issue {
  return {
    ...issue,
    blocks: issue.blocks.map((block, index) => {
      if (block.type !== 'article') return block;
      const last = block.paragraphs.at(-1) as Paragraph;
      const signed = { ...last, runs: [...last.runs, { text: index % 2 ? '（市水利局供稿）' : '（供稿：安化县委办）' }] };
      return { ...block, paragraphs: [{ runs: [{ text: '编者按：' }, { text: '这一做法值得借鉴。'.repeat(30) }] }, ...block.paragraphs.slice(0, -1), signed] };
    }),
  };
}

const issues: TallyIssue[] = [
  ...bulletinFixtures().map((fixture) => parseBulletinText(fixture.text).issue),
  ...[1, 2, 3].map((seed) => withBylines(generateIssue(6, seed))),
].map((issue, index) => ({ id: index + 1, numberText: `第${index + 1}期`, date: '2023-07-12', status: 'issued', issue }));

describe('slimIssue', () => {
  it.each([
    ['with a units list', UNITS],
    ['without one', []],
  ])('keeps the count of every issue unchanged, %s', (_label, units) => {
    const count = (list: TallyIssue[]) => tally({ seriesName: '测试', issuer: '测试组', period: yearPeriod(2023), status: 'issued', issues: list, units, scoring: DEFAULT_SCORING });
    const full = count(issues);
    expect(full.totals.counted).toBeGreaterThan(10);
    expect(full.totals.editorNotes).toBeGreaterThan(0);
    expect(count(issues.map((each) => ({ ...each, issue: slimIssue(each.issue) })))).toEqual(full);
  });

  it('is much smaller than the issue, and slimming twice changes nothing', () => {
    const issue = withBylines(generateIssue(20, 4));
    expect(JSON.stringify(slimIssue(issue)).length).toBeLessThan(JSON.stringify(issue).length / 2);
    expect(slimIssue(slimIssue(issue))).toEqual(slimIssue(issue));
  });
});
