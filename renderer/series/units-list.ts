// The units list and the scoring as the settings screen edits them: aliases typed as one 、-separated text,
// points typed as text with at most one decimal, and the list's rows added, moved and removed.
import type { Scoring, Unit } from '../../shared/model/series.ts';

/** 安化、安化县委办 → ['安化', '安化县委办']: split at 、，, ； or spaces, blanks and repeats dropped. */
export function parseAliases(text: string): string[] {
  const aliases: string[] = [];
  for (const alias of text.split(/[、，,；;\s]+/)) if (alias !== '' && !aliases.includes(alias)) aliases.push(alias);
  return aliases;
}

export function formatAliases(aliases: readonly string[]): string {
  return aliases.join('、');
}

export const SCORING_FIELDS: readonly { key: keyof Scoring; label: string }[] = [
  { key: 'article', label: '文章' },
  { key: 'item', label: '动态条目' },
  { key: 'editorNote', label: '编者按' },
  { key: 'instruction', label: '领导批示' },
];

export type ReadPoints = { value: number } | { problem: string };

/** 3, 0.5, ３ → the points; at most one decimal, 0–100, or why not, in Chinese. */
export function parsePoints(text: string, label: string): ReadPoints {
  const digits = text.trim().replace(/[０-９．]/g, (char) => (char === '．' ? '.' : String(char.charCodeAt(0) - 0xff10)));
  if (digits === '') return { problem: `请填写${label}的分值` };
  if (/^[-－−]\s*\d+(\.\d+)?$/.test(digits)) return { problem: `${label}的分值应在 0–100 之间` };
  if (!/^\d+(\.\d)?$/.test(digits)) return { problem: /^\d+\.\d{2,}$/.test(digits) ? `${label}的分值最多保留一位小数` : `${label}的分值只能是数字` };
  const value = Number(digits);
  if (value > 100) return { problem: `${label}的分值应在 0–100 之间` };
  return { value };
}

export const newUnit = (): Unit => ({ name: '', aliases: [], group: '县市区' });

/** The list with the row at `index` moved one place up (-1) or down (1); unchanged at either end. */
export function moveUnit(units: readonly Unit[], index: number, by: -1 | 1): Unit[] {
  const to = index + by;
  const next = [...units];
  if (index < 0 || index >= units.length || to < 0 || to >= units.length) return next;
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

export function replaceUnit(units: readonly Unit[], index: number, change: Partial<Unit>): Unit[] {
  return units.map((unit, at) => (at === index ? { ...unit, ...change } : unit));
}

export function removeUnit(units: readonly Unit[], index: number): Unit[] {
  return units.filter((_, at) => at !== index);
}

/** What the list lacks before it can be saved: 第3个单位还没有名称；“安化县”重复. */
export function unitsProblems(units: readonly Unit[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  units.forEach((unit, index) => {
    const name = unit.name.trim();
    if (name === '') problems.push(`第${index + 1}个单位还没有名称`);
    else if (seen.has(name)) problems.push(`“${name}”重复`);
    seen.add(name);
  });
  return problems;
}
