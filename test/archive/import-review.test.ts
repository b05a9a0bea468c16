// Import with the clerk's confirmation, on real archives: import.read reads a file into a preview (the
// issue, how it was read, what the text gave, where it would go, whether it would be skipped) and writes
// nothing; import.confirm files exactly the issue the clerk confirmed, into the series chosen or a new
// one, skipping a taken year and number as import.file does, refusing a bad issue at the boundary.
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../electron/api/dispatch.ts';
import type { Archive } from '../../electron/services/archive/archive.ts';
import { createArchiveHandlers } from '../../electron/services/archive/handlers.ts';
import { getIssue, listIssues } from '../../electron/services/archive/issues.ts';
import { findSeriesByName, getSeries, listSeries } from '../../electron/services/archive/series.ts';
import { listRevisions } from '../../electron/services/archive/revisions.ts';
import { createImportHandlers } from '../../electron/services/import/handlers.ts';
import type { ApiHandlers } from '../../shared/api/contract.ts';
import type { ImportOutcome, ImportPreview } from '../../shared/api/records.ts';
import { withDerivedLead } from '../../shared/model/lead.ts';
import { bulletinFixtures } from '../fixtures.ts';
import { apiErrorOf, apiOf, makeSeries, tempArchive } from './helpers.ts';

const fixtures = bulletinFixtures();
const JIA = fixtures[2]!; // 第13期 of the 例行督察 series
const base64 = (text: string) => Buffer.from(text).toString('base64');
const upload = (index: number) => ({ name: `${fixtures[index]!.name}.txt`, base64: base64(fixtures[index]!.text) });

/** every row of every table and the connection's count of changes: equal means nothing was written */
function snapshot(archive: Archive): string {
  const db: Database = archive.db;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  const rows = tables.map((table) => [table, db.prepare(`SELECT * FROM "${table}"`).raw().all()]);
  return JSON.stringify([rows, db.prepare('SELECT total_changes()').pluck().get()]);
}

const imported = (outcome: ImportOutcome) => {
  if (outcome.status !== 'imported') throw new Error(`${outcome.file}: ${outcome.status} ${outcome.reason}`);
  return outcome;
};

/** the boundary every transport calls: the payload validated by the contract, errors as Chinese payloads */
const boundaryOf = (archive: Archive) => createDispatch({ ...createArchiveHandlers(archive), ...createImportHandlers(archive) } as ApiHandlers);

describe('import.read: a file read for review, nothing written', () => {
  it('reads a bulletin into a preview with the facts the text gave, proposes the new series its masthead names, and writes nothing', async () => {
    const archive = await tempArchive();
    const before = snapshot(archive);
    const preview = await apiOf(archive)('import.read', upload(2));
    expect(snapshot(archive)).toBe(before);
    expect(listSeries(archive, true)).toEqual([]);

    expect(preview).toMatchObject({
      file: `${JIA.name}.txt`,
      via: 'text',
      found: { seriesName: true, number: true, date: true, docNumber: true },
      series: { id: null, name: JIA.expected.series.name },
      duplicate: null,
      setAside: [],
    });
    expect([preview.issue.series.name, preview.issue.number, preview.issue.year, preview.issue.date, preview.issue.docNumber]).toEqual([
      JIA.expected.series.name, JIA.expected.number, JIA.expected.year, JIA.expected.date, JIA.expected.docNumber,
    ]);
    expect(preview.warnings).toEqual(expect.any(Array));
    // the issue as the archive would store it: its 导读 derived from the body
    expect(preview.issue).toEqual(withDerivedLead(preview.issue));
  });

  it('finds the existing series the masthead names and gives the same skip reason import.file gives, still writing nothing', async () => {
    const archive = await tempArchive();
    const api = apiOf(archive);
    imported(await api('import.file', upload(2)));
    const series = findSeriesByName(archive, JIA.expected.series.name)!;
    const before = snapshot(archive);
    const preview = await api('import.read', { ...upload(2), name: '再来一份.txt' });
    expect(snapshot(archive)).toBe(before);
    expect(preview.series).toEqual({ id: series.id, name: series.settings.name });
    const skipped = await api('import.file', upload(2));
    expect(skipped.status).toBe('skipped');
    expect(preview.duplicate).toBe(skipped.status === 'skipped' ? skipped.reason : 'not skipped');
    expect(preview.duplicate).toMatch(/^档案中已有.*2023年的第13期（2023年7月12日），未重复导入$/);

    // another number of the same series: it would go in
    const other = await api('import.read', upload(1));
    expect(other).toMatchObject({ series: { id: series.id }, duplicate: null });
  });

  it('marks the masthead facts a text does not give, with the reader’s warning', async () => {
    const archive = await tempArchive();
    const text = `${JIA.expected.series.name}\n\n关于做好督察整改工作的通知\n\n各县市区要按照要求认真做好督察整改工作，确保各项任务落实到位。\n`;
    const preview = await apiOf(archive)('import.read', { name: '无期号.txt', base64: base64(text) });
    expect(preview.found).toEqual({ seriesName: true, number: false, date: false, docNumber: false });
    expect(preview.warnings.join('；')).toMatch(/未找到期号/);
    expect(preview.series).toEqual({ id: null, name: JIA.expected.series.name });
  });

  it('refuses a file that cannot be read with the reader’s Chinese reason, and writes nothing', async () => {
    const archive = await tempArchive();
    makeSeries(archive);
    const before = snapshot(archive);
    const error = await apiErrorOf(apiOf(archive)('import.read', { name: '损坏.docx', base64: base64('这不是 Word 文件') }));
    expect(error.code).toBe('unreadable');
    expect(error.message).toMatch(/^Word 文档的内容不是 zip 压缩格式/);
    expect(error.message).not.toContain('损坏.docx');
    expect(snapshot(archive)).toBe(before);
  });
});

