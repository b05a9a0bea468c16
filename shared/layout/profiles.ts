// Every number of docs/format.md, named with its unit: the page and grid of each layout profile, the font
// names of each font profile, and the size, font and placement of each element of a bulletin. The
// docx exporter and the print view read these and hard-code none of their own.
import type { FontProfileName, LayoutProfileName } from '../model/series.ts';
import { mmToPt, ptToMm, twipsToPt } from './units.ts';

/** Chinese type sizes (字号) in points. */
export const CHINESE_FONT_SIZES_PT = {
  初号: 42,
  小初: 36,
  一号: 26,
  小一: 24,
  二号: 22,
  小二: 18,
  三号: 16,
  小三: 15,
  四号: 14,
  小四: 12,
  五号: 10.5,
  小五: 9,
} as const;
const SIZE = CHINESE_FONT_SIZES_PT;

export interface PageProfile {
  paperWidthMm: number;
  paperHeightMm: number;
  marginTopMm: number;
  marginBottomMm: number;
  marginLeftMm: number;
  marginRightMm: number;
  linesPerPage: number;
  charsPerLine: number;
  /** exact line spacing: the type area's height over the lines per page, rounded down to whole twips so 22 lines fit */
  linePitchTwips: number;
}

const A4 = { paperWidthMm: 210, paperHeightMm: 297 };
const GRID = { linesPerPage: 22, charsPerLine: 28 };

/** GB/T 9704-2012 (S; left/right P), and the alternative some offices use that measures 37 mm to the first glyph (P). */
export const PAGE_PROFILES: Record<LayoutProfileName, PageProfile> = {
  gbt9704: { ...A4, ...GRID, marginTopMm: 37, marginBottomMm: 35, marginLeftMm: 28, marginRightMm: 26, linePitchTwips: 579 },
  'first-glyph': { ...A4, ...GRID, marginTopMm: 34.6, marginBottomMm: 32.6, marginLeftMm: 28, marginRightMm: 26, linePitchTwips: 592 },
};

export const RED = 'FF0000';
export const BLACK = '000000';

/** The kinds of Chinese typeface a bulletin uses; each font profile names one family for each. */
export type FontRole = 'biaosong' | 'fangsong' | 'kaiti' | 'heiti' | 'songti';

export interface FontProfile {
  families: Record<FontRole, string>;
  /** for families that stop at GB 2312: the family that prints the GBK characters they lack */
  beyondGb2312: Partial<Record<FontRole, string>>;
  /** the family that prints characters beyond GBK (𠮷, 䶮 …): 宋体, which covers GB 18030 */
  beyondGbk: string;
}

export const FONT_PROFILES_SPEC: Record<FontProfileName, FontProfile> = {
  office: {
    families: { biaosong: '方正小标宋简体', fangsong: '仿宋_GB2312', kaiti: '楷体_GB2312', heiti: '黑体', songti: '宋体' },
    beyondGb2312: { biaosong: '宋体', fangsong: '仿宋', kaiti: '楷体' },
    beyondGbk: '宋体',
  },
  system: {
    families: { biaosong: '宋体', fangsong: '仿宋', kaiti: '楷体', heiti: '黑体', songti: '宋体' },
    beyondGb2312: {},
    beyondGbk: '宋体',
  },
};

/** Western digits and letters (P). */
export const LATIN_FONT = 'Times New Roman';

/** Other names of the same faces (Windows, macOS, Linux), tried in order by the print view after the profile's family. */
export const FONT_FALLBACKS: Record<FontRole, readonly string[]> = {
  biaosong: ['方正小标宋_GBK', 'FZXiaoBiaoSong-B05S', '宋体', 'SimSun', 'STSong', 'Noto Serif CJK SC', 'Source Han Serif SC', 'serif'],
  fangsong: ['仿宋', 'FangSong', 'STFangsong', 'Noto Serif CJK SC', 'Source Han Serif SC', 'serif'],
  kaiti: ['楷体', 'KaiTi', 'STKaiti', 'AR PL UKai CN', 'Noto Serif CJK SC', 'serif'],
  heiti: ['黑体', 'SimHei', 'STHeiti', 'Noto Sans CJK SC', 'Source Han Sans SC', 'sans-serif'],
  songti: ['宋体', 'SimSun', 'SimSun-ExtB', 'STSong', 'Noto Serif CJK SC', 'Source Han Serif SC', 'serif'],
};
export const LATIN_FONT_FALLBACKS: readonly string[] = ['Times New Roman', 'TimesNewRomanPSMT', 'Liberation Serif', 'Tinos', 'DejaVu Serif'];

