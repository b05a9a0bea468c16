// `npm run bench:archive`: 10,000 generated issues (about 30 million characters) filed into a real
// archive: import throughput, search p50/p95 for 2-, 3-, 4- and 6-character terms, and open-issue time,
// beside the same searches as a LIKE scan over an unindexed table in the same file, in the same run.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchive } from '../../electron/services/archive/archive.ts';
import { createSeries } from '../../electron/services/archive/series.ts';
import { getIssue } from '../../electron/services/archive/issues.ts';
import { importReadFiles, type ReadFile } from '../../electron/services/archive/import-issues.ts';
import { searchIssues } from '../../electron/services/archive/search-index.ts';
import { searchTextOf } from '../../electron/services/archive/search-text.ts';
import { defaultSeriesSettings, issueSeriesOf } from '../../shared/model/series.ts';
import type { Issue, IssueStatus } from '../../shared/model/issue.ts';
import { generateIssue, seededRandom } from '../generate.ts';
import { median, percentile, printTable } from './table.ts';

const ISSUES = 10_000;
const BATCH = 50;
const TERMS_PER_LENGTH = 40;
const RUNS_PER_TERM = 3;
const OPENS = 300;
const STATUSES: IssueStatus[] = ['draft', 'reviewed', 'issued', 'issued'];

const dataDir = mkdtempSync(join(tmpdir(), 'jianbao-bench-archive-'));
const archive = await openArchive({ dataDir });
const random = seededRandom(7);

const seriesList = [
  createSeries(archive, defaultSeriesSettings('益阳市生态环境保护督察工作简报', '协调联络组', 'sequential')),
  createSeries(archive, defaultSeriesSettings('益阳市防汛抗旱工作简报', '市防汛办', 'sequential')),
  createSeries(archive, defaultSeriesSettings('益阳市信访工作动态', '市信访局', 'yearly-with-total')),
  createSeries(archive, defaultSeriesSettings('益阳市重点项目建设简报', '市发改委', 'yearly-with-total')),
];

console.log(`生成 ${ISSUES} 期简报…`);
const counters = seriesList.map(() => ({ total: 0, byYear: new Map<number, number>() }));
const issues: Issue[] = [];
let chars = 0;
for (let i = 0; i < ISSUES; i++) {
  const which = i % seriesList.length;
  const series = seriesList[which]!;
  const counter = counters[which]!;
  // dates move forward through 2015–2024, so numbers rise with them
  const day = Math.floor((i / ISSUES) * 3650);
  const date = new Date(Date.UTC(2015, 0, 1 + day)).toISOString().slice(0, 10);
  const year = Number(date.slice(0, 4));
  const number = (counter.byYear.get(year) ?? 0) + 1;
  counter.byYear.set(year, number);
  counter.total++;
  const sequential = series.settings.numbering === 'sequential';
  const generated = generateIssue(3 + (i % 2), i + 1);
  const issue: Issue = {
    ...generated,
    series: issueSeriesOf(series.settings),
    number: sequential ? counter.total : number,
    year,
    totalNumber: sequential ? null : counter.total,
    date,
    docNumber: null,
    status: STATUSES[i % STATUSES.length]!,
    printed: { by: series.settings.issuer, date },
  };
  const text = searchTextOf(issue);
  chars += text.titles.length + text.body.length;
  issues.push(issue);
}

console.log('导入…');
const importStart = performance.now();
for (let start = 0; start < ISSUES; start += BATCH) {
  const batch: ReadFile[] = issues.slice(start, start + BATCH).map((issue, index) => ({ file: `第${start + index + 1}个`, issue, warnings: [] }));
  const outcomes = importReadFiles(archive, batch, {});
  const bad = outcomes.find((outcome) => outcome.status !== 'imported');
  if (bad) throw new Error(JSON.stringify(bad));
}
const importSeconds = (performance.now() - importStart) / 1000;
const db = archive.db;
const ids = db.prepare('SELECT id FROM issues ORDER BY id').pluck().all() as number[];

console.log('建立对照表（无索引，LIKE 扫描）…');
db.exec('CREATE TABLE plain_scan (id INTEGER PRIMARY KEY, date TEXT NOT NULL, text TEXT NOT NULL)');
const insertPlain = db.prepare('INSERT INTO plain_scan (id, date, text) VALUES (?, ?, ?)');
db.transaction(() => {
  issues.forEach((issue, index) => {
    const text = searchTextOf(issue);
    insertPlain.run(ids[index]!, issue.date, `${text.titles}\n${text.body}`);
  });
})();

