// The search indexes merge their segments later (16 per level, not FTS5's 4), so that a large import
// does not spend ever more of its time re-merging. What must hold: every archive, new or migrated, has
// the setting in all three indexes, and after enough batches to force merges at several levels every
// issue is still found by long and short terms, and a deleted one never is.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importReadFiles } from '../../electron/services/archive/import-issues.ts';
import { deleteIssue, insertIssue } from '../../electron/services/archive/issues.ts';
import { migrate, SCHEMA_VERSION, SEARCH_AUTOMERGE } from '../../electron/services/archive/schema.ts';
import { searchIssues } from '../../electron/services/archive/search-index.ts';
import { fileAtVersionOne, issueWith, makeSeries, tempArchive, tempDir } from './helpers.ts';

const INDEXES = ['search_text', 'search_titles', 'search_pairs'] as const;
type Archive = Awaited<ReturnType<typeof tempArchive>>;

const automergeOf = (db: Database.Database, table: string) => db.prepare(`SELECT v FROM ${table}_config WHERE k = 'automerge'`).pluck().get();
const foundIds = (archive: Archive, query: string) => searchIssues(archive.db, { query, limit: 500 }).map((hit) => hit.issueId);
const expectIndexesIntact = (db: Database.Database) => {
  for (const table of INDEXES) db.exec(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`);
};

// a place name of two characters unique to each issue, and a longer phrase unique to each batch
const PLACE_CHARS = '安桃资沅赫南益阳湘潭衡邵岳常张郴永怀娄吉';
const placeOf = (n: number) => PLACE_CHARS[n % PLACE_CHARS.length]! + PLACE_CHARS[Math.floor(n / PLACE_CHARS.length) % PLACE_CHARS.length]! + '乡';
const phraseOf = (batch: number) => `第${'一二三四五六七八九十'[batch % 10]}${'甲乙丙丁戊己庚辛壬癸'[Math.floor(batch / 10) % 10]}批督查整改`;

describe('search index merging', () => {
  it('sets automerge to 16 in all three search indexes of a new archive, and keeps it across reopening', async () => {
    const dataDir = tempDir();
    const archive = await tempArchive(dataDir);
    for (const table of INDEXES) expect(automergeOf(archive.db, table)).toBe(SEARCH_AUTOMERGE);
    archive.close();
    const again = new Database(join(dataDir, 'archive.sqlite'), { readonly: true });
    for (const table of INDEXES) expect(automergeOf(again, table)).toBe(16);
    again.close();
  });

  it('sets it when an archive of the previous version is opened, and the issues it had indexed are still found', async () => {
    const dataDir = tempDir();
    const old = new Database(join(dataDir, 'archive.sqlite'));
    fileAtVersionOne(old, issueWith({ title: '秸秆禁烧专项督查', text: '赫山区开展秸秆禁烧巡查。' }), '秸秆禁烧专项督查');
    migrate(old, SCHEMA_VERSION - 1); // the search indexes are made and filled here, without the setting
    for (const table of INDEXES) expect(automergeOf(old, table)).toBeUndefined();
    old.close();

    const archive = await tempArchive(dataDir);
    expect(archive.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    for (const table of INDEXES) expect(automergeOf(archive.db, table)).toBe(SEARCH_AUTOMERGE);
    expect(foundIds(archive, '秸秆禁烧')).toEqual([1]);
    expect(foundIds(archive, '赫山')).toEqual([1]);
    expectIndexesIntact(archive.db);
  });

  it('finds every issue by its two-character place and its batch phrase after 300 one-issue batches, and never a deleted one', async () => {
    const archive = await tempArchive();
    const series = makeSeries(archive);
    const idsByBatch: number[] = [];
    // one batch per import: each flushes a segment, so 300 of them merge at level 0, 1 and 2
    for (let batch = 0; batch < 300; batch++) {
      const issue = issueWith({ number: batch + 1, title: `${phraseOf(batch)}情况通报`, text: `${placeOf(batch)}召开专题会议，部署${phraseOf(batch)}工作。` });
      const [outcome] = importReadFiles(archive, [{ file: `${batch + 1}.txt`, issue, warnings: [] }], { seriesId: series.id });
      expect(outcome?.status).toBe('imported');
      idsByBatch.push(outcome!.status === 'imported' ? outcome!.issueId : 0);
    }
    const deleted = [7, 150, 299].map((batch) => idsByBatch[batch]!);
    for (const id of deleted) deleteIssue(archive, id);
    expectIndexesIntact(archive.db);

    for (let batch = 0; batch < 300; batch++) {
      const id = idsByBatch[batch]!;
      const byPhrase = foundIds(archive, phraseOf(batch));
      const byPlace = foundIds(archive, placeOf(batch).slice(0, 2));
      if (deleted.includes(id)) {
        expect(byPhrase, `batch ${batch}`).not.toContain(id);
        expect(byPlace, `batch ${batch}`).not.toContain(id);
      } else {
        expect(byPhrase, `batch ${batch}`).toContain(id);
        expect(byPlace, `batch ${batch}`).toContain(id);
      }
    }
  });
});
