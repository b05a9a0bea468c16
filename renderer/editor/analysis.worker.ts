// The issue analysis (proofreading and the page plan) in a Web Worker: a 200-page issue takes some hundred
// milliseconds, which on the page's own thread would hold up the keystroke typed meanwhile.
import { analyzeIssue } from './issue-analysis.ts';
import type { AnalysisRequest, AnalysisResponse } from './use-issue-analysis.ts';

self.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const { id, issue, settings } = event.data;
  const response: AnalysisResponse = { id, ...analyzeIssue(issue, settings) };
  self.postMessage(response);
};
