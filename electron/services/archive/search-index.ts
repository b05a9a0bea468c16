// Keeps the search indexes in step with the issues (a batch import's issues indexed after the batch) and
// answers searches: trigram MATCH for terms of three characters or more, the character-pair index for
// shorter ones. Index rows are keyed by date then issue id, so "newest first" is the index's own order and
// a search reads little more than what it returns.
import type Database from 'better-sqlite3';
import type { Issue } from '../../../shared/model/issue.ts';
import type { ApiParsedInput } from '../../../shared/api/contract.ts';
import type { SearchHit } from '../../../shared/api/records.ts';
import { formatIssueNumber } from '../../../shared/format/chinese.ts';
import { characterPairs, ftsString, pairQuery, readQuery, searchTextOf, snippetOf, type QueryTerms, type SearchText } from './search-text.ts';
import { statement } from './statements.ts';

/** Issue ids stay below this, so that a key holds the date above them. */
const ID_SPAN = 2 ** 24;

/** The index row of an issue: YYYYMMDD × 2^24 + id, ordered newest first by the index itself. */
function searchKey(id: number, date: string): number {
  if (id >= ID_SPAN) throw new Error(`issue id ${id} is beyond the search key's range`);
  return Number(date.replaceAll('-', '')) * ID_SPAN + id;
}

/** Per connection, while withIndexingDeferred runs: the issues to index when it ends, by id (the last content wins). */
const deferred = new WeakMap<Database.Database, Map<number, Issue>>();

/**
 * Runs `body` (many issues filed, each in a savepoint of its own) and indexes the issues it filed after
 * it, one after another. FTS5 writes its pending entries to disk at every savepoint, so indexing each
 * issue inside its savepoint made one tiny index segment per issue and per index, merged again and
 * again as the archive grew. An entry whose issue was rolled back is not written (its row is gone, or
 * its id was taken again by a later issue, whose content then is the one queued).
 */
export function withIndexingDeferred<T>(db: Database.Database, body: () => T): T {
  if (deferred.has(db)) return body();
  const queue = new Map<number, Issue>();
  deferred.set(db, queue);
  try {
    const result = body();
    deferred.delete(db);
    const present = statement<[number], { found: number }>(db, 'SELECT 1 AS found FROM issues WHERE id = ? AND deleted_at IS NULL');
    for (const [id, issue] of queue) if (present.get(id)) indexIssue(db, id, issue, null);
    return result;
  } finally {
    deferred.delete(db);
  }
}

export function unindexIssue(db: Database.Database, id: number, date: string): void {
  if (deferred.get(db)?.delete(id)) return;
  const key = searchKey(id, date);
  statement(db, 'DELETE FROM search_text WHERE rowid = ?').run(key);
  statement(db, 'DELETE FROM search_titles WHERE rowid = ?').run(key);
  statement(db, 'DELETE FROM search_pairs WHERE rowid = ?').run(key);
}

/** Indexes the issue's content; `indexedDate` is the date it was indexed under before, when it was. */
export function indexIssue(db: Database.Database, id: number, issue: Issue, indexedDate: string | null): void {
  const queue = deferred.get(db);
  if (queue && (indexedDate === null || queue.has(id))) {
    queue.set(id, issue);
    return;
  }
  if (indexedDate !== null) unindexIssue(db, id, indexedDate);
  const key = searchKey(id, issue.date);
  const text = searchTextOf(issue);
  statement(db, 'INSERT INTO search_text (rowid, titles, body) VALUES (?, ?, ?)').run(key, text.titles, text.body);
  statement(db, 'INSERT INTO search_titles (rowid, titles) VALUES (?, ?)').run(key, text.titles);
  statement(db, 'INSERT INTO search_pairs (rowid, titles, body) VALUES (?, ?, ?)').run(key, characterPairs(text.titles), characterPairs(text.body));
}

const DEFAULT_LIMIT = 50;

interface HitRow {
  id: number;
  series_id: number;
  series_name: string;
  numbering: 'sequential' | 'yearly-with-total';
  number: number;
  year: number;
  total_number: number | null;
  date: string;
  status: SearchHit['status'];
  first_title: string;
}

