// The revisions of an issue: list them, read any of them, restore one (which is itself a new revision).
import type { Archive } from './archive.ts';
import type { IssueRecord, RevisionSummary } from '../../../shared/api/records.ts';
import type { Issue } from '../../../shared/model/issue.ts';
import { ArchiveError } from './errors.ts';
import { statement } from './statements.ts';
import { storedIssue } from './stored-issue.ts';
import { appendRevision, assertEditable, getIssue, issueRow, revisionContent } from './issues.ts';

export function listRevisions(archive: Archive, issueId: number): RevisionSummary[] {
  issueRow(archive, issueId);
  return archive.read(() =>
    statement<[number], RevisionSummary>(
      archive.db,
      'SELECT revision, saved_at AS savedAt, status, chars, note FROM revisions WHERE issue_id = ? ORDER BY revision DESC',
    ).all(issueId),
  );
}

export function getRevision(archive: Archive, issueId: number, revision: number): Issue {
  issueRow(archive, issueId);
  const content = revisionContent(archive, issueId, revision);
  if (!content) throw new ArchiveError('not-found', `这一期没有第${revision}版`);
  return content;
}

/** The content of an old revision becomes the newest one; the status stays what it is now. */
export function restoreRevision(archive: Archive, issueId: number, revision: number): IssueRecord {
  return archive.write(() => {
    const row = issueRow(archive, issueId);
    assertEditable(row);
    const content = getRevision(archive, issueId, revision);
    appendRevision(archive, row, storedIssue({ ...content, status: row.status }), `恢复自第${revision}版`);
    return getIssue(archive, issueId);
  });
}
