// Filing an issue must cost the same in an archive of 100 issues as in one of 100,000: no statement that
// import runs may read every issue of a series (a count of the series, a duplicate check the indexes
// cannot answer). Read from SQLite's own query plans of the statements import actually ran.
import { describe, expect, it } from 'vitest';
import { importReadFiles } from '../../electron/services/archive/import-issues.ts';
import { cachedStatementTexts } from '../../electron/services/archive/statements.ts';
import { issueWith, makeSeries, tempArchive } from './helpers.ts';

/** The plan SQLite makes for `sql`, every parameter bound to null. */
function planOf(db: import('better-sqlite3').Database, sql: string): string[] {
  const named = [...new Set(sql.match(/\$\w+/g) ?? [])];
  const positional = (sql.match(/\?/g) ?? []).length;
  const explain = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = (named.length > 0 ? explain.all(Object.fromEntries(named.map((name) => [name.slice(1), null]))) : explain.all(...Array<null>(positional).fill(null))) as { detail: string }[];
  return rows.map((row) => row.detail);
}

/** A step that reads the issues table whole, or every issue of one series. */
const readsWholeSeries = (detail: string) => /^SCAN (issues|i)\b/.test(detail) || /^SEARCH (issues|i) USING (COVERING )?INDEX \w+ \(series_id=\?\)$/.test(detail);

describe('import at scale', () => {
  it('runs no statement that reads every issue of a series while filing issues, in sequential and yearly series', async () => {
    const setup = await tempArchive();
    const sequential = makeSeries(setup, '顺序编号工作简报', 'sequential');
    const yearly = makeSeries(setup, '按年编号工作简报', 'yearly-with-total');
    const dataDir = setup.dataDir;
    setup.close();
    // a fresh connection: its statement cache then holds only what import ran
    const archive = await tempArchive(dataDir);
    const reads = [1, 2, 3].flatMap((number) => [
      { file: `顺序${number}.txt`, issue: { ...issueWith({ number, seriesName: sequential.settings.name, date: `2024-03-0${number}` }), status: 'issued' as const }, warnings: [] },
      { file: `按年${number}.txt`, issue: issueWith({ number, totalNumber: number, numbering: 'yearly-with-total', seriesName: yearly.settings.name, date: `2024-04-0${number}` }), warnings: [] },
    ]);
    reads.push({ ...reads[0]!, file: '重复.txt' });
    const outcomes = importReadFiles(archive, reads, {});
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['imported', 'imported', 'imported', 'imported', 'imported', 'imported', 'skipped']);

    const statements = cachedStatementTexts(archive.db);
    expect(statements.some((sql) => sql.includes('number_scope IN'))).toBe(true);
    const wholeSeries = statements.flatMap((sql) => planOf(archive.db, sql).filter(readsWholeSeries).map((detail) => `${detail} ← ${sql}`));
    expect(wholeSeries).toEqual([]);
  });
});
