// A data folder with long series in it, filed straight through the archive service (2,000 issues through the
// API would take minutes): small generated issues numbered 1…N, dates moving forward from 2015.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchive } from '../../electron/services/archive/archive.ts';
import { createSeries } from '../../electron/services/archive/series.ts';
import { importReadFiles, type ReadFile } from '../../electron/services/archive/import-issues.ts';
import { defaultSeriesSettings, issueSeriesOf, type SeriesSettings } from '../../shared/model/series.ts';
import type { Issue, IssueStatus } from '../../shared/model/issue.ts';
import { generateIssue } from '../generate.ts';

const STATUSES: IssueStatus[] = ['draft', 'reviewed', 'issued', 'issued'];

/** The first article's title of issue number `number` in a long series. */
export const longSeriesTitle = (number: number) => `第${number}期首篇：督察整改工作推进情况`;

function issuesOf(settings: SeriesSettings, count: number): ReadFile[] {
  const template = generateIssue(1, 3);
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(2015, 0, 1 + Math.floor((i / count) * 3650))).toISOString().slice(0, 10);
    const blocks = template.blocks.map((block, index) => (index === 1 && block.type === 'article' ? { ...block, title: longSeriesTitle(i + 1) } : block));
    const issue: Issue = {
      ...template,
      blocks,
      series: issueSeriesOf(settings),
      number: i + 1,
      year: Number(date.slice(0, 4)),
      totalNumber: null,
      date,
      docNumber: null,
      status: STATUSES[i % STATUSES.length]!,
      printed: { by: settings.issuer, date },
    };
    return { file: `第${i + 1}期`, issue, warnings: [] };
  });
}

/** A new data folder holding one sequentially numbered series of `count` issues for each entry. */
export async function dataDirWithSeries(series: readonly { name: string; count: number }[]): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'jianbao-long-series-'));
  const archive = await openArchive({ dataDir });
  try {
    for (const { name, count } of series) {
      const record = createSeries(archive, defaultSeriesSettings(name, '协调联络组', 'sequential'));
      const files = issuesOf(record.settings, count);
      for (let start = 0; start < files.length; start += 100) {
        const bad = importReadFiles(archive, files.slice(start, start + 100), { seriesId: record.id }).find((outcome) => outcome.status !== 'imported');
        if (bad) throw new Error(`filing 第${start + 1}期… failed: ${JSON.stringify(bad)}`);
      }
    }
  } finally {
    archive.close();
  }
  return dataDir;
}
