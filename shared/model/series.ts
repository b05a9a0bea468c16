// Settings of a bulletin series (刊物): what every new issue of it starts from.
import { z } from 'zod';
import { ISSUE_LIMITS } from './limits.ts';
import { distributionSchema, numberingSchema, unitNameSchema, type IssueSeries } from './issue.ts';

export const LAYOUT_PROFILES = ['gbt9704', 'first-glyph'] as const;
export const FONT_PROFILES = ['office', 'system'] as const;

export const LAYOUT_PROFILE_LABELS: Record<(typeof LAYOUT_PROFILES)[number], string> = {
  gbt9704: 'GB/T 9704 标准版心（上37 下35 左28 右26 毫米）',
  'first-glyph': '以首字计边距（上34.6 下32.6 毫米）',
};

export const FONT_PROFILE_LABELS: Record<(typeof FONT_PROFILES)[number], string> = {
  office: '公文字体（方正小标宋简体、仿宋_GB2312、楷体_GB2312、黑体）',
  system: '系统字体（宋体、仿宋、楷体、黑体）',
};

const shortText = z.string().trim().max(ISSUE_LIMITS.titleChars);

export const leaderSchema = z.strictObject({
  name: z.string().trim().min(1).max(20),
  title: z.string().trim().min(1).max(100),
});

export const phraseSchema = z.strictObject({
  correct: z.string().trim().min(1).max(100),
  wrong: z.array(z.string().trim().min(1).max(100)).max(50),
});

/** The groups an office assesses its units in (信息采用统计). */
export const UNIT_GROUPS = ['县市区', '市直部门', '其他'] as const;
export type UnitGroup = (typeof UNIT_GROUPS)[number];

/** A unit whose reports the bulletin counts: its name, the shorter names its reports go by (安化 for 安化县), its group. */
export const unitSchema = z.strictObject({
  name: unitNameSchema,
  /** at least two characters: 南 alone would be read in 南县, 湖南, 南方… */
  aliases: z.array(unitNameSchema.refine((alias) => [...alias].length >= 2, { message: '单位简称至少两个字' })).max(20).default([]),
  group: z.enum(UNIT_GROUPS),
});

/** Points, 0–100, with at most one decimal (0.5 for a short item). */
const points = z
  .number()
  .min(0)
  .max(100)
  .refine((value) => Math.abs(value * 10 - Math.round(value * 10)) < 1e-9, { message: '分值最多保留一位小数' });

/** Points per kind of report carried: an article, a ▲ item, and on top a 编者按 and a leader's 批示. */
export const scoringSchema = z.strictObject({ article: points, item: points, editorNote: points, instruction: points });
export type Scoring = z.infer<typeof scoringSchema>;
export const DEFAULT_SCORING: Scoring = { article: 3, item: 1, editorNote: 1, instruction: 2 };

export const seriesSettingsSchema = z.strictObject({
  name: shortText.min(1, { message: '刊物名称不能为空' }),
  issuer: shortText,
  numbering: numberingSchema,
  /** e.g. "益简字": a document number then reads 益简字〔2023〕42号 */
  docNumberPrefix: z.string().trim().max(40).nullable(),
  /** the news sections the series has, in print order, e.g. ["县市区工作动态", "市直部门工作动态"] */
  sections: z.array(z.string().trim().min(1).max(100)).max(50),
  /** false where the series prints news items without ▲ */
  newsMarker: z.boolean(),
  /** false for a series that prints no 导读 (不印导读); settings stored before it existed print one */
  printLead: z.boolean().default(true),
  distribution: distributionSchema,
  layoutProfile: z.enum(LAYOUT_PROFILES),
  fontProfile: z.enum(FONT_PROFILES),
  /** adds a blank page so that the colophon lands on an even page (double-sided printing) */
  colophonOnEvenPage: z.boolean(),
  /** leaders and their titles, for the proofreading of names */
  leaders: z.array(leaderSchema).max(500),
  /** standard wordings and their common mistaken forms, for proofreading */
  phrases: z.array(phraseSchema).max(1000),
  /** the units assessed on their reports (信息采用), in the office's order; stored settings before it have none */
  units: z
    .array(unitSchema)
    .max(500)
    .default([])
    .refine((units) => new Set(units.map((unit) => unit.name)).size === units.length, { message: '单位名单中有重名的单位' })
    .refine((units) => {
      const names = new Set(units.map((unit) => unit.name));
      return units.every((unit) => unit.aliases.every((alias) => !names.has(alias)));
    }, { message: '单位简称不能与名单中某个单位的全称相同' }),
  /** points per kind of report, for the statistics */
  scoring: scoringSchema.default(() => ({ ...DEFAULT_SCORING })),
});

export type SeriesSettings = z.infer<typeof seriesSettingsSchema>;
export type Unit = SeriesSettings['units'][number];
export type LayoutProfileName = SeriesSettings['layoutProfile'];
export type FontProfileName = SeriesSettings['fontProfile'];

export function defaultSeriesSettings(name: string, issuer = '', numbering: SeriesSettings['numbering'] = 'sequential'): SeriesSettings {
  return {
    name,
    issuer,
    numbering,
    docNumberPrefix: null,
    sections: [],
    newsMarker: true,
    printLead: true,
    distribution: { report: [], send: [], issue: [] },
    layoutProfile: 'gbt9704',
    fontProfile: 'office',
    colophonOnEvenPage: false,
    leaders: [],
    phrases: [],
    units: [],
    scoring: { ...DEFAULT_SCORING },
  };
}

export function issueSeriesOf(settings: SeriesSettings): IssueSeries {
  // settings stored before printLead existed come back without it: they print a 导读
  return { name: settings.name, issuer: settings.issuer, numbering: settings.numbering, ...(settings.printLead === false ? { printLead: false as const } : {}) };
}
