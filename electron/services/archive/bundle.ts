// Bundles for moving an archive between PCs on isolated networks: a series or the whole archive as one
// zip; importing one merges by identity (series and issue uids) without duplicates, takes the newer
// side where one side only moved on, and reports issues changed on both sides instead of overwriting.
import JSZip from 'jszip';
import { z } from 'zod';
import type { Archive } from './archive.ts';
import type { BundleReport, ExportedFile } from '../../../shared/api/records.ts';
import { issueSchema } from '../../../shared/model/issue.ts';
import { seriesSettingsSchema } from '../../../shared/model/series.ts';
import { formatErrors, validate } from '../../../shared/model/validate.ts';
import { issueNumberOf, todayIso } from '../../../shared/format/chinese.ts';
import { ArchiveError } from './errors.ts';
import { statement } from './statements.ts';
import { storedIssue } from './stored-issue.ts';
import { addKnownVersions, appendRevision, insertIssue, issueRow, issueRowsOfSeries, revisionContent, type IssueRow } from './issues.ts';
import { createSeries, findSeriesByName, getSeries, listSeries, seriesUid } from './series.ts';
import { numberScope } from './numbering.ts';
import { RefusedZipError, openZip, readZipEntry } from '../import/zip-guard.ts';

const BUNDLE_FORMAT = 'jianbao/bundle@1';
const BUNDLE_ENTRY = 'bundle.json';
const KIND = '档案包';
/** Its JSON must fit in one JavaScript string (at most about 512 MB). */
const BUNDLE_LIMITS = { totalBytes: 400 * 1024 * 1024, ratio: 1000 };

const uid = z.string().min(1).max(100);
const bundleSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  exportedAt: z.string().max(40),
  series: z
    .array(
      z.strictObject({
        uid,
        settings: seriesSettingsSchema,
        archived: z.boolean(),
        issues: z
          .array(
            z.strictObject({
              uid,
              issue: issueSchema,
              /** hashes of every content the issue has had: how the importing side tells who moved on */
              history: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(100_000),
            }),
          )
          .max(1_000_000),
      }),
    )
    .max(10_000),
});
type Bundle = z.infer<typeof bundleSchema>;

function knownVersions(archive: Archive, issueId: number): Set<string> {
  return new Set(statement<[number], { hash: string }>(archive.db, 'SELECT hash FROM known_versions WHERE issue_id = ?').all(issueId).map((row) => row.hash));
}

/** A series (or all of them, archived ones too) with their issues outside the recycle bin. */
export async function exportBundle(archive: Archive, seriesId?: number): Promise<ExportedFile> {
  const chosen = seriesId === undefined ? listSeries(archive, true) : [getSeries(archive, seriesId)];
  const bundle: Bundle = {
    format: BUNDLE_FORMAT,
    exportedAt: new Date().toISOString(),
    series: archive.read(() =>
      chosen.map((series) => ({
        uid: seriesUid(archive, series.id),
        settings: series.settings,
        archived: series.archived,
        issues: issueRowsOfSeries(archive, series.id)
          .filter((row) => row.deleted_at === null)
          .map((row) => ({ uid: row.uid, issue: revisionContent(archive, row.id, row.revision)!, history: [...knownVersions(archive, row.id)] })),
      })),
    ),
  };
  const zip = new JSZip();
  zip.file(BUNDLE_ENTRY, JSON.stringify(bundle));
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  const label = seriesId === undefined ? '全部刊物' : chosen[0]!.settings.name;
  return { fileName: `${label}-档案包-${todayIso()}.jianbao`, base64: bytes.toString('base64') };
}

async function readBundle(bytes: Uint8Array): Promise<Bundle> {
  let text: string;
  try {
    const zip = await openZip(bytes, KIND, BUNDLE_LIMITS);
    text = (await readZipEntry(zip, BUNDLE_ENTRY, KIND, BUNDLE_LIMITS.totalBytes)).toString('utf8');
  } catch (error) {
    if (error instanceof RefusedZipError) throw new ArchiveError('unreadable', `${error.message}，档案库未作改动`);
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ArchiveError('unreadable', '档案包内容不完整或已损坏，档案库未作改动');
  }
  const result = validate(bundleSchema, json);
  if (!result.ok) throw new ArchiveError('unreadable', `不是有效的简报档案包（${formatErrors(result.errors, 3)}），档案库未作改动`);
  return result.value;
}

/** The local issue that takes the same number in the series, when the incoming one is new here. */
function holderOfNumber(archive: Archive, seriesId: number, issue: z.infer<typeof issueSchema>): IssueRow | null {
  const holder = statement<[number, number, number, number], { id: number }>(
    archive.db,
    'SELECT id FROM issues WHERE series_id = ? AND (number_scope = ? OR year = ?) AND number = ? LIMIT 1',
  ).get(seriesId, numberScope(issue.series.numbering, issue.year), issue.year, issue.number);
  return holder ? issueRow(archive, holder.id) : null;
}

export async function importBundle(archive: Archive, bytes: Uint8Array): Promise<BundleReport> {
  archive.assertWritable();
  const bundle = await readBundle(bytes);
  const report: BundleReport = { imported: 0, unchanged: 0, conflicts: [], seriesCreated: 0 };
  archive.write(() => {
    for (const incoming of bundle.series) {
      const byUid = statement<[string], { id: number }>(archive.db, 'SELECT id FROM series WHERE uid = ?').get(incoming.uid);
      let seriesId = byUid?.id ?? findSeriesByName(archive, incoming.settings.name)?.id;
      if (seriesId === undefined) {
        seriesId = createSeries(archive, incoming.settings, incoming.uid).id;
        if (incoming.archived) statement(archive.db, 'UPDATE series SET archived = 1 WHERE id = ?').run(seriesId);
        report.seriesCreated++;
      }
      for (const item of incoming.issues) {
        const conflict = (reason: string) => report.conflicts.push({ seriesName: incoming.settings.name, numberText: issueNumberOf(item.issue), reason });
        try {
          archive.write(() => {
            const stored = storedIssue(item.issue);
            const theirs = new Set([...item.history, stored.hash]);
            const local = statement<[string], { id: number }>(archive.db, 'SELECT id FROM issues WHERE uid = ?').get(item.uid);
            if (!local) {
              const holder = holderOfNumber(archive, seriesId, stored.issue);
              if (holder && holder.content_hash === stored.hash) {
                addKnownVersions(archive, holder.id, [...theirs]);
                report.unchanged++;
              } else if (holder) {
                conflict('本机已有同一期号的另一期，内容不同，未导入');
              } else {
                addKnownVersions(archive, insertIssue(archive, seriesId, stored, '从档案包导入', item.uid), [...theirs]);
                report.imported++;
              }
              return;
            }
            const row = issueRow(archive, local.id);
            if (row.content_hash === stored.hash || knownVersions(archive, row.id).has(stored.hash)) {
              report.unchanged++;
            } else if (theirs.has(row.content_hash)) {
              appendRevision(archive, row, stored, '从档案包更新');
              report.imported++;
            } else {
              conflict('两台电脑上都修改过这一期，保留了本机的内容，请核对后手工合并');
              return;
            }
            addKnownVersions(archive, row.id, [...theirs]);
          });
        } catch (error) {
          if (!(error instanceof ArchiveError) || error.code !== 'conflict') throw error;
          conflict(error.message);
        }
      }
    }
  });
  return report;
}
