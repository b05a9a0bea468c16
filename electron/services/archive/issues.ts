// Issues of a series: create the next one, open, save (every change a revision saying what made it;
// unchanged content adds none; stale or issued refused; a reviewed issue whose content changes goes back
// to 草稿), status 草稿 → 已审核 → 已印发 with reasons for reopening, recycle bin, and discarding a new
// draft nobody touched.
import { randomUUID } from 'node:crypto';
import type { Archive } from './archive.ts';
import type { IssueRecord, IssueSummary, Reopening, RevisionKind } from '../../../shared/api/records.ts';
import { STATUS_LABELS, emptyIssue, type Issue, type IssueSeries, type IssueStatus, type Numbering } from '../../../shared/model/issue.ts';
import { issueSeriesOf, type SeriesSettings } from '../../../shared/model/series.ts';
import { formatIssueNumber, issueNumberOf, todayIso } from '../../../shared/format/chinese.ts';
import { ArchiveError } from './errors.ts';
import { visibleReason } from '../../../shared/model/reason.ts';
import { statement } from './statements.ts';
import { bodyCharsOf, firstTitleOf, isStoredContent, parseStoredIssue, storedIssue, type StoredIssue } from './stored-issue.ts';
import { assertImagesStored } from './images.ts';
import { assertNumberFree, nextDocNumber, nextNumber } from './numbering.ts';
import { kindOfNote } from './schema.ts';
import { indexIssue, unindexIssue } from './search-index.ts';
import { seriesEntry } from './series.ts';
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
  return row ? parseStoredIssue(row.content) : null;
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
  seriesEntry(archive, filter.seriesId);
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

/** What made a revision: its kind, and the note the revision list shows with it. */
export interface RevisionMade {
  kind: RevisionKind;
  note: string;
}

/** A bare note (tests, older callers) takes the kind its text names, as the migration read old notes. */
const madeOf = (made: RevisionMade | string): RevisionMade => (typeof made === 'string' ? { kind: kindOfNote(made), note: made } : made);

/** The note of an edit that sent a reviewed issue back to 草稿. */
export const RETURNED_AFTER_REVIEW = '审核后修改，退回草稿';

