// The issue session's state in a React component: re-rendered when what it shows changes.
import { useSyncExternalStore } from 'react';
import type { IssueSession, SessionState } from './issue-session.ts';

export function useIssueSession(session: IssueSession): SessionState {
  return useSyncExternalStore(session.subscribe, session.snapshot);
}
