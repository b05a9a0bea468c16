// Files read bulletins into the archive, each in its own savepoint: into the series its masthead names
// (created when new) or the one asked for; skipped when that series already has the same year and
// number; failed with the Chinese reason when it cannot go in. The rest go in regardless.
// Before the clerk confirms a file, `importPreview` says where it would go and whether it would be
// skipped, writing nothing; `confirmImport` then files exactly the issue the clerk confirmed.
import { basename } from 'node:path';
import type { Archive } from './archive.ts';
import type { ImportOutcome, ImportPreview } from '../../../shared/api/records.ts';
import type { Issue, IssueSeries } from '../../../shared/model/issue.ts';
import type { FoundFacts, SourceFormat } from '../../../shared/import/source.ts';
import { defaultSeriesSettings, type SeriesSettings } from '../../../shared/model/series.ts';
import { formatChineseDate, issueNumberOf } from '../../../shared/format/chinese.ts';
import { ArchiveError } from './errors.ts';
import { statement } from './statements.ts';
import { storedIssue } from './stored-issue.ts';
import { insertIssue } from './issues.ts';
import { putImages } from './images.ts';
import type { PreparedImage } from '../images/prepare-image.ts';
import { withIndexingDeferred } from './search-index.ts';
import { createSeries, seriesEntry, seriesEntryByName, type SeriesEntry } from './series.ts';

export interface ReadFile {
  /** the path or name the clerk knows the file by */
  file: string;
  issue: Issue;
  warnings: string[];
  /** web-page chrome lines the reader set aside, when the caller kept them */
  setAside?: string[] | undefined;
  /** the photos the reader took out of the file (prepareImage'd): stored with the issue, in its savepoint, only when it is filed */
  images?: readonly PreparedImage[] | undefined;
}

/** A file as the reader gave it, with everything the review shows. */
export interface ReadForReview extends ReadFile {
  setAside: string[];
  found: FoundFacts;
  via: SourceFormat | 'canonical';
}

/** Where imported issues go: a series by id (the app) or by name (`--series`), else the one each masthead names. */
export interface ImportTarget {
  seriesId?: number | undefined;
  seriesName?: string | undefined;
}

/** Where the clerk confirmed an issue goes: an existing series, or a new one of this name. */
export type ConfirmedTarget = { seriesId: number; newSeriesName?: undefined } | { seriesId?: undefined; newSeriesName: string };

/** Problems of one file; anything else (a full disk, a missing series) stops the whole import. */
const FILE_PROBLEMS = new Set(['invalid-input', 'conflict']);

/** The settings of a series created for an imported issue: its masthead's name, issuer, numbering, and 不印导读 when it prints none. */
function settingsForImported(name: string, masthead: IssueSeries): SeriesSettings {
  const settings = defaultSeriesSettings(name, masthead.issuer.trim(), masthead.numbering);
  return masthead.printLead === false ? { ...settings, printLead: false } : settings;
}

function createSeriesFor(archive: Archive, name: string, masthead: IssueSeries): SeriesEntry {
  return createSeries(archive, settingsForImported(name, masthead));
}

// Series are looked up without counting their issues (SeriesEntry): a count per filed issue made import
// slow down in step with the size of the archive.
function targetSeries(archive: Archive, issue: Issue, target: ImportTarget): SeriesEntry {
  if (target.seriesId !== undefined) return seriesEntry(archive, target.seriesId);
  // the series `--series` or the masthead names, found by its name; created with the masthead's 不印导读 too
  const name = target.seriesName?.trim() || issue.series.name.trim();
  if (!name) throw new ArchiveError('invalid-input', '没有识别出刊物名称，请指定要导入到哪个刊物');
  return seriesEntryByName(archive, name) ?? createSeriesFor(archive, name, issue.series);
}

/** Why filing `issue` into `series` would be skipped (the year and number are taken there), else null. */
function duplicateReason(archive: Archive, series: SeriesEntry, issue: Issue): string | null {
  // an issue of year Y has number_scope 0 or Y: saying so lets the lookup use the issues_number index
  // instead of reading every issue of the series
  const present = statement<[number, number, number, number], { date: string }>(
    archive.db,
    'SELECT date FROM issues WHERE series_id = ? AND number_scope IN (0, ?) AND year = ? AND number = ?',
  ).get(series.id, issue.year, issue.year, issue.number);
  return present ? `档案中已有${series.settings.name}${issue.year}年的第${issue.number}期（${formatChineseDate(present.date)}），未重复导入` : null;
}

