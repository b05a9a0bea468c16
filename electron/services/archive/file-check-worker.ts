// The check after open (check-after-open.ts starts it): a worker thread that opens the archive file
// read-only and runs quick_check over its large tables, so that the holder's own thread goes on answering
// while every page of years of revisions is read.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { damageOf } from './file-check.ts';

export interface FileCheckWork {
  file: string;
}

/** `damage`: what is wrong (null: sound); `trouble`: no verdict (the file could not be read for another reason) */
export type FileCheckReply = { damage: string | null } | { trouble: string };

const port = parentPort;
if (!port) throw new Error('file-check-worker.ts runs only as a worker thread (see check-after-open.ts)');
const { file } = workerData as FileCheckWork;
let reply: FileCheckReply;
try {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    reply = { damage: damageOf(db, 'quick', 'after-open') };
  } finally {
    db.close();
  }
} catch (error) {
  reply = { trouble: error instanceof Error ? error.message : String(error) };
}
port.postMessage(reply);
