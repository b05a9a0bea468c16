// Real archives in temporary folders for the archive tests, closed and removed after each test file,
// and small issues whose text the tests choose.
import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openArchive, type Archive } from '../../electron/services/archive/archive.ts';
import { createSeries } from '../../electron/services/archive/series.ts';
import { migrate } from '../../electron/services/archive/schema.ts';
import { storedIssue } from '../../electron/services/archive/stored-issue.ts';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import { emptyIssue, type Issue, type Numbering } from '../../shared/model/issue.ts';
import type { SeriesRecord } from '../../shared/api/records.ts';
import { parseBulletinText } from '../../shared/import/parse-bulletin.ts';
import { bulletinFixtures } from '../fixtures.ts';
import { createArchiveHandlers, type ArchiveMethod } from '../../electron/services/archive/handlers.ts';
import { createImportHandlers, type ImportMethod } from '../../electron/services/import/handlers.ts';
import { ApiError, apiContract, type ApiInput, type ApiOutput } from '../../shared/api/contract.ts';

const opened: Archive[] = [];
const folders: string[] = [];

afterAll(() => {
  for (const archive of opened) archive.close();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

export function tempDir(): string {
  const folder = mkdtempSync(join(tmpdir(), 'jianbao-archive-'));
  folders.push(folder);
  return folder;
}

export async function tempArchive(dataDir: string = tempDir()): Promise<Archive> {
  const archive = await openArchive({ dataDir });
  opened.push(archive);
  return archive;
}

export function makeSeries(archive: Archive, name = '测试工作简报', numbering: Numbering = 'sequential'): SeriesRecord {
  return createSeries(archive, defaultSeriesSettings(name, '测试协调联络组', numbering));
}

export interface IssueText {
  number?: number;
  date?: string;
  title?: string;
  text?: string;
  numbering?: Numbering;
  seriesName?: string;
  totalNumber?: number | null;
}

/** An issue with one article whose title and paragraph the test chooses. */
export function issueWith({ number = 1, date = '2024-03-05', title = '工作动态', text = '本周各项工作有序推进。', numbering = 'sequential', seriesName = '测试工作简报', totalNumber }: IssueText = {}): Issue {
  const issue = emptyIssue({ name: seriesName, issuer: '测试协调联络组', numbering }, number, date);
  return {
    ...issue,
    totalNumber: totalNumber === undefined ? issue.totalNumber : totalNumber,
    blocks: [{ type: 'lead', items: [] }, { type: 'article', title, paragraphs: [{ runs: [{ text }] }] }],
  };
}

/** A published bulletin of the fixtures, parsed, as import meets it. */
export function fixtureIssue(index = 2): Issue {
  return parseBulletinText(bulletinFixtures()[index]!.text).issue;
}

/** Calls the archive's API handlers the way the boundary does: input checked by the contract's schema first. */
export function apiOf(archive: Archive) {
  const handlers = { ...createArchiveHandlers(archive), ...createImportHandlers(archive) };
  return async <M extends ArchiveMethod | ImportMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> => {
    const parsed = apiContract[method].input.parse(input) as never;
    return (await (handlers[method] as (input: never) => unknown)(parsed)) as ApiOutput<M>;
  };
}

/** The ApiError a call fails with (fails the test when it does not). */
export async function apiErrorOf(call: Promise<unknown>): Promise<ApiError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail with an ApiError');
}

/** Makes `db` an archive of schema version 1 holding `issue` (titled `firstTitle`) as its one draft, id 1 in series 1, as an old release left it. */
export function fileAtVersionOne(db: Database.Database, issue: Issue, firstTitle: string): void {
  const stored = storedIssue(issue);
  migrate(db, 1);
  db.prepare("INSERT INTO series (id, uid, name, settings, created_at, updated_at) VALUES (1, 'u1', '测试工作简报', '{}', 'x', 'x')").run();
  db.prepare(
    `INSERT INTO issues (id, uid, series_id, numbering, number, year, date, status, first_title, revision, content_hash, created_at, updated_at)
     VALUES (1, 'i1', 1, 'sequential', 1, 2024, '2024-03-05', 'draft', ?, 1, ?, 'x', 'x')`,
  ).run(firstTitle, stored.hash);
  db.prepare("INSERT INTO revisions VALUES (1, 1, 'x', 'draft', 10, '测试', ?, ?)").run(stored.json, stored.hash);
}
