// A batch import indexes its issues for search after filing them all (FTS5 writes pending entries to disk
// at every savepoint: indexing inside each file's savepoint made an index segment per issue). What must
// hold: every filed issue is found as soon as the batch returns, and nothing rolled back is ever found,
// even when a later issue takes the rolled-back one's id.
import { describe, expect, it } from 'vitest';
import { importReadFiles } from '../../electron/services/archive/import-issues.ts';
import { deleteIssue, insertIssue } from '../../electron/services/archive/issues.ts';
import { searchIssues, withIndexingDeferred } from '../../electron/services/archive/search-index.ts';
import { storedIssue } from '../../electron/services/archive/stored-issue.ts';
import { issueWith, makeSeries, tempArchive } from './helpers.ts';

const searchEntries = (archive: Awaited<ReturnType<typeof tempArchive>>) => archive.db.prepare('SELECT count(*) FROM search_text').pluck().get();
const foundIds = (archive: Awaited<ReturnType<typeof tempArchive>>, query: string) => searchIssues(archive.db, { query }).map((hit) => hit.issueId);

describe('indexing after a batch import', () => {
  it('finds every issue of a batch as soon as it returns, and none that was skipped or failed', async () => {
    const archive = await tempArchive();
    const series = makeSeries(archive);
    const reads = [
      { file: '一.txt', issue: issueWith({ number: 1, title: '安化县防汛会商', text: '安化县部署汛期值守。' }), warnings: [] },
      { file: '二.txt', issue: issueWith({ number: 2, title: '桃江县河道整治', text: '桃江县清理河道淤积。' }), warnings: [] },
      { file: '重复.txt', issue: issueWith({ number: 1, title: '重复的一期', text: '资阳区重复导入的内容。' }), warnings: [] },
      { file: '无日期.txt', issue: { ...issueWith({ number: 3, title: '日期有误', text: '沅江市日期有误的内容。' }), date: '2024-02-30' }, warnings: [] },
    ];
    const outcomes = importReadFiles(archive, reads, { seriesId: series.id });
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['imported', 'imported', 'skipped', 'failed']);
    const [first, second] = outcomes.map((outcome) => (outcome.status === 'imported' ? outcome.issueId : null));
    expect(foundIds(archive, '防汛会商')).toEqual([first]);
    expect(foundIds(archive, '河道整治')).toEqual([second]);
    expect(foundIds(archive, '资阳区')).toEqual([]);
    expect(foundIds(archive, '沅江市')).toEqual([]);
    expect(searchEntries(archive)).toBe(2);
  });

  it('indexes neither a filing rolled back with its savepoint nor an issue deleted before the batch ends, only the issue that took the freed id', async () => {
    const archive = await tempArchive();
    const series = makeSeries(archive);
    let rolledBackId = 0;
    let reusedId = 0;
    archive.write(() =>
      withIndexingDeferred(archive.db, () => {
        expect(() =>
          archive.write(() => {
            rolledBackId = insertIssue(archive, series.id, storedIssue(issueWith({ number: 1, title: '撤销的一期', text: '南县撤销的内容。' })), '测试');
            throw new Error('这一期回滚');
          }),
        ).toThrow('这一期回滚');
        reusedId = insertIssue(archive, series.id, storedIssue(issueWith({ number: 1, title: '接替的一期', text: '赫山区接替的内容。' })), '测试');
        const deletedId = insertIssue(archive, series.id, storedIssue(issueWith({ number: 2, title: '删除的一期', text: '大通湖区删除的内容。' })), '测试');
        deleteIssue(archive, deletedId);
      }),
    );
    expect(reusedId).toBe(rolledBackId);
    expect(foundIds(archive, '赫山区')).toEqual([reusedId]);
    expect(foundIds(archive, '南县撤销')).toEqual([]);
    expect(foundIds(archive, '大通湖区')).toEqual([]);
    expect(searchEntries(archive)).toBe(1);
  });
});
