// The 信息采用 count of a series over a period, from the archive: the period named as the month, quarter or
// year it is (else as its days), the issues of it and of the period before of the same length read at one
// moment, and the tally (shared/stats/tally.ts) over them with the series' units and scoring.
import type { ApiParsedInput } from '../../../shared/api/contract.ts';
import type { StatsReport } from '../../../shared/api/records.ts';
import { DEFAULT_SCORING, type SeriesSettings } from '../../../shared/model/series.ts';
import { PeriodError, periodOf, previousPeriod } from '../../../shared/stats/period.ts';
import { tally } from '../../../shared/stats/tally.ts';
import { ArchiveError, issuesOfPeriods, type Archive } from '../archive/index.ts';
import { slimCacheOf } from './slim-cache.ts';

export type StatsRequest = ApiParsedInput<'stats.tally'>;

/** The count, with the settings of the series it was made under (the 通报 prints in its fonts). */
export function statsReport(archive: Archive, { seriesId, from, to, status = 'issued' }: StatsRequest): { report: StatsReport; settings: SeriesSettings } {
  let period;
  try {
    period = periodOf(from, to);
  } catch (error) {
    if (error instanceof PeriodError) throw new ArchiveError('invalid-input', error.message);
    throw error;
  }
  const before = previousPeriod(period);
  const cache = slimCacheOf(archive);
  const read = issuesOfPeriods(archive, { seriesId, periods: before ? [period, before] : [period], all: status === 'all', reuse: (_id, hash) => cache.get(hash) });
  const [current, previous] = read.periods.map((issues) => issues.map((entry) => ({ ...entry, issue: cache.hold(entry.hash, entry.issue) })));
  // settings stored before the statistics existed have neither units nor scoring
  const settings: SeriesSettings = { ...read.settings, units: read.settings.units ?? [], scoring: read.settings.scoring ?? { ...DEFAULT_SCORING } };
  const report = tally({
    seriesName: settings.name,
    issuer: settings.issuer,
    period,
    previous: before ? { period: before, issues: previous! } : null,
    status,
    issues: current!,
    units: settings.units.map((unit) => ({ ...unit, aliases: unit.aliases ?? [] })),
    scoring: settings.scoring,
  });
  return { report, settings };
}
