// Bulletin series (刊物): create, edit, list, archive (hide); a name is used by one series only.
import { randomUUID } from 'node:crypto';
import type { Archive } from './archive.ts';
import type { SeriesRecord } from '../../../shared/api/records.ts';
import { seriesSettingsSchema, type SeriesSettings } from '../../../shared/model/series.ts';
import { formatErrors, validate } from '../../../shared/model/validate.ts';
import { ArchiveError } from './errors.ts';
import { statement } from './statements.ts';

interface SeriesRow {
  id: number;
  uid: string;
  settings: string;
  archived: number;
  created_at: string;
  updated_at: string;
  issue_count: number;
  /** comma-separated, newest first; null when the series has no issue */
  years: string | null;
}

const SELECT_SERIES = `SELECT s.id, s.uid, s.settings, s.archived, s.created_at, s.updated_at,
  (SELECT count(*) FROM issues i WHERE i.series_id = s.id AND i.deleted_at IS NULL) AS issue_count,
  (SELECT group_concat(year) FROM (SELECT DISTINCT i.year FROM issues i WHERE i.series_id = s.id AND i.deleted_at IS NULL ORDER BY i.year DESC)) AS years
  FROM series s`;

function recordOf(row: SeriesRow): SeriesRecord {
  return {
    id: row.id,
    settings: JSON.parse(row.settings) as SeriesSettings,
    archived: row.archived === 1,
    issueCount: row.issue_count,
    years: row.years ? row.years.split(',').map(Number) : [],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function checkedSettings(settings: SeriesSettings): SeriesSettings {
  const result = validate(seriesSettingsSchema, settings);
  if (!result.ok) throw new ArchiveError('invalid-input', `刊物设置不符合要求：${formatErrors(result.errors)}`);
  return result.value;
}

function assertNameFree(archive: Archive, name: string, exceptId: number | null): void {
  const other = statement<[string], { id: number }>(archive.db, 'SELECT id FROM series WHERE name = ?').get(name);
  if (other && other.id !== exceptId) throw new ArchiveError('conflict', `已有名为“${name}”的刊物，刊物名称不能重复`);
}

export function getSeries(archive: Archive, id: number): SeriesRecord {
  const row = archive.read(() => statement<[number], SeriesRow>(archive.db, `${SELECT_SERIES} WHERE s.id = ?`).get(id));
  if (!row) throw new ArchiveError('not-found', '找不到这个刊物，可能已被删除');
  return recordOf(row);
}

/** A series' id, settings and archived flag, read without counting its issues: constant time however large the series. */
export interface SeriesEntry {
  id: number;
  settings: SeriesSettings;
  archived: boolean;
}

const SELECT_ENTRY = 'SELECT id, settings, archived FROM series';

const entryOf = (row: { id: number; settings: string; archived: number }): SeriesEntry => ({ id: row.id, settings: JSON.parse(row.settings) as SeriesSettings, archived: row.archived === 1 });

export function seriesEntry(archive: Archive, id: number): SeriesEntry {
  const row = archive.read(() => statement<[number], { id: number; settings: string; archived: number }>(archive.db, `${SELECT_ENTRY} WHERE id = ?`).get(id));
  if (!row) throw new ArchiveError('not-found', '找不到这个刊物，可能已被删除');
  return entryOf(row);
}

export function seriesEntryByName(archive: Archive, name: string): SeriesEntry | null {
  const row = archive.read(() => statement<[string], { id: number; settings: string; archived: number }>(archive.db, `${SELECT_ENTRY} WHERE name = ?`).get(name.trim()));
  return row ? entryOf(row) : null;
}

export function seriesUid(archive: Archive, id: number): string {
  return statement<[number], { uid: string }>(archive.db, 'SELECT uid FROM series WHERE id = ?').get(id)!.uid;
}

export function findSeriesByName(archive: Archive, name: string): SeriesRecord | null {
  const row = archive.read(() => statement<[string], SeriesRow>(archive.db, `${SELECT_SERIES} WHERE s.name = ?`).get(name.trim()));
  return row ? recordOf(row) : null;
}

export function listSeries(archive: Archive, includeArchived = false): SeriesRecord[] {
  return archive.read(() =>
    statement<[number], SeriesRow>(archive.db, `${SELECT_SERIES} WHERE s.archived <= ? ORDER BY s.archived, s.name`)
      .all(includeArchived ? 1 : 0)
      .map(recordOf),
  );
}

export function createSeries(archive: Archive, settings: SeriesSettings, uid: string = randomUUID()): SeriesRecord {
  const checked = checkedSettings(settings);
  return archive.write(() => {
    assertNameFree(archive, checked.name, null);
    const now = new Date().toISOString();
    const { lastInsertRowid } = statement(archive.db, 'INSERT INTO series (uid, name, settings, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
      uid,
      checked.name,
      JSON.stringify(checked),
      now,
      now,
    );
    return getSeries(archive, Number(lastInsertRowid));
  });
}

export function updateSeries(archive: Archive, id: number, settings: SeriesSettings): SeriesRecord {
  const checked = checkedSettings(settings);
  return archive.write(() => {
    getSeries(archive, id);
    assertNameFree(archive, checked.name, id);
    statement(archive.db, 'UPDATE series SET name = ?, settings = ?, updated_at = ? WHERE id = ?').run(checked.name, JSON.stringify(checked), new Date().toISOString(), id);
    return getSeries(archive, id);
  });
}

export function setSeriesArchived(archive: Archive, id: number, archived: boolean): SeriesRecord {
  return archive.write(() => {
    getSeries(archive, id);
    statement(archive.db, 'UPDATE series SET archived = ?, updated_at = ? WHERE id = ?').run(archived ? 1 : 0, new Date().toISOString(), id);
    return getSeries(archive, id);
  });
}
