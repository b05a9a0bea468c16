// Restoring an old revision: by default its content (body, 报送发, 印发 line, copies, ignored findings)
// under the current 期号, date, 文号 and status, even when the old 期号 has been taken since; with the
// masthead, its 期号, date and 文号 too, refused in plain Chinese when that 期号 is now another issue's.
import { describe, expect, it } from 'vitest';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import type { Issue } from '../../shared/model/issue.ts';
import { apiErrorOf, apiOf, tempArchive } from './helpers.ts';

const withText = (issue: Issue, text: string): Issue => ({ ...issue, blocks: [issue.blocks[0]!, { type: 'article', title: '工作动态', paragraphs: [{ runs: [{ text }] }] }] });

/**
 * 第2版: the old content, 第1期 of 2024-04-01, 文号 益简字〔2024〕1号, with its own 报送发, 印发 line, copies
 * and ignored findings; 第3版: other content, moved to 第5期 of 2024-04-08, 文号 益简字〔2024〕5号.
 */
async function movedIssue(numbering: 'sequential' | 'yearly-with-total' = 'sequential') {
  const archive = await tempArchive();
  const api = apiOf(archive);
  const series = await api('series.create', { settings: defaultSeriesSettings('测试工作简报', '联络组', numbering) });
  const record = await api('issues.next', { seriesId: series.id, date: '2024-04-01' });
  const oldContent: Issue = {
    ...withText(record.issue, '旧版的正文。'),
    docNumber: '益简字〔2024〕1号',
    distribution: { report: ['市委'], send: ['市政府'], issue: [] },
    printed: { by: '联络组', date: '2024-04-01' },
    copies: 30,
    ignoredFindings: ['旧版忽略的校对'],
  };
  const v2 = (await api('issues.save', { id: record.id, baseRevision: 1, issue: oldContent })).record;
  const newContent: Issue = {
    ...withText(v2.issue, '新版的正文。'),
    number: 5,
    ...(numbering === 'yearly-with-total' ? { totalNumber: 9 } : {}),
    date: '2024-04-08',
    docNumber: '益简字〔2024〕5号',
    distribution: { report: ['省委'], send: [], issue: ['各县'] },
    printed: { by: '联络组', date: '2024-04-08' },
    copies: 50,
    ignoredFindings: [],
  };
  const v3 = (await api('issues.save', { id: record.id, baseRevision: 2, issue: newContent })).record;
  return { archive, api, series, id: record.id, v2, v3 };
}

describe('restoring a revision', () => {
  it('brings back the old content and keeps the current 期号, date, 文号 and status by default', async () => {
    const { api, id, v2, v3 } = await movedIssue();
    const restored = await api('revisions.restore', { issueId: id, revision: 2 });
    expect(restored.revision).toBe(4);
    const { issue } = restored;
    expect([issue.number, issue.year, issue.totalNumber, issue.date, issue.docNumber, issue.status]).toEqual([5, 2024, null, '2024-04-08', '益简字〔2024〕5号', 'draft']);
    expect(issue.blocks).toEqual(v2.issue.blocks);
    expect(issue.distribution).toEqual({ report: ['市委'], send: ['市政府'], issue: [] });
    expect([issue.printed, issue.copies, issue.ignoredFindings]).toEqual([{ by: '联络组', date: '2024-04-01' }, 30, ['旧版忽略的校对']]);
    expect(issue.series).toEqual(v3.issue.series);
    const [latest] = await api('revisions.list', { issueId: id });
    expect([latest!.kind, latest!.note]).toEqual(['restored', '恢复自第2版']);
  });

  it('restores the content even when the old 期号 has been taken by another issue since', async () => {
    const { api, series, id, v2 } = await movedIssue();
    const other = await api('issues.next', { seriesId: series.id, date: '2024-04-09' });
    await api('issues.save', { id: other.id, baseRevision: other.revision, issue: { ...withText(other.issue, '另一期。'), number: 1 } });
    const restored = await api('revisions.restore', { issueId: id, revision: 2 });
    expect([restored.issue.number, restored.issue.blocks]).toEqual([5, v2.issue.blocks]);
  });

  it('keeps the current total number of a yearly series by default', async () => {
    const { api, id } = await movedIssue('yearly-with-total');
    const restored = await api('revisions.restore', { issueId: id, revision: 2 });
    expect([restored.issue.number, restored.issue.totalNumber]).toEqual([5, 9]);
  });

  it('brings back the old 期号, date and 文号 too when asked to restore with the masthead', async () => {
    const { api, id, v2 } = await movedIssue();
    const restored = await api('revisions.restore', { issueId: id, revision: 2, withMasthead: true });
    const { issue } = restored;
    expect([issue.number, issue.year, issue.date, issue.docNumber, issue.status]).toEqual([1, 2024, '2024-04-01', '益简字〔2024〕1号', 'draft']);
    expect(issue.blocks).toEqual(v2.issue.blocks);
    expect((await api('revisions.list', { issueId: id }))[0]!.note).toBe('恢复自第2版');
  });

  it('refuses to restore with the masthead when the old 期号 is now another issue’s, saying so and that restoring the content alone works; nothing is written', async () => {
    const { api, series, id } = await movedIssue();
    const other = await api('issues.next', { seriesId: series.id, date: '2024-04-09' });
    await api('issues.save', { id: other.id, baseRevision: other.revision, issue: { ...withText(other.issue, '另一期。'), number: 1 } });
    const error = await apiErrorOf(api('revisions.restore', { issueId: id, revision: 2, withMasthead: true }));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('第1期');
    expect(error.message).toContain('2024年4月9日的那一期');
    expect(error.message).toContain('不能连同期号、日期和文号一起恢复');
    expect(error.message).toContain('恢复内容（保留当前期号、日期和文号）');
    expect((await api('issues.get', { id })).revision).toBe(3);
  });

  it('refuses to restore with the masthead when the old total number is now another issue’s', async () => {
    const { api, series, id } = await movedIssue('yearly-with-total');
    const other = await api('issues.next', { seriesId: series.id, date: '2024-04-09' });
    // 2024年第6期 总第1期: its number is free, its total number is the old revision's
    await api('issues.save', { id: other.id, baseRevision: other.revision, issue: { ...withText(other.issue, '另一期。'), totalNumber: 1 } });
    const error = await apiErrorOf(api('revisions.restore', { issueId: id, revision: 2, withMasthead: true }));
    expect(error.message).toContain('总第1期');
    expect(error.message).toContain('恢复内容（保留当前期号、日期和文号）');
  });
});
