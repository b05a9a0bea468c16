// `npm run bench:stats`: a year of a daily series (365 issued issues, about 9,000 ▲ items led by 40 units,
// by name or by alias, and two or three articles an issue) in a real archive; the whole `stats.tally` call
// through the dispatch (validation, reading the issues and the period before, suggestions, the tally),
// median of 9 runs, cold (nothing held: every issue read and parsed) and warm (the slim issues of the last
// count held, as when the clerk counts again), on the clock and in CPU time, beside baselines measured in
// the same run: reading the same issues' JSON from SQLite, and the tally alone over issues already read.
// The workbook and the 通报 are timed too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatch } from '../../electron/api/dispatch.ts';
import { createServiceHandlers } from '../../electron/api/services.ts';
import { issuesOfPeriods, openArchive } from '../../electron/services/archive/index.ts';
import { createSeries } from '../../electron/services/archive/series.ts';
import { forgetSlimIssues } from '../../electron/services/stats/slim-cache.ts';
import type { StatsReport } from '../../shared/api/records.ts';
import type { Issue, NewsItem } from '../../shared/model/issue.ts';
import { DEFAULT_SCORING, defaultSeriesSettings, type Unit } from '../../shared/model/series.ts';
import { yearPeriod } from '../../shared/stats/period.ts';
import { tally } from '../../shared/stats/tally.ts';
import { generateIssue, seededRandom } from '../generate.ts';
import { median, percentile, printTable, timeRuns } from './table.ts';

/** CPU time of each run (this process, all its threads): what the work costs on a machine shared with other work. */
async function cpuRuns(runs: number, body: () => unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = process.cpuUsage();
    await body();
    const used = process.cpuUsage(start);
    samples.push((used.user + used.system) / 1000);
  }
  return samples;
}

const DAYS = 365;
const ITEMS_PER_ISSUE = 25;
const RUNS = 9;
const GOAL_MS = 200;

const COUNTIES = ['安化县', '桃江县', '南县', '沅江市', '赫山区', '资阳区', '大通湖区', '高新区', '益阳高新区', '龙岭工业园'];
const DEPARTMENTS = ['生态环境局', '水利局', '农业农村局', '自然资源和规划局', '住房和城乡建设局', '城管执法局', '交通运输局', '工业和信息化局', '商务局', '文旅广体局',
  '卫生健康委', '应急管理局', '林业局', '市场监管局', '发展和改革委', '财政局', '教育局', '公安局', '司法局', '信访局', '统计局', '审计局', '民政局', '人社局', '气象局', '供销社', '国资委', '科技局', '体育局', '医保局'];
const UNITS: Unit[] = [
  ...COUNTIES.map((name): Unit => ({ name, aliases: [name.replace(/[县市区园]$/, '')], group: '县市区' })),
  ...DEPARTMENTS.map((name): Unit => ({ name: `市${name}`, aliases: [`益阳市${name}`], group: '市直部门' })),
];

