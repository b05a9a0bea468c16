// Reads the 导读 after the masthead: entries marked ★ (with or without a 导读 heading), or numbered, or
// bare lines under a 导读 heading; an entry broken over two lines is joined again.
import { joinWrapped, visibleLength } from '../text/lines.ts';
import { LEAD_HEADING, LEAD_MARK, STAR_MARK, comparable, titleLike } from './matchers.ts';
import type { Unit } from './units.ts';

export interface LeadRead {
  items: string[];
  /** index of the first unit after the 导读 */
  end: number;
  /** a 导读 heading or marked entries were there */
  present: boolean;
}

const entryText = (text: string) => text.replace(LEAD_MARK, '').trim();
/** an entry may be a title and its subtitle, longer than a title alone */
const entryLike = (text: string) => visibleLength(text) > 0 && visibleLength(text) <= 90 && !/[。；，、]$/.test(text.trim());

/** The entry and the line after it form one entry when the body prints them as one title. */
function continuesEntry(entry: string, line: string, bodyText: string): boolean {
  if (!titleLike(line)) return false;
  const joined = comparable(joinWrapped(entry, line));
  const beforeColon = comparable(joinWrapped(entry, line).split(/[：:]/)[0]!);
  return bodyText.includes(joined) || (beforeColon.length > comparable(entry).length && bodyText.includes(beforeColon));
}

/** How an entry is marked: a symbol, an Arabic number or a Chinese one. */
function markStyle(text: string): 'symbol' | 'arabic' | 'chinese' | null {
  const mark = LEAD_MARK.exec(text.trim())?.[0];
  if (!mark) return null;
  return /\d/.test(mark) ? 'arabic' : /[一二三四五六七八九十]/.test(mark) ? 'chinese' : 'symbol';
}

export function readLead(units: readonly Unit[], start: number): LeadRead {
  let cursor = start;
  const heading = units[cursor] !== undefined && LEAD_HEADING.test(units[cursor]!.text.trim());
  if (heading) cursor++;
  const items: string[] = [];
  // entries share one marking: under `1.` entries, a `一、` line is the body's section heading
  const style = units[cursor] ? markStyle(units[cursor]!.text) : null;
  const marked = (unit: Unit | undefined) =>
    unit !== undefined && (STAR_MARK.test(unit.text) || (heading && LEAD_MARK.test(unit.text) && markStyle(unit.text) === style && entryLike(entryText(unit.text))));
  if (marked(units[cursor])) {
    // the body after the last marked entry, where each entry's title is printed again
    let lastMarked = cursor;
    for (let i = cursor; i < Math.min(units.length, cursor + 400); i++) if (marked(units[i])) lastMarked = i;
    let bodyText: string | null = null;
    const bodyAfter = () => (bodyText ??= comparable(units.slice(lastMarked + 1).map((unit) => unit.text).join('')));
    while (marked(units[cursor])) {
      let entry = entryText(units[cursor]!.text);
      cursor++;
      // unmarked lines between marked entries, or after the last one when the body prints them joined
      while (units[cursor] && !marked(units[cursor]) && units[cursor]!.kind === 'text') {
        const line = units[cursor]!.text.trim();
        const sandwiched = units.slice(cursor + 1, cursor + 3).some((unit) => marked(unit)) && titleLike(line);
        if (!sandwiched && !continuesEntry(entry, line, bodyAfter())) break;
        entry = joinWrapped(entry, line);
        cursor++;
      }
      items.push(entry);
    }
    return { items, end: cursor, present: true };
  }
  if (!heading) return { items: [], end: start, present: false };
  // bare entries under a heading: title-like lines until the body repeats the first of them
  const bare: string[] = [];
  while (units[cursor] && units[cursor]!.kind === 'text' && entryLike(units[cursor]!.text)) {
    const text = units[cursor]!.text.trim();
    if (bare.length > 0 && comparable(text) === comparable(bare[0]!.split(/[：:]/)[0]!)) break;
    if (bare.length > 0 && comparable(text) === comparable(bare[0]!)) break;
    bare.push(text);
    cursor++;
  }
  return { items: bare, end: cursor, present: true };
}
