// Pasted or hostile text must not stall proofreading: paragraphs of 100,000 characters built to make
// naive scanning quadratic are each proofread in well under the time of a keystroke's patience.
import { describe, expect, it } from 'vitest';
import { proofreadIssue } from '../../shared/proofread/proofread.ts';
import { withParagraphs } from './build.ts';

const N = 100_000;

describe('proofreading hostile text', () => {
  it.each([
    ['a Latin blob', 'a'.repeat(N) + ',', 0],
    ['dotted Latin', 'a.'.repeat(N / 2) + '中,', 1],
    ['nested brackets', '（'.repeat(N / 2) + '）'.repeat(N / 2), 0],
    ['crossed brackets', '《'.repeat(N / 2) + '）'.repeat(N / 2), N],
    ['half-width commas', '中,'.repeat(N / 2), N / 2],
    ['straight quotes', '中"'.repeat(N / 2), N / 2],
    ['spaces between characters', '中 '.repeat(N / 2), N / 2 - 1],
    ['mistaken phrases', '布署'.repeat(N / 2), N / 2],
    ['a leader’s title before other names', '市委书记李明，'.repeat(N / 7), Math.floor(N / 7)],
  ])('handles %s in a few seconds at most', (_name, text, count) => {
    const start = performance.now();
    const findings = proofreadIssue(withParagraphs(text as string), { leaders: [{ name: '陈竞', title: '市委书记' }] });
    expect(performance.now() - start).toBeLessThan(5000);
    expect(findings).toHaveLength(count as number);
  });
});
