// `npm run bench:archive [-- --issues N]`: N generated issues (10,000 by default, about 3,000 characters
// each) filed into a real archive in batches: import throughput over the first and the last tenth of the
// run, peak memory, file size per 1,000 issues by table, search p50/p95 for 2-, 3-, 4- and 6-character
// terms with and without every filter, opening an issue, opening the archive file (as the app does, and with
// every table checked first) and the check after open,
// beside the same searches as a LIKE scan over an unindexed table (in a file of its own), in the same run.
// Issues are generated batch by batch and not kept, so memory stays what the archive itself needs.
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchive } from '../../electron/services/archive/archive.ts';
import { checkAfterOpen } from '../../electron/services/archive/check-after-open.ts';
import { createSeries } from '../../electron/services/archive/series.ts';
import { getIssue } from '../../electron/services/archive/issues.ts';
import { importReadFiles, type ReadFile } from '../../electron/services/archive/import-issues.ts';
import { searchIssues } from '../../electron/services/archive/search-index.ts';
import { searchTextOf } from '../../electron/services/archive/search-text.ts';
import { damageOf } from '../../electron/services/archive/file-check.ts';
import { defaultSeriesSettings, issueSeriesOf } from '../../shared/model/series.ts';
import type { Issue, IssueStatus } from '../../shared/model/issue.ts';
import { generateIssue, seededRandom } from '../generate.ts';
import { median, percentile, printTable } from './table.ts';

function issuesArgument(): number {
  const at = process.argv.indexOf('--issues');
  if (at < 0) return 10_000;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1000) throw new Error('--issues 需要一个不小于 1000 的整数');
  return value;
}

const ISSUES = issuesArgument();
const BATCH = 50;
const WINDOWS = 10;
const TERMS_PER_LENGTH = 40;
const RUNS_PER_TERM = 3;
const OPENS = 300;
const SAMPLED_ISSUES = 200;
const STATUSES: IssueStatus[] = ['draft', 'reviewed', 'issued', 'issued'];
const IMPORT_GOAL = 500;
const MEMORY_GOAL_MB = 400;

const dataDir = mkdtempSync(join(tmpdir(), 'jianbao-bench-archive-'));
const archive = await openArchive({ dataDir });
const random = seededRandom(7);

const seriesList = [
  createSeries(archive, defaultSeriesSettings('益阳市生态环境保护督察工作简报', '协调联络组', 'sequential')),
  createSeries(archive, defaultSeriesSettings('益阳市防汛抗旱工作简报', '市防汛办', 'sequential')),
  createSeries(archive, defaultSeriesSettings('益阳市信访工作动态', '市信访局', 'yearly-with-total')),
  createSeries(archive, defaultSeriesSettings('益阳市重点项目建设简报', '市发改委', 'yearly-with-total')),
];
const counters = seriesList.map(() => ({ total: 0, byYear: new Map<number, number>() }));

/** The i-th issue: series in turn, dates moving forward through 2015–2024 so that numbers rise with them. Call in order. */
function issueAt(i: number): Issue {
  const which = i % seriesList.length;
  const series = seriesList[which]!;
  const counter = counters[which]!;
  const day = Math.floor((i / ISSUES) * 3650);
  const date = new Date(Date.UTC(2015, 0, 1 + day)).toISOString().slice(0, 10);
  const year = Number(date.slice(0, 4));
  const number = (counter.byYear.get(year) ?? 0) + 1;
  counter.byYear.set(year, number);
  counter.total++;
  const sequential = series.settings.numbering === 'sequential';
  return {
    ...generateIssue(3 + (i % 2), i + 1),
    series: issueSeriesOf(series.settings),
    number: sequential ? counter.total : number,
    year,
    totalNumber: sequential ? null : counter.total,
    date,
    docNumber: null,
    status: STATUSES[i % STATUSES.length]!,
    printed: { by: series.settings.issuer, date },
  };
}

/** The resident set's high-water mark of this process (Linux), else the current resident set. */
function peakRssMegabytes(): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.memoryUsage().rss / 1048576;
}

// the LIKE baseline lives in a file of its own, so that it neither shares the archive's page cache nor counts in its size
const baseline = new Database(join(dataDir, 'baseline.sqlite'));
baseline.pragma('journal_mode = WAL');
baseline.pragma('cache_size = -65536');
baseline.exec('CREATE TABLE plain_scan (id INTEGER PRIMARY KEY, series_id INTEGER NOT NULL, year INTEGER NOT NULL, status TEXT NOT NULL, date TEXT NOT NULL, text TEXT NOT NULL)');
const insertPlain = baseline.prepare('INSERT INTO plain_scan (id, series_id, year, status, date, text) VALUES (?, ?, ?, ?, ?, ?)');