function insertRevision(archive: Archive, issueId: number, revision: number, stored: StoredIssue, made: RevisionMade, at: string): void {
  statement(archive.db, 'INSERT INTO revisions (issue_id, revision, saved_at, kind, status, chars, note, content, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    issueId,
    revision,
    at,
    made.kind,
    stored.issue.status,
    bodyCharsOf(stored.issue),
    made.note,
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
export function insertIssue(archive: Archive, seriesId: number, stored: StoredIssue, made: RevisionMade | string, uid: string = randomUUID(), issuedWith?: SeriesSettings): number {
  return archive.write(() => {
    const { issue } = stored;
    assertImagesStored(archive, issue);
    assertNumberFree(archive.db, seriesId, issue, null);
    const now = new Date().toISOString();
    const { lastInsertRowid } = statement(
      archive.db,
      `INSERT INTO issues (uid, series_id, numbering, number, year, total_number, date, status, first_title, revision, content_hash, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
    ).run(uid, seriesId, issue.series.numbering, issue.number, issue.year, issue.totalNumber, issue.date, issue.status, firstTitleOf(issue), stored.hash, now, now);
    const id = Number(lastInsertRowid);
    insertRevision(archive, id, 1, stored, madeOf(made), now);
    if (issue.status === 'issued') keepIssuedPrint(archive, id, seriesId, issuedWith);
    indexIssue(archive.db, id, issue, null);
    return id;
  });
}

/** Makes `stored` the issue's content as a new revision; false (and nothing written) when it equals the current one. */
export function appendRevision(archive: Archive, row: IssueRow, stored: StoredIssue, made: RevisionMade | string, issuedWith?: SeriesSettings): boolean {
  if (isStoredContent(stored, row.content_hash)) return false;
  archive.write(() => {
    const { issue } = stored;
    assertImagesStored(archive, issue);
    assertNumberFree(archive.db, row.series_id, issue, row.id);
    const now = new Date().toISOString();
    const revision = row.revision + 1;
    statement(
      archive.db,
      `UPDATE issues SET numbering = ?, number = ?, year = ?, total_number = ?, date = ?, status = ?, first_title = ?, revision = ?, content_hash = ?, updated_at = ?
       WHERE id = ?`,
    ).run(issue.series.numbering, issue.number, issue.year, issue.totalNumber, issue.date, issue.status, firstTitleOf(issue), revision, stored.hash, now, row.id);
    insertRevision(archive, row.id, revision, stored, madeOf(made), now);
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

/** The news sections of the series' template, in the order the editor shows them: what stored issues are normalized for. */
export function templateOf(archive: Archive, seriesId: number): readonly string[] {
  return seriesEntry(archive, seriesId).settings.sections;
}

/**
 * An edit of the issue's content (a save, a restore), `issue` carrying the status it has now, stored in
 * normal form for the series template: on a reviewed issue, content that differs from the current
 * revision is stored as 草稿, for it has to be reviewed again. Unchanged content stays as it is.
 */
export function editedContent(archive: Archive, row: IssueRow, issue: Issue): { stored: StoredIssue; returnedToDraft: boolean } {
  const sections = templateOf(archive, row.series_id);
  const stored = storedIssue(issue, sections);
  if (row.status !== 'reviewed' || isStoredContent(stored, row.content_hash)) return { stored, returnedToDraft: false };
  return { stored: storedIssue({ ...issue, status: 'draft' }, sections), returnedToDraft: true };
}

function startIssue(archive: Archive, seriesId: number, date: string): Issue {
  const series = seriesEntry(archive, seriesId);
  if (series.archived) throw new ArchiveError('conflict', `刊物“${series.settings.name}”已归档，请先取消归档再新建一期`);
  const { settings } = series;
  const { number, year, totalNumber } = nextNumber(archive.db, seriesId, settings.numbering, date);
  // the template's sections are not stored while they are empty: the editor shows them from the template
  const issue = emptyIssue(issueSeriesOf(settings), number, date);
  return {
    ...issue,
    year,
    totalNumber,
    docNumber: nextDocNumber(archive.db, seriesId, settings.docNumberPrefix, year),
    distribution: structuredClone(settings.distribution),
    printed: settings.issuer ? { by: settings.issuer, date } : null,
  };
}

/**
 * Whether nobody has touched the issue since 新建一期: a draft outside the recycle bin whose only
 * revision is the one it was created with.
 */
function isUntouchedDraft(archive: Archive, row: IssueRow): boolean {
  if (row.status !== 'draft' || row.deleted_at !== null || row.revision !== 1) return false;
  const revisions = statement<[number], { count: number; kind: string | null }>(archive.db, 'SELECT count(*) AS count, max(kind) AS kind FROM revisions WHERE issue_id = ?').get(row.id)!;
  return revisions.count === 1 && revisions.kind === 'created';
}

/** The issue with the highest number of the series (the highest total number for yearly numbering), if any. */
function newestIssueRow(archive: Archive, seriesId: number, numbering: Numbering): IssueRow | null {
  const order = numbering === 'sequential' ? 'number DESC' : 'total_number DESC, year DESC, number DESC';
  const newest = statement<[number], { id: number }>(archive.db, `SELECT id FROM issues WHERE series_id = ? ORDER BY ${order}, id DESC LIMIT 1`).get(seriesId);
  return newest ? issueRow(archive, newest.id) : null;
}

const sameMasthead = (a: IssueSeries, b: IssueSeries) => a.name === b.name && a.issuer === b.issuer && a.numbering === b.numbering && (a.printLead !== false) === (b.printLead !== false);

/**
 * The next issue of the series as a new draft; when the newest issue is a draft nobody has touched since
 * 新建一期, that one (clicking 新建一期 twice makes one issue, not two), unless the series' masthead settings
 * (name, issuer, numbering, 不印导读) changed since: then it gives way to a new draft that follows them.
 */
export function nextIssue(archive: Archive, seriesId: number, date: string = todayIso()): IssueRecord {
  return archive.write(() => {
    const series = seriesEntry(archive, seriesId);
    if (!series.archived) {
      const newest = newestIssueRow(archive, seriesId, series.settings.numbering);
      if (newest && isUntouchedDraft(archive, newest)) {
        const untouched = getIssue(archive, newest.id);
        if (sameMasthead(untouched.issue.series, issueSeriesOf(series.settings))) return untouched;
        discardUntouchedDraft(archive, newest.id);
      }
    }
    return getIssue(archive, insertIssue(archive, seriesId, storedIssue(startIssue(archive, seriesId, date), templateOf(archive, seriesId)), { kind: 'created', note: '新建' }));
  });
}

/** The next issue of the same series, starting from this one's articles, sections and recipients. */
export function duplicateIssue(archive: Archive, id: number, date: string = todayIso()): IssueRecord {
  return archive.write(() => {
    const row = issueRow(archive, id);
    const source = revisionContent(archive, id, row.revision)!;
    const fresh = startIssue(archive, row.series_id, date);
    const copy: Issue = { ...fresh, blocks: structuredClone(source.blocks), distribution: structuredClone(source.distribution), copies: source.copies };
    return getIssue(archive, insertIssue(archive, row.series_id, storedIssue(copy, templateOf(archive, row.series_id)), { kind: 'duplicated', note: `复制自${issueNumberOf(source)}` }));
  });
}

/**
 * Saves the clerk's edit as a new revision (`kind` 'auto' when the editor saved by itself). A reviewed
 * issue whose content changes is stored as 草稿 (see editedContent); otherwise a save never changes the status.
 */
export function saveIssue(archive: Archive, id: number, baseRevision: number, issue: Issue, kind: 'auto' | 'manual' = 'manual'): { record: IssueRecord; changed: boolean } {
  return archive.write(() => {
    const row = issueRow(archive, id);
    assertEditable(row);
    if (baseRevision !== row.revision) {
      throw new ArchiveError('conflict', `${numberTextOf(row)}已在别处修改（现在是第${row.revision}版，你编辑的是第${baseRevision}版），请重新打开后再改`);
    }
    if (issue.status !== row.status) throw new ArchiveError('invalid-input', '保存不能改变状态，请用“审核”“印发”等操作改变状态');
    const { stored, returnedToDraft } = editedContent(archive, row, issue);
    const saved = kind === 'auto' ? '自动保存' : '保存';
    const changed = appendRevision(archive, row, stored, { kind: kind === 'auto' ? 'autosave' : 'save', note: returnedToDraft ? `${saved}，${RETURNED_AFTER_REVIEW}` : saved });
    return { record: getIssue(archive, id), changed };
  });
}


const STATUS_ORDER: Record<IssueStatus, number> = { draft: 0, reviewed: 1, issued: 2 };

export function setIssueStatus(archive: Archive, id: number, status: IssueStatus, reason?: string): IssueRecord {
  return archive.write(() => {
    const row = issueRow(archive, id);
    if (row.deleted_at !== null) throw new ArchiveError('conflict', `${numberTextOf(row)}在回收站中，请先恢复`);
    if (status === row.status) return getIssue(archive, id);
    if (status === 'issued' && row.status !== 'reviewed') throw new ArchiveError('conflict', `${numberTextOf(row)}还是草稿，须先审核才能印发`);
    let made: RevisionMade = { kind: status === 'issued' ? 'issued' : 'reviewed', note: `状态改为${STATUS_LABELS[status]}` };
    if (row.status === 'issued') {
      const why = visibleReason(reason);
      if (!why) throw new ArchiveError('invalid-input', '撤回已印发的简报，需要写明原因（至少两个字）');
      statement(archive.db, 'INSERT INTO reopenings (issue_id, at, reason) VALUES (?, ?, ?)').run(id, new Date().toISOString(), why);
      made = { kind: 'reopened', note: `撤回印发（${why}），状态改为${STATUS_LABELS[status]}` };
    } else if (STATUS_ORDER[status] < STATUS_ORDER[row.status]) {
      made = { kind: 'returned', note: `退回为${STATUS_LABELS[status]}` };
    }
    // the content as stored, in normal form already: no template, so that a status change never reorders it
    const content = revisionContent(archive, id, row.revision)!;
    appendRevision(archive, row, storedIssue({ ...content, status }), made);
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

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The tables with a column that references issues (revisions, reopenings, issued_prints, synced_versions, …) and that column. */
function tablesKeyedByIssue(archive: Archive): { table: string; column: string }[] {
  const tables = statement<[], { name: string }>(archive.db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all();
  return tables.flatMap(({ name }) =>
    (archive.db.pragma(`foreign_key_list(${quoted(name)})`) as { table: string; from: string }[])
      .filter((key) => key.table === 'issues')
      .map((key) => ({ table: name, column: key.from })),
  );
}

/**
 * Removes for good a draft nobody has touched since 新建一期 (see isUntouchedDraft): the issue, its
 * revision, its search entries and every row keyed by it, so that its number is free again. Anything
 * else (touched, reviewed, in the recycle bin) stays as it is: { discarded: false }.
 */
export function discardUntouchedDraft(archive: Archive, id: number): { discarded: boolean } {
  return archive.write(() => {
    const row = issueRow(archive, id);
    if (!isUntouchedDraft(archive, row)) return { discarded: false };
    unindexIssue(archive.db, id, row.date);
    for (const { table, column } of tablesKeyedByIssue(archive)) archive.db.prepare(`DELETE FROM ${quoted(table)} WHERE ${quoted(column)} = ?`).run(id);
    statement(archive.db, 'DELETE FROM issues WHERE id = ?').run(id);
    return { discarded: true };
  });
}
