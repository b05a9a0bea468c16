import { describe, expect, it } from 'vitest';
import type { SeriesRecord } from '../../shared/api/records.ts';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import { applicableFilters, describeFilters, hasFilters, NO_FILTERS, scopeName, yearsInView } from './archive-filters.ts';

const series = (id: number, name: string, years: number[]): SeriesRecord => ({
  id,
  settings: defaultSeriesSettings(name),
  archived: false,
  issueCount: years.length,
  years,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
});

const all = [series(1, '甲工作简报', [2024, 2023]), series(2, '乙工作简报', [2024, 2022]), series(3, '丙工作简报', [])];

describe('yearsInView', () => {
  it('offers every year the series has issues in, whatever list is shown', () => {
    expect(yearsInView(all, 1)).toEqual([2024, 2023]);
    expect(yearsInView(all, 3)).toEqual([]);
  });

  it('offers the years of every series, once each and newest first, for a search of all series', () => {
    expect(yearsInView(all, 'all')).toEqual([2024, 2023, 2022]);
  });

  it('offers nothing when no series is chosen', () => {
    expect(yearsInView(all, null)).toEqual([]);
  });
});

describe('applicableFilters', () => {
  it('keeps a year the view has issues in, and the status always', () => {
    expect(applicableFilters({ year: 2023, status: 'draft' }, [2024, 2023])).toEqual({ year: 2023, status: 'draft' });
  });

  it('drops a year the view has no issues in, keeping the status', () => {
    expect(applicableFilters({ year: 2023, status: 'draft' }, [2024, 2022])).toEqual({ year: null, status: 'draft' });
  });

  it('hands back the same filters when nothing changes, so React sees no change', () => {
    const filters = { year: 2024, status: null };
    expect(applicableFilters(filters, [2024])).toBe(filters);
  });
});

describe('describeFilters', () => {
  it('reads the filters in force as a clerk would say them', () => {
    expect(describeFilters({ year: 2023, status: 'draft' })).toBe('2023年、草稿');
    expect(describeFilters({ year: null, status: 'issued' })).toBe('已印发');
    expect(describeFilters({ year: 2022, status: null })).toBe('2022年');
    expect(describeFilters(NO_FILTERS)).toBe('');
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ year: null, status: 'reviewed' })).toBe(true);
  });
});

describe('scopeName', () => {
  it('names all series or the one chosen', () => {
    expect(scopeName(all, 'all')).toBe('全部刊物');
    expect(scopeName(all, 2)).toBe('《乙工作简报》');
  });
});
