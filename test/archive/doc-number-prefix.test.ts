// 文号 of a new issue in a series with a prefix (益简字): 益简字〔year〕N号, N one more than the largest
// serial among the series' 文号 of that prefix and year, however they were written, those in the recycle
// bin too; 1 in a new year; none at all without a prefix.
import { describe, expect, it } from 'vitest';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import type { Issue } from '../../shared/model/issue.ts';
import type { IssueRecord } from '../../shared/api/records.ts';
import { apiOf, tempArchive } from './helpers.ts';

type Api = ReturnType<typeof apiOf>;

async function seriesWith(docNumberPrefix: string | null, name = '益阳工作简报') {
  const archive = await tempArchive();
  const api = apiOf(archive);
  const series = await api('series.create', { settings: { ...defaultSeriesSettings(name, '联络组'), docNumberPrefix } });
  return { archive, api, seriesId: series.id };
}

/** The clerk writes in the issue (and may change its 文号), so that the next 新建一期 makes a new one. */
async function write(api: Api, record: IssueRecord, docNumber?: string | null): Promise<IssueRecord> {
  const issue: Issue = {
    ...record.issue,
    ...(docNumber === undefined ? {} : { docNumber }),
    blocks: [record.issue.blocks[0]!, { type: 'article', title: '工作动态', paragraphs: [{ runs: [{ text: `第${record.issue.number}期正文。` }] }] }],
  };
  return (await api('issues.save', { id: record.id, baseRevision: record.revision, issue })).record;
}

describe('the 文号 of a new issue', () => {
  it('starts at 益简字〔2024〕1号 and counts up within the year', async () => {
    const { api, seriesId } = await seriesWith('益简字');
    const first = await api('issues.next', { seriesId, date: '2024-03-01' });
    expect(first.issue.docNumber).toBe('益简字〔2024〕1号');
    await write(api, first);
    const second = await api('issues.next', { seriesId, date: '2024-03-08' });
    expect(second.issue.docNumber).toBe('益简字〔2024〕2号');
  });

  it('follows the largest serial of that prefix and year however it was written, skipping other prefixes and years', async () => {
    const { api, seriesId } = await seriesWith('益简字');
    await write(api, await api('issues.next', { seriesId, date: '2024-03-01' }), '益简字【2024】第07号');
    await write(api, await api('issues.next', { seriesId, date: '2024-03-02' }), '湘简字〔2024〕40号');
    await write(api, await api('issues.next', { seriesId, date: '2024-03-03' }), '益简字〔2023〕30号');
    await write(api, await api('issues.next', { seriesId, date: '2024-03-04' }), null);
    await write(api, await api('issues.next', { seriesId, date: '2024-03-05' }), '益简字（2024）3号');
    expect((await api('issues.next', { seriesId, date: '2024-03-06' })).issue.docNumber).toBe('益简字〔2024〕8号');
  });

  it('counts the 文号 of issues in the recycle bin: numbers used stay used', async () => {
    const { api, seriesId } = await seriesWith('益简字');
    const written = await write(api, await api('issues.next', { seriesId, date: '2024-03-01' }), '益简字〔2024〕12号');
    await api('issues.delete', { id: written.id });
    expect((await api('issues.next', { seriesId, date: '2024-03-02' })).issue.docNumber).toBe('益简字〔2024〕13号');
  });

  it('takes the year of the issue’s date: the first issue of a new year is 1号', async () => {
    const { api, seriesId } = await seriesWith('益简字');
    await write(api, await api('issues.next', { seriesId, date: '2024-12-30' }), '益简字〔2024〕25号');
    expect((await api('issues.next', { seriesId, date: '2025-01-02' })).issue.docNumber).toBe('益简字〔2025〕1号');
  });

  it('counts only the series’ own issues', async () => {
    const archive = await tempArchive();
    const api = apiOf(archive);
    const a = await api('series.create', { settings: { ...defaultSeriesSettings('甲简报', '联络组'), docNumberPrefix: '益简字' } });
    const b = await api('series.create', { settings: { ...defaultSeriesSettings('乙简报', '联络组'), docNumberPrefix: '益简字' } });
    await write(api, await api('issues.next', { seriesId: a.id, date: '2024-03-01' }), '益简字〔2024〕9号');
    expect((await api('issues.next', { seriesId: b.id, date: '2024-03-02' })).issue.docNumber).toBe('益简字〔2024〕1号');
  });

  it('gives a duplicated issue the next 文号, not the one it was copied from', async () => {
    const { api, seriesId } = await seriesWith('益简字');
    // a copy is dated today, so the first issue is too
    const first = await write(api, await api('issues.next', { seriesId }));
    const { year } = first.issue;
    expect(first.issue.docNumber).toBe(`益简字〔${year}〕1号`);
    const copy = await api('issues.duplicate', { id: first.id });
    expect(copy.issue.docNumber).toBe(`益简字〔${year}〕2号`);
  });

  it('stays empty when the series has no prefix', async () => {
    const { api, seriesId } = await seriesWith(null);
    const first = await api('issues.next', { seriesId, date: '2024-03-01' });
    expect(first.issue.docNumber).toBeNull();
    expect((await api('issues.duplicate', { id: (await write(api, first)).id })).issue.docNumber).toBeNull();
  });
});
