// Saving and the life of an issue: every change a revision (none for unchanged content), stale saves and
// issued issues refused, status 草稿 → 已审核 → 已印发 with reopening reasons kept, revisions restored
// as new revisions, the recycle bin, and issueSchema checked before every write.
import { describe, expect, it } from 'vitest';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import type { Issue } from '../../shared/model/issue.ts';
import { saveIssue } from '../../electron/services/archive/issues.ts';
import { apiErrorOf, apiOf, tempArchive } from './helpers.ts';

async function draft() {
  const archive = await tempArchive();
  const api = apiOf(archive);
  const series = await api('series.create', { settings: defaultSeriesSettings('测试工作简报', '联络组') });
  const record = await api('issues.next', { seriesId: series.id, date: '2024-04-01' });
  return { archive, api, series, record };
}

const withArticle = (issue: Issue, title: string, text: string): Issue => ({
  ...issue,
  blocks: [...issue.blocks, { type: 'article', title, paragraphs: [{ runs: [{ text }] }] }],
});

describe('saving an issue', () => {
  it('makes every changed save a new revision, derives the lead, and adds none for unchanged content', async () => {
    const { api, record } = await draft();
    const edited = withArticle(record.issue, '全市召开防汛会', '4月1日，全市召开防汛工作会议。');
    const first = await api('issues.save', { id: record.id, baseRevision: 1, issue: edited });
    expect(first.changed).toBe(true);
    expect(first.record.revision).toBe(2);
    expect(first.record.issue.blocks[0]).toEqual({ type: 'lead', items: ['全市召开防汛会'] });
    const again = await api('issues.save', { id: record.id, baseRevision: 2, issue: edited });
    expect(again.changed).toBe(false);
    expect(again.record.revision).toBe(2);
    expect((await api('revisions.list', { issueId: record.id })).map((revision) => [revision.revision, revision.note])).toEqual([
      [2, '保存'],
      [1, '新建'],
    ]);
  });

  it('refuses a save based on a revision that is no longer the latest, keeping the other edit', async () => {
    const { api, record } = await draft();
    await api('issues.save', { id: record.id, baseRevision: 1, issue: withArticle(record.issue, '甲', '甲文。') });
    const error = await apiErrorOf(api('issues.save', { id: record.id, baseRevision: 1, issue: withArticle(record.issue, '乙', '乙文。') }));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('已在别处修改（现在是第2版，你编辑的是第1版）');
    expect((await api('issues.get', { id: record.id })).issue.blocks[1]).toMatchObject({ title: '甲' });
  });

  it('checks content against the issue schema before writing and writes nothing when it fails', async () => {
    const { archive, api, record } = await draft();
    const bad = { ...record.issue, date: '2024-02-30' } as Issue;
    expect(() => saveIssue(archive, record.id, 1, bad)).toThrow(/简报内容不符合要求，未保存：日期：不是存在的日期/);
    expect((await api('issues.get', { id: record.id })).revision).toBe(1);
  });

  it('refuses to change the status through a save', async () => {
    const { api, record } = await draft();
    const error = await apiErrorOf(api('issues.save', { id: record.id, baseRevision: 1, issue: { ...record.issue, status: 'issued' } }));
    expect(error.code).toBe('invalid-input');
  });
});

describe('status', () => {
  it('goes 草稿 → 已审核 → 已印发, each step a revision; an issued issue is read-only', async () => {
    const { api, record } = await draft();
    const early = await apiErrorOf(api('issues.setStatus', { id: record.id, status: 'issued' }));
    expect(early.message).toContain('须先审核才能印发');
    await api('issues.setStatus', { id: record.id, status: 'reviewed' });
    const issued = await api('issues.setStatus', { id: record.id, status: 'issued' });
    expect(issued.issue.status).toBe('issued');
    expect(issued.revision).toBe(3);
    const save = await apiErrorOf(api('issues.save', { id: record.id, baseRevision: 3, issue: withArticle(issued.issue, '改', '改。') }));
    expect([save.code, save.message]).toEqual(['read-only', '第1期已印发，不能再修改；如需修改，请先撤回印发并说明原因']);
    expect((await apiErrorOf(api('revisions.restore', { issueId: record.id, revision: 1 }))).code).toBe('read-only');
    expect((await apiErrorOf(api('issues.delete', { id: record.id }))).code).toBe('read-only');
  });

  it('reopens an issued issue only with a reason, which is kept with the time', async () => {
    const { api, record } = await draft();
    await api('issues.setStatus', { id: record.id, status: 'reviewed' });
    await api('issues.setStatus', { id: record.id, status: 'issued' });
    const noReason = await apiErrorOf(api('issues.setStatus', { id: record.id, status: 'draft' }));
    expect(noReason.message).toBe('撤回已印发的简报，需要写明原因（至少两个字）');
    const before = Date.now();
    const reopened = await api('issues.setStatus', { id: record.id, status: 'draft', reason: '领导要求补充数据' });
    expect(reopened.issue.status).toBe('draft');
    expect(reopened.reopenings).toHaveLength(1);
    expect(reopened.reopenings[0]!.reason).toBe('领导要求补充数据');
    expect(Date.parse(reopened.reopenings[0]!.at)).toBeGreaterThanOrEqual(before - 1000);
    expect((await api('revisions.list', { issueId: record.id }))[0]!.note).toBe('撤回印发（领导要求补充数据），状态改为草稿');
    expect((await api('issues.save', { id: record.id, baseRevision: reopened.revision, issue: withArticle(reopened.issue, '补', '补充。') })).changed).toBe(true);
  });
});

