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

/** The characters a double-byte GB encoding maps, read from the platform's GBK decoder in one call (pairs kept apart by \n). */
function decodedCodePoints(leads: [number, number], trails: [number, number], skip: (lead: number, trail: number) => boolean): Set<number> {
  const bytes: number[] = [];
  for (let lead = leads[0]; lead <= leads[1]; lead++) {
    for (let trail = trails[0]; trail <= trails[1]; trail++) if (!skip(lead, trail)) bytes.push(lead, trail, 0x0a);
  }
  const set = new Set<number>();
  for (const char of new TextDecoder('gbk').decode(new Uint8Array(bytes)).split('\n')) {
    const codePoint = char.codePointAt(0);
    if (codePoint === undefined || [...char].length !== 1 || codePoint === 0xfffd) continue;
    if (!(codePoint >= PRIVATE_USE.first && codePoint <= PRIVATE_USE.last)) set.add(codePoint);
  }
  return set;
}

let gb2312: Set<number> | null = null;
let gbk: Set<number> | null = null;

/** GB 2312 is GBK's rows A1–F7 and columns A1–FE, less the user-defined rows AA–AF. */
export function isInGb2312(char: string): boolean {
  gb2312 ??= decodedCodePoints([0xa1, 0xf7], [0xa1, 0xfe], (lead) => lead >= 0xaa && lead <= 0xaf);
  return gb2312.has(char.codePointAt(0)!);
}

/** GBK: ASCII and the double-byte codes 81–FE × 40–FE (not 7F). */
export function isInGbk(char: string): boolean {
  gbk ??= decodedCodePoints([0x81, 0xfe], [0x40, 0xfe], (_lead, trail) => trail === 0x7f);
  const codePoint = char.codePointAt(0)!;
  return codePoint < 0x80 || gbk.has(codePoint);
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