/** Terms as clerks would type them: runs of Chinese characters taken from random places in random issues. */
function sampleTerms(length: number): string[] {
  const terms = new Set<string>();
  while (terms.size < TERMS_PER_LENGTH) {
    const body = searchTextOf(issues[Math.floor(random() * issues.length)]!).body;
    const at = Math.floor(random() * (body.length - length));
    const term = body.slice(at, at + length);
    if (/^\p{Script=Han}+$/u.test(term)) terms.add(term);
  }
  return [...terms];
}

const likeScan = db.prepare('SELECT id FROM plain_scan WHERE text LIKE ? ORDER BY date DESC LIMIT 50');
const trigramCount = db.prepare('SELECT count(*) FROM search_text WHERE search_text MATCH ?').pluck();
const pairCount = db.prepare('SELECT count(*) FROM search_pairs WHERE search_pairs MATCH ?').pluck();
/** How many of the issues hold the term: the work a ranking over all matches would do. */
const issuesHolding = (term: string) => (term.length >= 3 ? trigramCount : pairCount).get(`"${term}"`) as number;

function timeQueries(terms: readonly string[], run: (term: string) => number): { samples: number[]; hits: number[] } {
  const samples: number[] = [];
  const hits: number[] = [];
  for (const term of terms) run(term);
  for (let round = 0; round < RUNS_PER_TERM; round++) {
    for (const term of terms) {
      const start = performance.now();
      hits.push(run(term));
      samples.push(performance.now() - start);
    }
  }
  return { samples, hits };
}

const GOALS: Record<number, number> = { 2: 100, 3: 20, 4: 20, 6: 20 };
const rows: (string | number)[][] = [];
for (const length of [2, 3, 4, 6]) {
  const terms = sampleTerms(length);
  const indexed = timeQueries(terms, (term) => searchIssues(db, { query: term }).length);
  const scanned = timeQueries(terms, (term) => likeScan.all(`%${term}%`).length);
  const p95 = percentile(indexed.samples, 95);
  rows.push([
    `search, ${length}-char terms (${length >= 3 ? 'trigram' : 'pair index'})`,
    median(indexed.samples),
    p95,
    median(scanned.samples),
    percentile(scanned.samples, 95),
    median(terms.map(issuesHolding)),
    `${Math.round(median(indexed.hits))} / 50`,
    `p95 ≤ ${GOALS[length]} ms: ${p95 <= GOALS[length]! ? 'met' : 'MISSED'}`,
  ]);
}

const openSamples: number[] = [];
for (let i = 0; i < OPENS; i++) {
  const id = ids[Math.floor(random() * ids.length)]!;
  const start = performance.now();
  getIssue(archive, id);
  openSamples.push(performance.now() - start);
}
const openP50 = median(openSamples);
rows.push(['open an issue (issues.get)', openP50, percentile(openSamples, 95), '-', '-', '-', '-', `p50 ≤ 5 ms: ${openP50 <= 5 ? 'met' : 'MISSED'}`]);

archive.close();
const openFileSamples: number[] = [];
for (let i = 0; i < 3; i++) {
  const start = performance.now();
  (await openArchive({ dataDir })).close();
  openFileSamples.push(performance.now() - start);
}
rows.push(['open the archive file, quick_check included (3 runs; p95 = slowest)', median(openFileSamples), Math.max(...openFileSamples), '-', '-', '-', '-', '-']);
const megabytes = statSync(join(dataDir, 'archive.sqlite')).size / 1048576;
printTable(
  `Archive of ${ISSUES} issues, ${(chars / 1e6).toFixed(1)} million characters of text; import ${(ISSUES / importSeconds).toFixed(0)} issues/s ` +
    `(${(chars / 1e6 / importSeconds).toFixed(2)} million chars/s, ${importSeconds.toFixed(1)} s in batches of ${BATCH}); file ${megabytes.toFixed(0)} MB ` +
    `incl. the baseline table. ${TERMS_PER_LENGTH} sampled terms per length × ${RUNS_PER_TERM} runs; results limited to 50, ranked.`,
  ['what', 'p50 ms', 'p95 ms', 'LIKE scan p50 ms', 'LIKE scan p95 ms', 'issues holding a term (median)', 'hits returned (median)', 'goal'],
  rows,
);
rmSync(dataDir, { recursive: true, force: true });
