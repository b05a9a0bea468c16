import { describe, expect, it } from 'vitest';
import { charBefore, charFrom, isChineseContext, isHan } from './characters.ts';

describe('characters', () => {
  it('reads a character outside the basic plane whole, before and after an index', () => {
    const text = '甲𠀀乙';
    expect(charBefore(text, 3)).toBe('𠀀');
    expect(charFrom(text, 1)).toBe('𠀀');
    expect(isHan(charBefore(text, 3))).toBe(true);
    expect(charBefore(text, 0)).toBeUndefined();
  });

  it('counts Han characters and full-width marks as Chinese context, not Latin or digits', () => {
    expect(['中', '，', '“', '〇'].map(isChineseContext)).toEqual([true, true, true, true]);
    expect(['A', '1', ' ', undefined].map(isChineseContext)).toEqual([false, false, false, false]);
  });
});
