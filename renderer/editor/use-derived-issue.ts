// The issue as the side panels see it (导读, proofreading, page plan): refreshed 300 ms after typing
// pauses and never while an IME composes, so that a keystroke costs only the editor's own work.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Issue } from '../../shared/model/issue.ts';
import type { IssueSession } from './session/issue-session.ts';

const REFRESH_DELAY_MS = 300;

export function useDerivedIssue(session: IssueSession, resets: number): { derived: Issue; refresh: () => void } {
  const [derived, setDerived] = useState<Issue>(() => session.currentIssue());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const refresh = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (session.isComposing()) return refresh();
      setDerived(session.currentIssue());
    }, REFRESH_DELAY_MS);
  }, [session]);

  // a content reset (restore, status, whole-bulletin paste) shows at once
  useEffect(() => setDerived(session.currentIssue()), [session, resets]);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  return { derived, refresh };
}
