// Bundles for moving an archive between PCs on isolated networks: a series or the whole archive as one
// zip; importing one merges by identity (series and issue uids) without duplicates. A merge decides
// only from this archive's own records: a bundle's copy is taken where this archive's copy has not
// changed since it last sent or received it, ignored where it is one of the issue's own older
// revisions, and otherwise reported as a conflict. An issued issue here is never changed by a bundle.
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
import { bodyHashOf, contentHashOf, storedIssue } from './stored-issue.ts';
import { appendRevision, hadContent, insertIssue, issueRow, issueRowsOfSeries, revisionContent, type IssueRow } from './issues.ts';
import { createSeries, getSeries, listSeries, seriesEntry, seriesEntryByName, seriesUid } from './series.ts';
import { numberScope } from './numbering.ts';
import { issuedPrintOf } from './issued-prints.ts';
import { RefusedZipError, openZip, readZipEntry } from '../files/zip-guard.ts';

const BUNDLE_FORMAT = 'jianbao/bundle@2';
/** Bundles of earlier versions carried a history of hashes per issue; it is read and ignored. */
const OLD_BUNDLE_FORMAT = 'jianbao/bundle@1';
const BUNDLE_ENTRY = 'bundle.json';
const KIND = '档案包';
/** Its JSON must fit in one JavaScript string (at most about 512 MB). */
const BUNDLE_LIMITS = { totalBytes: 400 * 1024 * 1024, ratio: 1000 };
/** A province's archive over decades stays well below these. */
export const BUNDLE_MAX = { series: 1000, issuesPerSeries: 100_000, issues: 200_000 };

const uid = z.string().min(1).max(100);
const bundleSchema = z
  .strictObject({
    format: z.enum([BUNDLE_FORMAT, OLD_BUNDLE_FORMAT]),
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
                /** the settings an issued issue was issued with, so that it prints the same on the other PC */
                issuedWith: seriesSettingsSchema.optional(),
                /** bundle@1 only: never trusted, never stored */
                history: z.array(z.string().max(64)).max(1000).optional(),
              }),
            )
            .max(BUNDLE_MAX.issuesPerSeries),
        }),
      )
      .max(BUNDLE_MAX.series),
  })
  .refine((bundle) => bundle.series.reduce((sum, series) => sum + series.issues.length, 0) <= BUNDLE_MAX.issues, {
    message: `档案包中的简报超过 ${BUNDLE_MAX.issues} 期`,
  });
type Bundle = z.infer<typeof bundleSchema>;

/** Remembers that this archive sent or received this content of an issue (status aside): the base a later merge compares with. */
function recordSynced(archive: Archive, issueId: number, bodyHash: string): void {
  statement(archive.db, 'INSERT OR IGNORE INTO synced_versions (issue_id, body_hash) VALUES (?, ?)').run(issueId, bodyHash);
}

function wasSynced(archive: Archive, issueId: number, bodyHash: string): boolean {
  return statement<[number, string], { found: number }>(archive.db, 'SELECT 1 AS found FROM synced_versions WHERE issue_id = ? AND body_hash = ?').get(issueId, bodyHash) !== undefined;
}

/** A series (or all of them, archived ones too) with their issues outside the recycle bin. */
export async function exportBundle(archive: Archive, seriesId?: number): Promise<ExportedFile> {
  const chosen = seriesId === undefined ? listSeries(archive, true) : [getSeries(archive, seriesId)];
  const sent: { issueId: number; bodyHash: string }[] = [];
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
          .map((row) => {
            const issue = revisionContent(archive, row.id, row.revision)!;
            sent.push({ issueId: row.id, bodyHash: bodyHashOf(issue) });
            const issuedWith = row.status === 'issued' ? issuedPrintOf(archive, row.id) : null;
            return { uid: row.uid, issue, ...(issuedWith ? { issuedWith } : {}) };
          }),
      })),
    ),
  };
  const zip = new JSZip();
  zip.file(BUNDLE_ENTRY, JSON.stringify(bundle));
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  // a read-only archive (damaged, or read while another program holds it) still exports; its later merges then report conflicts instead
  if (!archive.readOnlyReason) archive.write(() => sent.forEach(({ issueId, bodyHash }) => recordSynced(archive, issueId, bodyHash)));
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

