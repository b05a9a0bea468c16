// What made each revision: every path that writes one (新建, 复制, 导入, 档案包, 保存, 自动保存, 审核, 退回,
// 印发, 撤回印发, 恢复) sets its kind, the revision list returns it, and an archive of the previous
// schema gets the kinds of its revisions read back from their notes when it is migrated.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, SCHEMA_VERSION } from '../../electron/services/archive/schema.ts';
import { importReadFile } from '../../electron/services/archive/import-issues.ts';
import { storedIssue } from '../../electron/services/archive/stored-issue.ts';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import type { Issue } from '../../shared/model/issue.ts';
import { apiOf, fixtureIssue, issueWith, tempArchive, tempDir } from './helpers.ts';

const withText = (issue: Issue, text: string): Issue => ({ ...issue, blocks: [issue.blocks[0]!, { type: 'article', title: '工作动态', paragraphs: [{ runs: [{ text }] }] }] });

async function draft() {
  const archive = await tempArchive();
  const api = apiOf(archive);
  const series = await api('series.create', { settings: defaultSeriesSettings('测试工作简报', '联络组') });
  const record = await api('issues.next', { seriesId: series.id, date: '2024-04-01' });
  return { archive, api, series, record };
}

const kindsAndNotes = async (api: ReturnType<typeof apiOf>, issueId: number) =>
  (await api('revisions.list', { issueId })).map((revision) => [revision.revision, revision.kind, revision.note]);

