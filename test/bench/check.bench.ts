// `npm run bench:check`: how long proofreading takes on a generated 200-page issue, in process (goal
// ≤ 300 ms) and as a whole `jianbao check` process (as a user runs it, goal ≤ 1 s), beside a bare
// `node -e 0` baseline; then the recall per kind on the planted-error corpus (test/proofread/plant-errors.ts).
import { elementPlainText } from '../../shared/model/content.ts';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { proofreadIssue } from '../../shared/proofread/proofread.ts';
import { paragraphText } from '../../shared/model/issue.ts';
import { bulletinFixtures, repoRoot } from '../fixtures.ts';
import { generateBulletinText, generateIssue } from '../generate.ts';
import { median, percentile, printTable, timeRuns } from './table.ts';
import { KINDS, measureRecall, untouchedFindings } from '../proofread/plant-errors.ts';

const RUNS = 20;
const IN_PROCESS_GOAL_MS = 300;
const CORPUS_SEED = 19;
const RECALL_GOAL = 0.95;
const dir = mkdtempSync(join(tmpdir(), 'jianbao-bench-check-'));
const issue = generateIssue(200, 1);
const characters = issue.blocks.reduce(
  (sum, block) =>
    sum + (block.type === 'article' ? block.paragraphs.reduce((s, p) => s + elementPlainText(p).length, 0) : block.type === 'news' ? block.items.reduce((s, item) => s + item.paragraphs.reduce((t, p) => t + elementPlainText(p).length, 0), 0) : 0),
  0,
);
const jsonPath = join(dir, 'generated-200-pages.json');
const textPath = join(dir, 'generated-200-pages.txt');
writeFileSync(jsonPath, JSON.stringify(issue));
writeFileSync(textPath, generateBulletinText(200));
const fixture = bulletinFixtures()[0]!;

const processRun = (args: string[]) => () => {
  const result = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' });
  // check exits 1 when it finds an error; only 2 (unreadable) or a crash is a failure here
  if (result.status !== 0 && result.status !== 1) throw new Error(result.stderr);
};
const cli = join(repoRoot, 'bin', 'jianbao.mjs');

const coldStart = performance.now();
const findings = proofreadIssue(issue);
const cold = performance.now() - coldStart;
const inProcess = await timeRuns(RUNS, () => proofreadIssue(issue));
const baseline = await timeRuns(RUNS, processRun(['-e', '0']));
const fixtureRuns = await timeRuns(RUNS, processRun([cli, 'check', fixture.path, '--json']));
const jsonRuns = await timeRuns(RUNS, processRun([cli, 'check', jsonPath, '--json']));
const textRuns = await timeRuns(RUNS, processRun([cli, 'check', textPath, '--json']));

const inProcessVerdict = median(inProcess) <= IN_PROCESS_GOAL_MS ? `≤ ${IN_PROCESS_GOAL_MS}: met` : `≤ ${IN_PROCESS_GOAL_MS}: MISSED`;

printTable(`jianbao check (${RUNS} runs each; 200-page issue: ${issue.blocks.length} blocks, ${characters} characters of body, ${findings.length} findings)`, ['what', 'median ms', 'p95 ms', '× bare node', 'goal'], [
  ['bare `node -e 0` (baseline)', median(baseline), percentile(baseline, 95), 1, '-'],
  ['proofreadIssue, 200 pages, in process, first run', cold, cold, '-', '-'],
  ['proofreadIssue, 200 pages, in process', median(inProcess), percentile(inProcess, 95), '-', inProcessVerdict],
  [`check --json ${fixture.name}`, median(fixtureRuns), percentile(fixtureRuns, 95), median(fixtureRuns) / median(baseline), '≤ 1000'],
  ['check --json 200-page .json', median(jsonRuns), percentile(jsonRuns, 95), median(jsonRuns) / median(baseline), '≤ 1000'],
  ['check --json 200-page .txt (with parsing)', median(textRuns), percentile(textRuns, 95), median(textRuns) / median(baseline), '≤ 1000'],
]);

const recall = measureRecall(CORPUS_SEED);
printTable(`planted-error corpus (seed ${CORPUS_SEED}): one error planted per copy of a fixture paragraph, found by its rule at its place`, ['kind', 'rule', 'planted', 'found', 'recall', 'goal'], [
  ...recall.map((result) => [KINDS[result.kind].label, KINDS[result.kind].rule, String(result.planted), String(result.found), `${(result.recall * 100).toFixed(1)}%`, result.recall >= RECALL_GOAL ? '≥ 95%: met' : '≥ 95%: MISSED']),
]);
for (const result of recall) if (result.missed.length > 0) console.log(`missed (${KINDS[result.kind].label}): ${result.missed.slice(0, 5).join(' / ')}`);

const untouched = untouchedFindings();
const count = (severity: string) => untouched.filter(({ finding }) => finding.severity === severity).length;
const byRule = [...new Set(untouched.map(({ finding }) => `${finding.severity} ${finding.rule}`))].map((key) => `${key} ×${untouched.filter(({ finding }) => `${finding.severity} ${finding.rule}` === key).length}`);
console.log(`\nfindings on the untouched paragraphs: ${untouched.length} (error ${count('error')}, warning ${count('warning')}, info ${count('info')}): ${byRule.join('; ')}`);
