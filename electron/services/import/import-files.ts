// Imports bulletin files (.txt, .docx, .json), one by one or whole folders, into the archive: each file
// has its own outcome (imported, skipped, failed with the reason), and a bad file never stops the rest:
// files are read in the reading worker (read-in-worker.ts), so not even one that exhausts memory or time.
// A file's photos are stored with its issue, in its transaction (imported-images.ts).
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Archive } from '../archive/index.ts';
import type { ImportOutcome } from '../../../shared/api/records.ts';
import { importReadFile, importReadFiles, type ImportTarget, type ReadFile } from '../archive/index.ts';
import { isUserFacing } from '../../../shared/api/errors.ts';
import type { ReadBulletin } from '../../../shared/import/source.ts';
import { fileWithImages } from './imported-images.ts';
import { readBulletinBytesInWorker, readBulletinFileInWorker } from './read-in-worker.ts';

const IMPORTABLE_EXTENSIONS = ['.txt', '.docx', '.doc', '.wps', '.pdf', '.json'];
/** Files read and parsed before they are written together in one transaction. */
const BATCH_FILES = 50;

export interface ImportPathsOptions extends ImportTarget {
  onProgress?: (outcome: ImportOutcome, done: number, total: number) => void;
}

/** Folders expanded (recursively, in name order) to the bulletin files in them; Office lock files and hidden files left out. */
async function expand(path: string): Promise<string[]> {
  let info;
  try {
    info = await stat(path);
  } catch {
    return [path];
  }
  if (!info.isDirectory()) return [path];
  const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name.startsWith('~$')) continue;
    const child = join(path, entry.name);
    if (entry.isDirectory()) files.push(...(await expand(child)));
    else if (IMPORTABLE_EXTENSIONS.includes(extname(entry.name).toLowerCase())) files.push(child);
  }
  return files;
}

/** A file as read, with the photos its issue shows. */
type ReadWithImages = ReadFile & Pick<ReadBulletin, 'images'>;

async function readOne(file: string, read: (file: string) => Promise<ReadBulletin>): Promise<ReadWithImages | ImportOutcome> {
  try {
    const { issue, warnings, setAside, images } = await read(file);
    return { file, issue, warnings, setAside, ...(images ? { images } : {}) };
  } catch (error) {
    // the reader names the file at the end of its message; the outcome names it already
    if (isUserFacing(error)) return { file, status: 'failed', reason: error.message.replace(`：${file}`, '') };
    // one strange file must not stop the rest of a folder
    return { file, status: 'failed', reason: `读取时出现意外问题（${error instanceof Error ? error.message : String(error)}）` };
  }
}

export async function importPaths(archive: Archive, paths: readonly string[], options: ImportPathsOptions = {}): Promise<ImportOutcome[]> {
  archive.assertWritable();
  const files = (await Promise.all(paths.map(expand))).flat();
  const outcomes: ImportOutcome[] = [];
  for (let start = 0; start < files.length; start += BATCH_FILES) {
    const batch: (ReadWithImages | ImportOutcome)[] = [];
    for (const file of files.slice(start, start + BATCH_FILES)) batch.push(await readOne(file, readBulletinFileInWorker));
    // files without photos together, in one transaction; each with photos in its own, with them
    const filed = importReadFiles(archive, batch.filter((item): item is ReadWithImages => !('status' in item) && !item.images), options);
    for (const item of batch) {
      const outcome = 'status' in item ? item : item.images ? fileWithImages(archive, item.images, () => importReadFile(archive, item, options)) : filed.shift()!;
      outcomes.push(outcome);
      options.onProgress?.(outcome, outcomes.length, files.length);
    }
  }
  return outcomes;
}

/** One file handed over by the renderer (its name and bytes), as the API's import.file. */
export async function importUpload(archive: Archive, name: string, bytes: Uint8Array, target: ImportTarget): Promise<ImportOutcome> {
  archive.assertWritable();
  const read = await readOne(name, (file) => readBulletinBytesInWorker(bytes, file));
  return 'status' in read ? read : fileWithImages(archive, read.images, () => importReadFile(archive, read, target));
}
