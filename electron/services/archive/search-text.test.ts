import { describe, expect, it } from 'vitest';
import { characterPairs, pairQuery, readQuery, snippetOf } from './search-text.ts';
import { SNIPPET_MARK } from '../../../shared/api/records.ts';

const [open, close] = [SNIPPET_MARK.open, SNIPPET_MARK.close];

describe('characterPairs', () => {
  it('turns each run of letters and digits into its adjacent pairs plus its last character, lower-cased', () => {
    expect(characterPairs('南县督察，PM2.5')).toBe('南县 县督 督察 察 pm m2 2 5');
  });

  it('gives a one-character run as itself and nothing for punctuation alone', () => {
    expect(characterPairs('（一）')).toBe('一');
    expect(characterPairs('。，！')).toBe('');
  });

  it('keeps characters outside the Basic Multilingual Plane whole', () => {
    expect(characterPairs('𠀀字')).toBe('𠀀字 字');
  });
});

describe('readQuery', () => {
  it('splits on half- and full-width spaces, drops repeats, and sorts terms by the index that can answer them', () => {
    expect(readQuery(' 督察组　南县 南县 桃 ，督 ')).toEqual({ long: ['督察组'], short: ['南县', '桃'], scan: ['，督'], all: ['督察组', '南县', '桃', '，督'] });
  });

  it('quotes pair queries, with a prefix star for one character', () => {
    expect(pairQuery('南县')).toBe('"南县"');
    expect(pairQuery('桃')).toBe('"桃"*');
  });
});

describe('snippetOf', () => {
  it('marks every term in a passage around the first match, with ellipses where text was cut', () => {
    const body = `${'前'.repeat(30)}南县督察${'后'.repeat(100)}`;
    const snippet = snippetOf({ titles: '', body }, ['南县', '督察']);
    expect(snippet.startsWith(`…${'前'.repeat(20)}${open}南县${close}${open}督察${close}`)).toBe(true);
    expect(snippet.endsWith('后…')).toBe(true);
  });

  it('falls back to the titles when the body does not hold the term, and matches latin case-insensitively', () => {
    expect(snippetOf({ titles: '关于PM2.5的通报', body: '正文' }, ['pm2.5'])).toBe(`关于${open}PM2.5${close}的通报`);
  });
});
