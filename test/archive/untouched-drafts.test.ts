// A new issue nobody has touched since 新建一期 is no issue yet: discarding it removes it for good (its
// number free again, not reported as missing), 新建一期 again hands it out instead of using up another
// number; anything touched, reviewed, copied, imported or in the recycle bin is never discarded.
import { describe, expect, it } from 'vitest';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import type { Issue } from '../../shared/model/issue.ts';
import type { IssueRecord } from '../../shared/api/records.ts';
import { discardUntouchedDraft } from '../../electron/services/archive/issues.ts';
import type { Archive } from '../../electron/services/archive/archive.ts';
import { apiErrorOf, apiOf, tempArchive } from './helpers.ts';

type Api = ReturnType<typeof apiOf>;

async function setUp() {
  const archive = await tempArchive();
  const api = apiOf(archive);
  const series = await api('series.create', { settings: { ...defaultSeriesSettings('测试工作简报', '联络组'), sections: ['县市区工作动态'] } });
  return { archive, api, seriesId: series.id };
}

const withText = (issue: Issue, text: string): Issue => ({ ...issue, blocks: [issue.blocks[0]!, { type: 'article', title: '工作动态', paragraphs: [{ runs: [{ text }] }] }] });

async function write(api: Api, record: IssueRecord, text = '写了内容。'): Promise<IssueRecord> {
  return (await api('issues.save', { id: record.id, baseRevision: record.revision, issue: withText(record.issue, text) })).record;
}

/** Rows anywhere in the archive that belong to the issue: its row, revisions, reopenings, sync records, issued print, search entries. */
function rowsOf(archive: Archive, id: number): Record<string, number> {
  const count = (sql: string) => archive.db.prepare(sql).pluck().get(id) as number;
  return {
    issues: count('SELECT count(*) FROM issues WHERE id = ?'),
    revisions: count('SELECT count(*) FROM revisions WHERE issue_id = ?'),
    reopenings: count('SELECT count(*) FROM reopenings WHERE issue_id = ?'),
    synced: count('SELECT count(*) FROM synced_versions WHERE issue_id = ?'),
    prints: count('SELECT count(*) FROM issued_prints WHERE issue_id = ?'),
    searchText: count(`SELECT count(*) FROM search_text WHERE rowid % ${2 ** 24} = ?`),
    searchPairs: count(`SELECT count(*) FROM search_pairs WHERE rowid % ${2 ** 24} = ?`),
  };
}

