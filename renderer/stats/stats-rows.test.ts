// A unit's line as the statistics screen writes it.
import { describe, expect, it } from 'vitest';
import type { StatsEntry, StatsRow } from '../../shared/api/records.ts';
import { entryNotes, formatChange, formatPoints, placeLabel, rowCells } from './stats-rows.ts';

const entry: StatsEntry = { issueId: 3, numberText: '第13期', date: '2023-07-12', kind: 'item', title: '安化县', block: 2, item: 0, editorNote: false, instruction: false, points: 1, confirmed: true };
const row: StatsRow = { unit: '安化县', group: '县市区', articles: 1, items: 2, editorNotes: 1, instructions: 0, points: 6.5, rank: 1, previousPoints: 4, change: 2.5, entries: [entry] };

describe('statistics rows', () => {
  it('writes points with at most one decimal and the change with its direction', () => {
    expect(formatPoints(3)).toBe('3');
    expect(formatPoints(0.1 + 0.2)).toBe('0.3');
    expect(formatChange(2.5)).toBe('↑2.5');
    expect(formatChange(-1)).toBe('↓1');
    expect(formatChange(0)).toBe('持平');
    expect(formatChange(null)).toBe('—');
    expect(rowCells(row)).toEqual({ unit: '安化县', articles: '1', items: '2', editorNotes: '1', instructions: '0', points: '6.5', rank: '1', change: '↑2.5' });
  });

  it('names each counted report by issue, date and kind, with what else it counted for', () => {
    expect(placeLabel(entry)).toBe('第13期（2023年7月12日）动态：安化县');
    expect(entryNotes(entry)).toEqual([]);
    expect(entryNotes({ ...entry, editorNote: true, instruction: true, confirmed: false })).toEqual(['编者按', '领导批示', '按识别结果计入，待确认']);
  });
});
