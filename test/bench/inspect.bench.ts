// `npm run bench:inspect`: the command line and browser mode as a user starts them, as whole processes
// in one run beside their baselines: `node -e 0`, and LibreOffice converting the same issue (as the
// print view's HTML) to .docx. The build (bin/build-cli.mjs) is made first, so what runs is the built
// JavaScript; the same commands from the TypeScript sources are measured too, for the difference. The
// commands take turns round by round, so a burst of load on a shared machine falls on all of them.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBulletinText } from '../../shared/import/parse-bulletin.ts';
import { DEFAULT_PRINT_OPTIONS } from '../../shared/layout/typeset.ts';
import { renderPrintHtml } from '../../shared/print/render-print-html.ts';
import { launchChromium } from '../e2e/chromium.ts';
import { renderEnv } from '../export/render-tools.ts';
import { bulletinFixtures, repoRoot } from '../fixtures.ts';
import { generateBulletinText } from '../generate.ts';
import { median, percentile, printTable, timeRuns } from './table.ts';

const RUNS = 15;
const LIBREOFFICE_RUNS = 7;
const SOURCE_RUNS = 5;
const WEB_RUNS = 7;

const dir = mkdtempSync(join(tmpdir(), 'jianbao-bench-cli-'));
const fixture = bulletinFixtures().find((entry) => entry.name === 'yiyang-2023-13')!;
const issue = parseBulletinText(fixture.text).issue;
const issueJson = join(dir, `${fixture.name}.json`);
writeFileSync(issueJson, JSON.stringify(issue, null, 2));
const issueHtml = join(dir, `${fixture.name}.html`);
writeFileSync(issueHtml, renderPrintHtml(issue, DEFAULT_PRINT_OPTIONS));
const bigText = generateBulletinText(200);
const bigPath = join(dir, 'generated-200-pages.txt');
writeFileSync(bigPath, bigText);

const cli = join(repoRoot, 'bin', 'jianbao.mjs');
const env = { ...renderEnv, JIANBAO_FROM_SOURCE: '' };
const fromSource = { ...env, JIANBAO_FROM_SOURCE: '1' };

// GNU time, where installed, also gives each process's CPU time (user + system, its threads and
// children included): on a loaded machine it varies far less than the time on the clock
const GNU_TIME = '/usr/bin/time';
const cpuFile = join(dir, 'cpu-time');

