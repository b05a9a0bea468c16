// The archive's full-text search as the screen runs it: the query once the clerk pauses typing (never
// a half-composed IME syllable), and the hits that follow every change of query, scope, year and status;
// an answer that arrives after a newer question is dropped, so old hits never replace new ones.
import { useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../shared/api/records.ts';
import { api } from '../api/client.ts';
import type { IssueFilters, SearchScope } from './archive-filters.ts';

/** How long typing pauses before the query is searched. */
const QUERY_PAUSE_MS = 250;
/** Hits shown at most; one more is asked for, to know whether there are more. */
export const SHOWN_HITS = 100;

export interface SearchRequest {
  /** trimmed; '' means no search */
  query: string;
  scope: SearchScope;
  filters: IssueFilters;
}

export interface SearchResult {
  request: SearchRequest;
  hits: SearchHit[];
  /** more hits matched than are shown */
  more: boolean;
}

/** The query as typed once typing pauses (or at once through `settleNow`, for Enter); '' at once when cleared. */
export function useSettledQuery(typed: string, composing: boolean): [string, (text: string) => void] {
  const [settled, setSettled] = useState('');
  useEffect(() => {
    if (composing) return;
    const text = typed.trim();
    if (!text) return setSettled('');
    const timer = setTimeout(() => setSettled(text), QUERY_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed, composing]);
  return [settled, (text) => setSettled(text.trim())];
}

/** The hits of the request; null while there is no query. `refresh` changing asks again. */
export function useArchiveSearch(request: SearchRequest, refresh: number, onError: (error: unknown) => void): SearchResult | null {
  const [result, setResult] = useState<SearchResult | null>(null);
  const latest = useRef(0);
  const reportError = useRef(onError);
  reportError.current = onError;
  const { query, scope, filters: { year, status } } = request;

  useEffect(() => {
    const ticket = ++latest.current;
    if (!query) return setResult(null);
    const asked: SearchRequest = { query, scope, filters: { year, status } };
    api
      .search({
        query,
        ...(scope !== 'all' ? { seriesId: scope } : {}),
        ...(year !== null ? { year } : {}),
        ...(status !== null ? { status } : {}),
        limit: SHOWN_HITS + 1,
      })
      .then(
        (hits) => {
          if (ticket === latest.current) setResult({ request: asked, hits: hits.slice(0, SHOWN_HITS), more: hits.length > SHOWN_HITS });
        },
        (error: unknown) => {
          if (ticket === latest.current) reportError.current(error);
        },
      );
  }, [query, scope, year, status, refresh]);

  return result;
}
