// The count for the chosen series and period, asked again whenever the request changes; an answer to an
// older request is dropped, so the table never shows a period other than the one chosen.
import { useEffect, useRef, useState } from 'react';
import type { StatsReport } from '../../shared/api/records.ts';
import { api, errorMessage } from '../api/client.ts';
import type { StatsRequest } from './stats-request.ts';

export interface ReportState {
  report: StatsReport | null;
  loading: boolean;
  failure: string | null;
}

export function useStatsReport(request: StatsRequest | null): ReportState {
  const [state, setState] = useState<ReportState>({ report: null, loading: false, failure: null });
  const ticket = useRef(0);
  const key = request ? JSON.stringify(request) : null;
  useEffect(() => {
    const mine = ++ticket.current;
    if (!request) {
      setState((current) => ({ ...current, loading: false }));
      return;
    }
    setState((current) => ({ ...current, loading: true }));
    api['stats.tally'](request).then(
      (report) => mine === ticket.current && setState({ report, loading: false, failure: null }),
      (error: unknown) => mine === ticket.current && setState({ report: null, loading: false, failure: errorMessage(error) }),
    );
    // the request is read through its key: a new object of the same request asks nothing again
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}