/** Sizes and placements of the elements of a bulletin (S = GB/T 9704-2012, P = office practice). */
export const ELEMENTS = {
  /** 3号 text needs −0.25 pt (−5 twips) per character so that 28 fit a line (P) */
  body: { sizePt: SIZE.三号, characterSpacingTwips: -5, firstLineIndentChars: 2 },
  /** series name: red, the largest of these sizes that fits one line, else smaller down to minSizePt, then condensed
   * down to minScalePercent, then wrapped; each line takes gridLines lines of the grid (P) */
  masthead: { preferredSizesPt: [SIZE.初号, SIZE.小初], minSizePt: SIZE.一号, minScalePercent: 50, gridLines: 2, color: RED },
  /** issuer flush left and date flush right on one line: the first of these sizes leaving a gap of gapChars (P) */
  issuerLine: { sizesPt: [SIZE.三号, SIZE.小三, SIZE.四号], gapChars: 1 },
  /** red rule under the issuer line, as wide as the type area (S position, P thickness) */
  redRule: { color: RED, widthPt: 1.5, gapBelowIssuerLineMm: 4 },
  title: { sizePt: SIZE.二号, blankLinesBefore: 1 },
  newsSection: { blankLinesBefore: 1 },
  /** 4号 半角 宋体, the dashes' line 7 mm under the type area, one character in from the outer side (S) */
  pageNumber: { sizePt: SIZE.四号, gapBelowTypeAreaMm: 7, sideIndentChars: 1 },
  /** 报尾: 4号, one character of indent each side, between rules as wide as the type area (S mechanics, P content) */
  colophon: { sizePt: SIZE.四号, linePitchPt: 22, sideIndentChars: 1, outerRuleMm: 0.35, innerRuleMm: 0.25, minGapLines: 1, anchorParagraphPt: 1 },
  /** a year's volume (汇编): the series' name on the cover in the largest size that fits a line, 汇编 under it; the
   * contents' page numbers and dot leaders in the last cells of a line, articles' titles indented under their issue (P) */
  volume: { coverNameSizesPt: [SIZE.初号, SIZE.小初, SIZE.一号], coverWordSizePt: SIZE.初号, contentsNumberCells: 3, contentsTitleIndentChars: 2, leaderDotPt: 1.5 },
  /** a table in an article: 仿宋 4号 cells on lines of their own pitch, each row as tall as whole lines of the grid,
   * padded each side by cellPaddingChars, with thin rules; a column never narrower than minColumnChars (P) */
  table: { sizePt: SIZE.四号, cellLinePitchPt: 20, cellPaddingPt: 4, verticalPaddingPt: 4, ruleWidthPt: 0.5, minColumnChars: 2 },
  /** a photo: centred at its share of the type area, its caption under it in 楷体 (P); a photo taller than a page is
   * scaled down to leave its caption room on the page; photos are stored at printDpi at the largest size they can print */
  figure: { captionSizePt: SIZE.三号, maxHeightShare: 0.8, printDpi: 300 },
  /** Word wants a header distance even without a header */
  header: { distanceMm: 15 },
  /** the print view's boxes that fill whole pages stop this much short, so rounding never spills them onto one more */
  fullPage: { slackMm: 0.5 },
} as const;

export type ParagraphStyleName =
  | 'masthead'
  | 'issueNumber'
  | 'docNumber'
  | 'issuerLine'
  | 'leadHeading'
  | 'leadItem'
  | 'blank'
  | 'title'
  | 'subtitle'
  | 'body'
  | 'heading1'
  | 'heading2'
  | 'heading3'
  | 'heading4'
  | 'sectionHeading'
  | 'newsItem'
  | 'newsHead'
  | 'tableTitle'
  | 'tableCell'
  | 'figureCaption'
  | 'colophon'
  | 'pageNumber';

export interface ParagraphStyleSpec {
  /** the style's name in Word's style list */
  label: string;
  font: FontRole;
  sizePt: number;
  bold: boolean;
  color: string;
  align: 'left' | 'center' | 'right' | 'justify';
  firstLineIndentChars: number;
  /** keep on the page of the paragraph after it */
  keepWithNext: boolean;
  /** grid lines one line of this style takes; null where the style has a pitch of its own */
  gridLines: number | null;
}

const style = (label: string, font: FontRole, sizePt: number, rest: Partial<ParagraphStyleSpec> = {}): ParagraphStyleSpec => ({
  label,
  font,
  sizePt,
  bold: false,
  color: BLACK,
  align: 'left',
  firstLineIndentChars: 0,
  keepWithNext: false,
  gridLines: 1,
  ...rest,
});
const indented = { align: 'justify', firstLineIndentChars: ELEMENTS.body.firstLineIndentChars } as const;

