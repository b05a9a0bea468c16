// The large tables' check (revisions, the search indexes: file-check.ts, 'after-open'), run after the
// archive opens in a worker thread of its own (file-check-worker.ts), a few seconds later, so that opening
// a province's archive takes the small tables' check and not a read of every page of gigabytes.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileCheckReply, FileCheckWork } from './file-check-worker.ts';

/** The worker's entry beside this module: the built `file-check-worker.js` (dist-node, dist-electron), else the source entry. */
export function fileCheckWorkerEntry(folder: string = dirname(fileURLToPath(import.meta.url))): string {
  const built = join(folder, 'file-check-worker.js');
  return existsSync(built) ? built : join(folder, 'file-check-worker.mjs');
}

/** What the check found: damage (its Chinese description), sound, or no verdict (stopped, or it could not run). */
export type CheckVerdict = { damage: string } | 'sound' | 'no-verdict';

export interface CheckAfterOpen {
  /** settles once, never rejects */
  readonly verdict: Promise<CheckVerdict>;
  /** true until the verdict is in (or the check stopped) */
  readonly pending: boolean;
  /** starts it now if it is still waiting, and keeps the process alive until the verdict (someone waits for it) */
  hurry(): void;
  /** stops it (the archive closes or its file is replaced): the verdict is then 'no-verdict' */
  stop(): void;
}

/** Checks the large tables of `file` after `delayMs`, in a worker. */
export function checkAfterOpen(file: string, { delayMs, entry = fileCheckWorkerEntry() }: { delayMs: number; entry?: string }): CheckAfterOpen {
  let resolveVerdict: (verdict: CheckVerdict) => void = () => {};
  const verdict = new Promise<CheckVerdict>((resolve) => {
    resolveVerdict = resolve;
  });
  let settled = false;
  const settle = (found: CheckVerdict) => {
    settled = true;
    resolveVerdict(found);
  };
  let worker: Worker | null = null;
  let stopped = false;
  let waitedFor = false;
  const start = () => {
    if (stopped || worker) return;
    try {
      worker = new Worker(entry, { workerData: { file } satisfies FileCheckWork });
    } catch {
      settle('no-verdict');
      return;
    }
    // unless someone waits for its verdict, the check never keeps a process alive: a command that is done exits, and the check with it
    if (!waitedFor) worker.unref();
    worker.on('message', (reply: FileCheckReply) => settle('damage' in reply ? (reply.damage === null ? 'sound' : { damage: reply.damage }) : 'no-verdict'));
    worker.on('error', () => settle('no-verdict'));
    worker.on('exit', () => settle('no-verdict'));
  };
  const timer = setTimeout(start, delayMs);
  timer.unref();
  return {
    verdict,
    get pending() {
      return !settled;
    },
    hurry() {
      if (stopped || settled) return;
      waitedFor = true;
      clearTimeout(timer);
      start();
      worker?.ref();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      void worker?.terminate();
      settle('no-verdict');
    },
  };
}