/** Runs a process to its end; its CPU time in ms (NaN without GNU time). */
function processRun(command: string, args: string[], runEnv: NodeJS.ProcessEnv = env): () => number {
  return () => {
    const timed = existsSync(GNU_TIME);
    const [file, fileArgs] = timed ? [GNU_TIME, ['-f', '%U %S', '-o', cpuFile, command, ...args]] : [command, args];
    const result = spawnSync(file, fileArgs, { cwd: repoRoot, encoding: 'utf8', env: runEnv, timeout: 300_000 });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.stderr}`);
    if (!timed) return Number.NaN;
    const [user, system] = readFileSync(cpuFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number];
    return (user + system) * 1000;
  };
}

/** LibreOffice started for one conversion, as a user (or a script) would run it: HTML in, .docx out. */
function libreOfficeHtmlToDocx(): number {
  const profile = mkdtempSync(join(tmpdir(), 'jianbao-bench-lo-'));
  try {
    return processRun('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', join(dir, 'libreoffice'), issueHtml])();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

// the build, as `npm install` makes it (its prepare script)
const buildTime = await timeRuns(1, processRun(process.execPath, [join(repoRoot, 'bin', 'build-cli.mjs')]));
const probe = spawnSync(
  process.execPath,
  [
    '--input-type=module',
    '-e',
    `import { staleReason } from ${JSON.stringify(join(repoRoot, 'bin', 'launch.mjs'))};
     const times = [];
     for (let i = 0; i < 200; i++) { const start = performance.now(); if (staleReason() !== null) throw new Error(staleReason()); times.push(performance.now() - start); }
     const first = times[0];
     times.sort((a, b) => a - b);
     console.log(times[100], first);`,
  ],
  { encoding: 'utf8' },
);
if (probe.status !== 0) throw new Error(`the build is not fresh: ${probe.stderr}`);
const [checkMedian, checkFirst] = probe.stdout.trim().split(' ').map(Number) as [number, number];

interface Measured {
  what: string;
  runs: number;
  body: () => number;
  samples: number[];
  cpu: number[];
}
const measured: Measured[] = [];
const measure = (what: string, runs: number, body: () => number) => {
  const entry: Measured = { what, runs, body, samples: [], cpu: [] };
  measured.push(entry);
  return entry;
};

const baseline = measure('`node -e 0`', RUNS, processRun(process.execPath, ['-e', '0']));
const help = measure('jianbao help', RUNS, processRun(process.execPath, [cli, 'help']));
const inspect = measure(`jianbao inspect --json ${fixture.name}.txt`, RUNS, processRun(process.execPath, [cli, 'inspect', fixture.path, '--json']));
const inspectBig = measure('jianbao inspect --json, 200-page bulletin', RUNS, processRun(process.execPath, [cli, 'inspect', bigPath, '--json']));
const exportDocx = measure(`jianbao export ${fixture.name}.json --docx`, RUNS, processRun(process.execPath, [cli, 'export', issueJson, '--docx', join(dir, 'cli.docx')]));
const libreOffice = measure(`LibreOffice ${fixture.name}.html → .docx`, LIBREOFFICE_RUNS, libreOfficeHtmlToDocx);
const helpSource = measure('from source: jianbao help', SOURCE_RUNS, processRun(process.execPath, [cli, 'help'], fromSource));
const inspectSource = measure(`from source: jianbao inspect --json ${fixture.name}.txt`, SOURCE_RUNS, processRun(process.execPath, [cli, 'inspect', fixture.path, '--json'], fromSource));
const exportSource = measure(`from source: jianbao export ${fixture.name}.json --docx`, SOURCE_RUNS, processRun(process.execPath, [cli, 'export', issueJson, '--docx', join(dir, 'source.docx')], fromSource));

// one untimed run each (the file cache, LibreOffice's first start), then round after round
for (const entry of measured) entry.body();
for (let round = 0; round < RUNS; round++) {
  for (const entry of measured) {
    if (round >= entry.runs) continue;
    const start = performance.now();
    entry.cpu.push(entry.body());
    entry.samples.push(performance.now() - start);
  }
}

const base = median(baseline.samples);
const times = (entry: Measured) => median(entry.samples) / base;
const verdict = (value: number, limit: number) => (value <= limit ? 'met' : 'MISSED');
const goalOfNode = (entry: Measured, limit: number) => `≤ ${limit}× node: ${verdict(times(entry), limit)}`;
const lo = median(libreOffice.samples);
const cpuTimes = (entry: Measured) => median(entry.cpu) / median(baseline.cpu);
const row = (entry: Measured, goal: string) => [entry.what, String(entry.samples.length), median(entry.samples), percentile(entry.samples, 95), times(entry), median(entry.cpu), cpuTimes(entry), goal];
printTable('jianbao as a whole process (times in ms; × node: the median over `node -e 0`’s; CPU: user + system)', ['what', 'runs', 'median', 'p95', '× node', 'CPU', 'CPU × node', 'goal (on the clock)'], [
  row(baseline, 'baseline'),
  row(help, goalOfNode(help, 2)),
  row(inspect, goalOfNode(inspect, 2.5)),
  row(inspectBig, '-'),
  row(exportDocx, `≤ ⅓ of LibreOffice: ${(median(exportDocx.samples) / lo).toFixed(2)}, ${verdict(median(exportDocx.samples) / lo, 1 / 3)}`),
  row(libreOffice, 'baseline'),
  row(helpSource, `built is ${(median(helpSource.samples) / median(help.samples)).toFixed(1)}× faster`),
  row(inspectSource, `built is ${(median(inspectSource.samples) / median(inspect.samples)).toFixed(1)}× faster`),
  row(exportSource, `built is ${(median(exportSource.samples) / median(exportDocx.samples)).toFixed(1)}× faster`),
]);
const parseFixture = await timeRuns(RUNS, () => parseBulletinText(fixture.text));
const parseBig = await timeRuns(RUNS, () => parseBulletinText(bigText));
printTable(`the reader alone, in process (${RUNS} runs each; the 200-page text has ${bigText.length} characters)`, ['what', 'median ms', 'p95 ms'], [
  [`parse only, ${fixture.name}`, median(parseFixture), percentile(parseFixture, 95)],
  ['parse only, 200-page bulletin', median(parseBig), percentile(parseBig, 95)],
]);
printTable('the build and its check', ['what', 'ms'], [
  ['bin/build-cli.mjs (the prepare script), once', buildTime[0]!],
  ['staleness check at each start (every source’s size and mtime), median of 200', checkMedian],
  ['the same, first call in a process', checkFirst],
]);

// browser mode: from the command until the archive screen lists the archive's issue and takes input,
// Chromium already running (as a clerk's browser is), the renderer already built (warm)
const dataDir = join(dir, 'data');
processRun(process.execPath, [cli, 'archive', 'import', fixture.path, '--data', dataDir])();
const title = fixture.expected.articles[0]!.title;
const browser = await launchChromium();

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts browser mode; resolves when it has printed its login address, and stops it after `body`. */
async function withWebMode<T>(command: string, args: string[], runEnv: NodeJS.ProcessEnv, body: (loginUrl: string) => Promise<T>): Promise<T> {
  // a process group of its own, so that stopping it stops what npm started too
  const child = spawn(command, args, { cwd: repoRoot, env: runEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const loginUrl = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const url = /已启动：(\S+)/.exec(output)?.[1];
        if (url) resolve(url);
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.once('exit', (code) => reject(new Error(`browser mode exited (${code}): ${output}`)));
    });
    return await body(loginUrl);
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
    // npm may exit before the server it started has closed the archive: wait for the whole group
    while (groupAlive(child.pid!)) await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function webStart(command: string, args: string[], runEnv: NodeJS.ProcessEnv): Promise<{ server: number; screen: number }> {
  const start = performance.now();
  return withWebMode(command, args, runEnv, async (loginUrl) => {
    const server = performance.now() - start;
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
    try {
      const page = await context.newPage();
      await page.goto(loginUrl);
      await page.locator('.issue-table tbody .title-cell', { hasText: title }).waitFor({ state: 'visible', timeout: 60_000 });
      const search = page.getByRole('searchbox', { name: '检索' });
      await search.fill('督察', { timeout: 60_000 });
      return { server, screen: performance.now() - start };
    } finally {
      await context.close();
    }
  });
}

const webArgs = ['--port', '0', '--data', dataDir];
const webCommands: [string, string, string[], NodeJS.ProcessEnv, number][] = [
  ['node bin/web.mjs', process.execPath, [join(repoRoot, 'bin', 'web.mjs'), ...webArgs], env, WEB_RUNS],
  ['npm run web', 'npm', ['run', '--silent', 'web', '--', ...webArgs], env, WEB_RUNS],
  ['from source: node bin/web.mjs', process.execPath, [join(repoRoot, 'bin', 'web.mjs'), ...webArgs], fromSource, SOURCE_RUNS],
];
const webSamples = webCommands.map(() => ({ server: [] as number[], screen: [] as number[] }));
try {
  for (const [, command, args, runEnv] of webCommands) await webStart(command, args, runEnv);
  for (let round = 0; round < WEB_RUNS; round++) {
    for (const [index, [, command, args, runEnv, runs]] of webCommands.entries()) {
      if (round >= runs) continue;
      const { server, screen } = await webStart(command, args, runEnv);
      webSamples[index]!.server.push(server);
      webSamples[index]!.screen.push(screen);
    }
  }
} finally {
  await browser.close();
}
printTable('browser mode, warm (times in ms): from the command to its login address, and to an archive screen that lists the issue and takes input', ['what', 'runs', 'address printed, median', 'screen interactive, median', 'p95', 'the page’s part, median', 'goal'], webCommands.map(([what], index) => {
  const { server, screen } = webSamples[index]!;
  const goal = what === 'npm run web' ? `≤ 1500 ms: ${verdict(median(screen), 1500)}` : '-';
  return [what, String(screen.length), median(server), median(screen), percentile(screen, 95), median(screen.map((total, run) => total - server[run]!)), goal];
}));
rmSync(dir, { recursive: true, force: true });
