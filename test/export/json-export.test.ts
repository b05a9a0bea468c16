// What `export.json` writes: the canonical issue (shared/model/issue.ts, "jianbao/issue@1") as the archive
// holds it, as UTF-8 JSON that the schema reads back unchanged: nothing added, nothing left out, nothing
// the schema would strip or refuse, for an imported issue, an edited draft and a yearly series' issue.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../electron/api/services.ts';
import { ISSUE_FORMAT, issueSchema, type Issue } from '../../shared/model/issue.ts';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import { bulletinFixtures } from '../fixtures.ts';

let dir: string;
let services: Services;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jianbao-json-export-'));
  services = await openServices({ dataDir: join(dir, 'data') });
}, 60_000);

afterAll(async () => {
  await services?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The exported file's text and the issue it parses to. */
async function exported(issueId: number): Promise<{ fileName: string; text: string; json: unknown }> {
  const file = await services.handlers['export.json']({ issueId });
  const text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(file.base64, 'base64'));
  return { fileName: file.fileName, text, json: JSON.parse(text) as unknown };
}

/** The export is the canonical issue: the schema reads it back as it is, and it is the archive's record. */
async function expectCanonical(issueId: number): Promise<Issue> {
  const { text, json } = await exported(issueId);
  const parsed = issueSchema.safeParse(json);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
  expect(parsed.data).toEqual(json);
  const record = await services.handlers['issues.get']({ id: issueId });
  expect(json).toEqual(record.issue);
  // written out readably: two-space indents, Chinese as it is (not \u escapes), a final newline
  expect(text).toBe(`${JSON.stringify(record.issue, null, 2)}\n`);
  return json as Issue;
}

describe('export.json', () => {
  it('writes every imported fixture as its canonical issue, the archive’s record of it', async () => {
    for (const fixture of bulletinFixtures()) {
      const outcome = await services.handlers['import.file']({ name: `${fixture.name}.txt`, base64: Buffer.from(fixture.text, 'utf8').toString('base64') });
      if (outcome.status !== 'imported') throw new Error(`import failed: ${JSON.stringify(outcome)}`);
      const issue = await expectCanonical(outcome.issueId);
      expect(issue.format).toBe(ISSUE_FORMAT);
      expect(issue.series.name).toBe(fixture.expected.series.name);
      expect(issue.number).toBe(fixture.expected.number);
      expect(issue.blocks.some((block) => block.type === 'article')).toBe(true);
      expect(issue.distribution.report.length).toBeGreaterThan(0);
      const { text } = await exported(outcome.issueId);
      expect(text).toContain(`"name": "${fixture.expected.series.name}"`);
    }
  });

  it('writes a draft as last saved, with its headings, bold runs and ignored findings', async () => {
    const series = await services.handlers['series.create']({ settings: defaultSeriesSettings('导出测试简报', '测试组') });
    const draft = await services.handlers['issues.next']({ seriesId: series.id, date: '2024-05-06' });
    const edited: Issue = {
      ...draft.issue,
      docNumber: '测简字〔2024〕1号',
      blocks: [
        { type: 'lead', items: ['全市召开推进会'] },
        {
          type: 'article',
          title: '全市召开推进会',
          subtitle: '部署下一阶段工作',
          paragraphs: [
            { heading: 1, runs: [{ text: '一、总体情况' }] },
            { runs: [{ text: '会议要求，' }, { text: '压实责任', bold: true }, { text: '，PM2.5浓度持续下降。' }] },
          ],
        },
      ],
      ignoredFindings: ['punctuation.half-width:0:1'],
    };
    await services.handlers['issues.save']({ id: draft.id, baseRevision: draft.revision, issue: edited });
    const issue = await expectCanonical(draft.id);
    expect(issue.docNumber).toBe('测简字〔2024〕1号');
    expect(issue.blocks[1]).toEqual(edited.blocks[1]);
    expect(issue.ignoredFindings).toEqual(['punctuation.half-width:0:1']);
  });

  it('writes a yearly series’ issue with its year and total number', async () => {
    const series = await services.handlers['series.create']({ settings: defaultSeriesSettings('年度督察简报', '督察组', 'yearly-with-total') });
    const record = await services.handlers['issues.next']({ seriesId: series.id, date: '2024-05-06' });
    const issue = await expectCanonical(record.id);
    expect(issue.series.numbering).toBe('yearly-with-total');
    expect(issue.year).toBe(2024);
    expect(issue.totalNumber).not.toBeNull();
  });
});