interface Sampled {
  seriesId: number;
  year: number;
  status: IssueStatus;
  date: string;
  body: string;
}
const sampled: Sampled[] = [];
const sampleEvery = Math.floor(ISSUES / SAMPLED_ISSUES);

console.log(`生成并导入 ${ISSUES} 期简报（每批 ${BATCH} 期）…`);
const windowSize = ISSUES / WINDOWS;
const windows: { wallMs: number; cpuMs: number; issues: number }[] = Array.from({ length: WINDOWS }, () => ({ wallMs: 0, cpuMs: 0, issues: 0 }));
let chars = 0;
let utf8Bytes = 0;
let rssDuringImport = 0;
for (let start = 0; start < ISSUES; start += BATCH) {
  const batch: ReadFile[] = [];
  for (let i = start; i < Math.min(ISSUES, start + BATCH); i++) batch.push({ file: `第${i + 1}个`, issue: issueAt(i), warnings: [] });
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  const outcomes = importReadFiles(archive, batch, {});
  const cpu = process.cpuUsage(cpuStart);
  const window = windows[Math.min(WINDOWS - 1, Math.floor(start / windowSize))]!;
  window.wallMs += performance.now() - wallStart;
  window.cpuMs += (cpu.user + cpu.system) / 1000;
  window.issues += batch.length;
  rssDuringImport = Math.max(rssDuringImport, process.memoryUsage().rss / 1048576);
  baseline.transaction(() => {
    outcomes.forEach((outcome, index) => {
      if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome));
      const issue = batch[index]!.issue;
      const text = searchTextOf(issue);
      chars += text.titles.length + text.body.length;
      utf8Bytes += Buffer.byteLength(text.titles) + Buffer.byteLength(text.body);
      const seriesId = seriesList[(start + index) % seriesList.length]!.id;
      insertPlain.run(outcome.issueId, seriesId, issue.year, issue.status, issue.date, `${text.titles}\n${text.body}`);
      if ((start + index) % sampleEvery === 0) sampled.push({ seriesId, year: issue.year, status: issue.status, date: issue.date, body: text.body });
    });
  })();
  if ((start + BATCH) % windowSize === 0) {
    const done = start + BATCH;
    const seconds = windows.reduce((sum, w) => sum + w.wallMs, 0) / 1000;
    console.log(`  ${done} 期，导入用时 ${seconds.toFixed(0)} 秒，本段 ${(window.issues / (window.wallMs / 1000)).toFixed(0)} 期/秒`);
  }
}
const peakRss = Math.max(peakRssMegabytes(), rssDuringImport);
const db = archive.db;
db.pragma('wal_checkpoint(TRUNCATE)');
const ids = db.prepare('SELECT id FROM issues ORDER BY id').pluck().all() as number[];

/** Terms as clerks would type them: runs of Chinese characters from random places in sampled issues, with that issue's filters. */
function sampleTerms(length: number): { term: string; from: Sampled }[] {
  const terms = new Map<string, Sampled>();
  while (terms.size < TERMS_PER_LENGTH) {
    const from = sampled[Math.floor(random() * sampled.length)]!;
    const at = Math.floor(random() * (from.body.length - length));
    const term = from.body.slice(at, at + length);
    if (/^\p{Script=Han}+$/u.test(term) && !terms.has(term)) terms.set(term, from);
  }
  return [...terms].map(([term, source]) => ({ term, from: source }));
}

/** Every filter the archive screen offers: the series, year and status of an issue holding the term, and the half-year of its date. */
function filtersOf(from: Sampled) {
  const half = Number(from.date.slice(5, 7)) <= 6;
  return { seriesId: from.seriesId, year: from.year, status: from.status, from: `${from.year}-${half ? '01-01' : '07-01'}`, to: `${from.year}-${half ? '06-30' : '12-31'}` };
}

const likeScan = baseline.prepare('SELECT id FROM plain_scan WHERE text LIKE ? ORDER BY date DESC LIMIT 50');
const likeScanFiltered = baseline.prepare(
  'SELECT id FROM plain_scan WHERE text LIKE $like AND series_id = $seriesId AND year = $year AND status = $status AND date >= $from AND date <= $to ORDER BY date DESC LIMIT 50',
);
const trigramCount = db.prepare('SELECT count(*) FROM search_text WHERE search_text MATCH ?').pluck();
const pairCount = db.prepare('SELECT count(*) FROM search_pairs WHERE search_pairs MATCH ?').pluck();
/** How many of the issues hold the term: the work a ranking over all matches would do. */
const issuesHolding = (term: string) => (term.length >= 3 ? trigramCount : pairCount).get(`"${term}"`) as number;

