// Bundles between two real archives (two PCs): export a series or everything, import merging by
// identity without duplicates, the side that moved on wins only when the other did not move, and
// issues changed on both sides are reported as conflicts, never overwritten.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Archive } from '../../electron/services/archive/archive.ts';
import { insertIssue } from '../../electron/services/archive/issues.ts';
import { storedIssue } from '../../electron/services/archive/stored-issue.ts';
import type { Issue } from '../../shared/model/issue.ts';
import { apiErrorOf, apiOf, issueWith, makeSeries, tempArchive } from './helpers.ts';

async function pc() {
  const archive = await tempArchive();
  return { archive, api: apiOf(archive) };
}

async function office() {
  const a = await pc();
  const series = makeSeries(a.archive, '督察工作简报');
  const other = makeSeries(a.archive, '综合信息');
  const first = insertIssue(a.archive, series.id, storedIssue(issueWith({ number: 1, title: '第一期要闻', seriesName: '督察工作简报' })), '测试');
  insertIssue(a.archive, series.id, storedIssue(issueWith({ number: 2, date: '2024-03-06', title: '第二期要闻', seriesName: '督察工作简报' })), '测试');
  insertIssue(a.archive, other.id, storedIssue(issueWith({ number: 1, title: '综合', seriesName: '综合信息' })), '测试');
  return { a, seriesId: series.id, first };
}

async function move(from: ReturnType<typeof apiOf>, to: ReturnType<typeof apiOf>, seriesId?: number) {
  const file = await from('bundle.export', seriesId === undefined ? {} : { seriesId });
  return to('bundle.import', { base64: file.base64 });
}

async function edit(api: ReturnType<typeof apiOf>, id: number, title: string) {
  const record = await api('issues.get', { id });
  const issue: Issue = { ...record.issue, blocks: [record.issue.blocks[0]!, { type: 'article', title, paragraphs: [{ runs: [{ text: `${title}。` }] }] }] };
  return (await api('issues.save', { id, baseRevision: record.revision, issue })).record;
}

const titles = async (archive: Archive) => {
  const api = apiOf(archive);
  const all = [];
  for (const series of await api('series.list', { includeArchived: true })) {
    for (const summary of await api('issues.list', { seriesId: series.id })) all.push(`${series.settings.name} ${summary.numberText} ${summary.firstTitle}`);
  }
  return all.sort();
};

