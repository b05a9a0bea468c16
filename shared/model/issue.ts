// The canonical bulletin issue (docs/architecture.md, "jianbao/issue@2"): types and the runtime schema that
// the archive, the editor mapping, export and import all share. Version 2 lets an article's or a news
// item's `paragraphs` hold tables and figures between its text paragraphs; a version 1 issue is a version 2
// issue without them, so the schema reads both and writes 2.
import { z } from 'zod';
import { IMAGE_LIMITS, ISSUE_LIMITS, TABLE_LIMITS } from './limits.ts';
import { placeHeaderCells, type SpanningCell } from './header-grid.ts';

import { ISSUE_FORMAT, READABLE_ISSUE_FORMATS, isRealDate } from './issue-format.ts';

export { ISSUE_FORMAT, READABLE_ISSUE_FORMATS, isRealDate };

const text = (max: number) => z.string().max(max);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期应写成 YYYY-MM-DD' })
  .refine((value) => isRealDate(value), { message: '不是存在的日期' });

export const runSchema = z.strictObject({
  text: text(ISSUE_LIMITS.paragraphChars),
  bold: z.boolean().optional(),
});

/** 一、 = 1, （一） = 2, 1. = 3, （1） = 4; absent for an ordinary body paragraph. */
export const headingLevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

export const paragraphSchema = z.strictObject({
  runs: z.array(runSchema).max(ISSUE_LIMITS.runsPerParagraph),
  heading: headingLevelSchema.optional(),
});

/** A table cell: its text, and in a header row how many columns and header rows it spans (merged cells). */
export const tableCellSchema = z.strictObject({
  runs: z.array(runSchema).max(ISSUE_LIMITS.runsPerParagraph),
  colSpan: z.number().int().min(2).max(TABLE_LIMITS.columns).optional(),
  rowSpan: z.number().int().min(2).max(TABLE_LIMITS.headerRows).optional(),
});

/** How a column's cells are aligned: text flush left, numbers right or centred, as the office prints them. */
export const columnAlignSchema = z.enum(['left', 'center', 'right']);

/**
 * A statistics table inside an article or item: an optional title printed above it, header rows (whose cells
 * may be merged), body rows of one cell per column, and an optional 合计 row. Only header cells span.
 */
export const tableSchema = z
  .strictObject({
    type: z.literal('table'),
    title: text(ISSUE_LIMITS.titleChars).optional(),
    columns: z.array(z.strictObject({ align: columnAlignSchema })).min(1).max(TABLE_LIMITS.columns),
    header: z.array(z.array(tableCellSchema).max(TABLE_LIMITS.columns)).max(TABLE_LIMITS.headerRows),
    rows: z.array(z.array(tableCellSchema).max(TABLE_LIMITS.columns)).max(TABLE_LIMITS.rows),
    total: z.array(tableCellSchema).max(TABLE_LIMITS.columns).optional(),
  })
  .superRefine((table, ctx) => {
    const columns = table.columns.length;
    const headerProblem = headerGridProblem(table.header, columns);
    if (headerProblem) ctx.addIssue({ code: 'custom', path: ['header'], message: headerProblem });
    const plainRows: [readonly (readonly z.infer<typeof tableCellSchema>[])[], string][] = [[table.rows, 'rows']];
    if (table.total) plainRows.push([[table.total], 'total']);
    for (const [rows, key] of plainRows) {
      rows.forEach((row, index) => {
        const path = key === 'total' ? [key] : [key, index];
        if (row.length !== columns) ctx.addIssue({ code: 'custom', path, message: `应有 ${columns} 个单元格，实有 ${row.length} 个` });
        if (row.some((cell) => cell.colSpan !== undefined || cell.rowSpan !== undefined)) ctx.addIssue({ code: 'custom', path, message: '只有表头的单元格可以合并' });
      });
    }
  });

/** Why a table's header cells do not tile its grid of header rows × columns, or null when they do. */
export function headerGridProblem(header: readonly (readonly SpanningCell[])[], columns: number): string | null {
  return placeHeaderCells(header, columns).problem;
}

/** A stored image: its SHA-256 (the archive keeps its bytes once under it), its encoding and its pixel size. */
export const imageRefSchema = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{64}$/, { message: '图片编号应为 64 位十六进制' }),
  format: z.enum(['jpeg', 'png']),
  width: z.number().int().min(1).max(IMAGE_LIMITS.storedSidePx),
  height: z.number().int().min(1).max(IMAGE_LIMITS.storedSidePx),
});