function timeQueries<T>(items: readonly T[], run: (item: T) => number): { samples: number[]; hits: number[] } {
  const samples: number[] = [];
  const hits: number[] = [];
  for (const item of items) run(item);
  for (let round = 0; round < RUNS_PER_TERM; round++) {
    for (const item of items) {
      const start = performance.now();
      hits.push(run(item));
      samples.push(performance.now() - start);
    }
  }
  return { samples, hits };
}

const goalText = (value: number, goal: number, unit = 'ms', atMost = true) => `${atMost ? '≤' : '≥'} ${goal} ${unit}: ${(atMost ? value <= goal : value >= goal) ? 'met' : 'MISSED'}`;

console.log('检索…');
const UNFILTERED_GOALS: Record<number, number> = { 2: 100, 3: 20, 4: 20, 6: 20 };
const FILTERED_GOAL = 50;
const searchRows: (string | number)[][] = [];
for (const length of [2, 3, 4, 6]) {
  const terms = sampleTerms(length);
  const index = length >= 3 ? 'trigram' : 'pair index';
  const plain = timeQueries(terms, ({ term }) => searchIssues(db, { query: term }).length);
  const plainScan = timeQueries(terms, ({ term }) => likeScan.all(`%${term}%`).length);
  const filtered = timeQueries(terms, ({ term, from }) => searchIssues(db, { query: term, ...filtersOf(from) }).length);
  const filteredScan = timeQueries(terms, ({ term, from }) => likeScanFiltered.all({ like: `%${term}%`, ...filtersOf(from) }).length);
  const holding = median(terms.map(({ term }) => issuesHolding(term)));
  for (const [what, indexed, scanned, goal] of [
    [`search, ${length}-char terms (${index})`, plain, plainScan, UNFILTERED_GOALS[length]!],
    [`search, ${length}-char terms (${index}), series + year + status + dates`, filtered, filteredScan, FILTERED_GOAL],
  ] as const) {
    const p95 = percentile(indexed.samples, 95);
    searchRows.push([what, median(indexed.samples), p95, median(scanned.samples), percentile(scanned.samples, 95), holding, `${Math.round(median(indexed.hits))} / 50`, `p95 ${goalText(p95, goal)}`]);
  }
}

const openSamples: number[] = [];
for (let i = 0; i < OPENS; i++) {
  const id = ids[Math.floor(random() * ids.length)]!;
  const start = performance.now();
  getIssue(archive, id);
  openSamples.push(performance.now() - start);
}
const openP95 = percentile(openSamples, 95);
searchRows.push(['open an issue (issues.get)', median(openSamples), openP95, '-', '-', '-', '-', `p95 ${goalText(openP95, 5)}`]);

/** Megabytes per 1,000 issues that each part of the file takes (dbstat), the search indexes by index. */
function sizeRows(): (string | number)[][] {
  const pages = db.prepare<[], { name: string; bytes: number }>('SELECT name, pgsize AS bytes FROM dbstat WHERE aggregate = TRUE').all();
  const partOf = (name: string) =>
    name.startsWith('search_pairs') ? 'character-pair index (search_pairs)'
    : name === 'search_text_content' ? 'search text kept for snippets (search_text_content)'
    : name.startsWith('search_text') ? 'trigram index of the text (search_text)'
    : name.startsWith('search_titles') ? 'trigram index of the titles (search_titles)'
    : name === 'revisions' || name === 'sqlite_autoindex_revisions_1' ? 'revisions (every content, JSON)'
    : 'issues, series and the rest';
  const parts = new Map<string, number>();
  for (const { name, bytes } of pages) parts.set(partOf(name), (parts.get(partOf(name)) ?? 0) + bytes);
  const total = [...parts.values()].reduce((sum, bytes) => sum + bytes, 0);
  const perThousand = (bytes: number) => bytes / 1048576 / (ISSUES / 1000);
  return [
    ...[...parts].sort((a, b) => b[1] - a[1]).map(([part, bytes]) => [part, perThousand(bytes), `${((100 * bytes) / total).toFixed(1)} %`]),
    ['the file (archive.sqlite)', perThousand(statSync(archive.file).size), '100 %'],
    ['the UTF-8 text it holds (titles and body)', perThousand(utf8Bytes), `${((100 * utf8Bytes) / total).toFixed(1)} %`],
  ];
}
const sizes = sizeRows();