describe('discarding an untouched new issue', () => {
  it('removes it for good, with its revision, search entries and sync records, and frees its number for the next 新建一期', async () => {
    const { archive, api, seriesId } = await setUp();
    await write(api, await api('issues.next', { seriesId, date: '2024-03-01' }));
    const untouched = await api('issues.next', { seriesId, date: '2024-03-08' });
    expect(untouched.issue.number).toBe(2);
    // sent to another PC in a bundle: a sync record is kept for it
    await api('bundle.export', { seriesId });
    expect(rowsOf(archive, untouched.id)).toMatchObject({ issues: 1, revisions: 1, synced: 1, searchText: 1, searchPairs: 1 });
    expect(await api('issues.discard', { id: untouched.id })).toEqual({ discarded: true });
    expect(rowsOf(archive, untouched.id)).toEqual({ issues: 0, revisions: 0, reopenings: 0, synced: 0, prints: 0, searchText: 0, searchPairs: 0 });
    expect((await apiErrorOf(api('issues.get', { id: untouched.id }))).code).toBe('not-found');
    expect(await api('issues.recycleBin', {})).toEqual([]);
    const again = await api('issues.next', { seriesId, date: '2024-03-08' });
    expect(again.issue.number).toBe(2);
    await write(api, again);
    await write(api, await api('issues.next', { seriesId, date: '2024-03-15' }));
    expect(await api('issues.gaps', { seriesId })).toEqual([]);
    expect((await api('issues.list', { seriesId })).map((summary) => summary.number)).toEqual([3, 2, 1]);
  });

  it('keeps, unchanged, an issue saved since it was created, even with its original content back', async () => {
    const { archive, api, seriesId } = await setUp();
    const record = await api('issues.next', { seriesId, date: '2024-03-01' });
    const saved = await write(api, record);
    await api('issues.save', { id: record.id, baseRevision: saved.revision, issue: record.issue });
    const before = rowsOf(archive, record.id);
    expect(await api('issues.discard', { id: record.id })).toEqual({ discarded: false });
    expect(rowsOf(archive, record.id)).toEqual(before);
  });

  it('keeps a reviewed issue, one in the recycle bin, a copy and an imported one, however untouched', async () => {
    const { archive, api, seriesId } = await setUp();
    const first = await api('issues.next', { seriesId, date: '2024-03-01' });
    await api('issues.setStatus', { id: first.id, status: 'reviewed' });
    expect(discardUntouchedDraft(archive, first.id)).toEqual({ discarded: false });

    const binned = await api('issues.next', { seriesId, date: '2024-03-02' });
    await api('issues.delete', { id: binned.id });
    expect(discardUntouchedDraft(archive, binned.id)).toEqual({ discarded: false });
    expect((await api('issues.recycleBin', {})).map((summary) => summary.id)).toEqual([binned.id]);

    const copy = await api('issues.duplicate', { id: first.id });
    expect(discardUntouchedDraft(archive, copy.id)).toEqual({ discarded: false });

    const other = await tempArchive();
    const otherApi = apiOf(other);
    await otherApi('bundle.import', { base64: (await api('bundle.export', { seriesId })).base64 });
    for (const summary of await otherApi('issues.list', { seriesId: (await otherApi('series.list', {}))[0]!.id })) {
      expect(discardUntouchedDraft(other, summary.id)).toEqual({ discarded: false });
    }
    expect(rowsOf(archive, copy.id).issues).toBe(1);
  });

  it('answers not-found for an issue that does not exist', async () => {
    const { api } = await setUp();
    expect((await apiErrorOf(api('issues.discard', { id: 4242 }))).code).toBe('not-found');
  });
});

describe('新建一期 with an untouched new issue at the top', () => {
  it('hands out that issue again instead of using up another number', async () => {
    const { api, seriesId } = await setUp();
    const first = await api('issues.next', { seriesId });
    const second = await api('issues.next', { seriesId });
    expect(second.id).toBe(first.id);
    expect(second.revision).toBe(1);
    expect(await api('issues.list', { seriesId })).toHaveLength(1);
  });

  it('makes a new issue once the newest one has been written in', async () => {
    const { api, seriesId } = await setUp();
    const first = await write(api, await api('issues.next', { seriesId, date: '2024-03-01' }));
    const second = await api('issues.next', { seriesId, date: '2024-03-08' });
    expect([second.id === first.id, second.issue.number]).toEqual([false, 2]);
  });

  it('makes a new issue when the untouched one is not the newest, or is in the recycle bin', async () => {
    const { api, seriesId } = await setUp();
    const untouched = await api('issues.next', { seriesId, date: '2024-03-01' });
    const newer = await api('issues.duplicate', { id: untouched.id });
    expect(newer.issue.number).toBe(2);
    expect((await api('issues.next', { seriesId, date: '2024-03-08' })).issue.number).toBe(3);

    const { api: api2, seriesId: series2 } = await setUp();
    const binned = await api2('issues.next', { seriesId: series2, date: '2024-03-01' });
    await api2('issues.delete', { id: binned.id });
    const next = await api2('issues.next', { seriesId: series2, date: '2024-03-02' });
    expect([next.id === binned.id, next.issue.number]).toEqual([false, 2]);
  });

  it('looks at the highest total number in a yearly series', async () => {
    const archive = await tempArchive();
    const api = apiOf(archive);
    const series = await api('series.create', { settings: defaultSeriesSettings('年度简报', '联络组', 'yearly-with-total') });
    await write(api, await api('issues.next', { seriesId: series.id, date: '2023-12-13' }));
    await write(api, await api('issues.next', { seriesId: series.id, date: '2023-12-20' }));
    // 2024年第1期 总第3期 is the newest, though 2023年第2期 has the higher number
    const top = await api('issues.next', { seriesId: series.id, date: '2024-01-05' });
    expect([top.issue.number, top.issue.totalNumber]).toEqual([1, 3]);
    expect((await api('issues.next', { seriesId: series.id, date: '2024-01-05' })).id).toBe(top.id);
  });
});