/** A photo with its caption (图为…), printed centred at a share of the type area's width. */
export const figureSchema = z.strictObject({
  type: z.literal('figure'),
  image: imageRefSchema,
  caption: text(ISSUE_LIMITS.titleChars),
  widthPercent: z.number().int().min(IMAGE_LIMITS.minWidthPercent).max(100),
});

/**
 * What an article's or item's `paragraphs` hold, in print order: text paragraphs (no `type`), tables and
 * figures. Dispatched on `type` so a broken element is named by the kind it claims to be.
 */
export const contentElementSchema = z.discriminatedUnion('type', [
  paragraphSchema.extend({ type: z.undefined().optional() }),
  tableSchema,
  figureSchema,
]);

export const leadBlockSchema = z.strictObject({
  type: z.literal('lead'),
  items: z.array(text(ISSUE_LIMITS.titleChars * 2)).max(ISSUE_LIMITS.blocks),
});

/** A unit's name as an attribution holds it: 安化县, 市生态环境局. */
export const UNIT_NAME_MAX = 50;
export const unitNameSchema = z
  .string()
  .trim()
  .min(1, { message: '单位名称不能为空' })
  .max(UNIT_NAME_MAX)
  // a line break in a name splits the table rows it is printed in
  .refine((name) => !/[\u0000-\u001f\u007f\u2028\u2029]/.test(name), { message: '单位名称不能含换行或控制字符' });

/**
 * Which units' report an article or news item is (信息采用): `confirmed` once the clerk has settled it.
 * Absent means never attributed: the statistics then use the suggestion read from the text (shared/stats/).
 */
export const sourcesSchema = z.strictObject({
  units: z
    .array(unitNameSchema)
    .min(1, { message: '至少写一个来源单位' })
    .max(20)
    .refine((units) => new Set(units).size === units.length, { message: '来源单位不能重复' }),
  confirmed: z.boolean(),
});

/** A leader's 批示 on an article or item (领导批示): non-empty means it got one. */
export const instructionSchema = text(500);

export const articleBlockSchema = z.strictObject({
  type: z.literal('article'),
  title: text(ISSUE_LIMITS.titleChars),
  subtitle: text(ISSUE_LIMITS.titleChars).optional(),
  paragraphs: z.array(contentElementSchema).max(ISSUE_LIMITS.paragraphsPerBlock),
  sources: sourcesSchema.optional(),
  instruction: instructionSchema.optional(),
});

/** How an item's head prints: `▲安化县：text`, `▲**headline** text`, or a headline line with paragraphs under it. */
export const newsHeadFormSchema = z.enum(['colon', 'runIn', 'ownLine']);

export const newsItemSchema = z.strictObject({
  head: text(ISSUE_LIMITS.titleChars),
  form: newsHeadFormSchema.optional(),
  paragraphs: z.array(contentElementSchema).max(ISSUE_LIMITS.paragraphsPerBlock),
  sources: sourcesSchema.optional(),
  instruction: instructionSchema.optional(),
});

export const newsBlockSchema = z.strictObject({
  type: z.literal('news'),
  heading: text(ISSUE_LIMITS.titleChars),
  /** false where the series prints its items without ▲ */
  marker: z.boolean().optional(),
  items: z.array(newsItemSchema).max(ISSUE_LIMITS.paragraphsPerBlock),
});

export const blockSchema = z.discriminatedUnion('type', [leadBlockSchema, articleBlockSchema, newsBlockSchema]);

export const numberingSchema = z.enum(['sequential', 'yearly-with-total']);

export const issueSeriesSchema = z.strictObject({
  name: text(ISSUE_LIMITS.titleChars),
  issuer: text(ISSUE_LIMITS.titleChars),
  numbering: numberingSchema,
  /** written only as false: the series prints no 导读 (不印导读), and none is derived for the issue */
  printLead: z.literal(false).optional(),
});

const recipientList = z.array(text(ISSUE_LIMITS.recipientChars)).max(ISSUE_LIMITS.recipients);

export const distributionSchema = z.strictObject({
  report: recipientList,
  send: recipientList,
  issue: recipientList,
});

export const issueStatusSchema = z.enum(['draft', 'reviewed', 'issued']);

