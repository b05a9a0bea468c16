// Checks an archive file for damage: quick_check of every table's b-tree (at every open, so it must stay
// fast), or the full integrity_check (before a backup is restored), with the result in Chinese.
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
 * What is wrong with the file, or null when it is sound. 'quick' checks each ordinary table by name:
 * since SQLite 3.44 a plain quick_check also re-tokenizes every FTS5 index to compare it with its content,
 * seconds for a large archive at every start; the index's own tables are still checked page by page. The
 * photos (`images`) are left to the full check and to reading: a photo is checked against its hash each time
 * it is read, and walking every page of years of photos at each start would take longer than the text.
 */
export function damageOf(db: Database.Database, mode: 'quick' | 'full'): string | null {
  try {
    const problems: string[] = [];
    if (mode === 'full') {
      problems.push(...problemsOf(db.pragma('integrity_check')));
    } else {
      const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name <> 'images'").pluck().all() as string[];
      for (const table of tables) problems.push(...problemsOf(db.pragma(`quick_check("${table.replaceAll('"', '""')}")`)));
    }
    return problems.length === 0 ? null : `完整性检查发现 ${problems.length} 处问题`;
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    // a full disk, a read-only folder, a lock: the file may be sound, so it is not called damaged
    if (TROUBLE_NOT_DAMAGE.some((prefix) => code.startsWith(prefix))) throw error;
    return CODES[code] ?? `无法读取（${code || (error as Error).message}）`;
  }
}
