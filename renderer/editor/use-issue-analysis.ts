// The analysis of the derived issue (findings, page plan), run in a Web Worker one at a time: while one runs,
// only the newest issue waits, older ones are dropped. Where no worker can start, it runs on the page after a
// macrotask, as before.
import { useEffect, useRef, useState } from 'react';
import type { Issue } from '../../shared/model/issue.ts';
import type { SeriesSettings } from '../../shared/model/series.ts';
import { analyzeIssue, type IssueAnalysis } from './issue-analysis.ts';

export interface AnalysisRequest {
  id: number;
  issue: Issue;
  settings: SeriesSettings;
}

export interface AnalysisResponse extends IssueAnalysis {
  id: number;
}

/** An analysis with the issue it was made from (the findings' locations and fixes refer to that issue). */
export interface AnalyzedIssue<Snapshot> extends IssueAnalysis {
  issue: Issue;
  /** what the caller passed along with the issue (the editor's value it was read from) */
  snapshot: Snapshot;
  /** how long the analysis took, from the request to its answer, in ms */
  ms: number;
}

function startWorker(): Worker | null {
  try {
    return new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: '校对与排版' });
  } catch {
    return null;
  }
}

export function useIssueAnalysis<Snapshot>(issue: Issue, snapshot: Snapshot, settings: SeriesSettings): AnalyzedIssue<Snapshot> | null {
  const [analyzed, setAnalyzed] = useState<AnalyzedIssue<Snapshot> | null>(null);
  const runner = useRef<AnalysisRunner<Snapshot> | null>(null);
  useEffect(() => {
    const started = new AnalysisRunner<Snapshot>(setAnalyzed);
    runner.current = started;
    return () => started.stop();
  }, []);
  useEffect(() => runner.current?.run(issue, snapshot, settings), [issue, snapshot, settings]);
  return analyzed;
}

interface Job<Snapshot> extends AnalysisRequest {
  snapshot: Snapshot;
  sent: number;
}

export class AnalysisRunner<Snapshot> {
  private worker: Worker | null = startWorker();
  private running: Job<Snapshot> | null = null;
  private waiting: Job<Snapshot> | null = null;
  private lastId = 0;
  private stopped = false;

  constructor(private readonly done: (analyzed: AnalyzedIssue<Snapshot>) => void) {
    if (!this.worker) return;
    this.worker.onmessage = (event: MessageEvent<AnalysisResponse>) => {
      const job = this.running;
      if (!job || job.id !== event.data.id) return;
      const { id: _, ...analysis } = event.data;
      this.finish(job, analysis);
    };
    // a worker that cannot load (or fails): the page does the work itself from then on
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.worker?.terminate();
      this.worker = null;
      const job = this.running;
      this.running = null;
      if (job) this.send({ ...job, sent: performance.now() });
    };
  }

  run(issue: Issue, snapshot: Snapshot, settings: SeriesSettings): void {
    this.waiting = { id: ++this.lastId, issue, snapshot, settings, sent: 0 };
    if (!this.running) this.sendWaiting();
  }

  stop(): void {
    this.stopped = true;
    this.worker?.terminate();
  }

  private sendWaiting(): void {
    const job = this.waiting;
    this.waiting = null;
    if (job) this.send({ ...job, sent: performance.now() });
  }

  private send(job: Job<Snapshot>): void {
    if (this.stopped) return;
    this.running = job;
    const request: AnalysisRequest = { id: job.id, issue: job.issue, settings: job.settings };
    if (this.worker) this.worker.postMessage(request);
    else setTimeout(() => this.running === job && this.finish(job, analyzeIssue(job.issue, job.settings)), 0);
  }

  private finish(job: Job<Snapshot>, analysis: IssueAnalysis): void {
    this.running = null;
    if (this.stopped) return;
    // an older issue's answer is shown too while a newer one waits: it is the best there is until then
    this.done({ ...analysis, issue: job.issue, snapshot: job.snapshot, ms: performance.now() - job.sent });
    this.sendWaiting();
  }
}
