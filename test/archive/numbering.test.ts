// Issue numbers: next number per scheme, yearly restart with running total, never the same number twice
// in a series (checked, and held by UNIQUE indexes even against raw SQL), gaps reported.
import { describe, expect, it } from 'vitest';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import { issueNumberOf } from '../../shared/format/chinese.ts';
import { apiErrorOf, apiOf, issueWith, tempArchive } from './helpers.ts';
import type { Archive } from '../../electron/services/archive/archive.ts';
import { insertIssue } from '../../electron/services/archive/issues.ts';
import { storedIssue } from '../../electron/services/archive/stored-issue.ts';
import type { IssueRecord } from '../../shared/api/records.ts';

async function setUp(numbering: 'sequential' | 'yearly-with-total') {
  const archive = await tempArchive();
  const api = apiOf(archive);
  const series = await api('series.create', { settings: { ...defaultSeriesSettings('测试工作简报', '联络组', numbering), sections: ['县市区工作动态'] } });
  return { archive, api, series };
}

/** The clerk writes in the issue: an untouched new issue would be handed out again by the next 新建一期. */
async function written(api: ReturnType<typeof apiOf>, record: IssueRecord) {
  const issue = { ...record.issue, blocks: [...record.issue.blocks, { type: 'article' as const, title: '工作动态', paragraphs: [{ runs: [{ text: '已写入。' }] }] }] };
  return (await api('issues.save', { id: record.id, baseRevision: record.revision, issue })).record;
}

const nextWritten = async (api: ReturnType<typeof apiOf>, seriesId: number, date: string) => written(api, await api('issues.next', { seriesId, date }));

function rawInsert(archive: Archive, seriesId: number, number: number, year: number, total: number | null) {
  archive.db
    .prepare(
      `INSERT INTO issues (uid, series_id, numbering, number, year, total_number, date, status, first_title, revision, content_hash, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, '2024-01-01', 'draft', '', 1, 'h', 'x', 'x')`,
    )
    .run(`raw-${Math.random()}`, seriesId, total === null ? 'sequential' : 'yearly-with-total', number, year, total);
}

describe('issue numbering', () => {
  it('gives a sequential series max + 1, today-or-given date, a draft built from the series template', async () => {
    const { api, series } = await setUp('sequential');
    const first = await nextWritten(api, series.id, '2023-12-30');
    const second = await api('issues.next', { seriesId: series.id, date: '2024-01-02' });
    expect([first.issue.number, second.issue.number]).toEqual([1, 2]);
    expect(second.issue.date).toBe('2024-01-02');
    expect(second.issue.status).toBe('draft');
    expect(second.issue.totalNumber).toBeNull();
    // in normal form: the template's sections are not stored while empty (the editor shows them from the template)
    expect(second.issue.blocks).toEqual([{ type: 'lead', items: [] }]);
    expect(second.issue.printed).toEqual({ by: '联络组', date: '2024-01-02' });
    await written(api, second);
    const today = await api('issues.next', { seriesId: series.id });
    expect(today.issue.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(today.issue.number).toBe(3);
  });

  it('restarts yearly numbering at 1 in a new year (by the issue date) and keeps the running total', async () => {
    const { api, series } = await setUp('yearly-with-total');
    const numbers = [];
    for (const date of ['2023-11-01', '2023-12-31', '2024-01-01', '2024-02-01']) {
      const record = await nextWritten(api, series.id, date);
      numbers.push(issueNumberOf(record.issue));
    }
    expect(numbers).toEqual(['2023年第1期 总第1期', '2023年第2期 总第2期', '2024年第1期 总第3期', '2024年第2期 总第4期']);
  });

  it('refuses to use a number twice in a series, with a Chinese message, leaving both issues as they were', async () => {
    const { api, series } = await setUp('sequential');
    const first = await nextWritten(api, series.id, '2024-03-01');
    const second = await api('issues.next', { seriesId: series.id, date: '2024-03-02' });
    const error = await apiErrorOf(api('issues.save', { id: second.id, baseRevision: second.revision, issue: { ...second.issue, number: 1 } }));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('本刊物的第1期已经用过（2024年3月1日的那一期），同一刊物的期号不能重复使用');
    expect((await api('issues.get', { id: second.id })).issue.number).toBe(2);
    expect((await api('issues.get', { id: first.id })).revision).toBe(first.revision);
  });

  it('refuses a total number used before in a yearly series', async () => {
    const { api, series } = await setUp('yearly-with-total');
    await nextWritten(api, series.id, '2023-12-01');
    const next = await api('issues.next', { seriesId: series.id, date: '2024-01-05' });
    const error = await apiErrorOf(api('issues.save', { id: next.id, baseRevision: 1, issue: { ...next.issue, totalNumber: 1 } }));
    expect(error.message).toContain('总第1期已经用过');
  });

  it('keeps the number of an issue in the recycle bin taken, and says so', async () => {
    const { api, series } = await setUp('sequential');
    const first = await api('issues.next', { seriesId: series.id, date: '2024-03-01' });
    await api('issues.delete', { id: first.id });
    const second = await api('issues.next', { seriesId: series.id, date: '2024-03-02' });
    expect(second.issue.number).toBe(2);
    const error = await apiErrorOf(api('issues.save', { id: second.id, baseRevision: 1, issue: { ...second.issue, number: 1 } }));
    expect(error.message).toContain('现在回收站中');
  });

  it('holds the rule in the database itself: UNIQUE indexes refuse a duplicate number or total even from raw SQL', async () => {
    const { archive, series } = await setUp('yearly-with-total');
    rawInsert(archive, series.id, 1, 2024, 1);
    expect(() => rawInsert(archive, series.id, 1, 2024, 2)).toThrow(/UNIQUE constraint failed/);
    expect(() => rawInsert(archive, series.id, 2, 2024, 1)).toThrow(/UNIQUE constraint failed/);
    expect(() => rawInsert(archive, series.id, 1, 2025, 2)).not.toThrow();
  });

  it('allows gaps and reports them, per year for yearly numbering', async () => {
    const { archive, api, series } = await setUp('sequential');
    for (const number of [1, 2, 5, 7]) insertIssue(archive, series.id, storedIssue(issueWith({ number })), '测试');
    expect(await api('issues.gaps', { seriesId: series.id })).toEqual([{ year: null, missing: [3, 4, 6] }]);
    expect((await api('issues.next', { seriesId: series.id, date: '2024-05-01' })).issue.number).toBe(8);

    const yearly = await setUp('yearly-with-total');
    const put = (number: number, date: string, totalNumber: number) =>
      insertIssue(yearly.archive, yearly.series.id, storedIssue(issueWith({ number, date, totalNumber, numbering: 'yearly-with-total' })), '测试');
    put(1, '2023-02-01', 1);
    put(3, '2023-03-01', 3);
    put(1, '2024-01-02', 4);
    put(2, '2024-01-09', 5);
    expect(await yearly.api('issues.gaps', { seriesId: yearly.series.id })).toEqual([{ year: 2023, missing: [2] }]);
  });
});
