// The issues of a series a year's volume (汇编) binds, read in one transaction: each with the settings it
// prints with (those it was issued with), the range's label for the cover and the gaps in its numbering.
import type { ApiParsedInput } from '../../../shared/api/contract.ts';
import type { VolumePreview } from '../../../shared/api/records.ts';
import type { Issue, IssueStatus } from '../../../shared/model/issue.ts';
import type { SeriesSettings } from '../../../shared/model/series.ts';
import { articleTitles } from '../../../shared/volume/typeset-volume.ts';
import { selectVolumeIssues, volumeRangeLabel, VolumeRangeError } from '../../../shared/volume/volume-range.ts';
import type { Archive } from './archive.ts';
import { ArchiveError } from './errors.ts';
import { getIssue, listIssues } from './issues.ts';
import { issuedPrintOf } from './issued-prints.ts';
import { seriesEntry } from './series.ts';

export type VolumeRequest = ApiParsedInput<'volume.preview'>;

export interface VolumeContent {
  preview: VolumePreview;
  settings: SeriesSettings;
  issues: { issue: Issue; status: IssueStatus; settings: SeriesSettings }[];
}

/** What the volume holds; an empty range is refused with a sentence saying what was looked for. */
export function volumeContent(archive: Archive, { seriesId, range, includeDrafts = false }: VolumeRequest): VolumeContent {
  // one read transaction: every issue as of one moment, whatever is saved meanwhile
  return archive.read(() => archive.db.transaction(() => {
    const series = seriesEntry(archive, seriesId);
    let selection;
    try {
      selection = selectVolumeIssues(listIssues(archive, { seriesId }), range, { includeDrafts, numbering: series.settings.numbering });
    } catch (error) {
      if (error instanceof VolumeRangeError) throw new ArchiveError('invalid-input', error.message);
      throw error;
    }
    const issues = selection.included.map((summary) => {
      const { issue } = getIssue(archive, summary.id);
      return { issue, status: summary.status, settings: issuedPrintOf(archive, summary.id) ?? series.settings };
    });
    const preview: VolumePreview = {
      seriesName: series.settings.name,
      rangeLabel: volumeRangeLabel(range, selection.included),
      issues: selection.included.map((summary, index) => ({ id: summary.id, numberText: summary.numberText, date: summary.date, status: summary.status, titles: articleTitles(issues[index]!.issue) })),
      gaps: selection.gaps,
    };
    return { preview, settings: series.settings, issues };
  })());
}

/** The same, refused when it binds no issue at all. */
export function nonEmptyVolumeContent(archive: Archive, request: VolumeRequest): VolumeContent {
  const content = volumeContent(archive, request);
  if (content.issues.length === 0) {
    const what = request.includeDrafts ? '简报' : '已印发的简报';
    throw new ArchiveError('invalid-input', `“${content.preview.seriesName}”在所选范围内没有${what}，无法汇编`);
  }
  return content;
}
