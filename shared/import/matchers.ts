// The patterns the bulletin reader recognizes, as printed by real offices: full- and half-width
// punctuation, Arabic and Chinese numerals, marks of 导读 entries, sections and news items.
import Nzh from 'nzh';
import { DOC_NUMBER_PATTERN } from '../format/chinese.ts';
import { isRealDate } from '../model/issue-format.ts';
import { HALF_WIDTH_PERIOD, visibleLength } from '../text/lines.ts';

export const squeeze = (text: string) => text.replace(/\s+/g, '');

const HALF_TO_FULL: Record<string, string> = { ':': '：', ',': '，', ';': '；', '(': '（', ')': '）', '[': '【', ']': '】', '［': '【', '］': '】', '〔': '【', '〕': '】', '!': '！', '?': '？' };

const SAME_AS: Record<string, string> = { ...HALF_TO_FULL, '"': '“', '”': '“', '「': '“', '」': '“', "'": '‘', '’': '‘', '『': '‘', '』': '‘' };
const DASHES = new Set(['—', '－', '-', '–', '―', '~', '～']);

/** One character as comparable() reads it ('' for white space, every dash as —). */
export function comparableChar(char: string): string {
  const code = char.charCodeAt(0);
  // Han characters, the bulk of any bulletin, stand for themselves
  if (code >= 0x3400 && code <= 0x9fff) return char;
  if (code <= 0x20 || code === 0xa0 || code === 0x3000 || code === 0xfeff || (code >= 0x2000 && code <= 0x200b) || code === 0x2028 || code === 0x2029) return '';
  if (DASHES.has(char)) return '—';
  return SAME_AS[char] ?? char;
}

/** Text for comparing: no white space, half-width marks as full-width, quotes of one kind, a run of dashes as one. */
export function comparable(text: string): string {
  const out: string[] = [];
  let afterDash = false;
  for (const char of text) {
    const mapped = comparableChar(char);
    if (mapped === '—' && afterDash) continue;
    if (mapped !== '') afterDash = mapped === '—';
    out.push(mapped);
  }
  return out.join('');
}

const CHINESE_DIGITS: Record<string, number> = { 〇: 0, 零: 0, Ｏ: 0, O: 0, o: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
export const CHINESE_NUMERAL = '[〇零一二两三四五六七八九十百千]';

/** `13`, `１３`, `十三`, `一百零五`, `二〇二三` (a year, digit by digit) → the number, or null. */
export function numberOf(text: string): number | null {
  const value = text.replace(/\s+/g, '').replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(value)) return Number(value);
  if (/^[〇零Ｏ一二三四五六七八九]{4}$/.test(value)) return Number([...value].map((char) => CHINESE_DIGITS[char]).join(''));
  if (!new RegExp(`^${CHINESE_NUMERAL}+$`).test(value)) return null;
  const decoded = Number(Nzh.cn.decodeS(value.replace(/两/g, '二')));
  return Number.isInteger(decoded) && decoded > 0 ? decoded : null;
}

const NUMERAL = `(?:\\d{1,6}|[０-９]{1,6}|${CHINESE_NUMERAL}{1,8})`;
const YEAR = `(?:\\d{4}|[０-９]{4}|[〇零Ｏ一二三四五六七八九]{4})`;
const MONTH_DAY = `(?:\\d{1,2}|[０-９]{1,2}|[〇一二三四五六七八九十]{1,3})`;

/** `2023年7月12日`, `二〇二三年七月十二日`, `2023 年 7 月 12 日`, `2023-07-12`, `2023.7.12` */
export const DATE_SOURCE = `(?:${YEAR}\\s*年\\s*${MONTH_DAY}\\s*月\\s*${MONTH_DAY}\\s*日|\\d{4}\\s*[-./]\\s*\\d{1,2}\\s*[-./]\\s*\\d{1,2}(?![\\d.]))`;
const DATE_PARTS = new RegExp(`(${YEAR})\\s*年\\s*(${MONTH_DAY})\\s*月\\s*(${MONTH_DAY})\\s*日|(\\d{4})\\s*[-./]\\s*(\\d{1,2})\\s*[-./]\\s*(\\d{1,2})`);

/** The ISO date a Chinese or numeric date stands for, or null when it is none or does not exist. */
export function isoDateOf(text: string): string | null {
  const match = DATE_PARTS.exec(text);
  if (!match) return null;
  const [year, month, day] = (match[1] ? [match[1], match[2]!, match[3]!] : [match[4]!, match[5]!, match[6]!]).map(numberOf);
  if (year === null || month === null || day === null || year === undefined || month === undefined || day === undefined) return null;
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isRealDate(iso) && year >= 1949 && year <= 2200 ? iso : null;
}

