// Reads a document number written any common way (益简字【2022】第042号) into its parts with their
// positions, so that the rules can point at the exact part that is wrong.
export interface Part {
  start: number;
  end: number;
  text: string;
}

export type DocNumberPartName = 'lead' | 'prefix' | 'gap1' | 'open' | 'gap2' | 'year' | 'gap3' | 'close' | 'gap4' | 'di' | 'gap5' | 'zeros' | 'serial' | 'gap6' | 'hao' | 'trail';

const LENIENT =
  /^(?<lead>\s*)(?<prefix>.*?)(?<gap1>\s*)(?<open>[〔【\[［（(〈<｛{]?)(?<gap2>\s*)(?<year>\d{4})(?<gap3>\s*)(?<close>[〕】\]］）)〉>｝}]?)(?<gap4>\s*)(?<di>第?)(?<gap5>\s*)(?<zeros>0*)(?<serial>[1-9]\d*|0)(?<gap6>\s*)(?<hao>号?)(?<trail>\s*)$/d;

/** The parts of a document number, or null when the text has no year of four digits followed by a serial number. */
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
