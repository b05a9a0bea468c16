// How the statistics screen writes a unit's line: points with at most one decimal, the change against the
// period before with its sign, and each counted report as the clerk finds it in the archive.
import type { StatsEntry, StatsPending, StatsRow } from '../../shared/api/records.ts';

/** 3, 2.5, 0 — at most one decimal, as the scoring allows. */
export function formatPoints(points: number): string {
  return String(Math.round(points * 10) / 10);
}

/** ↑2 / ↓1.5 / 持平, or — when the period before was not counted. */
export function formatChange(change: number | null): string {
  if (change === null) return '—';
  if (Math.abs(change) < 1e-9) return '持平';
  return `${change > 0 ? '↑' : '↓'}${formatPoints(Math.abs(change))}`;
}

export interface RowCells {
  unit: string;
  articles: string;
  items: string;
  editorNotes: string;
  instructions: string;
  points: string;
  rank: string;
  change: string;
}

export function rowCells(row: StatsRow): RowCells {
  return {
    unit: row.unit,
    articles: String(row.articles),
    items: String(row.items),
    editorNotes: String(row.editorNotes),
    instructions: String(row.instructions),
    points: formatPoints(row.points),
    rank: String(row.rank),
    change: formatChange(row.change),
  };
}

const KIND_LABELS = { article: '文章', item: '动态' } as const;

/** 第13期（2023年7月12日）动态：安化县… */
export function placeLabel(place: Pick<StatsEntry, 'numberText' | 'date' | 'kind' | 'title'>): string {
  const [year, month, day] = place.date.split('-').map(Number);
  return `${place.numberText}（${year}年${month}月${day}日）${KIND_LABELS[place.kind]}：${place.title}`;
}

/** What an entry counted for, besides its kind: 编者按, 批示, and whether it is still only a suggestion. */
export function entryNotes(entry: StatsEntry): string[] {
  const notes: string[] = [];
  if (entry.editorNote) notes.push('编者按');
  if (entry.instruction) notes.push('领导批示');
  if (!entry.confirmed) notes.push('按识别结果计入，待确认');
  return notes;
}

const WHY_LABELS: Record<StatsPending['why'], string> = { unknown: '未识别出单位', ambiguous: '单位有歧义', unconfirmed: '未确认', unlisted: '不在名单中' };

export function pendingWhy(pending: StatsPending): string {
  return WHY_LABELS[pending.why];
}
