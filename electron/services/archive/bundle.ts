// Bundles for moving an archive between PCs on isolated networks: a series or the whole archive as one
// zip; importing one merges by identity (series and issue uids) without duplicates. A merge decides
// only from this archive's own records: a bundle's copy is taken where this archive's copy has not
// changed since it last sent or received it, ignored where it is one of the issue's own older
// revisions, and otherwise reported as a conflict. An issued issue here is never changed by a bundle.
// The photos the issues show travel with them, one zip entry each (images/<id>.jpg|png); every one is
// checked (its hash is its id, it decodes whole, as the figures say) before anything is written.
import JSZip from 'jszip';
import { z } from 'zod';
import type { Archive } from './archive.ts';
import type { BundleReport, ExportedFile } from '../../../shared/api/records.ts';
import { imageRefSchema, issueSchema, type ImageRef } from '../../../shared/model/issue.ts';
import { IMAGE_LIMITS } from '../../../shared/model/limits.ts';
import { storedImageProblem, type PreparedImage } from '../images/prepare-image.ts';
import { figuresOf, imagesOfIssues, putImages } from './images.ts';
import { seriesSettingsSchema } from '../../../shared/model/series.ts';
import { formatErrors, validate } from '../../../shared/model/validate.ts';
import { issueNumberOf, todayIso } from '../../../shared/format/chinese.ts';
import { ArchiveError } from './errors.ts';
import { statement } from './statements.ts';
import { bodyHashOf, contentHashOf, legacyHashOf, storedIssue } from './stored-issue.ts';
import { appendRevision, hadContent, insertIssue, issueRow, issueRowsOfSeries, revisionContent, type IssueRow } from './issues.ts';
import { createSeries, getSeries, listSeries, seriesEntry, seriesEntryByName, seriesUid } from './series.ts';
import { numberScope } from './numbering.ts';
import { issuedPrintOf } from './issued-prints.ts';
import { RefusedZipError, openZip, readZipEntry } from '../files/zip-guard.ts';

/** @3 added the images (and issues may be issue@2); @2 bundles are read as they are */
const BUNDLE_FORMAT = 'jianbao/bundle@3';
const BUNDLE_FORMAT_2 = 'jianbao/bundle@2';
/** Bundles of earlier versions carried a history of hashes per issue; it is read and ignored. */
const OLD_BUNDLE_FORMAT = 'jianbao/bundle@1';
const BUNDLE_ENTRY = 'bundle.json';
const KIND = '档案包';
/** Its JSON must fit in one JavaScript string (at most about 512 MB); the photos come on top of it. */
const BUNDLE_JSON_BYTES = 400 * 1024 * 1024;
const BUNDLE_LIMITS = { totalBytes: 1536 * 1024 * 1024, ratio: 1000, entries: 50_001 };
/** A province's archive over decades stays well below these. */
export const BUNDLE_MAX = { series: 1000, issuesPerSeries: 100_000, issues: 200_000, images: 50_000 };

/** an exported bundle travels as one base64 string, which JavaScript holds up to about 512 million characters */
const EXPORT_MAX_BYTES = 380 * 1024 * 1024;

const imageEntryName = (ref: Pick<ImageRef, 'id' | 'format'>) => `images/${ref.id}.${ref.format === 'jpeg' ? 'jpg' : 'png'}`;

