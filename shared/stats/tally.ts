// The 信息采用 count of a period: for each unit, the articles and ▲ items of the period's issues that are its
// reports, with points per kind (an article, an item, and on top a 编者按 and a leader's 批示 on it), its
// rank and its change against the period before. A report of two units counts once for each; an issue
// given twice, or a unit named twice, counts once. What cannot be counted yet (no unit found, a name that
// could be two units, an attribution stored unconfirmed, a unit the list lacks) is listed for the clerk.
import { paragraphText, type ContentElement, type Issue, type IssueStatus, type NewsItem, type Paragraph } from '../model/issue.ts';
import { textParagraphsOf } from '../model/content.ts';
import type { Scoring, Unit, UnitGroup } from '../model/series.ts';
import type { StatsEntry, StatsPending, StatsPlace, StatsReport, StatsRow } from '../api/records.ts';
import { EVIDENCE_CHARS, suggestSources, type Attributable } from './attribution.ts';
import { unitMatcher, unitsNamed, type UnitMatcher } from './unit-names.ts';
import type { Period } from './period.ts';

export interface TallyIssue {
  id: number;
  /** as it prints: 第13期 */
  numberText: string;
  date: string;
  status: IssueStatus;
  issue: Issue;
}

export interface TallyRequest {
  seriesName: string;
  issuer: string;
  period: Period;
  /** the period before of the same length, and its issues; without them no change is given */
  previous?: { period: Period; issues: readonly TallyIssue[] } | null;
  status: 'issued' | 'all';
  issues: readonly TallyIssue[];
  units: readonly Unit[];
  scoring: Scoring;
}

/** A paragraph that is an editor's note: 编者按：…, 【编者按】…, 按语：…, 编后语：… */
const EDITOR_NOTE = /^\s*(?:[【〔[（(]\s*(?:编者按语?|按语|编后语?)\s*[】〕\]）)]|编者按|(?:按语|编后语?)\s*[：:])/;

export function hasEditorNote(paragraphs: readonly ContentElement[]): boolean {
  return textParagraphsOf(paragraphs).some((paragraph) => EDITOR_NOTE.test(startOf(paragraph)));
}

/** The first characters of a paragraph, enough for 【编者按】: a long paragraph is not joined whole. */
function startOf(paragraph: Paragraph): string {
  let text = '';
  for (const run of paragraph.runs) {
    text += run.text;
    if (text.length >= EVIDENCE_CHARS.noteStart) break;
  }
  return text.slice(0, EVIDENCE_CHARS.noteStart);
}

/** Points are counted in tenths, so that 0.1 + 0.2 stays 0.3. */
const tenths = (points: number) => Math.round(points * 10);
const fromTenths = (count: number) => count / 10;

type Resolution = { counted: string[]; confirmed: boolean } | { why: StatsPending['why']; suggested: string[]; reason: string };

/** Whose report it is: the clerk's confirmed attribution, else the suggestion from its text. */
function resolve(target: Attributable, matcher: UnitMatcher): Resolution {
  const { sources } = target;
  if (sources && !sources.confirmed) return { why: 'unconfirmed', suggested: sources.units, reason: '来源单位已填写但尚未确认' };
  if (sources) {
    const counted: string[] = [];
    for (const name of sources.units) {
      const units = unitsNamed(name, matcher);
      if (units.length === 0) return { why: 'unlisted', suggested: sources.units, reason: `单位名单中没有“${name}”` };
      if (units.length > 1) return { why: 'ambiguous', suggested: units, reason: `“${name}”可指${units.join('、')}` };
      if (!counted.includes(units[0]!)) counted.push(units[0]!);
    }
    return { counted, confirmed: true };
  }
  const suggestion = suggestSources(target, matcher);
  if (suggestion.units.length === 0) return { why: 'unknown', suggested: [], reason: suggestion.reason };
  if (suggestion.ambiguous) return { why: 'ambiguous', suggested: suggestion.units, reason: suggestion.reason };
  return { counted: suggestion.units, confirmed: false };
}

function itemTitle(item: NewsItem): string {
  const head = item.head.trim();
  if (item.form !== undefined && item.form !== 'colon') return head;
  const first = textParagraphsOf(item.paragraphs)[0];
  const text = first ? paragraphText(first).trim() : '';
  const start = text.length > 24 ? `${text.slice(0, 24)}…` : text;
  return head && start ? `${head}：${start}` : head || start;
}

interface Counted {
  place: StatsPlace;
  target: Attributable;
  resolution: Resolution;
}

