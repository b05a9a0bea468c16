// Files read bulletins into the archive, each in its own savepoint: into the series its masthead names
// (created when new) or the one asked for; skipped when that series already has the same year and
// number; failed with the Chinese reason when it cannot go in. The rest go in regardless.
import { basename } from 'node:path';
import type { Archive } from './archive.ts';
import type { ImportOutcome, SeriesRecord } from '../../../shared/api/records.ts';
import type { Issue } from '../../../shared/model/issue.ts';
import { defaultSeriesSettings } from '../../../shared/model/series.ts';
import { formatChineseDate, issueNumberOf } from '../../../shared/format/chinese.ts';
import { ArchiveError } from './errors.ts';
import { statement } from './statements.ts';
import { storedIssue } from './stored-issue.ts';
import { insertIssue } from './issues.ts';
import { createSeries, findSeriesByName, getSeries, seriesForMasthead } from './series.ts';

export interface ReadFile {
  /** the path or name the clerk knows the file by */
  file: string;
  issue: Issue;
  warnings: string[];
}

/** Where imported issues go: a series by id (the app) or by name (`--series`), else the one each masthead names. */
export interface ImportTarget {
  seriesId?: number | undefined;
  seriesName?: string | undefined;
}

/** Problems of one file; anything else (a full disk, a missing series) stops the whole import. */
const FILE_PROBLEMS = new Set(['invalid-input', 'conflict']);

function targetSeries(archive: Archive, issue: Issue, target: ImportTarget): SeriesRecord {
  if (target.seriesId !== undefined) return getSeries(archive, target.seriesId);
  const name = target.seriesName?.trim();
  if (name) return findSeriesByName(archive, name) ?? createSeries(archive, defaultSeriesSettings(name, issue.series.issuer.trim(), issue.series.numbering));
  return seriesForMasthead(archive, issue.series);
}

export function importReadFile(archive: Archive, read: ReadFile, target: ImportTarget): ImportOutcome {
  try {
    return archive.write((): ImportOutcome => {
      const stored = storedIssue(read.issue);
      const { issue } = stored;
      const series = targetSeries(archive, issue, target);
      const present = statement<[number, number, number], { date: string }>(
        archive.db,
        'SELECT date FROM issues WHERE series_id = ? AND year = ? AND number = ?',
      ).get(series.id, issue.year, issue.number);
      if (present) {
        return { file: read.file, status: 'skipped', reason: `档案中已有${series.settings.name}${issue.year}年的第${issue.number}期（${formatChineseDate(present.date)}），未重复导入` };
      }
      const issueId = insertIssue(archive, series.id, stored, { kind: 'imported', note: `导入自 ${basename(read.file)}` });
      return { file: read.file, status: 'imported', issueId, seriesName: series.settings.name, numberText: issueNumberOf(issue), warnings: read.warnings };
    });
  } catch (error) {
    if (error instanceof ArchiveError && FILE_PROBLEMS.has(error.code)) return { file: read.file, status: 'failed', reason: error.message };
    throw error;
  }
}

/** Many files in one transaction (one disk sync), each still in its own savepoint. */
export function importReadFiles(archive: Archive, reads: readonly ReadFile[], target: ImportTarget): ImportOutcome[] {
  return archive.write(() => reads.map((read) => importReadFile(archive, read, target)));
}
