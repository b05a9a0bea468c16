// A reason a clerk writes (重新打开 an issued issue): what counts as written, the same in the dialog and the archive.

/** The reason with invisible characters (zero-width, controls) gone, when it keeps at least two letters or digits; else null. */
export function visibleReason(reason: string | undefined): string | null {
  const cleaned = (reason ?? '').replace(/[\p{Cf}\p{Cc}\p{Default_Ignorable_Code_Point}]/gu, ' ').replace(/\s+/g, ' ').trim();
  return (cleaned.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= 2 ? cleaned : null;
}
