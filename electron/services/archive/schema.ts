// The archive's tables and their migrations: schema version N is PRAGMA user_version = N; each step
// runs in one transaction, so a file is always at exactly one version.
import type Database from 'better-sqlite3';
import { issueSchema } from '../../../shared/model/issue.ts';
import type { RevisionKind } from '../../../shared/api/records.ts';
import { indexIssue } from './search-index.ts';

/** "JBAO": marks the file as a Jianbao archive, so that no other SQLite file is ever migrated. */
export const APPLICATION_ID = 0x4a42414f;

function createCoreTables(db: Database.Database): void {
  db.exec(`
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

    CREATE TABLE series (
      id INTEGER PRIMARY KEY,
      uid TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL UNIQUE,
      settings TEXT NOT NULL,
      archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE issues (
      id INTEGER PRIMARY KEY,
      uid TEXT NOT NULL UNIQUE,
      series_id INTEGER NOT NULL REFERENCES series (id),
      numbering TEXT NOT NULL CHECK (numbering IN ('sequential', 'yearly-with-total')),
      number INTEGER NOT NULL,
      year INTEGER NOT NULL,
      total_number INTEGER,
      -- where a number must be unique: the whole series (sequential numbering) or the year (yearly numbering)
      number_scope INTEGER NOT NULL GENERATED ALWAYS AS (CASE numbering WHEN 'sequential' THEN 0 ELSE year END) VIRTUAL,
      date TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('draft', 'reviewed', 'issued')),
      first_title TEXT NOT NULL,
      revision INTEGER NOT NULL,
      content_hash TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT;
    CREATE UNIQUE INDEX issues_number ON issues (series_id, number_scope, number);
    CREATE UNIQUE INDEX issues_total_number ON issues (series_id, total_number) WHERE total_number IS NOT NULL;
    CREATE INDEX issues_series_date ON issues (series_id, date);

    CREATE TABLE revisions (
      issue_id INTEGER NOT NULL REFERENCES issues (id),
      revision INTEGER NOT NULL,
      saved_at TEXT NOT NULL,
      status TEXT NOT NULL,
      chars INTEGER NOT NULL,
      note TEXT NOT NULL,
      content TEXT NOT NULL,
      content_hash TEXT NOT NULL,
      PRIMARY KEY (issue_id, revision)
    ) STRICT;

    CREATE TABLE reopenings (
      id INTEGER PRIMARY KEY,
      issue_id INTEGER NOT NULL REFERENCES issues (id),
      at TEXT NOT NULL,
      reason TEXT NOT NULL
    ) STRICT;
    CREATE INDEX reopenings_issue ON reopenings (issue_id);

    -- every content an issue has had, here or on another PC (learned from bundles): what bundle merging compares with
    CREATE TABLE known_versions (
      issue_id INTEGER NOT NULL REFERENCES issues (id),
      hash TEXT NOT NULL,
      PRIMARY KEY (issue_id, hash)
    ) STRICT, WITHOUT ROWID;
  `);
  db.pragma(`application_id = ${APPLICATION_ID}`);
}

/**
 * Trigram indexes for terms of three characters or more: one of the whole text (its content serves the
 * snippets), a small one of the titles alone so that "every term in a title" stays cheap; and an index of
 * character pairs for shorter terms (single-token queries only: it keeps columns, not positions).
 */
function createSearchIndex(db: Database.Database): void {
  db.exec(`
    CREATE VIRTUAL TABLE search_text USING fts5 (titles, body, tokenize = 'trigram');
    CREATE VIRTUAL TABLE search_titles USING fts5 (titles, tokenize = 'trigram', content = '', contentless_delete = 1);
    CREATE VIRTUAL TABLE search_pairs USING fts5 (titles, body, tokenize = 'ascii', content = '', contentless_delete = 1, detail = column);
  `);
  // in pages: a statement cannot write while another one is still reading rows
  const page = db.prepare<[number], { id: number; content: string }>(
    `SELECT i.id, r.content FROM issues i JOIN revisions r ON r.issue_id = i.id AND r.revision = i.revision
     WHERE i.deleted_at IS NULL AND i.id > ? ORDER BY i.id LIMIT 500`,
  );
  for (let rows = page.all(0); rows.length > 0; rows = page.all(rows[rows.length - 1]!.id)) {
    for (const row of rows) indexIssue(db, row.id, issueSchema.parse(JSON.parse(row.content)), null);
  }
}

/**
 * Issued means final: the series settings an issue was issued with (its layout and fonts) are kept with
 * it; and bundle merging decides only from this archive's own records of what it sent and received,
 * never from a history a bundle file claims (the old known_versions held such claims, so it goes).
 */
