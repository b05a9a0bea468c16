// Reads bulletin files in a worker thread with a memory limit and a time limit, so that a file made to
// exhaust memory or time (a zip bomb the guard missed, a pathological document) fails alone with a
// Chinese reason while the calling process (Electron's main process, the CLI, browser mode) carries on.
// Every untrusted file is read this way; read-bulletin-file.ts's functions are what the worker runs.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ApiError } from '../../../shared/api/errors.ts';
import { UnreadableFileError } from '../files/read-file-bytes.ts';
import type { ReadBulletin } from '../../../shared/import/source.ts';
import type { ReadReply, ReadRequest, ReadyMessage } from './read-worker.ts';

export interface ReadLimits {
  /** the worker's V8 heap (old generation), in MB */
  memoryMb: number;
  /** for one file, from the moment it is handed over (a fresh worker's start included) */
  timeoutMs: number;
  /** an idle worker is stopped after this long; the next file starts a new one */
  idleMs: number;
}

export const READ_LIMITS: ReadLimits = { memoryMb: 256, timeoutMs: 20_000, idleMs: 10_000 };

/**
 * The worker's entry beside this module: the bundled `read-worker.js` when running from
 * dist-electron/electron/ (main.js and read-worker.js side by side), else the source entry `read-worker.mjs`.
 */
export function readWorkerEntry(folder: string = dirname(fileURLToPath(import.meta.url))): string {
  const built = join(folder, 'read-worker.js');
  return existsSync(built) ? built : join(folder, 'read-worker.mjs');
}

export const outOfMemoryMessage = (name: string) => `读取文件所需内存超过上限，文件可能已损坏或是恶意构造的，已停止读取：${name}`;
export const timeoutMessage = (name: string, timeoutMs: number) => `读取文件超时（超过 ${timeoutMs / 1000} 秒），已停止：${name}`;

type Source = { path: string } | { name: string; bytes: Uint8Array };

interface Pending {
  id: number;
  name: string;
  resolve: (read: ReadBulletin) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** One worker, reused file after file (one at a time), replaced after a file that brought it down. */
export class BulletinReader {
  readonly limits: ReadLimits;
  readonly #entry: string;
  #worker: Worker | undefined;
  /** settles when the current worker has loaded, or failed to */
  #loaded: Promise<void> = Promise.resolve();
  #pending: Pending | undefined;
  #idleTimer: NodeJS.Timeout | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #nextId = 1;

  constructor(limits: Partial<ReadLimits> = {}, entry: string = readWorkerEntry()) {
    this.limits = { ...READ_LIMITS, ...limits };
    this.#entry = entry;
  }

  readFile(path: string): Promise<ReadBulletin> {
    return this.#enqueue({ path }, path);
  }

  /** `bytes` are copied to the worker; `name` decides the format by its extension and names the file in messages. */
  readBytes(bytes: Uint8Array, name: string): Promise<ReadBulletin> {
    return this.#enqueue({ name, bytes }, name);
  }

  /** Starts the worker now if it is not running, and waits until it has loaded (a read starts it by itself). */
  async start(): Promise<void> {
    if (!this.#worker) this.#worker = this.#start();
    await this.#loaded;
  }

  /** Stops the worker (a later read starts a new one). */
  async close(): Promise<void> {
    clearTimeout(this.#idleTimer);
    const worker = this.#worker;
    this.#worker = undefined;
    if (worker) await worker.terminate();
  }

  #enqueue(source: Source, name: string): Promise<ReadBulletin> {
    const result = this.#queue.then(() => this.#send(source, name));
    this.#queue = result.catch(() => undefined);
    return result;
  }

  #start(): Worker {
    const worker = new Worker(this.#entry, { resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb } });
    let loaded = () => {};
    let failed = (_error: Error) => {};
    this.#loaded = new Promise((resolve, reject) => {
      loaded = resolve;
      failed = reject;
    });
    this.#loaded.catch(() => undefined);
    worker.on('message', (reply: ReadReply | ReadyMessage) => {
      const pending = this.#pending;
      if (reply === 'ready') {
        loaded();
        if (!pending) this.#idle(worker);
        return;
      }
      if (!pending || pending.id !== reply.id) return;
      if (reply.ok) this.#settle(pending, undefined, reply.read);
      else this.#settle(pending, reply.code === null ? new Error(reply.message) : reply.code === 'unreadable' ? new UnreadableFileError(reply.message) : new ApiError(reply.code, reply.message));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      failed(error);
      if (this.#worker === worker) this.#worker = undefined;
      const pending = this.#pending;
      if (!pending) return;
      this.#settle(
        pending,
        error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new UnreadableFileError(outOfMemoryMessage(pending.name)) : new Error(`读取文件的后台线程出错（${error.message}）`),
      );
    });
    worker.on('exit', (code) => {
      failed(new Error(`读取文件的后台线程未能启动（退出码 ${code}）`));
      if (this.#worker === worker) this.#worker = undefined;
      const pending = this.#pending;
      if (pending) this.#settle(pending, new Error(`读取文件的后台线程意外退出（退出码 ${code}）`));
    });
    return worker;
  }

  /** An idle worker neither keeps the process alive nor lingers. */
  #idle(worker: Worker): void {
    worker.unref();
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => {
      if (this.#worker === worker && !this.#pending) void this.close();
    }, this.limits.idleMs);
    this.#idleTimer.unref();
  }

  #send(source: Source, name: string): Promise<ReadBulletin> {
    clearTimeout(this.#idleTimer);
    const worker = (this.#worker ??= this.#start());
    worker.ref();
    const id = this.#nextId++;
    return new Promise<ReadBulletin>((resolve, reject) => {
      const timer = setTimeout(() => {
        const pending = this.#pending;
        if (!pending || pending.id !== id) return;
        if (this.#worker === worker) this.#worker = undefined;
        void worker.terminate();
        this.#settle(pending, new UnreadableFileError(timeoutMessage(name, this.limits.timeoutMs)));
      }, this.limits.timeoutMs);
      this.#pending = { id, name, resolve, reject, timer };
      if ('path' in source) {
        worker.postMessage({ id, path: source.path } satisfies ReadRequest);
      } else {
        // a copy of exactly these bytes (cloning a view would copy all of the buffer under it), handed over whole
        const bytes = new Uint8Array(source.bytes);
        worker.postMessage({ id, name: source.name, bytes } satisfies ReadRequest, [bytes.buffer]);
      }
    });
  }

  #settle(pending: Pending, error: Error | undefined, read?: ReadBulletin): void {
    if (this.#pending !== pending) return;
    this.#pending = undefined;
    clearTimeout(pending.timer);
    if (this.#worker) this.#idle(this.#worker);
    if (error) pending.reject(error);
    else pending.resolve(read!);
  }
}

/** The reader the app and the command line share. */
const shared = new BulletinReader();

/** Starts the shared reader's worker now, so that the first read does not wait for it (a failure to start is the first read's to report). */
export function startReadingWorker(): void {
  shared.start().catch(() => undefined);
}

/** Reads a bulletin file from disk (.txt, .docx or .json) in the reading worker. */
export function readBulletinFileInWorker(path: string): Promise<ReadBulletin> {
  return shared.readFile(path);
}

/** Reads a bulletin already in memory (an upload), by the extension of its `name`, in the reading worker. */
export function readBulletinBytesInWorker(bytes: Uint8Array, name: string): Promise<ReadBulletin> {
  return shared.readBytes(bytes, name);
}
