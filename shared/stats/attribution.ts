// Whose report an article or a ▲ item is, read from its text for the clerk to confirm (信息采用). The evidence,
// in order: a news item's head (`安化县：…` → 安化县; `甲县、乙区：…` → both; a headline starting with a unit's
// name, 高新区较真碰硬… → 高新区), a unit named at the start of the first paragraph (after its date:
// 7月11日，安化县…), a byline at the end (（市水利局供稿）, （供稿：市水利局）, （安化县委办 供稿）). The first
// that names a unit decides; a byline naming others, or a name the list gives to two units, makes it ambiguous.
import { paragraphText, type ArticleBlock, type NewsItem, type Paragraph } from '../model/issue.ts';
import { textParagraphsOf } from '../model/content.ts';
import type { Unit } from '../model/series.ts';
import { isUnitLike, unitMatcher, unitsAtStart, unitsNamed, type UnitMatcher, type UnitsFound } from './unit-names.ts';

export interface Suggestion {
  /** the units, in the order the text names them; empty when none was found */
  units: string[];
  /** what they were read from, in Chinese, for the clerk */
  reason: string;
  ambiguous: boolean;
}

export type Attributable = ArticleBlock | NewsItem;

const isItem = (target: Attributable): target is NewsItem => 'head' in target;
const compact = (text: string) => (/\s/.test(text) ? text.replace(/\s+/g, '') : text);
/**
 * What of a paragraph the count reads: the first paragraph's start (a date and a list of units), the last one's
 * end (a byline), and any paragraph's first characters (编者按, tally.ts).
 */
export const EVIDENCE_CHARS = { start: 80, end: 120, noteStart: 16 } as const;
const START_CHARS = EVIDENCE_CHARS.start;

function startOf(paragraph: Paragraph): string {
  let text = '';
  for (const run of paragraph.runs) {
    text += run.text;
    if (text.length >= START_CHARS) break;
  }
  return compact(text.slice(0, START_CHARS));
}

/** A date or time a paragraph starts with (7月11日，/ 9月18日下午至19日上午，/ 近日，), with its comma. */
const LEADING_TIME = new RegExp(
  '^(?:(?:\\d{4}年)?\\d{1,2}月(?:\\d{1,2}日?)?|\\d{1,2}日|\\d{1,2}[点时](?:\\d{1,2}分?)?|\\d{1,2}[:：]\\d{2}|' +
    '[上中下]午|晚上?|早上|凌晨|傍晚|[上中下]旬|[至到—－-]|近日|日前|近期|连日来|近年来|今年以来|本周|上周|当天|当日|同日)+[，,]',
);

function afterLeadingTime(text: string): string {
  return text.replace(LEADING_TIME, '');
}

/** `（市水利局供稿）`, `（市水利局 供稿）`, `（供稿：市水利局）`, `（来源：…）` at the very end of the text. */
const BYLINES = [
  /[（(]\s*(?:供稿单位|供稿|信息来源|来源|稿源|报送单位)\s*[：:]\s*([^（）()]{2,80}?)\s*[）)]\s*$/,
  /[（(]\s*([^（）()：:]{2,80}?)\s*(?:供稿|报送|提供)\s*[）)]\s*$/,
];

function bylineOf(paragraphs: readonly Paragraph[]): { text: string; names: string[] } | null {
  const last = paragraphs.at(-1);
  if (!last) return null;
  const text = paragraphText(last).trimEnd();
  if (!text.endsWith('）') && !text.endsWith(')')) return null;
  const tail = text.slice(-EVIDENCE_CHARS.end);
  for (const pattern of BYLINES) {
    const match = pattern.exec(tail);
    if (match) return { text: match[0].trim(), names: match[1]!.split(/[、，,；;\s]+/).filter((name) => name !== '') };
  }
  return null;
}

/** The units a byline's names stand for: each name whole (or its alias), else the unit its start names (安化县委办 → 安化县). */
function bylineUnits(names: readonly string[], matcher: UnitMatcher): UnitsFound {
  const found: UnitsFound = { units: [], matched: names.join('、'), shared: [] };
  for (const name of names) {
    let units = unitsNamed(name, matcher);
    if (!matcher.listed && !isUnitLike(name)) units = unitsAtStart(name, matcher).units;
    if (matcher.listed && units.length === 0) {
      const atStart = unitsAtStart(name, matcher);
      units = atStart.units;
      found.shared.push(...atStart.shared);
    } else if (units.length > 1) found.shared.push({ text: name, units });
    for (const unit of units) if (!found.units.includes(unit)) found.units.push(unit);
  }
  return found;
}

interface Evidence {
  where: string;
  found: UnitsFound;
}

function sharedReason(shared: UnitsFound['shared']): string {
  return shared.map(({ text, units }) => `“${text}”可指${units.join('、')}`).join('；');
}

const sameUnits = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((unit) => b.includes(unit));

/**
 * The units a report comes from, as its text names them, with why and whether the clerk must choose.
 * `units` is the series' list (or a matcher made of it once, for many calls); without one, unit-like names are taken.
 */
export function suggestSources(target: Attributable, units: readonly Pick<Unit, 'name' | 'aliases' | 'group'>[] | UnitMatcher): Suggestion {
  const matcher = 'byFirstChar' in units ? units : unitMatcher(units);
  const evidence: Evidence[] = [];
  if (isItem(target)) {
    const head = compact(target.head).replace(/[：:]$/, '');
    if (head !== '') evidence.push({ where: '动态标题', found: unitsAtStart(head, matcher) });
  }
  const text = textParagraphsOf(target.paragraphs);
  const first = text[0];
  if (first) evidence.push({ where: '首段开头', found: unitsAtStart(afterLeadingTime(startOf(first)), matcher) });
  const byline = bylineOf(text);
  const signed = byline ? { where: '文末署名', found: bylineUnits(byline.names.map(compact), matcher) } : null;
  if (signed) evidence.push(signed);

  const chosen = evidence.find((each) => each.found.units.length > 0);
  if (!chosen) {
    const unlisted = matcher.listed ? unlistedName(target) : null;
    return { units: [], reason: unlisted ? `“${unlisted}”不在单位名单中` : '标题、首段开头和文末署名中都没有找到单位', ambiguous: false };
  }
  const { units: found, matched, shared } = chosen.found;
  const reasons = [`据${chosen.where}“${chosen.where === '文末署名' ? byline!.text : matched}”`];
  let ambiguous = shared.length > 0;
  if (ambiguous) reasons.push(sharedReason(shared));
  if (signed && signed !== chosen && signed.found.units.length > 0 && !sameUnits(signed.found.units, found)) {
    ambiguous = true;
    reasons.push(`但文末署名为${signed.found.units.join('、')}`);
  }
  return { units: found, reason: reasons.join('；'), ambiguous };
}

/** A unit-like name the text starts with that the list does not have, to tell the clerk why nothing was found. */
function unlistedName(target: Attributable): string | null {
  const shapes = unitMatcher([]);
  const first = textParagraphsOf(target.paragraphs)[0];
  const texts = [isItem(target) ? compact(target.head) : '', first ? afterLeadingTime(startOf(first)) : ''];
  for (const text of texts) {
    const name = unitsAtStart(text, shapes).units[0];
    if (name) return name;
  }
  return null;
}
