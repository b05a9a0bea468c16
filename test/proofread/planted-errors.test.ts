// The planted-error corpus (plant-errors.ts): recall per kind of error over the fixtures' real paragraphs,
// and what proofreading says about the same paragraphs untouched.
import { describe, expect, it } from 'vitest';
import { KINDS, measureRecall, plantErrors, untouchedFindings, type PlantedKind } from './plant-errors.ts';
import { BREAKDOWN_SENTENCES } from './breakdown-sentences.ts';
import { proofreadIssue } from '../../shared/proofread/proofread.ts';
import { withParagraphs } from './build.ts';

const SEED = 19;
const results = measureRecall(SEED);

describe('the planted-error corpus', () => {
  it('is the same on every run of one seed and another with another seed', () => {
    const excerpts = (seed: number) => plantErrors(seed).map((plant) => `${plant.kind}:${plant.excerpt}`);
    expect(excerpts(SEED)).toEqual(excerpts(SEED));
    expect(excerpts(SEED + 1)).not.toEqual(excerpts(SEED));
  });

  it('plants every kind, each at least a few times', () => {
    for (const result of results) expect(result.planted, result.kind).toBeGreaterThanOrEqual(5);
  });

  it('starts from breakdowns that add up: proofreading finds nothing wrong with the totals before planting', () => {
    for (const sentence of BREAKDOWN_SENTENCES) expect(proofreadIssue(withParagraphs(sentence)).filter((finding) => finding.rule === 'numbers.total'), sentence).toEqual([]);
  });
});

describe.each(Object.keys(KINDS) as PlantedKind[])('recall of %s', (kind) => {
  it(`finds at least 95% of the planted errors with ${KINDS[kind].rule} at the planted place`, () => {
    const result = results.find((candidate) => candidate.kind === kind)!;
    expect(result.recall, `missed ${result.planted - result.found} of ${result.planted}: ${result.missed.slice(0, 10).join(' / ')}`).toBeGreaterThanOrEqual(0.95);
  });
});

describe('the untouched fixture text', () => {
  const findings = untouchedFindings();

  it('has no error-level finding except the mistake the 2020 issue really prints (19点30时)', () => {
    const errors = findings.filter(({ finding }) => finding.severity === 'error');
    expect(errors.map(({ source, finding }) => [source, finding.rule, finding.text])).toEqual([['yiyang-2020-huitoukan-04', 'dates.time-form', '19点30时']]);
  });

  it('has no other finding than half-width marks that really stand in Chinese text of the web-page fixtures', () => {
    const others = findings.filter(({ finding }) => finding.severity !== 'error');
    for (const { source, finding } of others) {
      expect(source).toMatch(/web-page/);
      expect(finding.rule).toBe('punctuation.half-width');
      expect(finding.text).toMatch(/^[,.;:()]$/);
    }
  });
});
