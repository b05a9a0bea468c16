// Whose report an article or ▲ item is, as the editor shows and changes it (信息采用): the chip beside its title
// or head (the units confirmed, else the suggestion read from its text, marked 待确认), and the choices the
// picker offers as the clerk types: the current or suggested units first, then the series' units that match.
import { Node } from 'slate';
import type { ArticleBlock, NewsItem, Sources } from '../../shared/model/issue.ts';
import type { Unit } from '../../shared/model/series.ts';
import { suggestSources, type Suggestion } from '../../shared/stats/attribution.ts';
import type { UnitMatcher } from '../../shared/stats/unit-names.ts';
import type { ArticleElement, NewsItemElement } from './model/types.ts';

export type AttributedElement = ArticleElement | NewsItemElement;

/** The element as the model's article or item, as far as a suggestion reads it: the head or title and the paragraphs' text. */
export function attributableOf(element: AttributedElement): ArticleBlock | NewsItem {
  const paragraphs = element.children.filter((child) => child.type === 'paragraph').map((child) => ({ runs: [{ text: Node.string(child) }] }));
  if (element.type === 'article') {
    const title = element.children.find((child) => child.type === 'article-title');
    return { type: 'article', title: title ? Node.string(title) : '', paragraphs };
  }
  const head = element.children.find((child) => child.type === 'item-head');
  return { head: head ? Node.string(head) : '', form: element.form, paragraphs };
}

/** What the element is called in the picker's title: its title, or its head. */
export function attributedName(element: AttributedElement): string {
  const target = attributableOf(element);
  const name = 'head' in target ? target.head : target.title;
  return name.trim() || ('head' in target ? '（无标题的动态）' : '（无标题的文章）');
}

export type ChipState = 'confirmed' | 'suggested' | 'none';

export interface Chip {
  state: ChipState;
  units: string[];
  /** what the chip says in full, for its tooltip */
  title: string;
}

export function chipOf(element: AttributedElement, matcher: UnitMatcher): Chip {
  const sources = element.sources;
  if (sources?.confirmed) return { state: 'confirmed', units: sources.units, title: `来源单位：${sources.units.join('、')}（已确认）` };
  if (sources) return { state: 'suggested', units: sources.units, title: `来源单位：${sources.units.join('、')}（待确认）` };
  const suggestion = suggestSources(attributableOf(element), matcher);
  if (suggestion.units.length === 0) return { state: 'none', units: [], title: `${suggestion.reason}，待确认` };
  return { state: 'suggested', units: suggestion.units, title: `识别为${suggestion.units.join('、')}（${suggestion.reason}），待确认` };
}

export interface PickerOption {
  /** the units it sets, in order */
  units: string[];
  label: string;
  /** 当前 / 识别结果 / the unit's group / 新单位 */
  note: string;
}

const keyOf = (units: readonly string[]) => units.join('、');
const compact = (text: string) => text.replace(/\s+/g, '');

/**
 * The picker's choices for what the clerk has typed: with nothing typed, the units stored and the suggestion
 * first, each of an ambiguous suggestion's units alone, then every unit of the list; with a text, the list's
 * units whose name or alias holds it (those starting with it first), and the text itself when no unit is named
 * so (several names split at 、).
 */
export function pickerOptions({ stored, suggestion, units, query }: {
  stored: Sources | undefined;
  suggestion: Suggestion;
  units: readonly Pick<Unit, 'name' | 'aliases' | 'group'>[];
  query: string;
}): PickerOption[] {
  const options: PickerOption[] = [];
  const add = (option: PickerOption) => {
    if (option.units.length > 0 && !options.some((each) => keyOf(each.units) === keyOf(option.units))) options.push(option);
  };
  const typed = compact(query);
  if (typed === '') {
    if (stored) add({ units: stored.units, label: keyOf(stored.units), note: stored.confirmed ? '当前' : '当前（待确认）' });
    add({ units: suggestion.units, label: keyOf(suggestion.units), note: suggestion.ambiguous ? '识别结果（有歧义）' : '识别结果' });
    if (suggestion.units.length > 1) for (const unit of suggestion.units) add({ units: [unit], label: unit, note: '识别结果之一' });
    for (const unit of units) add({ units: [unit.name], label: unit.name, note: unit.group });
    return options;
  }
  const names = typed.split(/[、，,；;]+/).filter((name) => name !== '');
  if (names.length > 1) {
    add({ units: [...new Set(names.map((name) => unitNamed(name, units) ?? name))], label: names.join('、'), note: '多个单位' });
    return options;
  }
  const holds = (unit: Pick<Unit, 'name' | 'aliases'>) => [unit.name, ...unit.aliases].some((name) => compact(name).includes(typed));
  const starts = (unit: Pick<Unit, 'name' | 'aliases'>) => [unit.name, ...unit.aliases].some((name) => compact(name).startsWith(typed));
  const matching = units.filter(holds);
  for (const unit of [...matching.filter(starts), ...matching.filter((unit) => !starts(unit))]) add({ units: [unit.name], label: unit.name, note: unit.group });
  if (unitNamed(typed, units) === null) add({ units: [typed], label: typed, note: units.length > 0 ? '不在单位名单中' : '新单位' });
  return options;
}

/** The list's unit a name or alias names exactly, if one does. */
function unitNamed(name: string, units: readonly Pick<Unit, 'name' | 'aliases'>[]): string | null {
  return units.find((unit) => [unit.name, ...unit.aliases].some((each) => compact(each) === name))?.name ?? null;
}