/** Files one issue (already checked by storedIssue) into `series`, or says why it is skipped. */
function fileInto(archive: Archive, series: SeriesEntry, stored: ReturnType<typeof storedIssue>, read: ReadFile): ImportOutcome {
  const { issue } = stored;
  const duplicate = duplicateReason(archive, series, issue);
  if (duplicate) return { file: read.file, status: 'skipped', reason: duplicate };
  putImages(archive, read.images ?? []);
  const issueId = insertIssue(archive, series.id, stored, { kind: 'imported', note: `导入自 ${basename(read.file)}` });
  return {
    file: read.file,
    status: 'imported',
    issueId,
    seriesName: series.settings.name,
    numberText: issueNumberOf(issue),
    date: issue.date,
    warnings: read.warnings,
    setAside: read.setAside ?? [],
  };
}

/** A file's problem as its outcome; anything else is thrown on (and rolls the savepoint back either way). */
function asOutcome(file: string, work: () => ImportOutcome): ImportOutcome {
  try {
    return work();
  } catch (error) {
    if (error instanceof ArchiveError && FILE_PROBLEMS.has(error.code)) return { file, status: 'failed', reason: error.message };
    throw error;
  }
}

export function importReadFile(archive: Archive, read: ReadFile, target: ImportTarget): ImportOutcome {
  return asOutcome(read.file, () =>
    archive.write((): ImportOutcome => {
      // checked before a series is chosen or created, then stored in normal form for that series' template
      const series = targetSeries(archive, storedIssue(read.issue).issue, target);
      return fileInto(archive, series, storedIssue(read.issue, series.settings.sections), read);
    }),
  );
}

/** Many files in one transaction (one disk sync), each still in its own savepoint, indexed for search together after them. */
export function importReadFiles(archive: Archive, reads: readonly ReadFile[], target: ImportTarget): ImportOutcome[] {
  return archive.write(() => withIndexingDeferred(archive.db, () => reads.map((read) => importReadFile(archive, read, target))));
}

/**
 * What filing a file as read would do, for the clerk to review: the issue as the archive would store it,
 * the series its masthead names (found by its name as filing finds it, nothing created) or the new
 * one import would create, and the skip reason when that series has this year and number. Writes nothing.
 */
export function importPreview(archive: Archive, read: ReadForReview): ImportPreview {
  return archive.read((): ImportPreview => {
    const name = storedIssue(read.issue).issue.series.name.trim();
    const existing = name ? seriesEntryByName(archive, name) : null;
    const { issue } = storedIssue(read.issue, existing?.settings.sections);
    return {
      file: read.file,
      via: read.via,
      issue,
      warnings: read.warnings,
      setAside: read.setAside,
      found: read.found,
      series: existing ? { id: existing.id, name: existing.settings.name } : { id: null, name },
      duplicate: existing ? duplicateReason(archive, existing, issue) : null,
    };
  });
}

/**
 * Files the issue the clerk confirmed, as confirmed (it passes storedIssue like every issue the archive
 * stores), into the chosen series or a new one created from its masthead (issuer, numbering, 不印导读)
 * under the name the clerk gave; skipped when the series has its year and number already. The new series
 * is created only when the issue goes in.
 */
export function confirmImport(archive: Archive, file: string, issue: Issue, target: ConfirmedTarget): ImportOutcome {
  return asOutcome(file, () =>
    archive.write((): ImportOutcome => {
      const checked = storedIssue(issue);
      const series = target.seriesId !== undefined ? seriesEntry(archive, target.seriesId) : createSeriesFor(archive, target.newSeriesName.trim(), checked.issue.series);
      const stored = storedIssue(issue, series.settings.sections);
      return fileInto(archive, series, stored, { file, issue: stored.issue, warnings: [] });
    }),
  );
}
