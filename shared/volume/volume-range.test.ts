import { describe, expect, it } from 'vitest';
import { parseNumberSpan, selectVolumeIssues, volumeRangeLabel, VolumeRangeError, type VolumeCandidate } from './volume-range.ts';
import type { IssueStatus } from '../model/issue.ts';

let nextId = 1;
function candidate(number: number, date: string, status: IssueStatus = 'issued', yearly = false): VolumeCandidate {
  const year = Number(date.slice(0, 4));
  return { id: nextId++, number, year, date, status, numberText: yearly ? `${year}年第${number}期` : `第${number}期` };
}

const sequential = { numbering: 'sequential' as const };

describe('which issues a volume binds', () => {
  const series = [candidate(3, '2023-03-01'), candidate(1, '2023-01-05'), candidate(2, '2023-02-01', 'draft'), candidate(5, '2023-05-02'), candidate(6, '2024-01-03'), candidate(4, '2023-04-01', 'reviewed')];

  it('takes a year’s issued issues in number order, naming the missing numbers and the issues left out as not issued', () => {
    const { included, gaps } = selectVolumeIssues(series, { kind: 'year', year: 2023 }, sequential);
    expect(included.map((issue) => issue.number)).toEqual([1, 3, 5]);
    expect(gaps).toEqual(['第2期尚未印发（草稿），未收入', '第4期尚未印发（已审核），未收入']);
  });

  it('takes drafts and reviewed issues too when asked', () => {
    const { included, gaps } = selectVolumeIssues(series, { kind: 'year', year: 2023 }, { ...sequential, includeDrafts: true });
    expect(included.map((issue) => issue.number)).toEqual([1, 2, 3, 4, 5]);
    expect(gaps).toEqual([]);
  });

  it('names numbers missing from a span, runs of them as one span', () => {
    const sparse = [candidate(1, '2023-01-01'), candidate(5, '2023-05-01'), candidate(6, '2023-06-01'), candidate(9, '2023-09-01')];
    expect(selectVolumeIssues(sparse, { kind: 'numbers', from: 1, to: 10 }, sequential).gaps).toEqual(['缺第2—4期、第7—8期、第10期']);
    expect(selectVolumeIssues(sparse, { kind: 'numbers', from: 20, to: 21 }, sequential)).toEqual({ included: [], gaps: ['缺第20—21期'] });
  });

  it('names the whole of a wide span missing, however many numbers it holds', () => {
    const sparse = [candidate(1, '2023-01-01'), candidate(12, '2023-05-01')];
    expect(selectVolumeIssues(sparse, { kind: 'numbers', from: 1, to: 999_999 }, sequential).gaps).toEqual(['缺第2—11期、第13—999999期']);
  });

  it('counts no gap for a number of a series numbered on through the years that was issued in another year', () => {
    const running = [candidate(12, '2023-11-01'), candidate(13, '2023-12-01'), candidate(14, '2024-01-05')];
    const { included, gaps } = selectVolumeIssues(running, { kind: 'numbers', from: 12, to: 15, year: 2023 }, sequential);
    expect(included.map((issue) => issue.number)).toEqual([12, 13]);
    expect(gaps).toEqual(['缺第15期']);
  });

  it('takes the days of a date span inclusive at both ends', () => {
    const { included } = selectVolumeIssues(series, { kind: 'dates', from: '2023-03-01', to: '2024-01-03' }, sequential);
    expect(included.map((issue) => issue.number)).toEqual([3, 5, 6]);
  });

  it('counts the gaps of a series numbered afresh each year per year, and wants a year for a span of its numbers across years', () => {
    const yearly = [candidate(1, '2023-01-01', 'issued', true), candidate(3, '2023-03-01', 'issued', true), candidate(1, '2024-01-02', 'issued', true), candidate(2, '2024-02-02', 'issued', true)];
    const options = { numbering: 'yearly-with-total' as const };
    expect(selectVolumeIssues(yearly, { kind: 'dates', from: '2023-01-01', to: '2024-12-31' }, options).gaps).toEqual(['2023年缺第2期']);
    expect(() => selectVolumeIssues(yearly, { kind: 'numbers', from: 1, to: 2 }, options)).toThrow(VolumeRangeError);
    expect(selectVolumeIssues(yearly, { kind: 'numbers', from: 1, to: 2, year: 2024 }, options).included.map((issue) => issue.date)).toEqual(['2024-01-02', '2024-02-02']);
  });

  it('refuses a span that ends before it starts', () => {
    expect(() => selectVolumeIssues(series, { kind: 'dates', from: '2023-05-01', to: '2023-01-01' }, sequential)).toThrow(/晚于/);
    expect(() => selectVolumeIssues(series, { kind: 'numbers', from: 5, to: 2 }, sequential)).toThrow(/期号范围不正确/);
  });
});

describe('the range as the cover prints it', () => {
  it('says the year once before the span of numbers', () => {
    const issues = [candidate(1, '2023-01-05'), candidate(13, '2023-07-12')];
    expect(volumeRangeLabel({ kind: 'year', year: 2023 }, issues)).toBe('2023年 第1期—第13期');
    expect(volumeRangeLabel({ kind: 'numbers', from: 1, to: 13 }, issues)).toBe('2023年 第1期—第13期');
    expect(volumeRangeLabel({ kind: 'numbers', from: 13, to: 13 }, [issues[1]!])).toBe('2023年 第13期');
  });

  it('names a date span without repeating its year, and a span across years by the numbers as they print', () => {
    const issues = [candidate(3, '2023-03-01', 'issued', true), candidate(2, '2024-02-01', 'issued', true)];
    expect(volumeRangeLabel({ kind: 'dates', from: '2023-03-01', to: '2023-09-30' }, [issues[0]!])).toBe('2023年3月1日至9月30日 第3期');
    expect(volumeRangeLabel({ kind: 'dates', from: '2023-03-01', to: '2024-02-29' }, issues)).toBe('2023年3月1日至2024年2月29日 2023年第3期—2024年第2期');
  });
});

describe('a span of numbers as typed', () => {
  it('reads 1-13, 1—13, 1至13 and a single number', () => {
    expect(parseNumberSpan('1-13')).toEqual({ from: 1, to: 13 });
    expect(parseNumberSpan(' 1—13 ')).toEqual({ from: 1, to: 13 });
    expect(parseNumberSpan('1至13')).toEqual({ from: 1, to: 13 });
    expect(parseNumberSpan('7')).toEqual({ from: 7, to: 7 });
  });

  it('refuses what is no span, with a Chinese sentence', () => {
    for (const text of ['', 'a-b', '13-1', '0-3', '1-2-3']) expect(() => parseNumberSpan(text), text).toThrow(VolumeRangeError);
  });
});
