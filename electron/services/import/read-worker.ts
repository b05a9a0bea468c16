// The reading worker: a thread of its own (started by read-in-worker.ts with memory and time limits) that
// turns a bulletin file, by path or by bytes, into the canonical issue with the in-process readers. A file
// that exhausts the worker's memory or time takes only this thread down. The photos a file held come back
// with the issue, their bytes transferred.
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

/** The bytes in an ArrayBuffer that holds them alone (a Buffer may be a slice of a shared pool). */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && !(bytes.buffer instanceof SharedArrayBuffer) ? bytes : new Uint8Array(bytes);
}

const port = parentPort;
if (!port) throw new Error('read-worker.ts runs only as a worker thread (see read-in-worker.ts)');
port.on('message', async (request: ReadRequest) => {
  let answer: ReadReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const read = 'path' in request ? await readBulletinFile(request.path) : await readBulletinBytes(request.bytes, request.name);
    if (read.images) {
      // the photos' bytes are handed over, not copied: each in a buffer of its own, so nothing else goes with it
      read.images = read.images.map((image) => ({ ref: image.ref, bytes: ownBuffer(image.bytes) }));
      transfer = [...new Set(read.images.map((image) => image.bytes.buffer as ArrayBuffer))];
    }
    answer = { id: request.id, ok: true, read };
  } catch (error) {
    answer = reply(request.id, error);
  }
  port.postMessage(answer, transfer);
});
port.postMessage('ready' satisfies ReadyMessage);
