// The names of the API's methods, the contract's one list of them (shared/api/contract.ts gives each its
// schemas, and the compiler holds the two to the same names). Imports nothing, so the preload can refuse
// a name outside the contract without bundling the schemas.

export const API_METHODS = [
  'app.info',
  'series.list',
  'series.get',
  'series.create',
  'series.update',
  'series.setArchived',
  'issues.list',
  'issues.gaps',
  'issues.next',
  'issues.get',
  'issues.save',
  'issues.setStatus',
  'issues.duplicate',
  'issues.delete',
  'issues.discard',
  'issues.restore',
  'issues.recycleBin',
  'revisions.list',
  'revisions.get',
  'revisions.restore',
  'search',
  'import.file',
  'import.read',
  'import.confirm',
  'export.docx',
  'export.pdf',
  'export.json',
  'volume.preview',
  'volume.start',
  'volume.progress',
  'volume.cancel',
  'volume.result',
  'stats.tally',
  'stats.xlsx',
  'stats.docx',
  'backup.create',
  'backup.list',
  'backup.restore',
  'bundle.export',
  'bundle.import',
  'images.add',
  'images.get',
] as const;

export type ApiMethod = (typeof API_METHODS)[number];

export const apiMethods: readonly ApiMethod[] = API_METHODS;

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && (API_METHODS as readonly string[]).includes(name);
}
