// What the import tests share about reading a file: the message a read is refused with, and a reading
// worker (electron/services/import/read-in-worker.ts) used for a test and closed after it.
import { expect } from 'vitest';
import { UnreadableFileError } from '../../electron/services/files/read-file-bytes.ts';
import type { ReadBulletin } from '../../shared/import/source.ts';
import { BulletinReader, type ReadLimits } from '../../electron/services/import/read-in-worker.ts';

/** The message `promise` is refused with, after checking it is refused, and as an unreadable file (or as `kind`). */
export async function refusal(promise: Promise<unknown>, kind: abstract new (...args: never[]) => Error = UnreadableFileError): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(kind);
  return (error as Error).message;
}

/** Runs `use` with a reading worker of its own (with `limits`, from the bundled `entry` if given), closed after it. */
export async function withReader<T>(use: (reader: BulletinReader) => Promise<T>, options: { limits?: Partial<ReadLimits>; entry?: string } = {}): Promise<T> {
  const reader = options.entry === undefined ? new BulletinReader(options.limits) : new BulletinReader(options.limits ?? {}, options.entry);
  try {
    return await use(reader);
  } finally {
    await reader.close();
  }
}

/** The files read at once by one worker: each one's read, or the message it was refused with as an unreadable file. */
export async function readAllSettled(reader: BulletinReader, files: readonly (readonly [bytes: Uint8Array, name: string])[]): Promise<(ReadBulletin | string)[]> {
  const outcomes = await Promise.allSettled(files.map(([bytes, name]) => reader.readBytes(bytes, name)));
  return outcomes.map((outcome) => {
    if (outcome.status === 'fulfilled') return outcome.value;
    expect(outcome.reason).toBeInstanceOf(UnreadableFileError);
    return (outcome.reason as Error).message;
  });
}
