// The bar above the list: full-text search (all series unless the clerk picks one in 刊物, shown while
// searching), and the 年份 and 状态 filters that the list and the search both follow.
import type { RefObject } from 'react';
import { STATUS_LABELS, type IssueStatus } from '../../shared/model/issue.ts';
import type { SeriesRecord } from '../../shared/api/records.ts';
import type { IssueFilters, SearchScope } from './archive-filters.ts';

export function ArchiveFilters({ inputRef, query, searching, scope, scopeSeries, years, filters, onQuery, onComposing, onSubmit, onScope, onFilters }: {
  inputRef: RefObject<HTMLInputElement | null>;
  query: string;
  /** a search is shown (so 刊物 applies) */
  searching: boolean;
  scope: SearchScope;
  /** the series 刊物 offers */
  scopeSeries: SeriesRecord[];
  /** the years with issues where the list or the search looks */
  years: number[];
  filters: IssueFilters;
  onQuery: (text: string) => void;
  onComposing: (composing: boolean) => void;
  onSubmit: () => void;
  onScope: (scope: SearchScope) => void;
  onFilters: (filters: IssueFilters) => void;
}) {
  return (
    <form className="filters" role="search" onSubmit={(event) => { event.preventDefault(); onSubmit(); }}>
      <input
        ref={inputRef}
        type="search"
        maxLength={200}
        className="search-input"
        placeholder="检索全部刊物：标题、正文、单位、报送范围（空格分隔多个词）"
        value={query}
        aria-label="检索"
        onChange={(event) => onQuery(event.target.value)}
        onCompositionStart={() => onComposing(true)}
        onCompositionEnd={() => onComposing(false)}
      />
      {searching && (
        <select aria-label="刊物" className="scope-select" title="在哪些刊物中检索" value={scope === 'all' ? '' : scope}
          onChange={(event) => onScope(event.target.value ? Number(event.target.value) : 'all')}>
          <option value="">全部刊物</option>
          {scopeSeries.map((record) => <option key={record.id} value={record.id}>{record.settings.name}</option>)}
        </select>
      )}
      <button type="submit">检索</button>
      <select aria-label="年份" value={filters.year ?? ''} onChange={(event) => onFilters({ ...filters, year: event.target.value ? Number(event.target.value) : null })}>
        <option value="">全部年份</option>
        {years.map((value) => <option key={value} value={value}>{value}年</option>)}
      </select>
      <select aria-label="状态" value={filters.status ?? ''} onChange={(event) => onFilters({ ...filters, status: (event.target.value || null) as IssueStatus | null })}>
        <option value="">全部状态</option>
        {(Object.keys(STATUS_LABELS) as IssueStatus[]).map((value) => <option key={value} value={value}>{STATUS_LABELS[value]}</option>)}
      </select>
    </form>
  );
}
