// The issues of a series dated within periods, for the 信息采用 count: each with its 期号 as it prints, its
// status and its current content, read in one transaction (every period as of one moment) by the
// issues_series_date index. `reuse` may hand back an issue the caller already holds for a content hash
// (equal hash, equal content), so that its revision is neither read nor parsed again.
import type { Issue, IssueStatus, Numbering } from '../../../shared/model/issue.ts';
import type { SeriesSettings } from '../../../shared/model/series.ts';
import { formatIssueNumber } from '../../../shared/format/chinese.ts';
import type { Archive } from './archive.ts';
import { seriesEntry } from './series.ts';
import { statement } from './statements.ts';
import { parseStoredIssue } from './stored-issue.ts';

export interface PeriodIssue {
  id: number;
  numberText: string;
  date: string;
  status: IssueStatus;
  /** the hash of its content: the same hash, the same content */
  hash: string;
  issue: Issue;
}

interface Row {
  id: number;
  numbering: Numbering;
  number: number;
  year: number;
  total_number: number | null;
  date: string;
  status: IssueStatus;
  revision: number;
  content_hash: string;
}

const SELECT_PERIOD = `SELECT i.id, i.numbering, i.number, i.year, i.total_number, i.date, i.status, i.revision, i.content_hash
  FROM issues i
  WHERE i.series_id = $seriesId AND i.date >= $from AND i.date <= $to AND i.deleted_at IS NULL AND ($all = 1 OR i.status = 'issued')
  ORDER BY i.date, i.number`;
const SELECT_CONTENT = 'SELECT content FROM revisions WHERE issue_id = ? AND revision = ?';

export interface PeriodQuery {
  seriesId: number;
  periods: readonly { from: string; to: string }[];
  /** drafts and reviewed issues too; else 已印发 only */
  all: boolean;
  /** an issue already held for this content hash, or null to read it */
  reuse?: (issueId: number, hash: string) => Issue | null;
}

/** The series' settings and, for each period, its issues outside the recycle bin, by date. */
export function issuesOfPeriods(archive: Archive, { seriesId, periods, all, reuse = () => null }: PeriodQuery): { settings: SeriesSettings; periods: PeriodIssue[][] } {
  return archive.read(() =>
    archive.db.transaction(() => {
      const { settings } = seriesEntry(archive, seriesId);
      const select = statement<[{ seriesId: number; from: string; to: string; all: number }], Row>(archive.db, SELECT_PERIOD);
      const content = statement<[number, number], { content: string }>(archive.db, SELECT_CONTENT);
      const issues = periods.map(({ from, to }) =>
        select.all({ seriesId, from, to, all: all ? 1 : 0 }).map((row) => ({
          id: row.id,
          numberText: formatIssueNumber({ numbering: row.numbering, number: row.number, year: row.year, totalNumber: row.total_number }),
          date: row.date,
          status: row.status,
          hash: row.content_hash,
          issue: reuse(row.id, row.content_hash) ?? parseStoredIssue(content.get(row.id, row.revision)!.content),
        })),
      );
      return { settings, periods: issues };
    })(),
  );
}
