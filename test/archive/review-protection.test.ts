// What was reviewed stays reviewed only as long as it is what was reviewed: saving other content (by hand
// or autosave) or restoring a revision on a 已审核 issue stores it as 草稿, saying why; unchanged content
// changes nothing; issued issues are still refused, and a save still never changes the status otherwise.
import { describe, expect, it } from 'vitest';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import type { Issue } from '../../shared/model/issue.ts';
import { apiErrorOf, apiOf, tempArchive } from './helpers.ts';

const withText = (issue: Issue, text: string): Issue => ({ ...issue, blocks: [issue.blocks[0]!, { type: 'article', title: '工作动态', paragraphs: [{ runs: [{ text }] }] }] });

/** 第2版 written, 第3版 the same content reviewed. */
async function reviewed() {
  const archive = await tempArchive();
  const api = apiOf(archive);
  const series = await api('series.create', { settings: defaultSeriesSettings('测试工作简报', '联络组') });
  const record = await api('issues.next', { seriesId: series.id, date: '2024-04-01' });
  await api('issues.save', { id: record.id, baseRevision: 1, issue: withText(record.issue, '审核通过的正文。') });
  const review = await api('issues.setStatus', { id: record.id, status: 'reviewed' });
  expect(review.issue.status).toBe('reviewed');
  return { api, series, id: record.id, review };
}

describe('a reviewed issue', () => {
  it('goes back to 草稿 when other content is saved, and the revision says why', async () => {
    const { api, series, id, review } = await reviewed();
    const saved = await api('issues.save', { id, baseRevision: review.revision, issue: withText(review.issue, '审核之后又改了。') });
    expect(saved.changed).toBe(true);
    expect(saved.record.issue.status).toBe('draft');
    expect(saved.record.issue.blocks[1]).toMatchObject({ paragraphs: [{ runs: [{ text: '审核之后又改了。' }] }] });
    const [latest] = await api('revisions.list', { issueId: id });
    expect([latest!.kind, latest!.status, latest!.note]).toEqual(['save', 'draft', '保存，审核后修改，退回草稿']);
    expect((await api('issues.list', { seriesId: series.id }))[0]!.status).toBe('draft');
    expect((await api('issues.get', { id })).issue.status).toBe('draft');
  });

  it('goes back to 草稿 on an autosave of other content too, named as an autosave', async () => {
    const { api, id, review } = await reviewed();
    const saved = await api('issues.save', { id, baseRevision: review.revision, issue: withText(review.issue, '自动保存的改动。'), kind: 'auto' });
    expect(saved.record.issue.status).toBe('draft');
    const [latest] = await api('revisions.list', { issueId: id });
    expect([latest!.kind, latest!.note]).toEqual(['autosave', '自动保存，审核后修改，退回草稿']);
  });

  it('stays reviewed, with no new revision, when the content saved is the content reviewed', async () => {
    const { api, id, review } = await reviewed();
    const saved = await api('issues.save', { id, baseRevision: review.revision, issue: review.issue, kind: 'auto' });
    expect(saved.changed).toBe(false);
    expect([saved.record.revision, saved.record.issue.status]).toEqual([review.revision, 'reviewed']);
  });

  it('goes back to 草稿 when an older revision is restored, the note saying it was restored and why it is a draft', async () => {
    const { api, id, review } = await reviewed();
    const restored = await api('revisions.restore', { issueId: id, revision: 1 });
    expect(restored.issue.status).toBe('draft');
    expect(restored.issue.blocks).toHaveLength(1);
    const [latest] = await api('revisions.list', { issueId: id });
    expect([latest!.kind, latest!.note]).toEqual(['restored', '恢复自第1版，审核后修改，退回草稿']);
    expect(latest!.revision).toBe(review.revision + 1);
  });

  it('stays reviewed when the revision restored has the content it has now', async () => {
    const { api, id, review } = await reviewed();
    const restored = await api('revisions.restore', { issueId: id, revision: 2 });
    expect([restored.revision, restored.issue.status]).toEqual([review.revision, 'reviewed']);
  });

  it('still refuses a save that would change the status, either way', async () => {
    const { api, id, review } = await reviewed();
    const toDraft = await apiErrorOf(api('issues.save', { id, baseRevision: review.revision, issue: { ...withText(review.issue, '改。'), status: 'draft' } }));
    expect(toDraft.code).toBe('invalid-input');
    const toIssued = await apiErrorOf(api('issues.save', { id, baseRevision: review.revision, issue: { ...review.issue, status: 'issued' } }));
    expect(toIssued.code).toBe('invalid-input');
    expect((await api('issues.get', { id })).revision).toBe(review.revision);
  });

  it('once issued refuses saves and restores as before', async () => {
    const { api, id } = await reviewed();
    const issued = await api('issues.setStatus', { id, status: 'issued' });
    const save = await apiErrorOf(api('issues.save', { id, baseRevision: issued.revision, issue: { ...withText(issued.issue, '印发后改。') } }));
    expect(save.code).toBe('read-only');
    expect((await apiErrorOf(api('revisions.restore', { issueId: id, revision: 1 }))).code).toBe('read-only');
    expect((await api('issues.get', { id })).issue.status).toBe('issued');
  });
});