describe('revisions', () => {
  it('lists revisions newest first, shows any of them, and restores one as a new revision', async () => {
    const { api, record } = await draft();
    const v2 = await api('issues.save', { id: record.id, baseRevision: 1, issue: withArticle(record.issue, '第二版', '二。') });
    await api('issues.save', { id: record.id, baseRevision: 2, issue: withArticle(record.issue, '第三版', '三三。') });
    const list = await api('revisions.list', { issueId: record.id });
    expect(list.map((revision) => [revision.revision, revision.chars])).toEqual([
      [3, 3],
      [2, 2],
      [1, 0],
    ]);
    expect(await api('revisions.get', { issueId: record.id, revision: 2 })).toEqual(v2.record.issue);
    const restored = await api('revisions.restore', { issueId: record.id, revision: 2 });
    expect(restored.revision).toBe(4);
    expect(restored.issue).toEqual(v2.record.issue);
    expect((await api('revisions.list', { issueId: record.id }))[0]!.note).toBe('恢复自第2版');
    expect((await apiErrorOf(api('revisions.get', { issueId: record.id, revision: 9 }))).message).toBe('这一期没有第9版');
  });
});

describe('recycle bin', () => {
  it('moves a deleted issue out of the list into the bin, and brings it back on restore', async () => {
    const { api, series, record } = await draft();
    await api('issues.delete', { id: record.id });
    expect(await api('issues.list', { seriesId: series.id })).toEqual([]);
    const bin = await api('issues.recycleBin', {});
    expect(bin.map((summary) => summary.id)).toEqual([record.id]);
    expect(bin[0]!.deletedAt).not.toBeNull();
    expect((await apiErrorOf(api('issues.save', { id: record.id, baseRevision: 1, issue: record.issue }))).message).toContain('在回收站中');
    const back = await api('issues.restore', { id: record.id });
    expect(back.deletedAt).toBeNull();
    expect((await api('issues.list', { seriesId: series.id })).map((summary) => summary.id)).toEqual([record.id]);
    expect(await api('issues.recycleBin', {})).toEqual([]);
  });
});

describe('duplicate and list', () => {
  it('starts the next issue from this one: next number, its articles and recipients, a draft', async () => {
    const { api, series, record } = await draft();
    const saved = await api('issues.save', {
      id: record.id,
      baseRevision: 1,
      issue: { ...withArticle(record.issue, '例行工作', '内容。'), distribution: { report: ['市委'], send: [], issue: [] } },
    });
    const copy = await api('issues.duplicate', { id: record.id });
    expect(copy.issue.number).toBe(2);
    expect(copy.issue.status).toBe('draft');
    expect(copy.issue.blocks).toEqual(saved.record.issue.blocks);
    expect(copy.issue.distribution.report).toEqual(['市委']);
    const list = await api('issues.list', { seriesId: series.id });
    expect(list.map((summary) => [summary.numberText, summary.firstTitle])).toEqual([
      ['第2期', '例行工作'],
      ['第1期', '例行工作'],
    ]);
    expect(await api('issues.list', { seriesId: series.id, status: 'issued' })).toEqual([]);
    expect(await api('issues.list', { seriesId: series.id, year: 2023 })).toEqual([]);
  });

  it('answers not-found in Chinese for an issue that does not exist', async () => {
    const { api } = await draft();
    const error = await apiErrorOf(api('issues.get', { id: 12345 }));
    expect([error.code, error.message]).toEqual(['not-found', '找不到这一期简报，可能已被彻底删除']);
  });
});
