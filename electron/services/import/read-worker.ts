// The reading worker: a thread of its own (started by read-in-worker.ts with memory and time limits) that
// turns a bulletin file, by path or by bytes, into the canonical issue with the in-process readers. A file
// that exhausts the worker's memory or time takes only this thread down.
import { parentPort } from 'node:worker_threads';
import { isUserFacing, type ApiErrorCode } from '../../../shared/api/errors.ts';
import { readBulletinBytes, readBulletinFile } from './read-file.ts';
import type { ReadBulletin } from '../../../shared/import/source.ts';

export type ReadRequest = { id: number; path: string } | { id: number; name: string; bytes: Uint8Array };
export type ReadReply = { id: number; ok: true; read: ReadBulletin } | { id: number; ok: false; message: string; /** the ApiError's code when the error is meant for the clerk */ code: ApiErrorCode | null };
/** posted once, when the worker has loaded and listens */
export type ReadyMessage = 'ready';

function reply(id: number, error: unknown): ReadReply {
  return { id, ok: false, message: error instanceof Error ? error.message : String(error), code: isUserFacing(error) ? error.code : null };
}

const port = parentPort;
if (!port) throw new Error('read-worker.ts runs only as a worker thread (see read-in-worker.ts)');
port.on('message', async (request: ReadRequest) => {
  let answer: ReadReply;
  try {
    const read = 'path' in request ? await readBulletinFile(request.path) : await readBulletinBytes(request.bytes, request.name);
    answer = { id: request.id, ok: true, read };
  } catch (error) {
    answer = reply(request.id, error);
  }
  port.postMessage(answer);
});
port.postMessage('ready' satisfies ReadyMessage);
