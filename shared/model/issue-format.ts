// The issue format's name and its date rule, apart from the schema (issue.ts, which re-exports them): the
// plain-text reader needs these and no zod, so reading a .txt in the worker does not build the schemas.

export const ISSUE_FORMAT = 'jianbao/issue@2';
/** Formats read as this version: every earlier one holds nothing version 2 reads differently. */
export const READABLE_ISSUE_FORMATS = ['jianbao/issue@1', ISSUE_FORMAT] as const;

/** Whether `iso` (YYYY-MM-DD) names a day that exists. */
export function isRealDate(iso: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
