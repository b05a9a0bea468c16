import { describe, expect, it } from 'vitest';
import { describeProblems, parseLines, parseList, splitHead } from './lines.ts';

describe('parseList', () => {
  it('keeps every non-blank line, trimmed, in order', () => {
    expect(parseList('  市委办公室 \n\n市政府办公室\n   \n')).toEqual({ entries: ['市委办公室', '市政府办公室'], problems: [] });
  });
});

describe('parseLines', () => {
  const read = (line: string) => (line.includes(' ') ? { entry: line } : { problem: '还缺空格' });

  it('numbers the lines as the textarea shows them, blank lines included', () => {
    expect(parseLines('a b\n\nc\nd e\nf', read)).toEqual({
      entries: ['a b', 'd e'],
      problems: [{ line: 3, message: '还缺空格' }, { line: 5, message: '还缺空格' }],
    });
  });

  it('reads each line trimmed, and never reads a blank one', () => {
    const seen: string[] = [];
    parseLines('  x y  \n \t \n', (line) => (seen.push(line), { entry: line }));
    expect(seen).toEqual(['x y']);
  });
});

describe('describeProblems', () => {
  it('gathers the lines of one kind of problem into one sentence', () => {
    expect(describeProblems([{ line: 2, message: '还缺职务' }, { line: 3, message: '姓名太长' }, { line: 4, message: '还缺职务' }])).toEqual([
      '第2、4行还缺职务',
      '第3行姓名太长',
    ]);
  });

  it('says nothing when every line is whole', () => {
    expect(describeProblems([])).toEqual([]);
  });
});

describe('splitHead', () => {
  it('splits at the first run of half- or full-width spaces', () => {
    expect(splitHead('刘勇会 市委常委、常务副市长')).toEqual({ head: '刘勇会', rest: '市委常委、常务副市长' });
    expect(splitHead('刘勇会　　市委常委 常务副市长')).toEqual({ head: '刘勇会', rest: '市委常委 常务副市长' });
    expect(splitHead('一岗双责\t一岗两责 一岗二责')).toEqual({ head: '一岗双责', rest: '一岗两责 一岗二责' });
  });

  it('gives the head alone when there is no space', () => {
    expect(splitHead('刘勇会')).toEqual({ head: '刘勇会', rest: '' });
  });
});