export const issueSchema = z
  .strictObject({
    format: z.enum(READABLE_ISSUE_FORMATS).transform((): typeof ISSUE_FORMAT => ISSUE_FORMAT),
    series: issueSeriesSchema,
    number: z.number().int().min(1).max(100000),
    year: z.number().int().min(1949).max(2200),
    totalNumber: z.number().int().min(1).max(1000000).nullable(),
    date: isoDate,
    docNumber: text(100).nullable(),
    status: issueStatusSchema,
    blocks: z.array(blockSchema).max(ISSUE_LIMITS.blocks),
    distribution: distributionSchema,
    printed: z.strictObject({ by: text(ISSUE_LIMITS.titleChars), date: isoDate }).nullable(),
    copies: z.number().int().min(1).max(1000000).nullable(),
    /** keys of proofreading findings the reviewers chose to ignore in this issue */
    ignoredFindings: z.array(z.string().max(2000)).max(5000).optional(),
  })
  .superRefine((issue, ctx) => {
    if (issue.series.numbering === 'yearly-with-total' && issue.totalNumber === null) {
      ctx.addIssue({ code: 'custom', path: ['totalNumber'], message: '按年编号的刊物需要填写总期号' });
    }
    if (bodyChars(issue.blocks) > ISSUE_LIMITS.bodyChars) {
      ctx.addIssue({ code: 'custom', path: ['blocks'], message: `正文超过 ${ISSUE_LIMITS.bodyChars / 10_000} 万字，不像一期简报` });
    }
  });

/** Characters of the body's text, counted to refuse an issue far larger than any bulletin before it is stored. */
function bodyChars(blocks: readonly z.infer<typeof blockSchema>[]): number {
  let count = 0;
  const paragraphs = (list: readonly z.infer<typeof contentElementSchema>[]) => {
    for (const element of list) {
      const rows = element.type === 'table' ? [...element.header, ...element.rows, ...(element.total ? [element.total] : [])].flat() : element.type === 'figure' ? [] : [element];
      for (const holder of rows) for (const run of holder.runs) count += run.text.length;
      if (element.type === 'figure') count += element.caption.length;
    }
  };
  for (const block of blocks) {
    if (block.type === 'article') paragraphs(block.paragraphs);
    else if (block.type === 'news') for (const item of block.items) paragraphs(item.paragraphs);
  }
  return count;
}

export type Run = z.infer<typeof runSchema>;
export type HeadingLevel = z.infer<typeof headingLevelSchema>;
export type Paragraph = z.infer<typeof paragraphSchema>;
export type TableCell = z.infer<typeof tableCellSchema>;
export type ColumnAlign = z.infer<typeof columnAlignSchema>;
export type Table = z.infer<typeof tableSchema>;
export type ImageRef = z.infer<typeof imageRefSchema>;
export type Figure = z.infer<typeof figureSchema>;
/** One element of an article's or item's content: a text paragraph, a table or a figure. */
export type ContentElement = z.infer<typeof contentElementSchema>;
export type LeadBlock = z.infer<typeof leadBlockSchema>;
export type ArticleBlock = z.infer<typeof articleBlockSchema>;
export type NewsHeadForm = z.infer<typeof newsHeadFormSchema>;
export type NewsItem = z.infer<typeof newsItemSchema>;
export type Sources = z.infer<typeof sourcesSchema>;
export type NewsBlock = z.infer<typeof newsBlockSchema>;
export type Block = z.infer<typeof blockSchema>;
export type Numbering = z.infer<typeof numberingSchema>;
export type IssueSeries = z.infer<typeof issueSeriesSchema>;
export type Distribution = z.infer<typeof distributionSchema>;
export type IssueStatus = z.infer<typeof issueStatusSchema>;
export type Issue = z.infer<typeof issueSchema>;

export const STATUS_LABELS: Record<IssueStatus, string> = {
  draft: '草稿',
  reviewed: '已审核',
  issued: '已印发',
};

export function plainParagraph(text: string): Paragraph {
  return { runs: [{ text }] };
}

export function paragraphText(paragraph: Paragraph): string {
  return paragraph.runs.map((run) => run.text).join('');
}

export function emptyIssue(series: IssueSeries, number: number, date: string): Issue {
  return {
    format: ISSUE_FORMAT,
    series,
    number,
    year: Number(date.slice(0, 4)),
    totalNumber: series.numbering === 'yearly-with-total' ? number : null,
    date,
    docNumber: null,
    status: 'draft',
    blocks: [{ type: 'lead', items: [] }],
    distribution: { report: [], send: [], issue: [] },
    printed: null,
    copies: null,
  };
}