describe('revision kinds', () => {
  it('names what made each revision of an issue’s life: created, save, autosave, reviewed, returned, issued, reopened, restored', async () => {
    const { api, record } = await draft();
    let current = (await api('issues.save', { id: record.id, baseRevision: 1, issue: withText(record.issue, '手工保存。') })).record;
    current = (await api('issues.save', { id: record.id, baseRevision: current.revision, issue: withText(current.issue, '手工保存，明说。'), kind: 'manual' })).record;
    current = (await api('issues.save', { id: record.id, baseRevision: current.revision, issue: withText(current.issue, '编辑器自动保存。'), kind: 'auto' })).record;
    await api('issues.setStatus', { id: record.id, status: 'reviewed' });
    await api('issues.setStatus', { id: record.id, status: 'draft' });
    await api('issues.setStatus', { id: record.id, status: 'reviewed' });
    await api('issues.setStatus', { id: record.id, status: 'issued' });
    await api('issues.setStatus', { id: record.id, status: 'draft', reason: '数据有误' });
    await api('revisions.restore', { issueId: record.id, revision: 2 });
    expect(await kindsAndNotes(api, record.id)).toEqual([
      [10, 'restored', '恢复自第2版'],
      [9, 'reopened', '撤回印发（数据有误），状态改为草稿'],
      [8, 'issued', '状态改为已印发'],
      [7, 'reviewed', '状态改为已审核'],
      [6, 'returned', '退回为草稿'],
      [5, 'reviewed', '状态改为已审核'],
      [4, 'autosave', '自动保存'],
      [3, 'save', '保存'],
      [2, 'save', '保存'],
      [1, 'created', '新建'],
    ]);
  });

  it('names the first revision of a duplicated, an imported and a bundled issue, and a bundle’s update of one as merged', async () => {
    const { archive, api, series, record } = await draft();
    const written = (await api('issues.save', { id: record.id, baseRevision: 1, issue: withText(record.issue, '第一期正文。') })).record;
    const copy = await api('issues.duplicate', { id: record.id });
    expect(await kindsAndNotes(api, copy.id)).toEqual([[1, 'duplicated', '复制自第1期']]);

    const outcome = importReadFile(archive, { file: '/某处/第13期.txt', issue: fixtureIssue(), warnings: [] }, { seriesId: series.id });
    if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome));
    expect(await kindsAndNotes(api, outcome.issueId)).toEqual([[1, 'imported', '导入自 第13期.txt']]);

    const other = await tempArchive();
    const otherApi = apiOf(other);
    await otherApi('bundle.import', { base64: (await api('bundle.export', { seriesId: series.id })).base64 });
    // the copy (第2期) has the same text: the one wanted is 第1期
    const there = (await otherApi('search', { query: '第一期正文' })).find((hit) => hit.numberText === '第1期')?.issueId;
    expect(await kindsAndNotes(otherApi, there!)).toEqual([[1, 'imported', '从档案包导入']]);
    await api('issues.save', { id: record.id, baseRevision: written.revision, issue: withText(written.issue, '第一期改过的正文。') });
    await otherApi('bundle.import', { base64: (await api('bundle.export', { seriesId: series.id })).base64 });
    expect((await kindsAndNotes(otherApi, there!))[0]).toEqual([2, 'merged', '从档案包更新']);
  });

  it('gives the kind of the revisions in an archive of the previous version from their notes when it is migrated', async () => {
    const dataDir = tempDir();
    const old = new Database(join(dataDir, 'archive.sqlite'));
    // version 4 added the kinds
    migrate(old, 3);
    expect(old.prepare("SELECT count(*) FROM pragma_table_info('revisions') WHERE name = 'kind'").pluck().get()).toBe(0);
    const stored = storedIssue(issueWith({ title: '迁移前的简报' }));
    old.prepare("INSERT INTO series (id, uid, name, settings, created_at, updated_at) VALUES (1, 'u1', '测试工作简报', ?, 'x', 'x')").run(JSON.stringify(defaultSeriesSettings('测试工作简报')));
    old
      .prepare(
        `INSERT INTO issues (id, uid, series_id, numbering, number, year, date, status, first_title, revision, content_hash, created_at, updated_at)
         VALUES (1, 'i1', 1, 'sequential', 1, 2024, '2024-03-05', 'draft', '迁移前的简报', 16, ?, 'x', 'x')`,
      )
      .run(stored.hash);
    const notes = [
      '新建',
      '复制自第3期',
      '导入自 第13期.docx',
      '从档案包导入',
      '从档案包更新',
      '保存',
      '状态改为已审核',
      '退回为草稿',
      '状态改为已印发',
      '撤回印发（领导要求补充数据），状态改为草稿',
      '撤回印发（补数据），状态改为已审核',
      '恢复自第2版',
      '自动保存',
      '测试',
      '保存，审核后修改，退回草稿',
      '恢复自第3版，审核后修改，退回草稿',
    ];
    const insert = old.prepare("INSERT INTO revisions VALUES (1, ?, 'x', 'draft', 10, ?, ?, ?)");
    notes.forEach((note, index) => insert.run(index + 1, note, stored.json, stored.hash));
    old.close();

    const archive = await tempArchive(dataDir);
    expect(archive.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const kinds = (await apiOf(archive)('revisions.list', { issueId: 1 })).reverse().map((revision) => [revision.note, revision.kind]);
    expect(kinds).toEqual([
      ['新建', 'created'],
      ['复制自第3期', 'duplicated'],
      ['导入自 第13期.docx', 'imported'],
      ['从档案包导入', 'imported'],
      ['从档案包更新', 'merged'],
      ['保存', 'save'],
      ['状态改为已审核', 'reviewed'],
      ['退回为草稿', 'returned'],
      ['状态改为已印发', 'issued'],
      ['撤回印发（领导要求补充数据），状态改为草稿', 'reopened'],
      ['撤回印发（补数据），状态改为已审核', 'reopened'],
      ['恢复自第2版', 'restored'],
      ['自动保存', 'autosave'],
      // an unknown note is never taken for an untouched new issue (which could be discarded)
      ['测试', 'save'],
      ['保存，审核后修改，退回草稿', 'save'],
      ['恢复自第3版，审核后修改，退回草稿', 'restored'],
    ]);
  });

  it('refuses a kind the archive does not know, in the database itself', async () => {
    const { archive, record } = await draft();
    expect(() => archive.db.prepare("UPDATE revisions SET kind = 'typed' WHERE issue_id = ?").run(record.id)).toThrow(/CHECK constraint failed/);
  });
});
