// The archive service's one entry point: everything outside electron/services/archive/ (the other
// services, the composition root electron/api/services.ts, the command line, browser mode) imports the
// archive from here, never its internals.

// opening the archive of a data folder
export { Archive, openArchive, withArchive } from './archive.ts';
export { resolveDataDir } from './data-dir.ts';
export type { ArchiveHolder } from './archive-lock.ts';

// the contract's methods (series, issues, revisions, search, backup, bundle)
export { createArchiveHandlers, withStorageErrors, type ArchiveHandlers, type ArchiveMethod } from './handlers.ts';

// what the other services build on: an issue with the settings it prints with, filing what was read
export { getIssue } from './issues.ts';
export { printSettingsOf } from './issued-prints.ts';
export { confirmImport, importPreview, importReadFile, importReadFiles, type ImportTarget, type ReadFile } from './import-issues.ts';

// what the contract does not cover: the daily backup when the app starts, and the command line's backups
// (another folder, retention settings, restore from a path) and bundles read from disk
export { backupIfDue, createBackup, restoreBackup, resolveBackupPath } from './backups.ts';
export { pruneBackups } from './backup-files.ts';
export { backupRetention, setBackupRetention } from './settings.ts';
export { importBundle } from './bundle.ts';

// the photos issues show: stored once by the SHA-256 of their bytes; what export looks them up with
export { putImages, imageBytes, storedImage, type StoredImage } from './images.ts';

// errors: the archive's ApiErrors, and disk failures as one Chinese sentence
export { ArchiveError } from './errors.ts';
export { lockedError } from './archive-lock.ts';
export { errnoCode, fileSystemError } from './fs-errors.ts';

// the issues a year's volume binds
export { nonEmptyVolumeContent, volumeContent, type VolumeContent, type VolumeRequest } from './volume-issues.ts';

// the issues a 信息采用 count reads
export { issuesOfPeriods, type PeriodIssue, type PeriodQuery } from './stats-issues.ts';
