// Checks an archive file for damage: quick_check of every table's b-tree (the small tables at every open,
// the large ones just after, in a worker), or the full integrity_check (before a backup is restored), with
// the result in Chinese.
import type Database from 'better-sqlite3';

const CODES: Record<string, string> = {
  SQLITE_NOTADB: '文件不是可识别的数据库',
  SQLITE_CORRUPT: '数据页损坏',
};

const TROUBLE_NOT_DAMAGE = ['SQLITE_IOERR', 'SQLITE_FULL', 'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_NOMEM'];

function problemsOf(rows: unknown): string[] {
  return (rows as Record<string, string>[]).map((row) => Object.values(row)[0]!).filter((result) => result !== 'ok');
}

/**
 * Which ordinary tables a check reads. 'at-open' is what cannot be rebuilt and stays small (settings, series,
 * issues, reopenings, issued prints, sync records, and any table a later version adds); 'after-open' is what
 * grows with the years of text: the revisions and the search indexes' own tables (checked after the archive
 * opens, in a worker: file-check-worker.ts). The photos (`images`) are in neither: a photo is checked against
 * its hash each time it is read, and the full check before a restore reads them.
 */
export type CheckedPart = 'at-open' | 'after-open' | 'all';

/** The revisions and the search indexes' shadow tables (search_text_data …): what the check after open reads. */
export function isCheckedAfterOpen(table: string, virtualTables: readonly string[]): boolean {
  return table === 'revisions' || virtualTables.some((name) => table.startsWith(`${name}_`));
}

function tablesOf(db: Database.Database, part: CheckedPart): string[] {
  const schema = db.prepare("SELECT name, sql LIKE 'CREATE VIRTUAL TABLE%' AS virtual FROM sqlite_schema WHERE type = 'table'").all() as { name: string; virtual: number }[];
  const virtualTables = schema.filter((table) => table.virtual).map((table) => table.name);
  const ordinary = schema.filter((table) => !table.virtual && table.name !== 'images').map((table) => table.name);
  if (part === 'all') return ordinary;
  return ordinary.filter((table) => isCheckedAfterOpen(table, virtualTables) === (part === 'after-open'));
}

/**
 * What is wrong with the file, or null when it is sound. 'quick' checks each ordinary table of `part` by
 * name: since SQLite 3.44 a plain quick_check also re-tokenizes every FTS5 index to compare it with its
 * content, seconds for a large archive; the index's own tables are still checked page by page.
 */
export function damageOf(db: Database.Database, mode: 'quick' | 'full', part: CheckedPart = 'all'): string | null {
  try {
    const problems: string[] = [];
    if (mode === 'full') {
      problems.push(...problemsOf(db.pragma('integrity_check')));
    } else {
      for (const table of tablesOf(db, part)) problems.push(...problemsOf(db.pragma(`quick_check("${table.replaceAll('"', '""')}")`)));
    }
    return problems.length === 0 ? null : `完整性检查发现 ${problems.length} 处问题`;
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    // a full disk, a read-only folder, a lock: the file may be sound, so it is not called damaged
    if (TROUBLE_NOT_DAMAGE.some((prefix) => code.startsWith(prefix))) throw error;
    return CODES[code] ?? `无法读取（${code || (error as Error).message}）`;
  }
}