type Filters = Omit<ApiParsedInput<'search'>, 'query' | 'limit'>;

/**
 * The SQL for one relevance tier: every term in the titles, or every term anywhere. Rows come newest
 * first straight from the index (ORDER BY rowid DESC), so LIMIT stops the reading early.
 */
function tierQuery(terms: QueryTerms, filters: Filters, titlesOnly: boolean): { sql: string; params: Record<string, string | number> } {
  const params: Record<string, string | number> = {};
  const where: string[] = ['i.deleted_at IS NULL'];
  const long = terms.long.map(ftsString).join(' ');
  const short = terms.short.map(pairQuery).join(' ');
  if (short) params.short = titlesOnly ? `titles : (${short})` : short;
  let table: string;
  if (long) {
    table = titlesOnly ? 'search_titles' : 'search_text';
    where.push(`${table} MATCH $long`);
    params.long = long;
    if (short) where.push('m.rowid IN (SELECT rowid FROM search_pairs WHERE search_pairs MATCH $short)');
  } else if (short) {
    table = 'search_pairs';
    where.push('search_pairs MATCH $short');
  } else {
    table = 'search_text';
  }
  let from = `${table} m CROSS JOIN issues i ON i.id = m.rowid % ${ID_SPAN}`;
  if (terms.scan.length > 0) {
    const text = table === 'search_text' ? 'm' : 't';
    if (text === 't') from += ' CROSS JOIN search_text t ON t.rowid = m.rowid';
    const haystack = titlesOnly ? `${text}.titles` : `${text}.titles || char(10) || ${text}.body`;
    terms.scan.forEach((term, index) => {
      where.push(`instr(lower(${haystack}), lower($scan${index})) > 0`);
      params[`scan${index}`] = term;
    });
  }
  if (filters.from !== undefined) {
    where.push('m.rowid >= $fromKey');
    params.fromKey = searchKey(0, filters.from);
  }
  if (filters.to !== undefined) {
    where.push('m.rowid < $toKey');
    params.toKey = searchKey(0, filters.to) + ID_SPAN;
  }
  for (const [column, value] of [
    ['series_id', filters.seriesId],
    ['year', filters.year],
    ['status', filters.status],
  ] as const) {
    if (value === undefined) continue;
    where.push(`i.${column} = $${column}`);
    params[column] = value;
  }
  const sql = `SELECT i.id, i.series_id, s.name AS series_name, i.numbering, i.number, i.year, i.total_number, i.date, i.status, i.first_title
    FROM ${from} JOIN series s ON s.id = i.series_id
    WHERE ${where.join(' AND ')}
    ORDER BY m.rowid DESC
    LIMIT $limit`;
  return { sql, params };
}

/** Ranked by relevance (every term in a title first, then the rest), newest first within each. */
export function searchIssues(db: Database.Database, input: ApiParsedInput<'search'>): SearchHit[] {
  const { query, limit = DEFAULT_LIMIT, ...filters } = input;
  const terms = readQuery(query);
  if (terms.all.length === 0) return [];
  const run = (titlesOnly: boolean, rows: number) => {
    const { sql, params } = tierQuery(terms, filters, titlesOnly);
    return db.prepare<Record<string, string | number>, HitRow>(sql).all({ ...params, limit: rows });
  };
  const inTitles = run(true, limit);
  const seen = new Set(inTitles.map((row) => row.id));
  const rest = inTitles.length < limit ? run(false, limit + inTitles.length).filter((row) => !seen.has(row.id)) : [];
  const textOf = statement<[number], SearchText>(db, 'SELECT titles, body FROM search_text WHERE rowid = ?');
  return [...inTitles, ...rest].slice(0, limit).map((row) => ({
    issueId: row.id,
    seriesId: row.series_id,
    seriesName: row.series_name,
    numberText: formatIssueNumber({ numbering: row.numbering, number: row.number, year: row.year, totalNumber: row.total_number }),
    date: row.date,
    status: row.status,
    title: row.first_title,
    snippet: snippetOf(textOf.get(searchKey(row.id, row.date)) ?? { titles: '', body: '' }, terms.all),
  }));
}
