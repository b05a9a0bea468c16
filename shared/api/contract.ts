// The one API between the renderer and the services: each method's input schema (checked at the
// boundary, in Electron's main process and in browser mode's server alike) and its output type.
import { apiMethods, isApiMethod, type ApiMethod } from './methods.ts';
import { z } from 'zod';
import { isRealDate, issueSchema, issueStatusSchema, type ImageRef, type Issue } from '../model/issue.ts';
import { seriesSettingsSchema } from '../model/series.ts';
import { IMAGE_LIMITS, ISSUE_LIMITS } from '../model/limits.ts';
import type {
  AppInfo,
  BackupInfo,
  BundleReport,
  ExportedFile,
  ImportOutcome,
  ImportPreview,
  IssueRecord,
  IssueSummary,
  NumberingGap,
  RevisionSummary,
  SearchHit,
  SeriesRecord,
  StatsReport,
  VolumeJob,
  VolumePreview,
} from './records.ts';
import type { ApiErrorPayload } from './errors.ts';

export { ApiError, API_ERROR_CODES, isUserFacing, type ApiErrorCode, type ApiErrorPayload } from './errors.ts';

/** Largest file the renderer may hand over for import, as base64 (about 30 MB of file). */
export const MAX_UPLOAD_BASE64 = 40 * 1024 * 1024;
/** the largest file whose base64 still fits MAX_UPLOAD_BASE64 */
export const MAX_UPLOAD_BYTES = Math.floor(MAX_UPLOAD_BASE64 / 4) * 3;

/** Largest photo the renderer may hand over for insertion, as base64: the whole of IMAGE_LIMITS.fileBytes. */
export const MAX_IMAGE_BASE64 = Math.ceil(IMAGE_LIMITS.fileBytes / 3) * 4;

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期应写成 YYYY-MM-DD' });
const year = z.number().int().min(1949).max(2200);
const empty = z.strictObject({});
/** a file's name as the clerk knows it (a folder's relative path included) */
const fileName = z
  .string()
  .min(1)
  .max(260)
  // a right-to-left override can show `简报\u202Excod.exe` as `简报exe.docx`
  .refine((name) => !/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(name), {
    message: '文件名含有控制字符或文字方向控制符，可能是伪装的文件名，请改名后再导入',
  });
const upload = z.string().max(MAX_UPLOAD_BASE64);
const newSeriesName = z.string().trim().min(1, { message: '新刊物的名称不能为空' }).max(ISSUE_LIMITS.titleChars);

/** which issues of a series a year's volume (汇编) binds */
const volumeRange = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('year'), year }),
  z.strictObject({ kind: z.literal('dates'), from: isoDate, to: isoDate }),
  z.strictObject({ kind: z.literal('numbers'), from: z.number().int().min(1).max(1_000_000), to: z.number().int().min(1).max(1_000_000), year: year.optional() }),
]);
const volumeRequest = z.strictObject({ seriesId: id, range: volumeRange, includeDrafts: z.boolean().optional() });
const jobId = z.string().uuid({ message: '任务编号不正确' });

/** a series' issues dated from..to (both counted), 已印发 ones only unless status is all */
const realDate = isoDate.refine(isRealDate, { message: '不是存在的日期' });
const statsRequest = z
  .strictObject({ seriesId: id, from: realDate, to: realDate, status: z.enum(['issued', 'all']).optional() })
  .refine((input) => input.from <= input.to, { message: '起始日期晚于结束日期', path: ['to'] });

declare const outputType: unique symbol;
interface Method<Input extends z.ZodType, Output> {
  input: Input;
  [outputType]?: Output;
}
function method<Output>() {
  return <Input extends z.ZodType>(input: Input): Method<Input, Output> => ({ input });
}

