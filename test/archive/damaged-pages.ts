// Damage as a failing disk leaves it: every page of one table (found by dbstat) but its root overwritten.
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, rmSync, writeSync } from 'node:fs';

/**
 * Overwrites every page of `table` but its root with garbage ('middle': only the middle third, so that a row
 * added at the end can still be written); returns how many pages the table had.
 */
export function damagePagesOf(file: string, table: string, which: 'all' | 'middle' = 'all'): number {
  const sideFiles = [`${file}-wal`, `${file}-shm`].filter((side) => !existsSync(side));
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.prepare('SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno').pluck().all(table) as number[];
  db.close();
  // a read-only connection leaves the -wal and -shm it made: the file is left as the disk would
  for (const side of sideFiles) rmSync(side, { force: true });
  const fd = openSync(file, 'r+');
  try {
    const damaged = which === 'all' ? pages.slice(1) : pages.slice(Math.floor(pages.length / 3), Math.floor((2 * pages.length) / 3));
    for (const page of damaged) writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
  return pages.length;
}
