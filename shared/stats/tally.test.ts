// The count of a period against numbers worked out by hand: kinds and points, a report of two units, a
// confirmed attribution over the suggestion, ties sharing a rank, the change against the period before,
// units with nothing, what is pending, nothing counted twice, and decimals counted exactly.
import { describe, expect, it } from 'vitest';
import { emptyIssue, type Block, type NewsItem } from '../model/issue.ts';
import { DEFAULT_SCORING, type Unit } from '../model/series.ts';
import { quarterPeriod, previousPeriod } from './period.ts';
import { hasEditorNote, tally, type TallyIssue } from './tally.ts';

const UNITS: Unit[] = [
  { name: '安化县', aliases: ['安化'], group: '县市区' },
  { name: '桃江县', aliases: [], group: '县市区' },
  { name: '资阳区', aliases: [], group: '县市区' },
  { name: '市水利局', aliases: [], group: '市直部门' },
];
const p = (text: string) => ({ runs: [{ text }] });
const item = (head: string, text: string, extra: Partial<NewsItem> = {}): NewsItem => ({ head, form: 'colon', paragraphs: [p(text)], ...extra });

function issueOf(id: number, date: string, status: TallyIssue['status'], blocks: Block[]): TallyIssue {
  const base = emptyIssue({ name: '测试工作简报', issuer: '测试组', numbering: 'sequential' }, id, date);
  return { id, numberText: `第${id}期`, date, status, issue: { ...base, status, blocks: [{ type: 'lead', items: [] }, ...blocks] } };
}

const Q3 = quarterPeriod(2023, 3);
const first = issueOf(1, '2023-07-05', 'issued', [
  { type: 'article', title: '全市防汛工作有序推进', paragraphs: [p('【编者按】防汛是头等大事。'), p('为做好防汛工作，各地积极行动。'), p('工作有序推进。（市水利局供稿）')], instruction: '请各地学习借鉴。' },
  { type: 'news', heading: '县市区工作动态', items: [item('安化县', '安化县开展巡查。'), item('安化、桃江县', '两县联合执法。'), item('高新', '开展督查。')] },
]);
const second = issueOf(2, '2023-08-10', 'issued', [
  {
    type: 'news',
    heading: '县市区工作动态',
    items: [item('桃江县', '配合市水利局巡堤。', { sources: { units: ['市水利局'], confirmed: true } }), item('安化县', '开展巡查。', { sources: { units: ['安化县'], confirmed: false } }), item('桃江县', '开展巡查。')],
  },
]);
const draft = issueOf(3, '2023-09-01', 'draft', [{ type: 'news', heading: '县市区工作动态', items: [item('安化县', '开展巡查。')] }]);
const later = issueOf(4, '2023-10-01', 'issued', [{ type: 'news', heading: '县市区工作动态', items: [item('安化县', '开展巡查。')] }]);
const before = issueOf(5, '2023-06-20', 'issued', [{ type: 'news', heading: '县市区工作动态', items: [item('安化县', '开展巡查。')] }]);

const request = (overrides: Partial<Parameters<typeof tally>[0]> = {}) =>
  tally({
    seriesName: '测试工作简报',
    issuer: '测试组',
    period: Q3,
    previous: { period: previousPeriod(Q3)!, issues: [before] },
    status: 'issued',
    issues: [first, second, draft, later, first],
    units: UNITS,
    scoring: DEFAULT_SCORING,
    ...overrides,
  });

const line = (row: { unit: string; articles: number; items: number; editorNotes: number; instructions: number; points: number; rank: number; change: number | null }) =>
  [row.unit, row.articles, row.items, row.editorNotes, row.instructions, row.points, row.rank, row.change];

