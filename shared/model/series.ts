// Settings of a bulletin series (刊物): what every new issue of it starts from.
import { z } from 'zod';
import { ISSUE_LIMITS } from './limits.ts';
import { distributionSchema, numberingSchema, type IssueSeries } from './issue.ts';

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
});

export type SeriesSettings = z.infer<typeof seriesSettingsSchema>;
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
  };
}

export function issueSeriesOf(settings: SeriesSettings): IssueSeries {
  // settings stored before printLead existed come back without it: they print a 导读
  return { name: settings.name, issuer: settings.issuer, numbering: settings.numbering, ...(settings.printLead === false ? { printLead: false as const } : {}) };
}
