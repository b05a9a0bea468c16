// Which font prints each character: Western letters and digits in the Latin font, Chinese text and its
// punctuation (curly quotes, dashes, ellipses included) in the role's Chinese family, and characters a
// GB 2312 family lacks in the profile's fuller family. The docx runs and the print view's CSS both follow it.
import { FONT_FALLBACKS, FONT_PROFILES_SPEC, LATIN_FONT, type FontRole } from './profiles.ts';
import type { FontProfileName } from '../model/series.ts';

/** Printable ASCII: the only characters set in the Latin font. */
export const LATIN_CODE_POINTS = { first: 0x20, last: 0x7e } as const;

export type FontClass = 'latin' | 'chinese' | 'beyondGb2312';

export interface FontSegment {
  text: string;
  fontClass: FontClass;
}

let gb2312: Set<number> | null = null;

/** The characters of GB 2312, read from the platform's GBK decoder (GB 2312 is its rows A1–F7). */
function gb2312CodePoints(): Set<number> {
  if (gb2312) return gb2312;
  const decoder = new TextDecoder('gbk');
  const set = new Set<number>();
  for (let row = 0xa1; row <= 0xf7; row++) {
    if (row >= 0xaa && row <= 0xaf) continue; // user-defined rows
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const char = decoder.decode(new Uint8Array([row, cell]));
      const codePoint = char.codePointAt(0)!;
      if ([...char].length === 1 && codePoint !== 0xfffd && !(codePoint >= 0xe000 && codePoint <= 0xf8ff)) set.add(codePoint);
    }
  }
  gb2312 = set;
  return set;
}

export function isInGb2312(char: string): boolean {
  return gb2312CodePoints().has(char.codePointAt(0)!);
}

export function isLatinChar(char: string): boolean {
  const codePoint = char.codePointAt(0)!;
  return codePoint >= LATIN_CODE_POINTS.first && codePoint <= LATIN_CODE_POINTS.last;
}

export function fontClassOf(char: string, role: FontRole, profile: FontProfileName): FontClass {
  if (isLatinChar(char)) return 'latin';
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
  if (fontClass === 'beyondGb2312') return FONT_PROFILES_SPEC[profile].beyondGb2312[role] ?? familyOf(role, profile);
  return familyOf(role, profile);
}

/** Every family name a profile uses, for the check that they are installed. */
export function familiesOfProfile(profile: FontProfileName): string[] {
  const spec = FONT_PROFILES_SPEC[profile];
  return [...new Set([...Object.values(spec.families), ...Object.values(spec.beyondGb2312), LATIN_FONT])];
}

/** The Chinese families a role falls back through, first the profile's own, without duplicates. */
export function chineseFallbackChain(role: FontRole, profile: FontProfileName): string[] {
  const spec = FONT_PROFILES_SPEC[profile];
  const chain = [spec.families[role], spec.beyondGb2312[role], ...FONT_FALLBACKS[role]].filter((name): name is string => Boolean(name));
  return [...new Set(chain)];
}
