import { describe, expect, it } from 'vitest';
import { findingKey, makeFinding, withoutIgnored } from './finding.ts';

const ref = { field: 'paragraph', block: 1, paragraph: 2 } as const;

describe('finding keys', () => {
  it('join rule, path, occurrence and text', () => {
    expect(findingKey('punctuation.half-width', ref, '市委,市政府', 2, ',')).toBe('punctuation.half-width|blocks.1.paragraphs.2|0|,');
  });

  it('stay the same when text before the span changes, and differ for a second occurrence', () => {
    const before = findingKey('punctuation.half-width', ref, '市委,市政府', 2, ',');
    expect(findingKey('punctuation.half-width', ref, '今天，市委,市政府', 5, ',')).toBe(before);
    expect(findingKey('punctuation.half-width', ref, '市委,市政府,市人大', 6, ',')).not.toBe(before);
  });

  it('stay short for a long span', () => {
    expect(findingKey('structure.empty-article', ref, '题'.repeat(4000), 0, '题'.repeat(4000)).length).toBeLessThan(300);
  });
});

describe('makeFinding', () => {
  it('takes the exact text of the span and drops a fix that changes nothing', () => {
    const finding = makeFinding({ rule: 'r', severity: 'info', ref, fieldText: '市委,市政府', offset: 2, length: 1, message: 'm', fix: ',' });
    expect(finding.text).toBe(',');
    expect(finding.location).toEqual({ ...ref, offset: 2, length: 1 });
    expect('fix' in finding).toBe(false);
  });

  it('leaves out the findings a reviewer ignored', () => {
    const a = makeFinding({ rule: 'r', severity: 'info', ref, fieldText: 'ab', offset: 0, length: 1, message: 'm' });
    const b = makeFinding({ rule: 'r', severity: 'info', ref, fieldText: 'ab', offset: 1, length: 1, message: 'm' });
    expect(withoutIgnored([a, b], [a.key])).toEqual([b]);
    expect(withoutIgnored([a, b], undefined)).toEqual([a, b]);
  });
});
