// The series settings (layout, fonts, colophon rules) an issue was issued with, kept with it so that an
// issued issue exports as it was issued whatever the series' settings become; dropped when reopened.
import type { Archive } from './archive.ts';
import { seriesSettingsSchema, type SeriesSettings } from '../../../shared/model/series.ts';
import { statement } from './statements.ts';
import { seriesEntry } from './series.ts';

/** Records the settings of an issue that has just become issued: `settings` when it came with them (a bundle), else its series' own. */
export function keepIssuedPrint(archive: Archive, issueId: number, seriesId: number, settings?: SeriesSettings): void {
  const kept = settings ?? seriesEntry(archive, seriesId).settings;
  statement(archive.db, 'INSERT OR REPLACE INTO issued_prints (issue_id, settings, issued_at) VALUES (?, ?, ?)').run(issueId, JSON.stringify(kept), new Date().toISOString());
}

export function dropIssuedPrint(archive: Archive, issueId: number): void {
  statement(archive.db, 'DELETE FROM issued_prints WHERE issue_id = ?').run(issueId);
}

/** The settings an issue was issued with, or null when it is not issued (or was issued before they were kept). */
export function issuedPrintOf(archive: Archive, issueId: number): SeriesSettings | null {
  const row = statement<[number], { settings: string }>(archive.db, 'SELECT settings FROM issued_prints WHERE issue_id = ?').get(issueId);
  if (!row) return null;
  const parsed = seriesSettingsSchema.safeParse(JSON.parse(row.settings));
  return parsed.success ? parsed.data : null;
}

/** What an issue prints with: the settings it was issued with when issued, else its series' current ones. */
export function printSettingsOf(archive: Archive, issueId: number, seriesId: number): SeriesSettings {
  return archive.read(() => issuedPrintOf(archive, issueId) ?? seriesEntry(archive, seriesId).settings);
}
