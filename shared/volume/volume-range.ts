// Which issues of a series a year's volume (汇编) holds: a year, a span of dates or a span of numbers;
// issued issues only unless drafts are asked for; the numbers missing from the span named, so the clerk
// sees the gaps before binding.
import { STATUS_LABELS, type IssueStatus, type Numbering } from '../model/issue.ts';
import { formatChineseDate } from '../format/chinese.ts';

export type VolumeRange =
  | { kind: 'year'; year: number }
  | { kind: 'dates'; from: string; to: string }
  /** numbers of the series (with `year` for a series numbered afresh each year) */
  | { kind: 'numbers'; from: number; to: number; year?: number | undefined };

/** An issue of the series as the volume's choice sees it. */
export interface VolumeCandidate {
  id: number;
  number: number;
  year: number;
  date: string;
  status: IssueStatus;
  /** as it prints: 第13期, 2024年第3期 */
  numberText: string;
}

export interface VolumeSelection<C extends VolumeCandidate = VolumeCandidate> {
  /** in the order they are bound: by year and number */
  included: C[];
  /** what the clerk should know before binding: numbers missing from the span, issues left out as not issued */
  gaps: string[];
}

/** The range is wrong in itself (a Chinese sentence). */
export class VolumeRangeError extends Error {}

/** Reads `1-13`, `1—13`, `5` as a span of numbers. */
export function parseNumberSpan(text: string): { from: number; to: number } {
  const match = /^\s*(\d{1,6})\s*(?:[-—–~～至到]\s*(\d{1,6}))?\s*$/.exec(text);
  if (!match) throw new VolumeRangeError(`期号范围写法不正确：${text}（应写成 1-13）`);
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  if (from < 1) throw new VolumeRangeError(`期号范围不正确：${text}（期号从 1 起）`);
  if (to < from) throw new VolumeRangeError(`期号范围不正确：${text}（起始期号应不大于结束期号）`);
  return { from, to };
}

export function checkRange(range: VolumeRange): void {
  if (range.kind === 'dates' && range.from > range.to) throw new VolumeRangeError(`日期范围不正确：${range.from} 晚于 ${range.to}`);
  if (range.kind === 'numbers' && (range.from < 1 || range.to < range.from)) throw new VolumeRangeError(`期号范围不正确：第${range.from}期至第${range.to}期`);
}

function inRange(candidate: VolumeCandidate, range: VolumeRange): boolean {
  if (range.kind === 'year') return candidate.year === range.year;
  if (range.kind === 'dates') return candidate.date >= range.from && candidate.date <= range.to;
  return candidate.number >= range.from && candidate.number <= range.to && (range.year === undefined || candidate.year === range.year);
}

const byYearAndNumber = (a: VolumeCandidate, b: VolumeCandidate) => a.year - b.year || a.number - b.number || a.date.localeCompare(b.date);

/** The spans of numbers from low to high that are not present (sorted), however wide the range. */
function missingSpans(present: readonly number[], low: number, high: number): [number, number][] {
  const spans: [number, number][] = [];
  let next = low;
  for (const number of present) {
    if (number < low || number > high) continue;
    if (number > next) spans.push([next, number - 1]);
    next = Math.max(next, number + 1);
  }
  if (next <= high) spans.push([next, high]);
  return spans;
}

/**
 * The issues of the range, and its gaps. A series numbered afresh each year has its gaps counted per year,
 * and a span of numbers of it needs a year when it would take issues of more than one.
 */
export function selectVolumeIssues<C extends VolumeCandidate>(candidates: readonly C[], range: VolumeRange, { includeDrafts = false, numbering }: { includeDrafts?: boolean; numbering: Numbering }): VolumeSelection<C> {
  checkRange(range);
  const inSpan = candidates.filter((candidate) => inRange(candidate, range)).sort(byYearAndNumber);
  const yearly = numbering === 'yearly-with-total';
  if (range.kind === 'numbers' && range.year === undefined && yearly && new Set(inSpan.map((candidate) => candidate.year)).size > 1) {
    throw new VolumeRangeError('该刊物每年重新编号，按期号汇编时请同时指定年份');
  }
  const included = inSpan.filter((candidate) => includeDrafts || candidate.status === 'issued');
  const gaps: string[] = [];
  // a series numbered on through the years: a number of the span issued in another year is no gap
  const counted = range.kind === 'numbers' && !yearly ? candidates.filter((candidate) => candidate.number >= range.from && candidate.number <= range.to) : inSpan;
  const groups = new Map<string, C[]>();
  for (const candidate of counted) {
    const key = yearly ? String(candidate.year) : '';
    groups.set(key, [...(groups.get(key) ?? []), candidate]);
  }
  if (range.kind === 'numbers' && counted.length === 0) groups.set(yearly && range.year !== undefined ? String(range.year) : '', []);
  for (const [key, group] of groups) {
    const present = [...new Set(group.map((candidate) => candidate.number))].sort((a, b) => a - b);
    const low = range.kind === 'numbers' ? range.from : present[0]!;
    const high = range.kind === 'numbers' ? range.to : present[present.length - 1]!;
    const missing = missingSpans(present, low, high);
    if (missing.length > 0) gaps.push(`${key ? `${key}年` : ''}缺${missing.map(([from, to]) => (from === to ? `第${from}期` : `第${from}—${to}期`)).join('、')}`);
  }
  for (const candidate of inSpan) {
    if (!includeDrafts && candidate.status !== 'issued') gaps.push(`${candidate.numberText}尚未印发（${STATUS_LABELS[candidate.status]}），未收入`);
  }
  return { included, gaps };
}

/** The range as the cover prints it: `2023年 第1期—第13期`, `2023年3月1日至9月30日 第3期—第9期`. */
export function volumeRangeLabel(range: VolumeRange, included: readonly VolumeCandidate[]): string {
  const first = included[0];
  const last = included[included.length - 1];
  const years = new Set(included.map((candidate) => candidate.year));
  let span = '';
  if (first && last) {
    // a yearly number prints its year (2024年第3期); the year is said once before the span instead
    const bare = (candidate: VolumeCandidate) => `第${candidate.number}期`;
    const sameYear = years.size === 1;
    const text = (candidate: VolumeCandidate) => (sameYear ? bare(candidate) : candidate.numberText);
    span = first === last ? text(first) : `${text(first)}—${text(last)}`;
  }
  let period = '';
  if (range.kind === 'year') period = `${range.year}年`;
  else if (range.kind === 'dates') period = `${formatChineseDate(range.from)}至${formatChineseDate(range.to).replace(range.from.slice(0, 4) === range.to.slice(0, 4) ? /^\d+年/ : /^$/, '')}`;
  else if (years.size === 1) period = `${[...years][0]}年`;
  return [period, span].filter(Boolean).join(' ');
}
