// The composition root: opens the archive of a data folder and puts together the handler of every
// contract method from the services (archive, import, export) and app.info. Electron's main process,
// browser mode and the command line all call it.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiHandlers } from '../../shared/api/contract.ts';
import { openArchive, createArchiveHandlers, backupIfDue, type Archive, type ArchiveHolder } from '../services/archive/index.ts';
import { createImportHandlers } from '../services/import/handlers.ts';
import { createExportHandlers, type PrintPdf } from '../services/export/handlers.ts';
import { createVolumeHandlers } from '../services/export/volume-handlers.ts';
import { createStatsHandlers } from '../services/stats/handlers.ts';

export interface Services {
  handlers: ApiHandlers;
  archive: Archive;
  close(): Promise<void>;
}

export interface ServiceOptions {
  dataDir: string;
  /** who holds the archive while these services run ("简报（浏览器模式）"): named to a second program */
  holder?: ArchiveHolder;
  /** 'read' opens it beside a program that holds it (the command line's reading commands); default 'write' */
  access?: 'write' | 'read';
  /** the daily backup runs when the app starts (after the check of the large tables, when that runs after open); tests turn it off */
  dailyBackup?: boolean;
  /** 'after-open' for the app and browser mode: the archive opens on its small tables' check (openArchive) */
  checkLargeTables?: 'at-open' | 'after-open';
  /** PDF export: Electron prints with its own webContents; browser mode and the CLI use Chromium */
  printPdf?: PrintPdf;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * The handlers of every contract method over an archive already open; close() stops what they started
 * (the PDF printer), not the archive.
 */
export function createServiceHandlers(archive: Archive, { printPdf }: { printPdf?: PrintPdf } = {}): { handlers: ApiHandlers; close(): Promise<void> } {
  const exporting = createExportHandlers(archive, { printPdf });
  return {
    handlers: {
      ...createArchiveHandlers(archive),
      ...createImportHandlers(archive),
      ...exporting.handlers,
      ...createVolumeHandlers(archive, exporting.printPdf),
      ...createStatsHandlers(archive),
      'app.info': () => ({ version, dataDir: archive.dataDir, readOnlyReason: archive.readOnlyReason, checking: archive.isChecking }),
    },
    close: () => exporting.close(),
  };
}

export async function openServices({ dataDir, holder = { name: '简报', kind: 'app' }, access, dailyBackup = false, checkLargeTables, printPdf }: ServiceOptions): Promise<Services> {
  const archive = await openArchive({ dataDir, holder, access, checkLargeTables });
  if (dailyBackup && !archive.readOnlyReason) {
    const backup = backupIfDue(archive).catch((error: unknown) => console.error(`每日备份未完成：${error instanceof Error ? error.message : String(error)}`));
    // waiting for the check after open would hold the app's start for as long as it reads: it backs up meanwhile
    if (checkLargeTables !== 'after-open') await backup;
  }
  const { handlers, close } = createServiceHandlers(archive, { printPdf });
  return {
    archive,
    handlers,
    close: async () => {
      await close();
      archive.close();
    },
  };
}
