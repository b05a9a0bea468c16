// `npm run bench:inspect`: how long `jianbao inspect` takes, as a user runs it (a whole process) and
// in process (the parser alone), on a fixture and on a generated 200-page bulletin.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBulletinText } from '../../shared/import/parse-bulletin.ts';
import { bulletinFixtures, repoRoot } from '../fixtures.ts';
import { generateBulletinText } from '../generate.ts';
import { median, percentile, printTable, timeRuns } from './table.ts';

const RUNS = 20;
const dir = mkdtempSync(join(tmpdir(), 'jianbao-bench-inspect-'));
const fixture = bulletinFixtures()[2]!;
const bigText = generateBulletinText(200);
const bigPath = join(dir, 'generated-200-pages.txt');
writeFileSync(bigPath, bigText);

const processRun = (args: string[]) => () => {
  const result = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
};
const cli = join(repoRoot, 'bin', 'jianbao.mjs');

const baseline = await timeRuns(RUNS, processRun(['-e', '0']));
const fixtureRuns = await timeRuns(RUNS, processRun([cli, 'inspect', fixture.path, '--json']));
const bigRuns = await timeRuns(RUNS, processRun([cli, 'inspect', bigPath, '--json']));
const parseFixture = await timeRuns(RUNS, () => parseBulletinText(fixture.text));
const parseBig = await timeRuns(RUNS, () => parseBulletinText(bigText));

printTable(`jianbao inspect (${RUNS} runs each; 200-page text has ${bigText.length} characters)`, ['what', 'median ms', 'p95 ms', '× bare node'], [
  ['bare `node -e 0` (baseline)', median(baseline), percentile(baseline, 95), 1],
  [`inspect --json ${fixture.name}`, median(fixtureRuns), percentile(fixtureRuns, 95), median(fixtureRuns) / median(baseline)],
  ['inspect --json 200-page bulletin', median(bigRuns), percentile(bigRuns, 95), median(bigRuns) / median(baseline)],
  [`parse only, ${fixture.name}`, median(parseFixture), percentile(parseFixture, 95), '-'],
  ['parse only, 200-page bulletin', median(parseBig), percentile(parseBig, 95), '-'],
]);