/** Every article and item of the issues inside the period (each issue once), with whose report it is. */
function countedReports(issues: readonly TallyIssue[], period: Period, status: TallyRequest['status'], matcher: UnitMatcher): Counted[] {
  const seen = new Set<number>();
  const out: Counted[] = [];
  for (const { id, numberText, date, status: issueStatus, issue } of issues) {
    if (seen.has(id) || date < period.from || date > period.to || (status === 'issued' && issueStatus !== 'issued')) continue;
    seen.add(id);
    const place = (kind: StatsPlace['kind'], title: string, block: number, item: number | null): StatsPlace => ({ issueId: id, numberText, date, kind, title, block, item });
    for (let block = 0; block < issue.blocks.length; block++) {
      const each = issue.blocks[block]!;
      if (each.type === 'article') {
        out.push({ place: place('article', each.title.replace(/\s*\n\s*/g, ''), block, null), target: each, resolution: resolve(each, matcher) });
      } else if (each.type === 'news') {
        for (let item = 0; item < each.items.length; item++) {
          const target = each.items[item]!;
          out.push({ place: place('item', itemTitle(target), block, item), target, resolution: resolve(target, matcher) });
        }
      }
    }
  }
  return out;
}

interface UnitTally {
  unit: string;
  group: UnitGroup;
  order: number;
  articles: number;
  items: number;
  editorNotes: number;
  instructions: number;
  tenths: number;
  entries: StatsEntry[];
}

function unitTallies(reports: readonly Counted[], matcher: UnitMatcher, scoring: Scoring): { byUnit: Map<string, UnitTally>; pending: StatsPending[]; counted: number; provisional: number } {
  const byUnit = new Map<string, UnitTally>();
  const blank = (unit: string, group: UnitGroup): UnitTally => ({ unit, group, order: byUnit.size, articles: 0, items: 0, editorNotes: 0, instructions: 0, tenths: 0, entries: [] });
  for (const unit of matcher.units) byUnit.set(unit.name, blank(unit.name, unit.group));
  const pending: StatsPending[] = [];
  let counted = 0;
  let provisional = 0;
  for (const { place, target, resolution } of reports) {
    if (!('counted' in resolution)) {
      pending.push({ ...place, why: resolution.why, suggested: resolution.suggested, reason: resolution.reason });
      continue;
    }
    counted++;
    if (!resolution.confirmed) provisional++;
    const editorNote = hasEditorNote(target.paragraphs);
    const instruction = (target.instruction ?? '').trim() !== '';
    const points = tenths(place.kind === 'article' ? scoring.article : scoring.item) + (editorNote ? tenths(scoring.editorNote) : 0) + (instruction ? tenths(scoring.instruction) : 0);
    for (const unit of resolution.counted) {
      let tally = byUnit.get(unit);
      if (!tally) byUnit.set(unit, (tally = blank(unit, '其他')));
      if (place.kind === 'article') tally.articles++;
      else tally.items++;
      if (editorNote) tally.editorNotes++;
      if (instruction) tally.instructions++;
      tally.tenths += points;
      tally.entries.push(Object.assign({ editorNote, instruction, points: fromTenths(points), confirmed: resolution.confirmed }, place));
    }
  }
  return { byUnit, pending, counted, provisional };
}

/** The count of the period: a line per unit (the listed ones with nothing too), by rank, and what is pending. */
export function tally(request: TallyRequest): StatsReport {
  const matcher = unitMatcher(request.units);
  const current = unitTallies(countedReports(request.issues, request.period, request.status, matcher), matcher, request.scoring);
  const previous = request.previous ? unitTallies(countedReports(request.previous.issues, request.previous.period, request.status, matcher), matcher, request.scoring).byUnit : null;

  const ordered = [...current.byUnit.values()].sort((a, b) => b.tenths - a.tenths || a.order - b.order);
  const rows: StatsRow[] = ordered.map((unit) => {
    const before = previous ? (previous.get(unit.unit)?.tenths ?? 0) : null;
    return {
      unit: unit.unit,
      group: unit.group,
      articles: unit.articles,
      items: unit.items,
      editorNotes: unit.editorNotes,
      instructions: unit.instructions,
      points: fromTenths(unit.tenths),
      rank: 1 + ordered.filter((other) => other.tenths > unit.tenths).length,
      previousPoints: before === null ? null : fromTenths(before),
      change: before === null ? null : fromTenths(unit.tenths - before),
      entries: unit.entries,
    };
  });
  const sum = (pick: (row: StatsRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const issueIds = new Set(request.issues.filter((issue) => issue.date >= request.period.from && issue.date <= request.period.to && (request.status === 'all' || issue.status === 'issued')).map((issue) => issue.id));
  return {
    seriesName: request.seriesName,
    issuer: request.issuer,
    period: { kind: request.period.kind, from: request.period.from, to: request.period.to, label: request.period.label },
    previousPeriod: request.previous ? { from: request.previous.period.from, to: request.previous.period.to, label: request.previous.period.label } : null,
    status: request.status,
    scoring: { ...request.scoring },
    unitsListed: matcher.listed,
    rows,
    pending: current.pending,
    totals: {
      issues: issueIds.size,
      articles: sum((row) => row.articles),
      items: sum((row) => row.items),
      editorNotes: sum((row) => row.editorNotes),
      instructions: sum((row) => row.instructions),
      points: fromTenths(rows.reduce((total, row) => total + tenths(row.points), 0)),
      counted: current.counted,
      provisional: current.provisional,
      pending: current.pending.length,
    },
  };
}