const dir = mkdtempSync(join(tmpdir(), 'jianbao-bench-stats-'));
try {
  const archive = await openArchive({ dataDir: dir });
  const series = createSeries(archive, { ...defaultSeriesSettings('益阳市生态环境保护工作简报', '协调联络组'), units: UNITS, scoring: DEFAULT_SCORING });
  const { handlers, close } = createServiceHandlers(archive);
  const random = seededRandom(11);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;

  const filingStart = performance.now();
  let items = 0;
  for (let day = 0; day < DAYS; day++) {
    const date = new Date(Date.UTC(2023, 0, 1 + day)).toISOString().slice(0, 10);
    const body = generateIssue(3, day + 1);
    const texts = body.blocks.flatMap((block) => (block.type === 'news' ? block.items.flatMap((item) => item.paragraphs) : []));
    const unitItems = Array.from({ length: ITEMS_PER_ISSUE }, (_, index): NewsItem => {
      const unit = pick(UNITS);
      const head = random() < 0.3 ? unit.aliases[0]! : unit.name;
      return { head, form: 'colon', paragraphs: [texts[index % texts.length]!] };
    });
    items += unitItems.length;
    const issue: Issue = { ...body, date, year: 2023, blocks: body.blocks.map((block) => (block.type === 'news' ? { ...block, items: unitItems } : block)) };
    const next = await handlers['issues.next']({ seriesId: series.id, date });
    await handlers['issues.save']({ id: next.id, baseRevision: next.revision, issue: { ...issue, series: next.issue.series, number: next.issue.number, status: 'draft' } });
    await handlers['issues.setStatus']({ id: next.id, status: 'reviewed' });
    await handlers['issues.setStatus']({ id: next.id, status: 'issued' });
  }
  const filingSeconds = (performance.now() - filingStart) / 1000;

  const dispatch = createDispatch(handlers);
  const request = { seriesId: series.id, from: '2023-01-01', to: '2023-12-31' };
  let report: StatsReport | null = null;
  const call = async () => {
    const response = await dispatch('stats.tally', request);
    if (!response.ok) throw new Error(response.error.message);
    report = response.value as StatsReport;
  };
  const cold = () => {
    forgetSlimIssues(archive);
    return call();
  };
  await call();
  const coldRuns = await timeRuns(RUNS, cold);
  const coldCpu = await cpuRuns(RUNS, cold);
  await call();
  const whole = await timeRuns(RUNS, call);
  const wholeCpu = await cpuRuns(RUNS, call);

  const read = () => issuesOfPeriods(archive, { seriesId: series.id, periods: [{ from: '2023-01-01', to: '2023-12-31' }], all: false });
  read();
  const reading = await timeRuns(RUNS, read);
  const readingCpu = await cpuRuns(RUNS, read);
  const issues = read().periods[0]!;
  const tallyAlone = () => tally({ seriesName: '益阳市生态环境保护工作简报', issuer: '协调联络组', period: yearPeriod(2023), status: 'issued', issues, units: UNITS, scoring: DEFAULT_SCORING });
  const alone = await timeRuns(RUNS, tallyAlone);
  const aloneCpu = await cpuRuns(RUNS, tallyAlone);
  const json = await timeRuns(RUNS, () => JSON.stringify(report));
  const xlsx = await timeRuns(3, () => handlers['stats.xlsx'](request));
  const docx = await timeRuns(3, () => handlers['stats.docx'](request));

  const done = report as StatsReport | null;
  const ms = (samples: number[]) => `${median(samples).toFixed(1)} ms`;
  const p95 = (samples: number[]) => `${percentile(samples, 95).toFixed(1)} ms`;
  console.log(`\n${DAYS} issued issues, ${items} items, ${UNITS.length} units (filed in ${filingSeconds.toFixed(1)} s); the report: ${done?.totals.counted} reports counted, ${done?.totals.pending} pending, ${(JSON.stringify(done).length / 1024 / 1024).toFixed(1)} MB as JSON`);
  printTable(`信息采用统计 of a year, median of ${RUNS} runs (xlsx and docx: 3)`, ['what', 'median', 'p95', 'CPU median', 'goal', 'baseline (same run)', 'ratio'], [
    ['stats.tally, whole call, cold (every issue read and parsed)', ms(coldRuns), p95(coldRuns), ms(coldCpu), `≤ ${GOAL_MS} ms`, `read the year's JSON from SQLite: ${ms(reading)} (CPU ${ms(readingCpu)})`, (median(coldRuns) / median(reading)).toFixed(2)],
    ['stats.tally, whole call, warm (slim issues held)', ms(whole), p95(whole), ms(wholeCpu), `≤ ${GOAL_MS} ms`, 'the same', (median(whole) / median(reading)).toFixed(2)],
    ['tally alone (issues already read)', ms(alone), p95(alone), ms(aloneCpu), '', '', ''],
    ['the report as JSON (what IPC would carry)', ms(json), p95(json), '', '', '', ''],
    ['stats.xlsx (with 明细)', ms(xlsx), p95(xlsx), '', '', '', ''],
    ['stats.docx (通报)', ms(docx), p95(docx), '', '', '', ''],
  ]);
  const verdict = (samples: number[]) => (median(samples) <= GOAL_MS ? 'met' : 'missed');
  console.log(`goal ≤ ${GOAL_MS} ms, cold: ${verdict(coldRuns)} on the clock (${ms(coldRuns)}), ${verdict(coldCpu)} in CPU time (${ms(coldCpu)}); warm: ${verdict(whole)} on the clock (${ms(whole)}), ${verdict(wholeCpu)} in CPU time (${ms(wholeCpu)}); load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)}`);
  await close();
  archive.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
