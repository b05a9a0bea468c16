// The archive service's entry points for the command line, browser mode's server and Electron's main process.
export { Archive, openArchive, withArchive } from './archive.ts';
export { resolveDataDir } from './data-dir.ts';
export { createArchiveHandlers, withStorageErrors, type ArchiveHandlers, type ArchiveMethod } from './handlers.ts';
export { backupIfDue, createBackup, restoreBackup, resolveBackupPath } from './backups.ts';
export type { ArchiveHolder } from './archive-lock.ts';
export { ArchiveError } from './errors.ts';