describe('import.confirm: files exactly what the clerk confirmed', () => {
  async function read(archive: Archive, index = 2): Promise<ImportPreview> {
    return apiOf(archive)('import.read', upload(index));
  }

  it('files into the existing series the clerk chose, as an imported revision, with the issue as confirmed', async () => {
    const archive = await tempArchive();
    const chosen = makeSeries(archive, '历年督察简报汇编');
    const preview = await read(archive);
    const before = snapshot(archive);
    const outcome = imported(await apiOf(archive)('import.confirm', { file: preview.file, issue: preview.issue, seriesId: chosen.id }));
    // the snapshot the other tests compare does see a write
    expect(snapshot(archive)).not.toBe(before);
    expect(outcome).toMatchObject({ seriesName: '历年督察简报汇编', numberText: '第13期', date: JIA.expected.date, file: `${JIA.name}.txt` });
    const record = getIssue(archive, outcome.issueId);
    expect(record.seriesId).toBe(chosen.id);
    expect(record.issue).toEqual(preview.issue);
    expect(listRevisions(archive, outcome.issueId).map((revision) => [revision.kind, revision.note])).toEqual([['imported', `导入自 ${JIA.name}.txt`]]);
    // no series was made from the masthead
    expect(listSeries(archive, true).map((series) => series.settings.name)).toEqual(['历年督察简报汇编']);
  });

  it('creates the new series under the name the clerk gave, with the masthead’s issuer and numbering', async () => {
    const archive = await tempArchive();
    const preview = await read(archive);
    const outcome = imported(await apiOf(archive)('import.confirm', { file: preview.file, issue: preview.issue, newSeriesName: '  例行督察工作简报  ' }));
    const series = findSeriesByName(archive, '例行督察工作简报')!;
    expect(outcome.seriesName).toBe('例行督察工作简报');
    expect([series.settings.issuer, series.settings.numbering, series.settings.printLead, series.issueCount]).toEqual([JIA.expected.series.issuer, 'sequential', true, 1]);
    expect(getIssue(archive, outcome.issueId).seriesId).toBe(series.id);
  });

  it('skips an issue whose year and number the series has, with import.file’s reason, writing nothing', async () => {
    const archive = await tempArchive();
    const api = apiOf(archive);
    const first = await read(archive);
    const series = imported(await api('import.confirm', { file: first.file, issue: first.issue, newSeriesName: first.series.name }));
    const seriesId = getIssue(archive, series.issueId).seriesId;
    const again = await read(archive);
    expect(again.series.id).toBe(seriesId);
    const before = snapshot(archive);
    const outcome = await api('import.confirm', { file: '再来一份.txt', issue: again.issue, seriesId });
    expect(outcome).toEqual({ file: '再来一份.txt', status: 'skipped', reason: again.duplicate });
    expect(snapshot(archive)).toBe(before);
  });

  it('files a corrected 期号 and date as corrected: the duplicate goes in once its number is put right', async () => {
    const archive = await tempArchive();
    const api = apiOf(archive);
    const first = await read(archive);
    imported(await api('import.confirm', { file: first.file, issue: first.issue, newSeriesName: first.series.name }));
    const again = await read(archive);
    expect(again.duplicate).not.toBeNull();
    const corrected = { ...again.issue, number: 14, date: '2024-01-08', year: 2024 };
    const outcome = imported(await api('import.confirm', { file: again.file, issue: corrected, seriesId: again.series.id! }));
    expect([outcome.numberText, outcome.date]).toEqual(['第14期', '2024-01-08']);
    const record = getIssue(archive, outcome.issueId);
    expect([record.issue.number, record.issue.year, record.issue.date]).toEqual([14, 2024, '2024-01-08']);
    expect(listIssues(archive, { seriesId: again.series.id! }).map((issue) => issue.numberText).sort()).toEqual(['第13期', '第14期']);
  });

  it('refuses a bad issue at the boundary in Chinese (no handler runs), and the archive stays as it was', async () => {
    const archive = await tempArchive();
    const series = makeSeries(archive);
    const preview = await read(archive);
    const dispatch = boundaryOf(archive);
    const before = snapshot(archive);
    const bad: [string, unknown][] = [
      ['期号 0', { file: preview.file, issue: { ...preview.issue, number: 0 }, seriesId: series.id }],
      ['a date that does not exist', { file: preview.file, issue: { ...preview.issue, date: '2023-02-30' }, seriesId: series.id }],
      ['an unknown field in the issue', { file: preview.file, issue: { ...preview.issue, hidden: true }, seriesId: series.id }],
      ['both a series and a new name', { file: preview.file, issue: preview.issue, seriesId: series.id, newSeriesName: '另一个' }],
      ['neither a series nor a new name', { file: preview.file, issue: preview.issue }],
      ['an empty new name', { file: preview.file, issue: preview.issue, newSeriesName: '   ' }],
    ];
    for (const [label, payload] of bad) {
      const response = await dispatch('import.confirm', payload);
      expect(response.ok, label).toBe(false);
      if (response.ok) continue;
      expect(response.error.code, label).toBe('invalid-input');
      expect(response.error.message, label).toMatch(/^请求内容不正确（.*[\u4e00-\u9fff]/);
    }
    const refusal = await dispatch('import.confirm', { file: preview.file, issue: { ...preview.issue, number: 0 }, seriesId: series.id });
    expect(!refusal.ok && refusal.error.message).toMatch(/期号/);
    const neither = await dispatch('import.confirm', { file: preview.file, issue: preview.issue });
    expect(!neither.ok && neither.error.message).toContain('请选择要归入的刊物，或填写新刊物的名称');
    expect(snapshot(archive)).toBe(before);
  });

  it('carries 不印导读 (printLead false) of the issue into the series it creates, and leaves a chosen series’ settings alone', async () => {
    const archive = await tempArchive();
    const api = apiOf(archive);
    const preview = await read(archive);
    const noLead = { ...preview.issue, series: { ...preview.issue.series, printLead: false as const } };
    const created = imported(await api('import.confirm', { file: preview.file, issue: noLead, newSeriesName: '不印导读的简报' }));
    expect(getSeries(archive, getIssue(archive, created.issueId).seriesId).settings.printLead).toBe(false);

    const existing = makeSeries(archive, '印导读的简报');
    imported(await api('import.confirm', { file: preview.file, issue: noLead, seriesId: existing.id }));
    expect(getSeries(archive, existing.id).settings.printLead).toBe(true);
  });

  it('carries 不印导读 into the series a direct import (import.file, the command line’s way) creates from the masthead', async () => {
    const archive = await tempArchive();
    const preview = await read(archive);
    const json = JSON.stringify({ ...preview.issue, series: { ...preview.issue.series, name: '不印导读的简报', printLead: false } });
    const outcome = imported(await apiOf(archive)('import.file', { name: '不印导读.json', base64: base64(json) }));
    expect(getSeries(archive, getIssue(archive, outcome.issueId).seriesId).settings).toMatchObject({ name: '不印导读的简报', printLead: false });
  });

  it('fails a new series name that another series has with the Chinese reason, creating and filing nothing', async () => {
    const archive = await tempArchive();
    makeSeries(archive, '已有的简报');
    const preview = await read(archive);
    const before = snapshot(archive);
    const outcome = await apiOf(archive)('import.confirm', { file: preview.file, issue: preview.issue, newSeriesName: '已有的简报' });
    expect(outcome).toEqual({ file: preview.file, status: 'failed', reason: '已有名为“已有的简报”的刊物，刊物名称不能重复' });
    expect(snapshot(archive)).toBe(before);
  });

  it('refuses to file into a series that does not exist, in Chinese', async () => {
    const archive = await tempArchive();
    const preview = await read(archive);
    const error = await apiErrorOf(apiOf(archive)('import.confirm', { file: preview.file, issue: preview.issue, seriesId: 999 }));
    expect([error.code, error.message]).toEqual(['not-found', '找不到这个刊物，可能已被删除']);
  });
});
