// The issue as the side panels see it (导读, proofreading, page plan), with the editor's value it was read
// from: refreshed 300 ms after typing pauses and never while an IME composes, so that a keystroke costs only
// the editor's own work.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Descendant } from 'slate';
import type { Issue } from '../../shared/model/issue.ts';
import type { IssueSession } from './session/issue-session.ts';

const REFRESH_DELAY_MS = 300;

export interface DerivedIssue {
  issue: Issue;
  /** the body editor's value the issue was read from (Slate's values are immutable: a snapshot) */
  body: readonly Descendant[];
}

export function useDerivedIssue(session: IssueSession, bodyOf: () => readonly Descendant[], resets: number): { derived: DerivedIssue; refresh: () => void } {
  const read = useCallback((): DerivedIssue => ({ body: bodyOf(), issue: session.currentIssue() }), [session, bodyOf]);
  const [derived, setDerived] = useState<DerivedIssue>(read);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const refresh = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (session.isComposing()) return refresh();
      setDerived(read());
    }, REFRESH_DELAY_MS);
  }, [session, read]);

  // a content reset (restore, status, whole-bulletin paste) shows at once
  useEffect(() => setDerived(read()), [read, resets]);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  return { derived, refresh };
}
