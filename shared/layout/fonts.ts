// Which font prints each character: Western letters and digits in the Latin font, Chinese text and its
// punctuation (curly quotes, dashes, ellipses included) in the role's Chinese family, characters a GB 2312
// family lacks in the profile's fuller family, and characters beyond GBK (𠮷, 䶮 …) in 宋体, whose office
// versions cover GB 18030. The docx runs and the print view both follow it.
import { FONT_FALLBACKS, FONT_PROFILES_SPEC, LATIN_FONT, type FontRole } from './profiles.ts';
import type { FontProfileName } from '../model/series.ts';

/** Printable ASCII: the only characters set in the Latin font. */
export const LATIN_CODE_POINTS = { first: 0x20, last: 0x7e } as const;

export type FontClass = 'latin' | 'chinese' | 'beyondGb2312' | 'beyondGbk';

export interface FontSegment {
  text: string;
  fontClass: FontClass;
}

const PRIVATE_USE = { first: 0xe000, last: 0xf8ff };

/**
 * The characters a double-byte GB encoding maps, as a table over the BMP (1: mapped), read from the
 * platform's GBK decoder in one call. Each pair is followed by \n, so a pair the decoder refuses (U+FFFD,
 * then its trail byte again when that is ASCII) is a run of more than one code unit and is left out. Built
 * once, at the first character asked about: it takes a few milliseconds, paid by every export.
 */
function decodedCodePoints(leads: [number, number], trails: [number, number], skip: (lead: number, trail: number) => boolean): Uint8Array {
  const bytes = new Uint8Array((leads[1] - leads[0] + 1) * (trails[1] - trails[0] + 1) * 3);
  let length = 0;
  for (let lead = leads[0]; lead <= leads[1]; lead++) {
    for (let trail = trails[0]; trail <= trails[1]; trail++) {
      if (skip(lead, trail)) continue;
      bytes[length++] = lead;
      bytes[length++] = trail;
      bytes[length++] = 0x0a;
    }
  }
  const text = new TextDecoder('gbk').decode(bytes.subarray(0, length));
  const mapped = new Uint8Array(0x10000);
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) !== 0x0a) continue;
    const unit = text.charCodeAt(start);
    const isSurrogate = unit >= 0xd800 && unit <= 0xdfff;
    if (index - start === 1 && unit !== 0xfffd && !isSurrogate && !(unit >= PRIVATE_USE.first && unit <= PRIVATE_USE.last)) mapped[unit] = 1;
    start = index + 1;
  }
  return mapped;
}

let gb2312: Uint8Array | null = null;
let gbk: Uint8Array | null = null;

/** GB 2312 is GBK's rows A1–F7 and columns A1–FE, less the user-defined rows AA–AF. */
export function isInGb2312(char: string): boolean {
  gb2312 ??= decodedCodePoints([0xa1, 0xf7], [0xa1, 0xfe], (lead) => lead >= 0xaa && lead <= 0xaf);
  const codePoint = char.codePointAt(0)!;
  return codePoint < 0x10000 && gb2312[codePoint] === 1;
}

/** GBK: ASCII and the double-byte codes 81–FE × 40–FE (not 7F). */
export function isInGbk(char: string): boolean {
  const codePoint = char.codePointAt(0)!;
  if (codePoint < 0x80) return true;
  gbk ??= decodedCodePoints([0x81, 0xfe], [0x40, 0xfe], (_lead, trail) => trail === 0x7f);
  return codePoint < 0x10000 && gbk[codePoint] === 1;
}

export function isLatinChar(char: string): boolean {
  const codePoint = char.codePointAt(0)!;
  return codePoint >= LATIN_CODE_POINTS.first && codePoint <= LATIN_CODE_POINTS.last;
}

export function fontClassOf(char: string, role: FontRole, profile: FontProfileName): FontClass {
  if (isLatinChar(char)) return 'latin';
  if (!isInGbk(char)) return 'beyondGbk';
  if (FONT_PROFILES_SPEC[profile].beyondGb2312[role] && !isInGb2312(char)) return 'beyondGb2312';
  return 'chinese';
}

/** Splits text where the font changes. */
export function segmentByFont(text: string, role: FontRole, profile: FontProfileName): FontSegment[] {
  const segments: FontSegment[] = [];
  for (const char of text) {
    const fontClass = fontClassOf(char, role, profile);
    const last = segments.at(-1);
    if (last && last.fontClass === fontClass) last.text += char;
    else segments.push({ text: char, fontClass });
  }
  return segments;
}

/** The Chinese family of a role in a profile. */
export function familyOf(role: FontRole, profile: FontProfileName): string {
  return FONT_PROFILES_SPEC[profile].families[role];
}

/** The family that prints a segment of the given class. */
export function familyForClass(fontClass: FontClass, role: FontRole, profile: FontProfileName): string {
  if (fontClass === 'latin') return LATIN_FONT;
  if (fontClass === 'beyondGbk') return FONT_PROFILES_SPEC[profile].beyondGbk;
  if (fontClass === 'beyondGb2312') return FONT_PROFILES_SPEC[profile].beyondGb2312[role] ?? familyOf(role, profile);
  return familyOf(role, profile);
}

/** Every family name a profile uses, for the check that they are installed. */
export function familiesOfProfile(profile: FontProfileName): string[] {
  const spec = FONT_PROFILES_SPEC[profile];
  return [...new Set([...Object.values(spec.families), ...Object.values(spec.beyondGb2312), spec.beyondGbk, LATIN_FONT])];
}

/** The Chinese families a role falls back through, first the profile's own, without duplicates. */
export function chineseFallbackChain(role: FontRole, profile: FontProfileName): string[] {
  const spec = FONT_PROFILES_SPEC[profile];
  const chain = [spec.families[role], spec.beyondGb2312[role], ...FONT_FALLBACKS[role]].filter((name): name is string => Boolean(name));
  return [...new Set(chain)];
}

/** The families a segment of the given class falls back through (the print view sets rare characters apart in them). */
export function fallbackChainForClass(fontClass: Exclude<FontClass, 'latin'>, role: FontRole, profile: FontProfileName): string[] {
  if (fontClass === 'chinese') return chineseFallbackChain(role, profile);
  const family = familyForClass(fontClass, role, profile);
  return [...new Set([family, ...FONT_FALLBACKS[fontClass === 'beyondGbk' ? 'songti' : role]])];
}