export const PARAGRAPH_STYLES: Record<ParagraphStyleName, ParagraphStyleSpec> = {
  masthead: style('简报报头', 'biaosong', SIZE.小初, { color: RED, align: 'center', gridLines: ELEMENTS.masthead.gridLines, keepWithNext: true }),
  issueNumber: style('简报期号', 'fangsong', SIZE.三号, { align: 'center', keepWithNext: true }),
  docNumber: style('简报文号', 'fangsong', SIZE.三号, { align: 'center', keepWithNext: true }),
  issuerLine: style('编印单位和日期', 'fangsong', SIZE.三号),
  leadHeading: style('导读标题', 'heiti', SIZE.三号, { keepWithNext: true }),
  leadItem: style('导读条目', 'fangsong', SIZE.三号, indented),
  blank: style('空行', 'fangsong', SIZE.三号, { keepWithNext: true }),
  title: style('文章标题', 'biaosong', ELEMENTS.title.sizePt, { align: 'center', keepWithNext: true }),
  subtitle: style('文章副标题', 'kaiti', SIZE.三号, { align: 'center', keepWithNext: true }),
  body: style('简报正文', 'fangsong', ELEMENTS.body.sizePt, indented),
  heading1: style('一级标题', 'heiti', SIZE.三号, { ...indented, keepWithNext: true }),
  heading2: style('二级标题', 'kaiti', SIZE.三号, { ...indented, keepWithNext: true }),
  heading3: style('三级标题', 'fangsong', SIZE.三号, { ...indented, keepWithNext: true }),
  heading4: style('四级标题', 'fangsong', SIZE.三号, { ...indented, keepWithNext: true }),
  sectionHeading: style('栏目标题', 'heiti', SIZE.三号, { keepWithNext: true }),
  newsItem: style('动态条目', 'fangsong', SIZE.三号, indented),
  newsHead: style('动态标题', 'fangsong', SIZE.三号, { ...indented, bold: true, keepWithNext: true }),
  tableTitle: style('表格标题', 'heiti', SIZE.三号, { align: 'center', keepWithNext: true }),
  tableCell: style('表格文字', 'fangsong', ELEMENTS.table.sizePt, { gridLines: null }),
  figureCaption: style('图注', 'kaiti', ELEMENTS.figure.captionSizePt, { align: 'center' }),
  colophon: style('版记', 'fangsong', ELEMENTS.colophon.sizePt, { gridLines: null }),
  pageNumber: style('页码', 'songti', ELEMENTS.pageNumber.sizePt, { gridLines: null }),
};

/** The line height of a style with a pitch of its own (gridLines null), in points. */
export function ownLinePitchPt(style: ParagraphStyleName): number {
  if (style === 'colophon') return ELEMENTS.colophon.linePitchPt;
  if (style === 'tableCell') return ELEMENTS.table.cellLinePitchPt;
  return PARAGRAPH_STYLES[style].sizePt;
}

/** The character spacing of a run: only 三号 text is pulled in to fit 28 a line. */
export function characterSpacingTwipsFor(sizePt: number): number {
  return sizePt === ELEMENTS.body.sizePt ? ELEMENTS.body.characterSpacingTwips : 0;
}

/** A page profile with the lengths the outputs derive from it. */
export interface PageGeometry extends PageProfile {
  typeAreaWidthMm: number;
  typeAreaHeightMm: number;
  typeAreaWidthPt: number;
  linePitchPt: number;
  /** width of one character of 三号 body text, the unit of indents */
  bodyCharPt: number;
}

export function pageGeometry(profile: LayoutProfileName): PageGeometry {
  const page = PAGE_PROFILES[profile];
  const typeAreaWidthMm = page.paperWidthMm - page.marginLeftMm - page.marginRightMm;
  return {
    ...page,
    typeAreaWidthMm,
    typeAreaHeightMm: page.paperHeightMm - page.marginTopMm - page.marginBottomMm,
    typeAreaWidthPt: mmToPt(typeAreaWidthMm),
    linePitchPt: twipsToPt(page.linePitchTwips),
    bodyCharPt: ELEMENTS.body.sizePt,
  };
}

/** Where the page number's line sits: its middle gapBelowTypeAreaMm under the type area; the line is as tall as its text. */
export function pageNumberPlacement(page: PageGeometry): { lineHeightPt: number; gapAboveLineMm: number; footerDistanceMm: number } {
  const { sizePt, gapBelowTypeAreaMm } = ELEMENTS.pageNumber;
  const halfLineMm = ptToMm(sizePt / 2);
  return { lineHeightPt: sizePt, gapAboveLineMm: gapBelowTypeAreaMm - halfLineMm, footerDistanceMm: page.marginBottomMm - gapBelowTypeAreaMm - halfLineMm };
}

/**
 * The red rule under the issuer line: the space between the line's box and the rule (whole points, as Word
 * stores it), counting the half of the exact line's leading that is already under the text; and the space
 * after the rule that makes line, gap and rule take whole lines of the grid.
 */
export function redRulePlacement(page: PageGeometry, sizePt: number): { spacePt: number; afterPt: number } {
  const { widthPt, gapBelowIssuerLineMm } = ELEMENTS.redRule;
  const halfLeadingPt = (page.linePitchPt - sizePt) / 2;
  const spacePt = Math.max(0, Math.round(mmToPt(gapBelowIssuerLineMm) - halfLeadingPt));
  return { spacePt, afterPt: page.linePitchPt - spacePt - widthPt };
}
