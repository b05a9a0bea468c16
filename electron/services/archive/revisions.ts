// The revisions of an issue: list them (each with what made it), read any of them, restore one (which is
// itself a new revision): its content under the current 期号, date and 文号, or with its own.
import type { Archive } from './archive.ts';
import type { IssueRecord, RevisionSummary } from '../../../shared/api/records.ts';
import type { Issue } from '../../../shared/model/issue.ts';
import { ArchiveError } from './errors.ts';
import { statement } from './statements.ts';
import { numberTaken } from './numbering.ts';
import { RETURNED_AFTER_REVIEW, appendRevision, assertEditable, editedContent, getIssue, issueRow, revisionContent } from './issues.ts';

export function listRevisions(archive: Archive, issueId: number): RevisionSummary[] {
  issueRow(archive, issueId);
  return archive.read(() =>
    statement<[number], RevisionSummary>(
      archive.db,
      'SELECT revision, saved_at AS savedAt, kind, status, chars, note FROM revisions WHERE issue_id = ? ORDER BY revision DESC',
    ).all(issueId),
  );
}

export function getRevision(archive: Archive, issueId: number, revision: number): Issue {
  issueRow(archive, issueId);
  const content = revisionContent(archive, issueId, revision);
  if (!content) throw new ArchiveError('not-found', `这一期没有第${revision}版`);
  return content;
}

/**
 * What restoring `old` over `current` gives: the old content (body, 报送发, 印发 line, copies, ignored
 * findings) under the current masthead (series, 期号, date, 文号) and status; with `withMasthead` the old
 * 期号, date and 文号 too.
 */
export function restoredContent(current: Issue, old: Issue, withMasthead: boolean): Issue {
  const restored: Issue = {
    ...current,
    blocks: old.blocks,
    distribution: old.distribution,
    printed: old.printed,
    copies: old.copies,
    ...(withMasthead ? { number: old.number, year: old.year, totalNumber: old.totalNumber, date: old.date, docNumber: old.docNumber } : {}),
  };
  if (old.ignoredFindings === undefined) delete restored.ignoredFindings;
  else restored.ignoredFindings = old.ignoredFindings;
  return restored;
}

/**
 * An old revision's content becomes the newest revision (see restoredContent); the status stays, except
 * that a reviewed issue whose content changes goes back to 草稿. With the masthead, a 期号 that another
 * issue has taken since is refused, saying that restoring the content alone works.
 */
export function restoreRevision(archive: Archive, issueId: number, revision: number, withMasthead = false): IssueRecord {
  return archive.write(() => {
    const row = issueRow(archive, issueId);
    assertEditable(row);
    const old = getRevision(archive, issueId, revision);
    const restored = restoredContent(revisionContent(archive, issueId, row.revision)!, old, withMasthead);
    if (withMasthead) {
      const taken = numberTaken(archive.db, row.series_id, restored, row.id);
      if (taken) {
        throw new ArchiveError(
          'conflict',
          `第${revision}版的期号（${taken.numberText}）现在已由本刊物${taken.holderText}使用，不能连同期号、日期和文号一起恢复；` +
            `可以选择“恢复内容（保留当前期号、日期和文号）”，只恢复第${revision}版的内容`,
        );
      }
    }
    const { stored, returnedToDraft } = editedContent(archive, row, restored);
    appendRevision(archive, row, stored, { kind: 'restored', note: returnedToDraft ? `恢复自第${revision}版，${RETURNED_AFTER_REVIEW}` : `恢复自第${revision}版` });
    return getIssue(archive, issueId);
  });
}
