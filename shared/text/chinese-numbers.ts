// Numbers as Chinese text writes them: Arabic (1,520 / 2.3 / １２), Chinese (十二, 一百零五, 两千,
// 三十八点二), years digit by digit (二〇二三), and 万/亿 after either (3.5万, 1,200余万 is the caller's).
import Nzh from 'nzh';

const DIGIT = '[一二两三四五六七八九]';
/** one section below 万: 三千零五十, 一百零五, 十二, 二十, 七 */
const SECTION = `(?:${DIGIT}千(?:零?${DIGIT}百)?(?:零?${DIGIT}?十)?(?:零?${DIGIT})?|${DIGIT}百(?:零?${DIGIT}?十)?(?:零?${DIGIT})?|${DIGIT}?十${DIGIT}?|${DIGIT})`;
/** a Chinese numeral read by place: sections joined by 万 and 亿, an optional decimal part after 点 */
const PLACED = new RegExp(`^(?:${SECTION}亿)?(?:零?${SECTION}万)?(?:零?${SECTION})?(?:点[〇零一二三四五六七八九]+)?$`);
const DIGIT_BY_DIGIT = /^[〇零○Ｏ一二三四五六七八九]+$/;
const DIGIT_VALUES: Record<string, string> = { 〇: '0', 零: '0', '○': '0', Ｏ: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
const ARABIC = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const MULTIPLIERS: Record<string, number> = { 万: 1e4, 亿: 1e8, 万亿: 1e12 };

/** The characters a Chinese numeral is written with, for a regular expression's character class. */
export const CHINESE_NUMERAL_CHARS = '〇零○一二两三四五六七八九十百千万亿点';

/** Full-width digits, point and comma as ASCII, one character for one, so offsets stay as they were. */
export function withAsciiDigits(text: string): string {
  return text.replace(/[０-９．]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

/** 二〇二三 → 2023: a numeral written digit by digit (years, numbers read out), or null. */
export function readDigitByDigit(text: string): number | null {
  if (!DIGIT_BY_DIGIT.test(text)) return null;
  return Number([...text].map((char) => DIGIT_VALUES[char]).join(''));
}

function readPlaced(text: string): number | null {
  if (text === '' || !PLACED.test(text)) return null;
  const value = Number(Nzh.cn.decodeS(text.replace(/两/g, '二')));
  return Number.isFinite(value) ? value : null;
}

/**
 * The value of a number as written: `27`, `1,520`, `2.3`, `１２`, `十二`, `一百零五`, `两千`, `三万五千`,
 * `3.5万`, `三十八点二`; null for anything else, a lone 〇 or a numeral written digit by digit included
 * (use readDigitByDigit for those).
 */
export function readNumber(written: string): number | null {
  const text = withAsciiDigits(written.trim());
  const multiplier = /(万亿|万|亿)$/.exec(text);
  const body = multiplier && /\d$/.test(text.slice(0, multiplier.index)) ? text.slice(0, multiplier.index) : text;
  if (ARABIC.test(body)) return Number(body.replace(/,/g, '')) * (body === text ? 1 : MULTIPLIERS[multiplier![1]!]!);
  return readPlaced(text);
}

/** How many digits a number as written gives after its decimal point (`38.2` → 1, `三十八点二五` → 2, `27` → 0). */
export function decimalsOf(written: string): number {
  const point = /[.．点]([0-9０-９〇零一二三四五六七八九]+)/.exec(written);
  return point ? point[1]!.length : 0;
}
