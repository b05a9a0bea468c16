// Prepared statements cached per connection, so hot paths (open an issue, index a save) do not re-prepare SQL.
import type Database from 'better-sqlite3';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function statement<Params extends unknown[] | {} = unknown[], Row = unknown>(db: Database.Database, sql: string): Database.Statement<Params, Row> {
  let byText = cache.get(db);
  if (!byText) cache.set(db, (byText = new Map()));
  let prepared = byText.get(sql);
  if (!prepared) byText.set(sql, (prepared = db.prepare(sql)));
  return prepared as Database.Statement<Params, Row>;
}

/** The SQL of every statement cached for this connection: what a test reads to see which queries a piece of work ran. */
export function cachedStatementTexts(db: Database.Database): string[] {
  return [...(cache.get(db)?.keys() ?? [])];
}
