// Keeps the two search indexes in step with the issues and answers searches: trigram MATCH for terms
// of three characters or more, the character-pair index for shorter ones, ranked by bm25 then newest first.
import type Database from 'better-sqlite3';
import type { Issue } from '../../../shared/model/issue.ts';
import type { ApiParsedInput } from '../../../shared/api/contract.ts';
import type { SearchHit } from '../../../shared/api/records.ts';
import { formatIssueNumber } from '../../../shared/format/chinese.ts';
import { characterPairs, ftsString, pairQuery, readQuery, searchTextOf, snippetOf, type SearchText } from './search-text.ts';
import { statement } from './statements.ts';

export function unindexIssue(db: Database.Database, id: number): void {
  statement(db, 'DELETE FROM search_text WHERE rowid = ?').run(id);
  statement(db, 'DELETE FROM search_pairs WHERE rowid = ?').run(id);
}

export function indexIssue(db: Database.Database, id: number, issue: Issue): void {
  unindexIssue(db, id);
  const text = searchTextOf(issue);
  statement(db, 'INSERT INTO search_text (rowid, titles, body) VALUES (?, ?, ?)').run(id, text.titles, text.body);
  statement(db, 'INSERT INTO search_pairs (rowid, titles, body) VALUES (?, ?, ?)').run(id, characterPairs(text.titles), characterPairs(text.body));
}

/** Titles weigh three times as much as body text in the ranking. */
const WEIGHTS = '3.0, 1.0';
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

export function searchIssues(db: Database.Database, input: ApiParsedInput<'search'>): SearchHit[] {
  const terms = readQuery(input.query);
  if (terms.all.length === 0) return [];
  const params: Record<string, string | number> = { limit: input.limit ?? DEFAULT_LIMIT };
  const where = ['i.deleted_at IS NULL'];
  // CROSS JOIN keeps the index as the outer loop: SQLite never runs a MATCH once per issue row
  let from: string;
  /** relevance, when an index answered the query; a scan ranks by date alone */
  let score: string | null = null;
  let textTable: string;
  if (terms.long.length > 0) {
    from = 'search_text m CROSS JOIN issues i ON i.id = m.rowid';
    where.push('search_text MATCH $long');
    params.long = terms.long.map(ftsString).join(' ');
    score = `bm25(search_text, ${WEIGHTS})`;
    textTable = 'm';
    if (terms.short.length > 0) {
      where.push('m.rowid IN (SELECT rowid FROM search_pairs WHERE search_pairs MATCH $short)');
      params.short = terms.short.map(pairQuery).join(' ');
    }
  } else if (terms.short.length > 0) {
    from = 'search_pairs m CROSS JOIN issues i ON i.id = m.rowid';
    where.push('search_pairs MATCH $short');
    params.short = terms.short.map(pairQuery).join(' ');
    score = `bm25(search_pairs, ${WEIGHTS})`;
    textTable = 't';
    if (terms.scan.length > 0) from += ' CROSS JOIN search_text t ON t.rowid = m.rowid';
  } else {
    from = 'search_text m CROSS JOIN issues i ON i.id = m.rowid';
    textTable = 'm';
  }
  terms.scan.forEach((term, index) => {
    where.push(`instr(lower(${textTable}.titles || char(10) || ${textTable}.body), lower($scan${index})) > 0`);
    params[`scan${index}`] = term;
  });
  if (input.seriesId !== undefined) {
    where.push('i.series_id = $seriesId');
    params.seriesId = input.seriesId;
  }
  if (input.year !== undefined) {
    where.push('i.year = $year');
    params.year = input.year;
  }
  if (input.status !== undefined) {
    where.push('i.status = $status');
    params.status = input.status;
  }
  if (input.from !== undefined) {
    where.push('i.date >= $from');
    params.from = input.from;
  }
  if (input.to !== undefined) {
    where.push('i.date <= $to');
    params.to = input.to;
  }
  const rows = db
    .prepare<Record<string, string | number>, HitRow>(
      `SELECT i.id, i.series_id, s.name AS series_name, i.numbering, i.number, i.year, i.total_number, i.date, i.status, i.first_title
       FROM ${from} JOIN series s ON s.id = i.series_id
       WHERE ${where.join(' AND ')}
       ORDER BY ${score === null ? '' : `${score}, `}i.date DESC, i.id DESC
       LIMIT $limit`,
    )
    .all(params);
  const textOf = statement<[number], SearchText>(db, 'SELECT titles, body FROM search_text WHERE rowid = ?');
  return rows.map((row) => ({
    issueId: row.id,
    seriesId: row.series_id,
    seriesName: row.series_name,
    numberText: formatIssueNumber({ numbering: row.numbering, number: row.number, year: row.year, totalNumber: row.total_number }),
    date: row.date,
    status: row.status,
    title: row.first_title,
    snippet: snippetOf(textOf.get(row.id) ?? { titles: '', body: '' }, terms.all),
  }));
}
