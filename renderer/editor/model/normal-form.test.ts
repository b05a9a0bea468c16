// The editor and the normal form agree: for every valid issue x and template T,
// slateToIssue(issueToSlate(normalizeIssue(x, T), T)) is normalizeIssue(x, T), byte for byte once stored,
// and the schema finds nothing to change in that value. (fast-check is not installed: the issues are
// the fixtures, generated issues, and seeded scrambles of both, see test/model-scramble.ts.)
import { describe, expect, it } from 'vitest';
import { parseBulletinText } from '../../../shared/import/parse-bulletin.ts';
import { issueSchema, type Issue } from '../../../shared/model/issue.ts';
import { normalizeIssue } from '../../../shared/model/normal-form.ts';
import { bulletinFixtures } from '../../../test/fixtures.ts';
import { generateIssue } from '../../../test/generate.ts';
import { scrambled } from '../../../test/model-scramble.ts';
import { issueToSlate, slateToIssue } from './mapping.ts';
import { editorWith, structureProblems } from '../../../test/editor/model-helpers.ts';

const samples: [string, Issue][] = [
  ...bulletinFixtures().map((fixture): [string, Issue] => [fixture.name, parseBulletinText(fixture.text).issue]),
  ['generated 2-page issue', generateIssue(2, 7)],
  ['generated 6-page issue', generateIssue(6, 3)],
];

const sectionsOf = (issue: Issue) => [...new Set(issue.blocks.flatMap((block) => (block.type === 'news' ? [block.heading] : [])))];
const templatesFor = (issue: Issue) => [[], sectionsOf(issue), [...sectionsOf(issue)].reverse(), ['市直部门工作动态', '其他动态', ...sectionsOf(issue)]];
const stored = (issue: Issue) => JSON.stringify(issueSchema.parse(issue));
const SEEDS = [0, 1, 2, 3, 4, 5, 6, 7];

describe('the editor mapping keeps the normal form', () => {
  it.each(samples)('gives back normalizeIssue(x) for %s and its scrambles, with and without a 导读, for several templates', (_name, issue) => {
    for (const printLead of [undefined, false] as const) {
      const base: Issue = { ...issue, series: printLead === false ? { ...issue.series, printLead } : issue.series };
      for (const seed of SEEDS) {
        const x = seed === 0 ? base : scrambled(base, seed);
        for (const template of templatesFor(x)) {
          const normal = normalizeIssue(x, template);
          const edited = slateToIssue(issueToSlate(normal, template), normal);
          expect(edited).toEqual(normal);
          expect(stored(edited)).toBe(stored(normal));
          // the editor shows any issue as its normal form, so its first save is the normal form
          expect(slateToIssue(issueToSlate(x, template), x)).toEqual(normal);
        }
      }
    }
  });

  it.each(samples)('maps the normal form of %s and its scrambles to a value the schema leaves untouched', (_name, issue) => {
    for (const seed of SEEDS.slice(0, 4)) {
      const x = seed === 0 ? issue : scrambled(issue, seed);
      const template = [...sectionsOf(x)].reverse();
      const editor = editorWith(issueToSlate(normalizeIssue(x, template), template), template);
      expect(editor.operations).toEqual([]);
      expect(structureProblems(editor.children, template)).toEqual([]);
      expect(slateToIssue(editor.children, x)).toEqual(normalizeIssue(x, template));
    }
  });
});
