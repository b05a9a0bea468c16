// Character classes the rules share: Han characters, Chinese punctuation, and reading whole code points.
const HAN = /^\p{Script=Han}$/u;

const CHINESE_PUNCTUATION = '，。、；：？！“”‘’（）《》【】〔〕「」『』〈〉…—·';

export function isHan(char: string | undefined): boolean {
  return char !== undefined && HAN.test(char);
}

/** A Han character or a full-width Chinese mark: what makes a neighbouring half-width mark "inside Chinese text". */
export function isChineseContext(char: string | undefined): boolean {
  return char !== undefined && (HAN.test(char) || CHINESE_PUNCTUATION.includes(char));
}

export function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

export function isLatin(char: string | undefined): boolean {
  return char !== undefined && /^[A-Za-z]$/.test(char);
}

/** The whole character (code point) that ends just before `index`, or undefined at the start. */
export function charBefore(text: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  const low = text.charCodeAt(index - 1);
  if (index >= 2 && low >= 0xdc00 && low <= 0xdfff) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(index - 2, index);
  }
  return text[index - 1];
}

/** The whole character (code point) that starts at `index`, or undefined at the end. */
export function charFrom(text: string, index: number): string | undefined {
  const point = text.codePointAt(index);
  return point === undefined ? undefined : String.fromCodePoint(point);
}
