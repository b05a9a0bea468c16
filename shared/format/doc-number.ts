// Document numbers (发文字号), read and printed in one place. The rule: print exactly what the clerk wrote
// (trimmed); proofreading reads the same parts and offers the standard form (益简字〔2023〕42号: year in
// 六角括号, no leading zeros, no 第) as a fix. Nothing rewrites a number silently.
export interface Part {
  start: number;
  end: number;
  text: string;
}

export type DocNumberPartName = 'lead' | 'prefix' | 'gap1' | 'open' | 'gap2' | 'year' | 'gap3' | 'close' | 'gap4' | 'di' | 'gap5' | 'zeros' | 'serial' | 'gap6' | 'hao' | 'trail';

const LENIENT =
  /^(?<lead>\s*)(?<prefix>.*?)(?<gap1>\s*)(?<open>[〔【\[［（(〈<｛{]?)(?<gap2>\s*)(?<year>\d{4})(?<gap3>\s*)(?<close>[〕】\]］）)〉>｝}]?)(?<gap4>\s*)(?<di>第?)(?<gap5>\s*)(?<zeros>0*)(?<serial>[1-9]\d*|0)(?<gap6>\s*)(?<hao>号?)(?<trail>\s*)$/d;

/** The parts of a document number with their positions, or null when the text has no year of four digits followed by a serial number. */
export function docNumberParts(text: string): Record<DocNumberPartName, Part> | null {
  const match = LENIENT.exec(text);
  if (!match?.indices?.groups || !match.groups) return null;
  const parts = {} as Record<DocNumberPartName, Part>;
  for (const [name, range] of Object.entries(match.indices.groups)) {
    const [start, end] = range ?? [0, 0];
    parts[name as DocNumberPartName] = { start, end, text: match.groups[name] ?? '' };
  }
  return parts;
}

export interface DocNumber {
  prefix: string;
  year: number;
  serial: number;
}

/** Reads a document number written any common way (益简字【2022】第042号); null when the text is none. */
export function parseDocNumber(text: string): DocNumber | null {
  const parts = docNumberParts(text);
  if (!parts || !parts.prefix.text.trim()) return null;
  return { prefix: parts.prefix.text.trim(), year: Number(parts.year.text), serial: Number(parts.serial.text) };
}

/** "益简字", 2023, 42 → "益简字〔2023〕42号": year in 六角括号, no leading zeros, no 第. */
export function formatDocNumber(prefix: string, year: number, serial: number): string {
  return `${prefix.trim()}〔${year}〕${Math.trunc(serial)}号`;
}

/** The standard form of what the clerk wrote, or null when it is no document number. */
export function standardDocNumber(text: string): string | null {
  const parsed = parseDocNumber(text);
  return parsed ? formatDocNumber(parsed.prefix, parsed.year, parsed.serial) : null;
}

/** What prints: the clerk's text as written (proofreading flags a non-standard form and offers standardDocNumber). */
export function printedDocNumber(text: string): string {
  return text.trim();
}
