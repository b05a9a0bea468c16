// The archive's side of the API contract: one handler per method (input already validated at the
// boundary), errors as ApiError with Chinese messages. Electron's IPC and browser mode's server both use it.
import type { ApiHandlers, ApiMethod } from '../../../shared/api/contract.ts';
import type { Archive } from './archive.ts';
import { createSeries, listSeries, setSeriesArchived, updateSeries } from './series.ts';
import { deleteIssue, discardUntouchedDraft, duplicateIssue, getIssue, listIssues, nextIssue, recycleBin, restoreIssue, saveIssue, setIssueStatus } from './issues.ts';
import { getRevision, listRevisions, restoreRevision } from './revisions.ts';
import { numberingGaps } from './numbering.ts';
import { getSeries, seriesEntry } from './series.ts';
import { searchIssues } from './search-index.ts';
import { backupInFolder, createBackup, restoreBackup } from './backups.ts';
import { listBackups } from './backup-files.ts';
import { exportBundle, importBundle } from './bundle.ts';
import { ArchiveError, storageError } from './errors.ts';
import { putImages, storedImage } from './images.ts';
import { prepareImage } from '../images/prepare-image.ts';

export type ArchiveMethod = Exclude<ApiMethod, `export.${string}` | `import.${string}` | `volume.${string}` | `stats.${string}` | 'app.info'>;
export type ArchiveHandlers = Pick<ApiHandlers, ArchiveMethod>;

const fromBase64 = (base64: string) => Buffer.from(base64, 'base64');

/** A file's bytes from the base64 a page sent (a data: URL's prefix allowed); anything else is refused, never half-read. */
function imageFileBytes(dataBase64: string, name: string): Buffer {
  const base64 = dataBase64.replace(/^data:[\w/+.-]*;base64,/, '').replace(/\s+/g, '');
  if (base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) {
    throw new ArchiveError('invalid-input', `图片“${name}”的数据传送不完整或格式不对，请重新插入`);
  }
  return Buffer.from(base64, 'base64');
}

export function createArchiveHandlers(archive: Archive): ArchiveHandlers {
  const handlers: ArchiveHandlers = {
    'series.list': ({ includeArchived }) => listSeries(archive, includeArchived),
    'series.get': ({ id }) => getSeries(archive, id),
    'series.create': ({ settings }) => createSeries(archive, settings),
    'series.update': ({ id, settings }) => updateSeries(archive, id, settings),
    'series.setArchived': ({ id, archived }) => setSeriesArchived(archive, id, archived),

    'issues.list': (filter) => listIssues(archive, filter),
    'issues.gaps': ({ seriesId }) => {
      seriesEntry(archive, seriesId);
      return archive.read(() => numberingGaps(archive.db, seriesId));
    },
    'issues.next': ({ seriesId, date }) => nextIssue(archive, seriesId, date),
    'issues.get': ({ id }) => getIssue(archive, id),
    'issues.save': ({ id, baseRevision, issue, kind }) => saveIssue(archive, id, baseRevision, issue, kind),
    'issues.setStatus': ({ id, status, reason }) => setIssueStatus(archive, id, status, reason),
    'issues.duplicate': ({ id }) => duplicateIssue(archive, id),
    'issues.delete': ({ id }) => deleteIssue(archive, id),
    'issues.discard': ({ id }) => discardUntouchedDraft(archive, id),
    'issues.restore': ({ id }) => restoreIssue(archive, id),
    'issues.recycleBin': () => recycleBin(archive),

    'revisions.list': ({ issueId }) => listRevisions(archive, issueId),
    'revisions.get': ({ issueId, revision }) => getRevision(archive, issueId, revision),
    'revisions.restore': ({ issueId, revision, withMasthead }) => restoreRevision(archive, issueId, revision, withMasthead),

    search: (input) => archive.read(() => searchIssues(archive.db, input)),


    'backup.create': () => createBackup(archive, 'manual'),
    'backup.list': () => listBackups(archive.backupsDir),
    'backup.restore': async ({ name }) => {
      // only a backup the dialog listed: never a path, never a file elsewhere
      await restoreBackup(archive, backupInFolder(archive, name));
    },

    'bundle.export': ({ seriesId }) => exportBundle(archive, seriesId),
    'bundle.import': ({ base64 }) => importBundle(archive, fromBase64(base64)),

    'images.add': async ({ name, dataBase64 }) => {
      archive.assertWritable();
      const prepared = await prepareImage(imageFileBytes(dataBase64, name), name);
      putImages(archive, [prepared]);
      return prepared.ref;
    },
    'images.get': ({ id }) => {
      const image = storedImage(archive, id);
      if (!image) throw new ArchiveError('not-found', '档案中没有这张图片，可能来自另一台电脑上的档案；请重新插入');
      return { format: image.ref.format, dataBase64: Buffer.from(image.bytes).toString('base64') };
    },
  };
  return withStorageErrors(handlers);
}

/** Failures of the database file itself reach the renderer as Chinese ApiErrors too. */
export function withStorageErrors<Handlers extends object>(handlers: Handlers): Handlers {
  const wrapped: Record<string, (input: never) => unknown> = {};
  for (const [method, handler] of Object.entries(handlers) as [string, (input: never) => unknown][]) {
    wrapped[method] = async (input: never) => {
      try {
        return await handler(input);
      } catch (error) {
        throw storageError(error);
      }
    };
  }
  return wrapped as Handlers;
}