describe('tally', () => {
  it('counts each unit’s articles, items, 编者按 and 批示 with their points, ranks ties alike, and gives the change', () => {
    const report = request();
    // 市水利局: the article (3) with 编者按 (+1) and 批示 (+2), and the item confirmed to it (1) = 7
    // 安化县: its own item and the one it shares with 桃江县 = 2; 桃江县: that shared item and its own = 2
    expect(report.rows.map(line)).toEqual([
      ['市水利局', 1, 1, 1, 1, 7, 1, 7],
      ['安化县', 0, 2, 0, 0, 2, 2, 1],
      ['桃江县', 0, 2, 0, 0, 2, 2, 2],
      ['资阳区', 0, 0, 0, 0, 0, 4, 0],
    ]);
    expect(report.totals).toEqual({ issues: 2, articles: 1, items: 5, editorNotes: 1, instructions: 1, points: 11, counted: 5, provisional: 4, pending: 2 });
    expect(report.period.label).toBe('2023年第三季度');
    expect(report.previousPeriod?.label).toBe('2023年第二季度');
  });

  it('lists each counted report under its unit with where it stands, so its issue can be opened', () => {
    const water = request().rows.find((row) => row.unit === '市水利局')!;
    expect(water.entries.map((entry) => [entry.issueId, entry.numberText, entry.kind, entry.block, entry.item, entry.points, entry.confirmed])).toEqual([
      [1, '第1期', 'article', 1, null, 6, false],
      [2, '第2期', 'item', 1, 0, 1, true],
    ]);
    expect(water.entries[0]!.title).toBe('全市防汛工作有序推进');
  });

  it('sets aside for the clerk what names no unit and what was stored unconfirmed', () => {
    const { pending } = request();
    expect(pending.map((each) => [each.issueId, each.why, each.suggested, each.block, each.item])).toEqual([
      [1, 'unknown', [], 2, 2],
      [2, 'unconfirmed', ['安化县'], 1, 1],
    ]);
  });

  it('counts drafts only when asked for all issues, and never an issue outside the period or given twice', () => {
    const all = request({ status: 'all' });
    expect(all.rows.find((row) => row.unit === '安化县')!.items).toBe(3);
    expect(all.totals.issues).toBe(3);
  });

  it('refuses to count a confirmed unit the list lacks, or a name two units share, and lists it instead', () => {
    const odd = issueOf(6, '2023-07-06', 'issued', [
      { type: 'news', heading: '县市区工作动态', items: [item('南县', '开展巡查。', { sources: { units: ['南县'], confirmed: true } })] },
    ]);
    const report = request({ issues: [odd] });
    expect(report.pending.map((each) => [each.why, each.reason])).toEqual([['unlisted', '单位名单中没有“南县”']]);
    expect(report.totals.points).toBe(0);
  });

  it('counts points with one decimal exactly (0.1 + 0.1, 2.5 + 0.2 + 0.5 + 0.1)', () => {
    const report = request({ scoring: { article: 2.5, item: 0.1, editorNote: 0.2, instruction: 0.5 } });
    expect(report.rows.map((row) => [row.unit, row.points])).toEqual([
      ['市水利局', 3.3],
      ['安化县', 0.2],
      ['桃江县', 0.2],
      ['资阳区', 0],
    ]);
    expect(report.totals.points).toBe(3.7);
  });

  it('without a units list takes the units the suggestions name, and gives no change where no period before was given', () => {
    const report = request({ units: [], previous: null });
    expect(report.unitsListed).toBe(false);
    expect(report.rows.map((row) => [row.unit, row.points, row.group, row.change])).toEqual([
      // 安化、桃江县 is no unit's name by its shape: that item is pending; ties in the order first met
      ['市水利局', 7, '其他', null],
      ['安化县', 1, '其他', null],
      ['桃江县', 1, '其他', null],
    ]);
    expect(report.pending.map((each) => each.title)).toContain('安化、桃江县：两县联合执法。');
  });

  it('knows a 编者按 paragraph in the ways it is written, and not a paragraph that only mentions one', () => {
    for (const text of ['编者按：防汛是头等大事。', '【编者按】防汛是头等大事。', '按语：值得借鉴。', '编后语：值得借鉴。', '（编者按）值得借鉴。']) expect(hasEditorNote([p(text)]), text).toBe(true);
    for (const text of ['会议宣读了编者按的要求。', '按照要求推进。']) expect(hasEditorNote([p(text)]), text).toBe(false);
  });
});