/** 第13期, 第 13 期, 第十三期, 2023年第5期, with or without 总第N期 after it. */
export const ISSUE_NUMBER = new RegExp(
  `(?:(${YEAR})\\s*年\\s*(?:度\\s*)?)?第\\s*(${NUMERAL})\\s*期(?:\\s*[（(【［\\[]?\\s*总\\s*第?\\s*(${NUMERAL})\\s*期\\s*[）)】］\\]]?)?`,
);
/** 总第12期 standing alone, in brackets or not */
export const TOTAL_NUMBER = new RegExp(`^[（(【［\\[]?\\s*总\\s*第?\\s*(${NUMERAL})\\s*期\\s*[）)】］\\]]?$`);

export const LEAD_HEADING = /^[【\[［〔(（]?\s*(?:本期)?(?:导\s*读|要\s*目|目\s*录|本期要目|本期目录)\s*[】\]］〕)）]?[：:]?$/;
/** marks that open a 导读 entry */
export const LEAD_MARK = /^(?:[-*•·]\s*)?(?:[★☆◎◇◆●○■□]\s*|\d{1,2}\s*[.．、](?!\d)\s*|[一二三四五六七八九十]{1,3}\s*、\s*)/;
export const STAR_MARK = /^(?:[-*•·]\s*)?[★☆]\s*/;

/** 【县市区工作动态】, [县市区工作动态], ●县市区工作动态, ◆…, ■…; 一、… only when other signs agree */
export const BRACKETED_HEADING = /^[【［\[〖]\s*(.+?)\s*[】］\]〗]$/;
/** ●乡村振兴: a heading is a title, with no sentence in it (●河西区：开展…。 is an item) */
export const SYMBOL_HEADING = /^[●◆■◎]\s*([^。！？；：:]{2,30})$/;
export const NUMBERED_HEADING = /^([一二三四五六七八九十]{1,3})\s*[、.．]\s*(.{2,30})$/;

/** news items: ▲ (or △), and in some series ● or a number */
export const ITEM_MARK = /^[▲△]\s*/;
export const SOFT_ITEM_MARK = /^(?:[●◆■]|\d{1,2}\s*[.．、](?!\d))\s*/;

export const COLOPHON_FIELD = /^(报送|抄报|抄送|分送|主送|报|送|发|印送)\s*[：:]\s*/;
export const PRINTED_LINE = new RegExp(`^(.*?)\\s*(${DATE_SOURCE})\\s*印\\s*发\\s*$`);
export const COPIES_LINE = /^[（(【\[]?\s*共\s*印\s*(\d+)\s*份\s*[）)】\]]?$/;
export const EDITORIAL_LINE = /^(?:责任编辑|编辑|审核|审签|签发|校对|核稿|联系电话|电话|联系人|投稿邮箱|邮箱)\s*[：:]/;
export const MASTHEAD_EXTRAS = /^(?:内部资料|注意保存|内部刊物|内部资料[，,、\s]*注意保存|内部资料[，,、\s]*妥善保存|秘密|机密|绝密|秘密★\S*|机密★\S*|★?秘密|(?:内部|内部资料)?(?:供|仅供)领导参阅|仅供参考|特急|加急)$/;

export function isDocNumber(line: string): boolean {
  return DOC_NUMBER_PATTERN.test(line.trim()) && visibleLength(line) <= 30;
}

export const TITLE_MAX = 40;

/** Short and not ending like a clause: a title, a subtitle or a headline rather than prose. */
export function titleLike(text: string): boolean {
  return visibleLength(text) <= TITLE_MAX && visibleLength(text) > 0 && !/[。；，、：:,;]$/.test(text.trim()) && !HALF_WIDTH_PERIOD.test(text.trim()) && !/^\*\*/.test(text);
}

/** Series names end in these (工作简报, 督察专报, 工作动态, 政务信息, 信访快报…). */
export const SERIES_NAME_END = /(?:简报|专报|动态|信息|快报|通讯|要情|情况|通报|摘报|参阅|快讯|周报|月报|旬报|日报|专刊|特刊|增刊|汇报|简讯|资料|参考|调研|工作|之窗|舆情)$/;

/** The start of a news item's text: a date or a time word, when a head was run into it without a mark. */
export const TEXT_OPENING = /(?:\d{1,2}月(?:\d{1,2}(?:日|[至到—\-－～~]\d)|上旬|中旬|下旬|初|底|份?以来)|近日|日前|近期|今年以来|年初以来|\d{4}年(?:以来|\d{1,2}月)|为(?:深入|进一步|切实|全面|认真|扎实)|截至)/;