type Merge = { outcome: 'imported' | 'unchanged' } | { outcome: 'conflict'; reason: string };

/** One incoming issue against this archive: decided from the archive's own revisions and sync records only. */
function mergeIssue(archive: Archive, seriesId: number, item: Bundle['series'][number]['issues'][number]): Merge {
  // stored in normal form for this archive's template of the series
  const sections = seriesEntry(archive, seriesId).settings.sections;
  const stored = storedIssue(item.issue, sections);
  // archives of earlier versions stored issues not in normal form: the same content is the same issue in either form
  const asSent = contentHashOf(item.issue);
  const normalHashOf = (row: IssueRow) => {
    try {
      return storedIssue(revisionContent(archive, row.id, row.revision)!, sections).hash;
    } catch {
      return null;
    }
  };
  const sameContent = (row: IssueRow) => row.content_hash === stored.hash || row.content_hash === asSent || normalHashOf(row) === stored.hash;
  const incomingBody = bodyHashOf(stored.issue);
  const synced = (issueId: number) => {
    recordSynced(archive, issueId, incomingBody);
    recordSynced(archive, issueId, bodyHashOf(item.issue));
  };
  const local = statement<[string], { id: number }>(archive.db, 'SELECT id FROM issues WHERE uid = ?').get(item.uid);
  if (!local) {
    const holder = holderOfNumber(archive, seriesId, stored.issue);
    if (holder && sameContent(holder)) {
      synced(holder.id);
      return { outcome: 'unchanged' };
    }
    if (holder) return { outcome: 'conflict', reason: '本机已有同一期号的另一期，内容不同，未导入' };
    const id = insertIssue(archive, seriesId, stored, { kind: 'imported', note: '从档案包导入' }, item.uid, item.issue.status === 'issued' ? item.issuedWith : undefined);
    synced(id);
    return { outcome: 'imported' };
  }
  const row = issueRow(archive, local.id);
  if (sameContent(row)) {
    synced(row.id);
    return { outcome: 'unchanged' };
  }
  // the other PC is behind: it carries a content this issue had here before
  if (hadContent(archive, row.id, stored.hash) || hadContent(archive, row.id, asSent)) return { outcome: 'unchanged' };
  if (row.status === 'issued') {
    return { outcome: 'conflict', reason: '本机的这一期已印发，档案包中的内容或状态与印发的不同，未导入；如确需采用，请先在本机撤回印发并写明原因' };
  }
  const current = revisionContent(archive, row.id, row.revision)!;
  if (!wasSynced(archive, row.id, bodyHashOf(current))) {
    return { outcome: 'conflict', reason: '两台电脑上都修改过这一期，保留了本机的内容，请核对后手工合并' };
  }
  appendRevision(archive, row, stored, { kind: 'merged', note: '从档案包更新' }, item.issue.status === 'issued' ? item.issuedWith : undefined);
  synced(row.id);
  return { outcome: 'imported' };
}

export async function importBundle(archive: Archive, bytes: Uint8Array): Promise<BundleReport> {
  archive.assertWritable();
  const bundle = await readBundle(bytes);
  const report: BundleReport = { imported: 0, unchanged: 0, conflicts: [], seriesCreated: 0 };
  archive.write(() => {
    for (const incoming of bundle.series) {
      const byUid = statement<[string], { id: number }>(archive.db, 'SELECT id FROM series WHERE uid = ?').get(incoming.uid);
      let seriesId = byUid?.id ?? seriesEntryByName(archive, incoming.settings.name)?.id;
      if (seriesId === undefined) {
        seriesId = createSeries(archive, incoming.settings, incoming.uid).id;
        if (incoming.archived) statement(archive.db, 'UPDATE series SET archived = 1 WHERE id = ?').run(seriesId);
        report.seriesCreated++;
      }
      for (const item of incoming.issues) {
        const conflict = (reason: string) => report.conflicts.push({ seriesName: incoming.settings.name, numberText: issueNumberOf(item.issue), reason });
        try {
          const merge = archive.write(() => mergeIssue(archive, seriesId, item));
          if (merge.outcome === 'conflict') conflict(merge.reason);
          else report[merge.outcome]++;
        } catch (error) {
          if (!(error instanceof ArchiveError) || error.code !== 'conflict') throw error;
          conflict(error.message);
        }
      }
    }
  });
  return report;
}