archive.close();
/** Opening as the app opens (the small tables checked at open), and as a command that writes does (every table first). */
async function openSamplesOf(checkLargeTables: 'after-open' | 'at-open'): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    (await openArchive({ dataDir, checkLargeTables, checkDelayMs: 60_000 })).close();
    samples.push(performance.now() - start);
  }
  return samples;
}
const appOpenSamples = await openSamplesOf('after-open');
const fullOpenSamples = await openSamplesOf('at-open');
const checkSamples: Record<'at-open' | 'after-open', number[]> = { 'at-open': [], 'after-open': [] };
{
  const check = new Database(archive.file, { readonly: true });
  for (let i = 0; i < 3; i++) {
    for (const part of ['at-open', 'after-open'] as const) {
      const start = performance.now();
      damageOf(check, 'quick', part);
      checkSamples[part].push(performance.now() - start);
    }
  }
  check.close();
}
const afterOpenSamples: number[] = [];
for (let i = 0; i < 3; i++) {
  const start = performance.now();
  await checkAfterOpen(archive.file, { delayMs: 0 }).verdict;
  afterOpenSamples.push(performance.now() - start);
}
const appOpen = Math.max(...appOpenSamples);
searchRows.push(['open the archive file as the app does, its check at open included (3 runs; p95 = slowest)', median(appOpenSamples), appOpen, '-', '-', '-', '-', `slowest ${goalText(appOpen, 1000)}`]);
searchRows.push(['  of which the check at open (the small tables)', median(checkSamples['at-open']), Math.max(...checkSamples['at-open']), '-', '-', '-', '-', '-']);
searchRows.push(['  then the check after open (revisions, search indexes), in its worker', median(afterOpenSamples), Math.max(...afterOpenSamples), '-', '-', '-', '-', '-']);
searchRows.push(['  of which the quick_check itself', median(checkSamples['after-open']), Math.max(...checkSamples['after-open']), '-', '-', '-', '-', '-']);
searchRows.push(['baseline: open with every table checked first (a command that writes)', median(fullOpenSamples), Math.max(...fullOpenSamples), '-', '-', '-', '-', '-']);

const rate = (w: { issues: number; wallMs: number }) => w.issues / (w.wallMs / 1000);
const cpuRate = (w: { issues: number; cpuMs: number }) => w.issues / (w.cpuMs / 1000);
const first = windows[0]!;
const last = windows[WINDOWS - 1]!;
const all = windows.reduce((sum, w) => ({ issues: sum.issues + w.issues, wallMs: sum.wallMs + w.wallMs, cpuMs: sum.cpuMs + w.cpuMs }), { issues: 0, wallMs: 0, cpuMs: 0 });
const span = (w: number) => `${(w * windowSize + 1).toLocaleString('en')}–${((w + 1) * windowSize).toLocaleString('en')}`;
const slowdown = cpuRate(last) / cpuRate(first);
printTable(
  `Import of ${ISSUES} issues, ${(chars / 1e6).toFixed(1)} million characters, in batches of ${BATCH} (importReadFiles), ${(all.wallMs / 1000).toFixed(0)} s in all`,
  ['what', 'issues/s (wall)', 'issues/s (CPU time)', 'goal'],
  [
    [`import, issues ${span(0)}`, rate(first), cpuRate(first), `wall ${goalText(rate(first), IMPORT_GOAL, 'issues/s', false)}`],
    [`import, issues ${span(WINDOWS - 1)}`, rate(last), cpuRate(last), `wall ${goalText(rate(last), IMPORT_GOAL, 'issues/s', false)}`],
    ['import, all', rate(all), cpuRate(all), `wall ${goalText(rate(all), IMPORT_GOAL, 'issues/s', false)}`],
    ['last tenth ÷ first tenth (CPU time: steadier on a shared machine)', (rate(last) / rate(first)).toFixed(2), slowdown.toFixed(2), `CPU ratio ≥ 0.9 (no slower): ${slowdown >= 0.9 ? 'met' : 'MISSED'}`],
    ['peak resident memory of the process during import (MB)', peakRss, '-', goalText(peakRss, MEMORY_GOAL_MB, 'MB')],
  ],
);
printTable(`File size per 1,000 issues (dbstat; after a checkpoint)`, ['part', 'MB per 1,000 issues', 'share'], sizes);
printTable(
  `Search and open, ${TERMS_PER_LENGTH} sampled terms per length × ${RUNS_PER_TERM} runs; results limited to 50, ranked; baseline: LIKE over an unindexed table in another file`,
  ['what', 'p50 ms', 'p95 ms', 'LIKE scan p50 ms', 'LIKE scan p95 ms', 'issues holding a term (median)', 'hits returned (median)', 'goal'],
  searchRows,
);
baseline.close();
rmSync(dataDir, { recursive: true, force: true });
