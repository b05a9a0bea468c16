// An archive holding one series whose issues a volume binds: the published fixtures (or generated issues)
// filed as its issues 1, 2, 3 … on the dates given, issued through review as a clerk issues them.
import type { Archive } from '../../electron/services/archive/archive.ts';
import { nextIssue, saveIssue, setIssueStatus } from '../../electron/services/archive/issues.ts';
import { createSeries } from '../../electron/services/archive/series.ts';
import { defaultSeriesSettings, type SeriesSettings } from '../../shared/model/series.ts';
import type { Issue, IssueStatus } from '../../shared/model/issue.ts';
import type { SeriesRecord } from '../../shared/api/records.ts';

export const VOLUME_SERIES = '益阳市生态环境保护督察工作简报';

export interface FiledIssue {
  content: Issue;
  date: string;
  status?: IssueStatus;
}

/** Files each issue's content as the next issue of a new series, then takes it to its status (issued by default). */
export function fileSeries(archive: Archive, issues: readonly FiledIssue[], settings: Partial<SeriesSettings> = {}): { series: SeriesRecord; ids: number[] } {
  const series = createSeries(archive, { ...defaultSeriesSettings(VOLUME_SERIES, '益阳市生态环境保护督察协调联络组'), ...settings });
  const ids = issues.map(({ content, date, status = 'issued' }) => {
    const record = nextIssue(archive, series.id, date);
    const issue: Issue = { ...record.issue, blocks: content.blocks, distribution: content.distribution, printed: content.printed, copies: content.copies };
    saveIssue(archive, record.id, record.revision, issue);
    if (status !== 'draft') setIssueStatus(archive, record.id, 'reviewed');
    if (status === 'issued') setIssueStatus(archive, record.id, 'issued');
    return record.id;
  });
  return { series, ids };
}
