// What the archive's filters mean: the years a view offers (every year with issues, never only those
// the current list happens to show), which chosen filters still apply after the view changes, and
// how the filters in force read in a sentence ("2023年、草稿").
import { STATUS_LABELS, type IssueStatus } from '../../shared/model/issue.ts';
import type { SeriesRecord } from '../../shared/api/records.ts';

/** What a search covers: every series, or one. */
export type SearchScope = number | 'all';

export interface IssueFilters {
  year: number | null;
  status: IssueStatus | null;
}

export const NO_FILTERS: IssueFilters = { year: null, status: null };

/** Every year in which the series in view have issues, newest first. */
export function yearsInView(series: readonly SeriesRecord[], view: SearchScope | null): number[] {
  const shown = view === 'all' ? series : series.filter((record) => record.id === view);
  return [...new Set(shown.flatMap((record) => record.years))].sort((a, b) => b - a);
}

/** The filters as they apply where `years` are the years on offer: a year with no issues there is dropped. */
export function applicableFilters(filters: IssueFilters, years: readonly number[]): IssueFilters {
  return filters.year !== null && !years.includes(filters.year) ? { ...filters, year: null } : filters;
}

export function hasFilters(filters: IssueFilters): boolean {
  return filters.year !== null || filters.status !== null;
}

/** "2023年、草稿"; '' when nothing is filtered. */
export function describeFilters(filters: IssueFilters): string {
  return [filters.year !== null ? `${filters.year}年` : null, filters.status !== null ? STATUS_LABELS[filters.status] : null]
    .filter((part) => part !== null)
    .join('、');
}

/** The series a scope names, as a clerk reads it: 全部刊物 or 《name》. */
export function scopeName(series: readonly SeriesRecord[], scope: SearchScope): string {
  if (scope === 'all') return '全部刊物';
  const record = series.find((item) => item.id === scope);
  return record ? `《${record.settings.name}》` : '所选刊物';
}
