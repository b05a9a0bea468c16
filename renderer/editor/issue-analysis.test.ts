// The analysis the side panels read, in Node: the same findings and page plan as proofreading and the typesetter
// give the issue themselves; and its runner, which (without a worker, as here) analyses one issue at a time and,
// of the issues that arrive meanwhile, only the newest.
import { describe, expect, it } from 'vitest';
import { parseBulletinText } from '../../shared/import/parse-bulletin.ts';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import { proofreadIssue } from '../../shared/proofread/proofread.ts';
import { typesetIssue } from '../../shared/layout/typeset.ts';
import { bulletinFixtures } from '../../test/fixtures.ts';
import { generateIssue } from '../../test/generate.ts';
import { analyzeIssue } from './issue-analysis.ts';
import { AnalysisRunner, type AnalyzedIssue } from './use-issue-analysis.ts';

const settings = defaultSeriesSettings('测试简报', '测试组');

describe('analyzeIssue', () => {
  it('gives the findings proofreading gives and the page count the typesetter gives, for every fixture', () => {
    for (const fixture of bulletinFixtures()) {
      const issue = parseBulletinText(fixture.text).issue;
      const analysis = analyzeIssue(issue, settings);
      expect(analysis.findings).toEqual(proofreadIssue(issue, settings));
      expect(analysis.plan?.totalPages).toBe(typesetIssue(issue, settings).pages.totalPages);
    }
  });
});

describe('AnalysisRunner', () => {
  it('analyses the first issue, drops those overtaken while it ran, then analyses the newest, each with its own snapshot', async () => {
    const done: AnalyzedIssue<string>[] = [];
    const finished = new Promise<void>((resolve) => {
      const runner = new AnalysisRunner<string>((analyzed) => {
        done.push(analyzed);
        if (analyzed.snapshot === 'third') resolve();
      });
      runner.run(generateIssue(2, 1), 'first', settings);
      runner.run(generateIssue(2, 2), 'second', settings);
      runner.run(generateIssue(3, 3), 'third', settings);
    });
    await finished;
    expect(done.map((analyzed) => analyzed.snapshot)).toEqual(['first', 'third']);
    expect(done[1]!.plan?.totalPages).toBe(typesetIssue(done[1]!.issue, settings).pages.totalPages);
    expect(done[1]!.issue.blocks).toEqual(generateIssue(3, 3).blocks);
  });

  it('reports nothing once stopped', async () => {
    const done: unknown[] = [];
    const runner = new AnalysisRunner<string>((analyzed) => done.push(analyzed));
    runner.run(generateIssue(1, 1), 'first', settings);
    runner.stop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(done).toEqual([]);
  });
});
