// Finding units' names at the start of a text (a ▲ item's head, a paragraph's first words, a byline): by a
// series' units list, its names and aliases (安化 → 安化县, 市环境局 → 市生态环境局), or, without a list, by
// the shape of a unit's name (a place ending in 县/市/区 (a province's bodies only from a list), a body ending in 局/委/办/厅/院/所/中心/公司/组…).
import type { Unit } from '../model/series.ts';

/** A text of the list (a name or an alias) and the units it names: more than one where an alias is shared. */
interface NameEntry {
  text: string;
  units: string[];
}

/** The names and aliases of a units list, looked up by their first character, longest first. */
export interface UnitMatcher {
  readonly listed: boolean;
  /** units in the office's order, with their groups */
  readonly units: readonly Pick<Unit, 'name' | 'group'>[];
  byFirstChar: Map<string, NameEntry[]>;
  /** a name or alias written out whole → the units it names */
  exact: Map<string, string[]>;
}

export function unitMatcher(units: readonly Pick<Unit, 'name' | 'aliases' | 'group'>[]): UnitMatcher {
  const exact = new Map<string, string[]>();
  const add = (text: string, unit: string) => {
    const key = text.replace(/\s+/g, '');
    if (key === '') return;
    const named = exact.get(key) ?? [];
    if (!named.includes(unit)) named.push(unit);
    exact.set(key, named);
  };
  for (const unit of units) {
    add(unit.name, unit.name);
    for (const alias of unit.aliases ?? []) add(alias, unit.name);
  }
  // a unit's own name is never ambiguous, whatever another unit lists as its alias
  for (const unit of units) exact.set(unit.name.replace(/\s+/g, ''), [unit.name]);
  const byFirstChar = new Map<string, NameEntry[]>();
  for (const [text, named] of exact) {
    const first = text[0]!;
    const entries = byFirstChar.get(first) ?? [];
    entries.push({ text, units: named });
    byFirstChar.set(first, entries);
  }
  for (const entries of byFirstChar.values()) entries.sort((a, b) => b.text.length - a.text.length);
  return { listed: units.length > 0, units: units.map(({ name, group }) => ({ name, group })), byFirstChar, exact };
}

/** Units found at the start of a text, and whether a name there could be more than one of them. */
export interface UnitsFound {
  units: string[];
  /** the text they were read from: 安化县、桃江县 */
  matched: string;
  /** the shared aliases met, e.g. 高新 naming two units */
  shared: { text: string; units: string[] }[];
}

/** Between two units of a list at the start of a text: 安化县、桃江县, 赫山区和资阳区. */
const SEPARATOR = /^(?:、|，|,|和|与|及|以及|\s)+/;

function listedAt(text: string, at: number, matcher: UnitMatcher): NameEntry | null {
  for (const entry of matcher.byFirstChar.get(text[at]!) ?? []) if (text.startsWith(entry.text, at)) return entry;
  return null;
}

// ---- the shape of a unit's name, for a series without a units list

// A province's bodies (省第四生态环境保护督察组, 湖南省生态环境厅) are not counted without a list: in the
// city and county bulletins this serves they are who the bulletin reports on (an inspection team visiting),
// not units sending it reports; a province's own bulletin lists its units.
const PLACE = /^[\u4e00-\u9fff]{1,6}?[市县区]/;
/** 市水利局, 县委办: a body of the level the bulletin writes in, without its place */
const LEVEL_PREFIX = /^[市县区]/;
const BODY_SUFFIXES = ['中心', '公司', '大队', '支队', '局', '委', '办', '厅', '院', '所', '组', '站', '部', '会', '室', '处', '署'];
/** what follows 委 in the name of a body: 县委办, 市委办公室, 市发改委员会, 管委会 */
const AFTER_WEI = ['办公室', '员会', '办', '会'];
/** characters that begin what a unit does or where it goes (率队, 赴, 召开, 的…), never part of its name */
const NOT_IN_NAMES = new Set('的了在对就率赴到把被将以召领相等各全于从向给让使据按由其该此这那们我你他她它要已正并还也都又再更最很不没未请'.split(''));
/** words a place's name never starts with: 两县, 各区, 全市, 本县, 该局 are not units */
const NOT_FIRST = new Set('两各全本该此每诸多几数'.split(''));
const MAX_NAME = 15;
const isHan = (char: string | undefined) => char !== undefined && /[\u4e00-\u9fff]/.test(char);

/** The end of the shortest body name starting at `from` (水利局, 生态环境局, 委办), or -1. */
function bodyEnd(text: string, from: number): number {
  for (let end = from + 1; end <= Math.min(text.length, from + MAX_NAME); end++) {
    const char = text[end - 1]!;
    if (!isHan(char) || NOT_IN_NAMES.has(char)) return -1;
    const part = text.slice(from, end);
    if (!BODY_SUFFIXES.some((suffix) => part.endsWith(suffix))) continue;
    if (part.endsWith('委')) {
      const after = AFTER_WEI.find((rest) => text.startsWith(rest, end));
      if (after) return end + after.length;
    }
    return end;
  }
  return -1;
}

/** A unit-like name at the start of a text: 安化县, 高新区, 市水利局, 益阳市生态环境局, 安化县委办; or null. */
export function unitLikeAt(text: string, at = 0): string | null {
  const rest = text.slice(at, at + MAX_NAME + 4);
  const place = PLACE.exec(rest)?.[0];
  if (place && !NOT_FIRST.has(place[0]!) && ![...place].some((char) => NOT_IN_NAMES.has(char))) {
    const end = bodyEnd(rest, place.length);
    const name = end > 0 ? rest.slice(0, end) : place;
    return name.length <= MAX_NAME ? name : place;
  }
  if (LEVEL_PREFIX.test(rest)) {
    const end = bodyEnd(rest, 1);
    if (end > 2) return rest.slice(0, end);
  }
  return null;
}

/** Whether a whole text looks like a unit's name (a byline's 市水利局, 督察组). */
export function isUnitLike(text: string): boolean {
  if (text.length < 2 || text.length > MAX_NAME || [...text].some((char) => !isHan(char) || NOT_IN_NAMES.has(char))) return false;
  return unitLikeAt(text) === text || BODY_SUFFIXES.some((suffix) => text.endsWith(suffix)) || /[省市县区]$/.test(text);
}

/** Units named at the start of `text`, one after another (安化县、桃江县…): by the list, or by their shape without one. */
export function unitsAtStart(text: string, matcher: UnitMatcher): UnitsFound {
  const found: UnitsFound = { units: [], matched: '', shared: [] };
  let at = 0;
  for (;;) {
    let length: number;
    if (matcher.listed) {
      const entry = listedAt(text, at, matcher);
      if (!entry) break;
      length = entry.text.length;
      if (entry.units.length > 1) found.shared.push({ text: entry.text, units: entry.units });
      for (const unit of entry.units) if (!found.units.includes(unit)) found.units.push(unit);
    } else {
      const name = unitLikeAt(text, at);
      if (!name) break;
      length = name.length;
      if (!found.units.includes(name)) found.units.push(name);
    }
    found.matched = text.slice(0, at + length);
    const separator = SEPARATOR.exec(text.slice(at + length, at + length + 4));
    if (!separator) break;
    at += length + separator[0].length;
  }
  return found;
}

/** The units a name written out whole stands for: itself or an alias of the list; without a list, itself. */
export function unitsNamed(name: string, matcher: UnitMatcher): string[] {
  const key = name.replace(/\s+/g, '');
  if (!matcher.listed) return key === '' ? [] : [key];
  return matcher.exact.get(key) ?? [];
}
