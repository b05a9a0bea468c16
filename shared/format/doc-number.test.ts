import { describe, expect, it } from 'vitest';
import { docNumberParts } from './doc-number.ts';

describe('document number parts', () => {
  it('finds each part and where it is, however the number is written', () => {
    const parts = docNumberParts('益简字【2022】第042号')!;
    expect([parts.prefix.text, parts.open.text, parts.year.text, parts.close.text, parts.di.text, parts.zeros.text, parts.serial.text, parts.hao.text]).toEqual([
      '益简字',
      '【',
      '2022',
      '】',
      '第',
      '0',
      '42',
      '号',
    ]);
    expect([parts.year.start, parts.year.end]).toEqual([4, 8]);
  });

  it('gives null for text with no four-digit year and serial', () => {
    expect(docNumberParts('简报第五期')).toBeNull();
    expect(docNumberParts('')).toBeNull();
  });
});

describe('reading and printing a document number', () => {
  it('prints what the clerk wrote and offers the standard form apart', async () => {
    const { printedDocNumber, standardDocNumber, parseDocNumber } = await import('./doc-number.ts');
    expect(printedDocNumber(' 益简字【2023】第042号 ')).toBe('益简字【2023】第042号');
    expect(standardDocNumber('益简字【2023】第042号')).toBe('益简字〔2023〕42号');
    expect(parseDocNumber('益简字【2023】第042号')).toEqual({ prefix: '益简字', year: 2023, serial: 42 });
    expect(standardDocNumber('第13期')).toBeNull();
  });
});