function keepIssuedPrintsAndOwnSyncRecords(db: Database.Database): void {
  db.exec(`
    CREATE TABLE issued_prints (
      issue_id INTEGER PRIMARY KEY REFERENCES issues (id),
      settings TEXT NOT NULL,
      issued_at TEXT NOT NULL
    ) STRICT;
    INSERT INTO issued_prints (issue_id, settings, issued_at)
      SELECT i.id, s.settings, i.updated_at FROM issues i JOIN series s ON s.id = i.series_id WHERE i.status = 'issued';

    -- the contents (status aside) this archive put into a bundle or took from one, per issue
    CREATE TABLE synced_versions (
      issue_id INTEGER NOT NULL REFERENCES issues (id),
      body_hash TEXT NOT NULL,
      PRIMARY KEY (issue_id, body_hash)
    ) STRICT, WITHOUT ROWID;

    DROP TABLE known_versions;
  `);
}

/**
 * What made a revision, read from the note earlier versions wrote for it ('新建', '复制自第3期',
 * '导入自 x.docx', '从档案包导入', '从档案包更新', '恢复自第2版', '状态改为已审核', '退回为草稿',
 * '撤回印发（…），状态改为草稿', '保存'); any other note counts as a save. Only '新建' reads as created:
 * an untouched created draft may be discarded, so nothing else is ever taken for one.
 */
export function kindOfNote(note: string): RevisionKind {
  if (note === '新建') return 'created';
  if (note.startsWith('复制自')) return 'duplicated';
  if (note.startsWith('导入') || note === '从档案包导入') return 'imported';
  if (note.startsWith('从档案包')) return 'merged';
  if (note.startsWith('恢复自')) return 'restored';
  if (note.startsWith('撤回印发')) return 'reopened';
  if (note.startsWith('退回为')) return 'returned';
  if (note === '状态改为已审核') return 'reviewed';
  if (note === '状态改为已印发') return 'issued';
  if (note.startsWith('状态改为')) return 'returned';
  if (note.startsWith('自动保存')) return 'autosave';
  return 'save';
}

/** Each revision says what made it (a save, an autosave, a review, a restore …), back-filled from the notes. */
function addRevisionKinds(db: Database.Database): void {
  // the kinds of this version, written out: a kind added later comes with a migration of its own
  db.exec(`ALTER TABLE revisions ADD COLUMN kind TEXT NOT NULL DEFAULT 'save'
    CHECK (kind IN ('created', 'duplicated', 'imported', 'merged', 'autosave', 'save', 'reviewed', 'returned', 'issued', 'reopened', 'restored'))`);
  db.function('jianbao_kind_of_note', { deterministic: true }, (note) => kindOfNote(String(note)));
  db.exec('UPDATE revisions SET kind = jianbao_kind_of_note(note)');
}

/**
 * Photos inside articles: each image once, under the SHA-256 hex of its bytes, whichever issues and
 * revisions show it (they name it by that id). Images are never deleted while the archive exists.
 */
function addImages(db: Database.Database): void {
  db.exec(`
    CREATE TABLE images (
      id TEXT PRIMARY KEY CHECK (length(id) = 64),
      format TEXT NOT NULL CHECK (format IN ('jpeg', 'png')),
      width INTEGER NOT NULL CHECK (width > 0),
      height INTEGER NOT NULL CHECK (height > 0),
      bytes BLOB NOT NULL,
      added_at TEXT NOT NULL
    ) STRICT;
  `);
}

/**
 * FTS5 merges an index level once it holds `automerge` segments (4 by default), and each merge rewrites
 * the whole level: with a segment per imported batch, a 100,000-issue import spent a third of its time
 * re-merging, and more the larger the archive grew. Sixteen segments per level keep the merging roughly
 * constant per issue; searches touch at most that many segments per level and stay well inside their goal.
 * The value is stored in each index's own config table, so it holds for every later connection.
 */
export const SEARCH_AUTOMERGE = 16;

function mergeSearchSegmentsLater(db: Database.Database): void {
  // FTS5 takes config values as SQL literals: a bound number arrives as REAL and is refused
  for (const table of ['search_text', 'search_titles', 'search_pairs']) {
    db.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('automerge', ${SEARCH_AUTOMERGE})`);
  }
}

const MIGRATIONS: readonly ((db: Database.Database) => void)[] = [createCoreTables, createSearchIndex, keepIssuedPrintsAndOwnSyncRecords, addRevisionKinds, addImages, mergeSearchSegmentsLater];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Brings the file up to `target` (the latest unless a test asks for an older one), one version per transaction. */
export function migrate(db: Database.Database, target = SCHEMA_VERSION): void {
  for (let version = schemaVersion(db); version < target; version++) {
    db.transaction(() => {
      MIGRATIONS[version]!(db);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
}
