// A real archive (SQLite in a temp folder) behind the full set of API handlers, each call to a handler
// recorded, and a digest of everything stored: what the IPC tests need to show that refused payloads
// reach no handler and change nothing.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiError, type ApiHandlers, type ApiMethod } from '../../shared/api/contract.ts';
import { createArchiveHandlers, openArchive, type Archive } from '../../electron/services/archive/index.ts';

export interface TestArchive {
  archive: Archive;
  dataDir: string;
  handlers: ApiHandlers;
  /** methods whose handler ran, in order */
  reached: ApiMethod[];
  /** every row of every table, the backups folder and the connection's change count, hashed */
  digest(): string;
  close(): void;
}

export async function openTestArchive(): Promise<TestArchive> {
  const dataDir = mkdtempSync(join(tmpdir(), 'jianbao-ipc-'));
  const archive = await openArchive({ dataDir });
  const notExported = () => {
    throw new ApiError('internal', '测试中未接入导出');
  };
  const all: ApiHandlers = {
    ...createArchiveHandlers(archive),
    'app.info': () => ({ version: '0.0.0-test', dataDir, readOnlyReason: archive.readOnlyReason }),
    'export.docx': notExported,
    'export.pdf': notExported,
    'export.json': notExported,
  };
  const reached: ApiMethod[] = [];
  const handlers = Object.fromEntries(
    Object.entries(all).map(([method, handler]) => [
      method,
      (input: never) => {
        reached.push(method as ApiMethod);
        return (handler as (input: never) => unknown)(input);
      },
    ]),
  ) as ApiHandlers;

  const digest = () => {
    const hash = createHash('sha256');
    const tables = archive.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    for (const table of tables) hash.update(table).update(JSON.stringify(archive.db.prepare(`SELECT * FROM "${table}"`).raw().all()));
    hash.update(JSON.stringify(existsSync(archive.backupsDir) ? readdirSync(archive.backupsDir).sort() : []));
    hash.update(String(archive.db.prepare('SELECT total_changes()').pluck().get()));
    return hash.digest('hex');
  };

  return { archive, dataDir, handlers, reached, digest, close: () => archive.close() };
}
