// The import service's contract methods: files handed over by the renderer are read in the reading
// worker and either filed at once (import.file) or shown to the clerk first (import.read, which writes
// nothing) and filed as the clerk confirmed them (import.confirm). The photos a file held wait between the
// two in the main process (imported-images.ts) and go into the archive with the issue.
import type { ApiHandlers, ApiMethod } from '../../../shared/api/contract.ts';
import { ApiError, isUserFacing } from '../../../shared/api/errors.ts';
import { confirmImport, importPreview, withStorageErrors, type Archive } from '../archive/index.ts';
import { importUpload } from './import-files.ts';
import { fileWithImages, pendingImagesOf, type PendingImages } from './imported-images.ts';
import type { ReadBulletin } from '../../../shared/import/source.ts';
import { readBulletinBytesInWorker } from './read-in-worker.ts';

export type ImportMethod = Extract<ApiMethod, `import.${string}`>;
export type ImportHandlers = Pick<ApiHandlers, ImportMethod>;

const fromBase64 = (base64: string) => Buffer.from(base64, 'base64');

/** Reads an upload in the worker; a file that cannot be read is refused with the reader's Chinese reason. */
async function readUpload(name: string, base64: string): Promise<ReadBulletin> {
  try {
    return await readBulletinBytesInWorker(fromBase64(base64), name);
  } catch (error) {
    // the reader names the file at the end of its message; the renderer shows it beside the file already
    if (isUserFacing(error)) throw new ApiError('unreadable', error.message.replace(`：${name}`, ''));
    throw new ApiError('unreadable', `读取时出现意外问题（${error instanceof Error ? error.message : String(error)}）`);
  }
}

export function createImportHandlers(archive: Archive, pending: PendingImages = pendingImagesOf(archive)): ImportHandlers {
  return withStorageErrors<ImportHandlers>({
    'import.file': ({ name, base64, seriesId }) => importUpload(archive, name, fromBase64(base64), { seriesId }),
    'import.read': async ({ name, base64 }) => {
      const read = await readUpload(name, base64);
      pending.add(read.images);
      return importPreview(archive, { file: name, issue: read.issue, warnings: read.warnings, setAside: read.setAside, found: read.found, via: read.via });
    },
    'import.confirm': ({ file, issue, seriesId, newSeriesName }) => {
      archive.assertWritable();
      return fileWithImages(archive, pending.of(issue), () => confirmImport(archive, file, issue, seriesId !== undefined ? { seriesId } : { newSeriesName: newSeriesName! }));
    },
  });
}
