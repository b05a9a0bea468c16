// Child process of the crash test: saves revisions of one issue in a loop and prints
// "saved REVISION TOKEN" after each commit, until the parent kills it with SIGKILL.
import { randomUUID } from 'node:crypto';
import { openArchive } from '../../electron/services/archive/archive.ts';
import { createSeries, findSeriesByName } from '../../electron/services/archive/series.ts';
import { getIssue, listIssues, nextIssue, saveIssue } from '../../electron/services/archive/issues.ts';
import { defaultSeriesSettings } from '../../shared/model/series.ts';

const archive = await openArchive({ dataDir: process.argv[2]! });
const series = findSeriesByName(archive, '断电测试简报') ?? createSeries(archive, defaultSeriesSettings('断电测试简报', '测试组'));
const existing = listIssues(archive, { seriesId: series.id })[0];
let record = existing ? getIssue(archive, existing.id) : nextIssue(archive, series.id, '2024-01-01');
const filler = '各县市区扎实推进生态环境问题整改，督察组逐项核查整改情况。'.repeat(40);

for (;;) {
  const token = randomUUID();
  const issue = {
    ...record.issue,
    blocks: [record.issue.blocks[0]!, { type: 'article' as const, title: `保存${token}`, paragraphs: [{ runs: [{ text: `${token}${filler}` }] }] }],
  };
  record = saveIssue(archive, record.id, record.revision, issue).record;
  // a pipe to the parent is written synchronously on Linux: the line is out before the next save starts
  process.stdout.write(`saved ${record.revision} ${token}\n`);
}