const uid = z.string().min(1).max(100);
const bundleSchema = z
  .strictObject({
    format: z.enum([BUNDLE_FORMAT, BUNDLE_FORMAT_2, OLD_BUNDLE_FORMAT]),
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
    /** the images the issues show, each once; their bytes are the zip's images/<id>.jpg|png */
    images: z.array(imageRefSchema).max(BUNDLE_MAX.images).optional(),
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
  const images = imagesOfIssues(
    archive,
    bundle.series.flatMap((series) => series.issues.map((item) => item.issue)),
  );
  bundle.images = images.map((image) => image.ref);
  const zip = new JSZip();
  zip.file(BUNDLE_ENTRY, JSON.stringify(bundle));
  // photos are compressed already
  for (const image of images) zip.file(imageEntryName(image.ref), image.bytes, { compression: 'STORE', createFolders: false });
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  if (bytes.length > EXPORT_MAX_BYTES) {
    const what = seriesId === undefined ? '请按刊物分别导出' : '目前无法一次导出这么多照片';
    throw new ArchiveError('invalid-input', `档案包有 ${Math.round(bytes.length / 1024 / 1024)} MB（多为照片），超过一次能导出的 ${EXPORT_MAX_BYTES / 1024 / 1024} MB，${what}；档案库未作改动`);
  }
  // a read-only archive (damaged, or read while another program holds it) still exports; its later merges then report conflicts instead
  if (!archive.readOnlyReason) archive.write(() => sent.forEach(({ issueId, bodyHash }) => recordSynced(archive, issueId, bodyHash)));
  const label = seriesId === undefined ? '全部刊物' : chosen[0]!.settings.name;
  return { fileName: `${label}-档案包-${todayIso()}.jianbao`, base64: bytes.toString('base64') };
}

async function readBundle(archive: Archive, bytes: Uint8Array): Promise<{ bundle: Bundle; images: PreparedImage[] }> {
  let text: string;
  let zip;
  try {
    zip = await openZip(bytes, KIND, BUNDLE_LIMITS);
    text = (await readZipEntry(zip, BUNDLE_ENTRY, KIND, BUNDLE_JSON_BYTES)).toString('utf8');
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
  const bundle = result.value;
  return { bundle, images: await bundleImages(archive, bundle, zip) };
}

/**
 * The images the bundle's issues show that this archive does not have yet, each checked (the hash of its
 * bytes is its id, it decodes whole, it is the format and size the figures say). A figure whose image is
 * neither in the bundle nor here, or any image that fails a check, refuses the whole bundle.
 */
async function bundleImages(archive: Archive, bundle: Bundle, zip: Awaited<ReturnType<typeof openZip>>): Promise<PreparedImage[]> {
  const listed = new Map<string, ImageRef>();
  for (const ref of bundle.images ?? []) {
    if (listed.has(ref.id)) throw new ArchiveError('unreadable', '档案包中同一张图片列了两次，文件无效，档案库未作改动');
    listed.set(ref.id, ref);
  }
  const needed = new Map<string, { ref: ImageRef; where: string }>();
  for (const series of bundle.series) {
    for (const item of series.issues) {
      for (const figure of figuresOf(item.issue)) {
        const where = `“${series.settings.name}”${issueNumberOf(item.issue)}${figure.where}`;
        const ref = listed.get(figure.ref.id) ?? archive.read(() => storedRefOf(archive, figure.ref.id));
        if (!ref) throw new ArchiveError('unreadable', `档案包不完整：${where}中的图片不在档案包中，档案包未导入，档案库未作改动`);
        if (ref.format !== figure.ref.format || ref.width !== figure.ref.width || ref.height !== figure.ref.height) {
          throw new ArchiveError('unreadable', `档案包有误：${where}中的图片与档案包中的图片格式或尺寸不符，档案包未导入，档案库未作改动`);
        }
        if (!needed.has(ref.id) && listed.has(ref.id)) needed.set(ref.id, { ref, where });
      }
    }
  }
  const images: PreparedImage[] = [];
  for (const { ref, where } of needed.values()) {
    // the same id is the same bytes: one this archive has is not read again
    if (archive.read(() => storedRefOf(archive, ref.id))) continue;
    let bytes: Buffer;
    try {
      bytes = await readZipEntry(zip, imageEntryName(ref), KIND, IMAGE_LIMITS.fileBytes);
    } catch (error) {
      if (error instanceof RefusedZipError) throw new ArchiveError('unreadable', `${where}中的图片读不出来：${error.message}，档案包未导入，档案库未作改动`);
      throw error;
    }
    const problem = await storedImageProblem(bytes, ref);
    if (problem) throw new ArchiveError('unreadable', `档案包中${where}的图片${problem}，档案包未导入，档案库未作改动`);
    images.push({ ref, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  }
  return images;
}

function storedRefOf(archive: Archive, id: string): ImageRef | null {
  return statement<[string], ImageRef>(archive.db, 'SELECT id, format, width, height FROM images WHERE id = ?').get(id) ?? null;
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
  const sameContent = (row: IssueRow) => row.content_hash === stored.hash || row.content_hash === asSent || row.content_hash === legacyHashOf(stored.issue) || normalHashOf(row) === stored.hash;
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
  if (hadContent(archive, row.id, stored.hash) || hadContent(archive, row.id, asSent) || hadContent(archive, row.id, legacyHashOf(stored.issue))) return { outcome: 'unchanged' };
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
  const { bundle, images } = await readBundle(archive, bytes);
  const report: BundleReport = { imported: 0, unchanged: 0, conflicts: [], seriesCreated: 0 };
  archive.write(() => {
    putImages(archive, images);
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
