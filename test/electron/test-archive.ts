// The real services over a real archive (SQLite in a temp folder), each call to a handler recorded, and
// a digest of everything stored: what the IPC tests need to show that refused payloads reach no handler
// and change nothing. PDF printing is the one stand-in (it needs Electron or Chromium).
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiHandlers, ApiMethod } from '../../shared/api/contract.ts';
import { openServices } from '../../electron/api/services.ts';
import type { Archive } from '../../electron/services/archive/index.ts';

export interface TestArchive {
  archive: Archive;
  dataDir: string;
  handlers: ApiHandlers;
  /** methods whose handler ran, in order */
  reached: ApiMethod[];
  /** every row of every table, the backups folder and the connection's change count, hashed */
  digest(): string;
  close(): Promise<void>;
}

export async function openTestArchive(): Promise<TestArchive> {
  const dataDir = mkdtempSync(join(tmpdir(), 'jianbao-ipc-'));
  const services = await openServices({ dataDir, printPdf: async () => new TextEncoder().encode('%PDF-1.7 stand-in') });
  const { archive } = services;
  const reached: ApiMethod[] = [];
  const handlers = Object.fromEntries(
    Object.entries(services.handlers).map(([method, handler]) => [
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

  return { archive, dataDir, handlers, reached, digest, close: () => services.close() };
}
