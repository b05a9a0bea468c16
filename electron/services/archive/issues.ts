// Issues of a series: create the next one, open, save (every change a revision; unchanged content adds
// none; stale or issued refused), status 草稿 → 已审核 → 已印发 with reasons for reopening, recycle bin.
import { randomUUID } from 'node:crypto';
import type { Archive } from './archive.ts';
import type { IssueRecord, IssueSummary, Reopening } from '../../../shared/api/records.ts';
import { STATUS_LABELS, emptyIssue, type Issue, type IssueStatus, type Numbering } from '../../../shared/model/issue.ts';
import { issueSeriesOf, type SeriesSettings } from '../../../shared/model/series.ts';
import { formatIssueNumber, issueNumberOf, todayIso } from '../../../shared/format/chinese.ts';
import { ArchiveError } from './errors.ts';
import { statement } from './statements.ts';
import { bodyCharsOf, firstTitleOf, storedIssue, type StoredIssue } from './stored-issue.ts';
import { assertNumberFree, nextNumber } from './numbering.ts';
import { indexIssue, unindexIssue } from './search-index.ts';
import { getSeries } from './series.ts';
import { dropIssuedPrint, keepIssuedPrint } from './issued-prints.ts';

export interface IssueRow {
  id: number;
  uid: string;
  series_id: number;
  series_name: string;
  numbering: Numbering;
  number: number;
  year: number;
  total_number: number | null;
  date: string;
  status: IssueStatus;
  first_title: string;
  revision: number;
  content_hash: string;
  updated_at: string;
  deleted_at: string | null;
}

const SELECT_ISSUE = `SELECT i.id, i.uid, i.series_id, s.name AS series_name, i.numbering, i.number, i.year, i.total_number, i.date,
  i.status, i.first_title, i.revision, i.content_hash, i.updated_at, i.deleted_at
  FROM issues i JOIN series s ON s.id = i.series_id`;

export function issueRow(archive: Archive, id: number): IssueRow {
  const row = archive.read(() => statement<[number], IssueRow>(archive.db, `${SELECT_ISSUE} WHERE i.id = ?`).get(id));
  if (!row) throw new ArchiveError('not-found', '找不到这一期简报，可能已被彻底删除');
  return row;
}

export function issueRowsOfSeries(archive: Archive, seriesId: number): IssueRow[] {
  return archive.read(() => statement<[number], IssueRow>(archive.db, `${SELECT_ISSUE} WHERE i.series_id = ? ORDER BY i.date, i.number`).all(seriesId));
}

export function revisionContent(archive: Archive, issueId: number, revision: number): Issue | null {
  const row = archive.read(() =>
    statement<[number, number], { content: string }>(archive.db, 'SELECT content FROM revisions WHERE issue_id = ? AND revision = ?').get(issueId, revision),
  );
  return row ? (JSON.parse(row.content) as Issue) : null;
}

const numberTextOf = (row: Pick<IssueRow, 'numbering' | 'number' | 'year' | 'total_number'>) =>
  formatIssueNumber({ numbering: row.numbering, number: row.number, year: row.year, totalNumber: row.total_number });

function recordOf(archive: Archive, row: IssueRow): IssueRecord {
  const reopenings = statement<[number], Reopening>(archive.db, 'SELECT at, reason FROM reopenings WHERE issue_id = ? ORDER BY id').all(row.id);
  return { id: row.id, seriesId: row.series_id, revision: row.revision, issue: revisionContent(archive, row.id, row.revision)!, updatedAt: row.updated_at, deletedAt: row.deleted_at, reopenings };
}

