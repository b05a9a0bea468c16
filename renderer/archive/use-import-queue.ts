// The files of one import, one by one: each is read (import.read, which writes nothing) and waits for
// the clerk's review; what the clerk confirms is filed (import.confirm), one call at a time and in the
// order confirmed; 全部归档 files every file read, and every file still to be read, as read. A file that
// cannot be read ends at once with its reason; one the clerk skips ends as skipped.
import { useCallback, useEffect, useRef, useState } from 'react';
import { MAX_UPLOAD_BYTES } from '../../shared/api/contract.ts';
import type { ImportOutcome, ImportPreview, SeriesRecord } from '../../shared/api/records.ts';
import { api, errorMessage } from '../api/client.ts';
import { fileToBase64 } from '../files/browser-files.ts';
import { confirmInput, draftOf, seriesNamed, type ReviewDraft } from './import-review.ts';

/** a file read and waiting for review (`read`), or confirmed and waiting for its turn to be filed (`filing`) */
export interface ReadEntry {
  key: number;
  name: string;
  state: 'read' | 'filing';
  preview: ImportPreview;
  draft: ReviewDraft;
}

export type QueueEntry =
  | { key: number; name: string; state: 'waiting' | 'reading' }
  | ReadEntry
  | { key: number; name: string; state: 'done'; outcome: ImportOutcome };

const SKIPPED_BY_CLERK = '选择了跳过，未归档';

/** The name the clerk knows a picked file by: its path inside the folder they chose, else its name. */
function pickedName(file: File): string {
  return (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name;
}

async function readOne(file: File, name: string): Promise<ImportPreview | ImportOutcome> {
  if (file.size > MAX_UPLOAD_BYTES) return { file: name, status: 'failed', reason: `文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，未导入` };
  try {
    return await api['import.read']({ name, base64: await fileToBase64(file) });
  } catch (error) {
    return { file: name, status: 'failed', reason: errorMessage(error) };
  }
}

export interface ImportQueue {
  entries: QueueEntry[];
  /** every series, archived ones too; null until loaded */
  series: SeriesRecord[] | null;
  /** the file shown for review: the first one read and not yet confirmed or skipped */
  current: ReadEntry | null;
  /** files read (or found unreadable) so far, for the progress bar */
  read: number;
  /** files not yet filed, skipped or failed */
  unfiled: number;
  done: boolean;
  outcomes: ImportOutcome[];
  setDraft(key: number, draft: ReviewDraft): void;
  file(key: number): void;
  /** files the current file as corrected and every other file as read, those still being read as they come */
  fileAll(): void;
  skip(key: number): void;
  /** stops reading and filing (the dialog closes) */
  stop(): void;
}

export function useImportQueue(files: readonly File[]): ImportQueue {
  const [entries, setEntries] = useState<QueueEntry[]>(() => files.map((file, key) => ({ key, name: pickedName(file), state: 'waiting' })));
  const [series, setSeries] = useState<SeriesRecord[] | null>(null);
  const entriesRef = useRef(entries);
  const seriesRef = useRef<SeriesRecord[]>([]);
  const stopped = useRef(false);
  const fillingAll = useRef(false);
  /** confirms run one after another, in the order the clerk gave them */
  const filing = useRef<Promise<void>>(Promise.resolve());

  const update = useCallback((key: number, change: (entry: QueueEntry) => QueueEntry) => {
    entriesRef.current = entriesRef.current.map((entry) => (entry.key === key ? change(entry) : entry));
    setEntries(entriesRef.current);
  }, []);

  const loadSeries = useCallback(async () => {
    try {
      seriesRef.current = await api['series.list']({ includeArchived: true });
    } catch {
      // the review still works with the series known so far; a confirm names any problem itself
    }
    if (stopped.current) return;
    setSeries(seriesRef.current);
    // a file waiting for review that would make a series an earlier file of this import has made goes into it
    entriesRef.current = entriesRef.current.map((entry) => {
      if (entry.state !== 'read' || entry.draft.target.kind !== 'new') return entry;
      const existing = seriesNamed(seriesRef.current, entry.draft.target.name);
      return existing ? { ...entry, draft: { ...entry.draft, target: { kind: 'existing', seriesId: existing.id } } } : entry;
    });
    setEntries(entriesRef.current);
  }, []);

  const enqueue = useCallback(
    (key: number) => {
      const entry = entriesRef.current.find((candidate) => candidate.key === key);
      if (entry?.state !== 'read') return;
      update(key, () => ({ ...entry, state: 'filing' }));
      filing.current = filing.current.then(async () => {
        if (stopped.current) return;
        let outcome: ImportOutcome;
        try {
          // resolved now, not when queued: a new series an earlier file created is this one's series too
          outcome = await api['import.confirm'](confirmInput(entry.name, entry.draft, seriesRef.current));
        } catch (error) {
          outcome = { file: entry.name, status: 'failed', reason: errorMessage(error) };
        }
        if (outcome.status === 'imported') await loadSeries();
        if (!stopped.current) update(key, () => ({ key, name: entry.name, state: 'done', outcome }));
      });
    },
    [update, loadSeries],
  );

  useEffect(() => {
    // this run's own flag too, so that a run the effect left behind never goes on reading
    const run = { stopped: false };
    const over = () => run.stopped || stopped.current;
    stopped.current = false;
    void loadSeries();
    void (async () => {
      for (const [key, file] of files.entries()) {
        if (over()) return;
        const name = pickedName(file);
        update(key, () => ({ key, name, state: 'reading' }));
        const result = await readOne(file, name);
        if (over()) return;
        update(key, () => ('status' in result ? { key, name, state: 'done', outcome: result } : { key, name, state: 'read', preview: result, draft: draftOf(result) }));
        if (fillingAll.current) enqueue(key);
      }
    })();
    return () => {
      run.stopped = true;
      stopped.current = true;
    };
  }, [files, update, enqueue, loadSeries]);

  const current = series === null ? null : ((entries.find((entry) => entry.state === 'read') as ReadEntry | undefined) ?? null);
  const outcomes = entries.flatMap((entry) => (entry.state === 'done' ? [entry.outcome] : []));
  const read = entries.filter((entry) => entry.state !== 'waiting' && entry.state !== 'reading').length;
  return {
    entries,
    series,
    current,
    read,
    unfiled: entries.length - outcomes.length,
    done: outcomes.length === entries.length,
    outcomes,
    setDraft: (key, draft) => update(key, (entry) => (entry.state === 'read' ? { ...entry, draft } : entry)),
    file: enqueue,
    fileAll: () => {
      fillingAll.current = true;
      for (const entry of entriesRef.current) if (entry.state === 'read') enqueue(entry.key);
    },
    skip: (key) => update(key, (entry) => (entry.state === 'read' ? { key, name: entry.name, state: 'done', outcome: { file: entry.name, status: 'skipped', reason: SKIPPED_BY_CLERK } } : entry)),
    stop: () => {
      stopped.current = true;
    },
  };
}
