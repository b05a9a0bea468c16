// The import service's contract methods: files handed over by the renderer are read in the reading
// worker and filed into the archive.
import type { ApiHandlers, ApiMethod } from '../../../shared/api/contract.ts';
import { withStorageErrors, type Archive } from '../archive/index.ts';
import { importUpload } from './import-files.ts';

export type ImportMethod = Extract<ApiMethod, `import.${string}`>;
export type ImportHandlers = Pick<ApiHandlers, ImportMethod>;

const fromBase64 = (base64: string) => Buffer.from(base64, 'base64');

export function createImportHandlers(archive: Archive): ImportHandlers {
  return withStorageErrors<ImportHandlers>({
    'import.file': ({ name, base64, seriesId }) => importUpload(archive, name, fromBase64(base64), { seriesId }),
  });
}