function summaryOf(row: IssueRow): IssueSummary {
  return {
    id: row.id,
    seriesId: row.series_id,
    seriesName: row.series_name,
    number: row.number,
    year: row.year,
    totalNumber: row.total_number,
    numberText: numberTextOf(row),
    date: row.date,
    status: row.status,
    firstTitle: row.first_title,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export function getIssue(archive: Archive, id: number): IssueRecord {
  return archive.read(() => recordOf(archive, issueRow(archive, id)));
}

export function listIssues(archive: Archive, filter: { seriesId: number; year?: number | undefined; status?: IssueStatus | undefined }): IssueSummary[] {
  getSeries(archive, filter.seriesId);
  return archive.read(() =>
    statement<[{ seriesId: number; year: number | null; status: IssueStatus | null }], IssueRow>(
      archive.db,
      `${SELECT_ISSUE} WHERE i.series_id = $seriesId AND i.deleted_at IS NULL AND ($year IS NULL OR i.year = $year) AND ($status IS NULL OR i.status = $status)
       ORDER BY i.date DESC, i.number DESC`,
    )
      .all({ seriesId: filter.seriesId, year: filter.year ?? null, status: filter.status ?? null })
      .map(summaryOf),
  );
}

export function recycleBin(archive: Archive): IssueSummary[] {
  return archive.read(() => statement<[], IssueRow>(archive.db, `${SELECT_ISSUE} WHERE i.deleted_at IS NOT NULL ORDER BY i.deleted_at DESC`).all().map(summaryOf));
}

function insertRevision(archive: Archive, issueId: number, revision: number, stored: StoredIssue, note: string, at: string): void {
  statement(archive.db, 'INSERT INTO revisions (issue_id, revision, saved_at, status, chars, note, content, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    issueId,
    revision,
    at,
    stored.issue.status,
    bodyCharsOf(stored.issue),
    note,
    stored.json,
    stored.hash,
  );
}

/** Whether the issue has ever had exactly this content here (an older revision of its own). */
export function hadContent(archive: Archive, issueId: number, hash: string): boolean {
  return statement<[number, string], { found: number }>(archive.db, 'SELECT 1 AS found FROM revisions WHERE issue_id = ? AND content_hash = ? LIMIT 1').get(issueId, hash) !== undefined;
}

/**
 * Files a new issue in a series as its first revision; `uid` keeps its identity when it comes from a
 * bundle, and `issuedWith` the settings it was issued with there.
 */
export function insertIssue(archive: Archive, seriesId: number, stored: StoredIssue, note: string, uid: string = randomUUID(), issuedWith?: SeriesSettings): number {
  return archive.write(() => {
    const { issue } = stored;
    assertNumberFree(archive.db, seriesId, issue, null);
    const now = new Date().toISOString();
    const { lastInsertRowid } = statement(
      archive.db,
      `INSERT INTO issues (uid, series_id, numbering, number, year, total_number, date, status, first_title, revision, content_hash, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
    ).run(uid, seriesId, issue.series.numbering, issue.number, issue.year, issue.totalNumber, issue.date, issue.status, firstTitleOf(issue), stored.hash, now, now);
    const id = Number(lastInsertRowid);
    insertRevision(archive, id, 1, stored, note, now);
    if (issue.status === 'issued') keepIssuedPrint(archive, id, seriesId, issuedWith);
    indexIssue(archive.db, id, issue, null);
    return id;
  });
}

/** Makes `stored` the issue's content as a new revision; false (and nothing written) when it equals the current one. */
export function appendRevision(archive: Archive, row: IssueRow, stored: StoredIssue, note: string, issuedWith?: SeriesSettings): boolean {
  if (stored.hash === row.content_hash) return false;
  archive.write(() => {
    const { issue } = stored;
    assertNumberFree(archive.db, row.series_id, issue, row.id);
    const now = new Date().toISOString();
    const revision = row.revision + 1;
    statement(
      archive.db,
      `UPDATE issues SET numbering = ?, number = ?, year = ?, total_number = ?, date = ?, status = ?, first_title = ?, revision = ?, content_hash = ?, updated_at = ?
       WHERE id = ?`,
    ).run(issue.series.numbering, issue.number, issue.year, issue.totalNumber, issue.date, issue.status, firstTitleOf(issue), revision, stored.hash, now, row.id);
    insertRevision(archive, row.id, revision, stored, note, now);
    if (issue.status === 'issued' && row.status !== 'issued') keepIssuedPrint(archive, row.id, row.series_id, issuedWith);
    if (issue.status !== 'issued' && row.status === 'issued') dropIssuedPrint(archive, row.id);
    if (row.deleted_at === null) indexIssue(archive.db, row.id, issue, row.date);
  });
  return true;
}

export function assertEditable(row: IssueRow): void {
  if (row.deleted_at !== null) throw new ArchiveError('conflict', `${numberTextOf(row)}在回收站中，请先恢复再修改`);
  if (row.status === 'issued') throw new ArchiveError('read-only', `${numberTextOf(row)}已印发，不能再修改；如需修改，请先撤回印发并说明原因`);
}

function startIssue(archive: Archive, seriesId: number, date: string): Issue {
  const series = getSeries(archive, seriesId);
  if (series.archived) throw new ArchiveError('conflict', `刊物“${series.settings.name}”已归档，请先取消归档再新建一期`);
  const { settings } = series;
  const { number, year, totalNumber } = nextNumber(archive.db, seriesId, settings.numbering, date);
  const issue = emptyIssue(issueSeriesOf(settings), number, date);
  return {
    ...issue,
    year,
    totalNumber,
    blocks: [...issue.blocks, ...settings.sections.map((heading) => ({ type: 'news' as const, heading, marker: settings.newsMarker, items: [] }))],
    distribution: structuredClone(settings.distribution),
    printed: settings.issuer ? { by: settings.issuer, date } : null,
  };
}

export function nextIssue(archive: Archive, seriesId: number, date: string = todayIso()): IssueRecord {
  return archive.write(() => getIssue(archive, insertIssue(archive, seriesId, storedIssue(startIssue(archive, seriesId, date)), '新建')));
}

/** The next issue of the same series, starting from this one's articles, sections and recipients. */
export function duplicateIssue(archive: Archive, id: number, date: string = todayIso()): IssueRecord {
  return archive.write(() => {
    const row = issueRow(archive, id);
    const source = revisionContent(archive, id, row.revision)!;
    const fresh = startIssue(archive, row.series_id, date);
    const copy: Issue = { ...fresh, blocks: structuredClone(source.blocks), distribution: structuredClone(source.distribution), copies: source.copies };
    return getIssue(archive, insertIssue(archive, row.series_id, storedIssue(copy), `复制自${issueNumberOf(source)}`));
  });
}

export function saveIssue(archive: Archive, id: number, baseRevision: number, issue: Issue): { record: IssueRecord; changed: boolean } {
  return archive.write(() => {
    const row = issueRow(archive, id);
    assertEditable(row);
    if (baseRevision !== row.revision) {
      throw new ArchiveError('conflict', `${numberTextOf(row)}已在别处修改（现在是第${row.revision}版，你编辑的是第${baseRevision}版），请重新打开后再改`);
    }
    if (issue.status !== row.status) throw new ArchiveError('invalid-input', '保存不能改变状态，请用“审核”“印发”等操作改变状态');
    const changed = appendRevision(archive, row, storedIssue(issue), '保存');
    return { record: getIssue(archive, id), changed };
  });
}

/** A reason with at least two letters or digits once invisible characters (zero-width, controls) are gone; else null. */
export function visibleReason(reason: string | undefined): string | null {
  const cleaned = (reason ?? '').replace(/[\p{Cf}\p{Cc}\p{Default_Ignorable_Code_Point}]/gu, ' ').replace(/\s+/g, ' ').trim();
  return (cleaned.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= 2 ? cleaned : null;
}

const STATUS_ORDER: Record<IssueStatus, number> = { draft: 0, reviewed: 1, issued: 2 };

export function setIssueStatus(archive: Archive, id: number, status: IssueStatus, reason?: string): IssueRecord {
  return archive.write(() => {
    const row = issueRow(archive, id);
    if (row.deleted_at !== null) throw new ArchiveError('conflict', `${numberTextOf(row)}在回收站中，请先恢复`);
    if (status === row.status) return getIssue(archive, id);
    if (status === 'issued' && row.status !== 'reviewed') throw new ArchiveError('conflict', `${numberTextOf(row)}还是草稿，须先审核才能印发`);
    let note = `状态改为${STATUS_LABELS[status]}`;
    if (row.status === 'issued') {
      const why = visibleReason(reason);
      if (!why) throw new ArchiveError('invalid-input', '撤回已印发的简报，需要写明原因（至少两个字）');
      statement(archive.db, 'INSERT INTO reopenings (issue_id, at, reason) VALUES (?, ?, ?)').run(id, new Date().toISOString(), why);
      note = `撤回印发（${why}），状态改为${STATUS_LABELS[status]}`;
    } else if (STATUS_ORDER[status] < STATUS_ORDER[row.status]) {
      note = `退回为${STATUS_LABELS[status]}`;
    }
    const content = revisionContent(archive, id, row.revision)!;
    appendRevision(archive, row, storedIssue({ ...content, status }), note);
    return getIssue(archive, id);
  });
}

/** Moves an issue to the recycle bin (out of lists and search); its number stays taken. */
export function deleteIssue(archive: Archive, id: number): void {
  archive.write(() => {
    const row = issueRow(archive, id);
    if (row.deleted_at !== null) return;
    if (row.status === 'issued') throw new ArchiveError('read-only', `${numberTextOf(row)}已印发，不能删除；如确需删除，请先撤回印发并说明原因`);
    statement(archive.db, 'UPDATE issues SET deleted_at = ? WHERE id = ?').run(new Date().toISOString(), id);
    unindexIssue(archive.db, id, row.date);
  });
}

export function restoreIssue(archive: Archive, id: number): IssueRecord {
  return archive.write(() => {
    const row = issueRow(archive, id);
    if (row.deleted_at !== null) {
      statement(archive.db, 'UPDATE issues SET deleted_at = NULL WHERE id = ?').run(id);
      indexIssue(archive.db, id, revisionContent(archive, id, row.revision)!, null);
    }
    return getIssue(archive, id);
  });
}