describe('bundles', () => {
  it('moves a series to an empty archive, and importing it again adds nothing', async () => {
    const { a, seriesId } = await office();
    const b = await pc();
    const file = await a.api('bundle.export', { seriesId });
    expect(file.fileName).toMatch(/^督察工作简报-档案包-\d{4}-\d{2}-\d{2}\.jianbao$/);
    expect(await b.api('bundle.import', { base64: file.base64 })).toEqual({ imported: 2, unchanged: 0, conflicts: [], seriesCreated: 1 });
    expect(await titles(b.archive)).toEqual(['督察工作简报 第1期 第一期要闻', '督察工作简报 第2期 第二期要闻']);
    expect(await b.api('bundle.import', { base64: file.base64 })).toEqual({ imported: 0, unchanged: 2, conflicts: [], seriesCreated: 0 });
    expect((await b.api('search', { query: '第二期要闻' })).length).toBe(1);
  });

  it('exports the whole archive when no series is named', async () => {
    const { a } = await office();
    const b = await pc();
    expect(await move(a.api, b.api)).toEqual({ imported: 3, unchanged: 0, conflicts: [], seriesCreated: 2 });
    expect(await titles(b.archive)).toEqual(await titles(a.archive));
  });

  it('takes the other side’s newer content when only that side changed the issue, in both directions', async () => {
    const { a, first } = await office();
    const b = await pc();
    await move(a.api, b.api);
    const [bFirst] = (await b.api('search', { query: '第一期要闻' })).map((hit) => hit.issueId);

    await edit(a.api, first, '甲机改过');
    expect(await move(a.api, b.api)).toMatchObject({ imported: 1, unchanged: 2, conflicts: [] });
    expect((await b.api('issues.get', { id: bFirst! })).issue.blocks[1]).toMatchObject({ title: '甲机改过' });
    expect((await b.api('revisions.list', { issueId: bFirst! }))[0]!.note).toBe('从档案包更新');

    await edit(b.api, bFirst!, '乙机又改');
    expect(await move(b.api, a.api)).toMatchObject({ imported: 1, conflicts: [] });
    expect((await a.api('issues.get', { id: first })).issue.blocks[1]).toMatchObject({ title: '乙机又改' });

    expect(await move(a.api, b.api)).toMatchObject({ imported: 0, unchanged: 3, conflicts: [] });
  });

  it('keeps its own newer content when the bundle carries an older one', async () => {
    const { a } = await office();
    const b = await pc();
    const stale = await a.api('bundle.export', {});
    await move(a.api, b.api);
    const [bFirst] = (await b.api('search', { query: '第一期要闻' })).map((hit) => hit.issueId);
    await edit(b.api, bFirst!, '乙机新内容');
    expect(await b.api('bundle.import', { base64: stale.base64 })).toMatchObject({ imported: 0, unchanged: 3, conflicts: [] });
    expect((await b.api('issues.get', { id: bFirst! })).issue.blocks[1]).toMatchObject({ title: '乙机新内容' });
  });

  it('reports an issue changed on both sides as a conflict and leaves the local one as it was', async () => {
    const { a, first } = await office();
    const b = await pc();
    await move(a.api, b.api);
    const [bFirst] = (await b.api('search', { query: '第一期要闻' })).map((hit) => hit.issueId);
    await edit(a.api, first, '甲机的改法');
    const local = await edit(b.api, bFirst!, '乙机的改法');
    const report = await move(a.api, b.api);
    expect(report.conflicts).toEqual([{ seriesName: '督察工作简报', numberText: '第1期', reason: '两台电脑上都修改过这一期，保留了本机的内容，请核对后手工合并' }]);
    expect(report.imported).toBe(0);
    expect((await b.api('issues.get', { id: bFirst! })).revision).toBe(local.revision);
    expect((await b.api('issues.get', { id: bFirst! })).issue.blocks[1]).toMatchObject({ title: '乙机的改法' });
  });

  it('matches a series by name and the same bulletin filed separately on both PCs, without duplicates', async () => {
    const { a } = await office();
    const b = await pc();
    const series = makeSeries(b.archive, '督察工作简报');
    insertIssue(b.archive, series.id, storedIssue(issueWith({ number: 1, title: '第一期要闻', seriesName: '督察工作简报' })), '测试');
    insertIssue(b.archive, series.id, storedIssue(issueWith({ number: 2, date: '2024-03-06', title: '乙机另写的第二期', seriesName: '督察工作简报' })), '测试');
    const report = await move(a.api, b.api);
    expect(report).toMatchObject({ imported: 1, unchanged: 1, seriesCreated: 1 });
    expect(report.conflicts).toEqual([{ seriesName: '督察工作简报', numberText: '第2期', reason: '本机已有同一期号的另一期，内容不同，未导入' }]);
    expect((await titles(b.archive)).filter((title) => title.startsWith('督察工作简报'))).toEqual(['督察工作简报 第1期 第一期要闻', '督察工作简报 第2期 乙机另写的第二期']);
  });

  it('refuses a file that is not a bundle, a truncated one, or one with bad content, changing nothing', async () => {
    const { a } = await office();
    const b = await pc();
    const good = Buffer.from((await a.api('bundle.export', {})).base64, 'base64');
    const wrongJson = new JSZip();
    wrongJson.file('bundle.json', JSON.stringify({ format: 'jianbao/bundle@1', exportedAt: 'x', series: [{ uid: 'u' }] }));
    const cases: [Buffer, RegExp][] = [
      [Buffer.from('纯文本'), /档案包的内容不是 zip 压缩格式/],
      [good.subarray(0, good.length - 30), /档案包不完整或已损坏/],
      [await wrongJson.generateAsync({ type: 'nodebuffer' }), /不是有效的简报档案包（.*），档案库未作改动/],
    ];
    for (const [bytes, message] of cases) {
      const error = await apiErrorOf(b.api('bundle.import', { base64: bytes.toString('base64') }));
      expect(error.code).toBe('unreadable');
      expect(error.message).toMatch(message);
    }
    expect(await b.api('series.list', { includeArchived: true })).toEqual([]);
  });
});
