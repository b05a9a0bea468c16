// Damage as a failing disk leaves it: every page of one table (found by dbstat) but its root overwritten.
import Database from 'better-sqlite3';
import { closeSync, openSync, writeSync } from 'node:fs';

/** Overwrites every page of `table` but its root with garbage; returns how many pages the table had. */
export function damagePagesOf(file: string, table: string): number {
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.prepare('SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno').pluck().all(table) as number[];
  db.close();
  const fd = openSync(file, 'r+');
  try {
    for (const page of pages.slice(1)) writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
  return pages.length;
}