export const apiContract = {
  'app.info': method<AppInfo>()(empty),

  'series.list': method<SeriesRecord[]>()(z.strictObject({ includeArchived: z.boolean().optional() })),
  'series.get': method<SeriesRecord>()(z.strictObject({ id })),
  'series.create': method<SeriesRecord>()(z.strictObject({ settings: seriesSettingsSchema })),
  'series.update': method<SeriesRecord>()(z.strictObject({ id, settings: seriesSettingsSchema })),
  'series.setArchived': method<SeriesRecord>()(z.strictObject({ id, archived: z.boolean() })),

  'issues.list': method<IssueSummary[]>()(z.strictObject({ seriesId: id, year: year.optional(), status: issueStatusSchema.optional() })),
  'issues.gaps': method<NumberingGap[]>()(z.strictObject({ seriesId: id })),
  /** creates the next issue of the series as a draft: number by the series' scheme, today's date */
  'issues.next': method<IssueRecord>()(z.strictObject({ seriesId: id, date: isoDate.optional() })),
  'issues.get': method<IssueRecord>()(z.strictObject({ id })),
  /**
   * refused when baseRevision is not the latest (edited elsewhere) or the issue is issued; `kind` says
   * whether the clerk saved or the editor autosaved. Changing a reviewed issue's content returns it to 草稿.
   */
  'issues.save': method<{ record: IssueRecord; changed: boolean }>()(
    z.strictObject({ id, baseRevision: z.number().int().min(0), issue: issueSchema, kind: z.enum(['auto', 'manual']).optional() }),
  ),
  'issues.setStatus': method<IssueRecord>()(
    z.strictObject({ id, status: issueStatusSchema, reason: z.string().trim().min(1).max(1000).optional() }),
  ),
  /** starts the next issue of the same series from this one's content */
  'issues.duplicate': method<IssueRecord>()(z.strictObject({ id })),
  'issues.delete': method<void>()(z.strictObject({ id })),
  /** removes a draft nobody has touched since 新建一期 (its number is free again); false when it was touched */
  'issues.discard': method<{ discarded: boolean }>()(z.strictObject({ id })),
  'issues.restore': method<IssueRecord>()(z.strictObject({ id })),
  'issues.recycleBin': method<IssueSummary[]>()(empty),

  'revisions.list': method<RevisionSummary[]>()(z.strictObject({ issueId: id })),
  'revisions.get': method<Issue>()(z.strictObject({ issueId: id, revision: z.number().int().positive() })),
  /** brings back the revision's content; the current 期号, date and 文号 stay unless withMasthead */
  'revisions.restore': method<IssueRecord>()(
    z.strictObject({ issueId: id, revision: z.number().int().positive(), withMasthead: z.boolean().optional() }),
  ),

  search: method<SearchHit[]>()(
    z.strictObject({
      query: z.string().max(200),
      seriesId: id.optional(),
      year: year.optional(),
      status: issueStatusSchema.optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      limit: z.number().int().min(1).max(500).optional(),
    }),
  ),

  /** reads and files one file at once (the command line's way; one file per call, so a caller can show progress) */
  'import.file': method<ImportOutcome>()(z.strictObject({ name: fileName, base64: upload, seriesId: id.optional() })),
  /** reads one file for the clerk to review: the issue read, what was guessed, where it would go; writes nothing */
  'import.read': method<ImportPreview>()(z.strictObject({ name: fileName, base64: upload })),
  /**
   * files the issue the clerk confirmed (as reviewed, corrections included) into an existing series
   * (`seriesId`) or a new one (`newSeriesName`), exactly one of the two; skipped when that series has
   * the issue's year and number already
   */
  'import.confirm': method<ImportOutcome>()(
    z
      .strictObject({ file: fileName, issue: issueSchema, seriesId: id.optional(), newSeriesName: newSeriesName.optional() })
      .refine((input) => (input.seriesId === undefined) !== (input.newSeriesName === undefined), {
        message: '请选择要归入的刊物，或填写新刊物的名称（只选其一）',
      }),
  ),

  'export.docx': method<ExportedFile>()(z.strictObject({ issueId: id })),
  'export.pdf': method<ExportedFile>()(z.strictObject({ issueId: id })),
  'export.json': method<ExportedFile>()(z.strictObject({ issueId: id })),

  /** the issues a volume would bind, in order, and the numbers missing from the range; writes nothing */
  'volume.preview': method<VolumePreview>()(volumeRequest),
  /** starts compiling the volume as Word or PDF in the background; follow it with volume.progress */
  'volume.start': method<VolumeJob>()(volumeRequest.extend({ format: z.enum(['docx', 'pdf']) })),
  'volume.progress': method<VolumeJob>()(z.strictObject({ jobId })),
  'volume.cancel': method<VolumeJob>()(z.strictObject({ jobId })),
  /** the finished file, once; the job is forgotten afterwards */
  'volume.result': method<ExportedFile>()(z.strictObject({ jobId })),

  /** the 信息采用 count of the period: a line per unit with points and rank, and what the clerk must settle; writes nothing */
  'stats.tally': method<StatsReport>()(statsRequest),
  /** the same as an Excel workbook: 信息采用情况 and 明细 */
  'stats.xlsx': method<ExportedFile>()(statsRequest),
  /** the same as a Word 通报 in the bulletin's print style */
  'stats.docx': method<ExportedFile>()(statsRequest),

  'backup.create': method<BackupInfo>()(empty),
  'backup.list': method<BackupInfo[]>()(empty),
  'backup.restore': method<void>()(z.strictObject({ name: z.string().min(1).max(200).regex(/^[\w.-]+$/, { message: '备份文件名不正确' }) })),

  'bundle.export': method<ExportedFile>()(z.strictObject({ seriesId: id.optional() })),
  'bundle.import': method<BundleReport>()(z.strictObject({ base64: z.string().max(MAX_UPLOAD_BASE64) })),

  /** checks a photo, turns it upright, strips and downscales it, and stores it in the archive at once; the same photo twice is stored once */
  'images.add': method<ImageRef>()(
    z.strictObject({
      name: fileName,
      dataBase64: z.string().max(MAX_IMAGE_BASE64 + 100, { message: `图片文件超过 ${IMAGE_LIMITS.fileBytes / 1024 / 1024} MB，请压缩后再插入` }),
    }),
  ),
  /** a stored image's bytes, for the editor to show */
  'images.get': method<{ format: 'jpeg' | 'png'; dataBase64: string }>()(z.strictObject({ id: z.string().regex(/^[0-9a-f]{64}$/, { message: '图片编号不正确' }) })),
} as const satisfies { [M in ApiMethod]: Method<z.ZodType, unknown> };

export type ApiContract = typeof apiContract;
export type { ApiMethod };
export type ApiInput<M extends ApiMethod> = z.input<ApiContract[M]['input']>;
export type ApiParsedInput<M extends ApiMethod> = z.output<ApiContract[M]['input']>;
export type ApiOutput<M extends ApiMethod> = ApiContract[M] extends Method<z.ZodType, infer Output> ? Output : never;

/** What the renderer holds: one async function per method, whatever carries the call. */
export type ApiClient = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutput<M>> };

/** What the services provide: one handler per method, given the input already validated. */
export type ApiHandlers = { [M in ApiMethod]: (input: ApiParsedInput<M>) => Promise<ApiOutput<M>> | ApiOutput<M> };

export { apiMethods, isApiMethod };

export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiErrorPayload };
