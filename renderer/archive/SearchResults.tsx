// The hits of a full-text search: what was searched where (全部刊物 or one series, with the filters in
// force), each hit with its series, 期号, date, status, title and the passage that matched.
import { formatChineseDate } from '../../shared/format/chinese.ts';
import { SNIPPET_MARK } from '../../shared/api/records.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { describeFilters, hasFilters } from './archive-filters.ts';
import { SHOWN_HITS, type SearchResult } from './use-archive-search.ts';

function Snippet({ text }: { text: string }) {
  const parts = text.split(new RegExp(`[${SNIPPET_MARK.open}${SNIPPET_MARK.close}]`));
  return <>{parts.map((part, index) => (index % 2 === 1 ? <mark key={index}>{part}</mark> : <span key={index}>{part}</span>))}</>;
}

export function SearchResults({ result, scopeLabel, onOpen, onClearFilters, onClearSearch }: {
  result: SearchResult;
  /** where the search looked: 全部刊物 or 《name》 */
  scopeLabel: string;
  onOpen: (issueId: number) => void;
  onClearFilters: () => void;
  onClearSearch: () => void;
}) {
  const { request, hits, more } = result;
  const filtered = hasFilters(request.filters) || request.scope !== 'all';
  const limits = hasFilters(request.filters) ? `（限${describeFilters(request.filters)}）` : '';
  return (
    <section className="search-results" aria-label="检索结果">
      <header className="results-header">
        <h2 data-testid="search-summary">
          {hits.length > 0
            ? `在${scopeLabel}中找到${more ? `${SHOWN_HITS}多` : hits.length}条包含“${request.query}”的简报${limits}`
            : `在${scopeLabel}中没有找到包含“${request.query}”的简报${limits}`}
        </h2>
        <div className="results-actions">
          {filtered && <button type="button" onClick={onClearFilters}>清除筛选</button>}
          <button type="button" title="清空检索词，回到刊物的简报列表" onClick={onClearSearch}>返回列表</button>
        </div>
      </header>
      {more && <p className="hint">只列出最相关的{SHOWN_HITS}条；加检索词或筛选可以缩小范围。</p>}
      <ul>
        {hits.map((hit) => (
          <li key={hit.issueId}>
            <button type="button" className="hit" onClick={() => onOpen(hit.issueId)}>
              <span className="hit-meta">
                <span className="hit-series">{hit.seriesName}</span>
                <span>{hit.numberText}</span>
                <span>{formatChineseDate(hit.date)}</span>
                <StatusBadge status={hit.status} />
              </span>
              <span className="hit-title">{hit.title || '（无标题）'}</span>
              <span className="hit-snippet"><Snippet text={hit.snippet} /></span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
