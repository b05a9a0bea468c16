// A series that prints no 导读 (不印导读) in real archives: its new issues take `printLead: false` from the
// settings, keep a lead block with no items however they are saved, settings stored before the switch
// existed print a 导读, a draft and an issued issue keep the masthead they were made with, and the switch
// goes through a bundle to another PC (and a bundle of an older version reads as printing a 导读).
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { defaultSeriesSettings, type SeriesSettings } from '../../shared/model/series.ts';
import type { Issue } from '../../shared/model/issue.ts';
import type { IssueRecord } from '../../shared/api/records.ts';
import { typesetIssue } from '../../shared/layout/typeset.ts';
import { apiOf, tempArchive } from './helpers.ts';

type Api = ReturnType<typeof apiOf>;

const settingsOf = (printLead: boolean): SeriesSettings => ({ ...defaultSeriesSettings('不印导读工作简报', '测试协调联络组'), sections: ['县市区工作动态'], printLead });

async function setUp(printLead: boolean) {
  const archive = await tempArchive();
  const api = apiOf(archive);
  const series = await api('series.create', { settings: settingsOf(printLead) });
  return { archive, api, seriesId: series.id };
}

/** Saves the record with two articles and a news item, and a lead block that claims items of its own. */
async function write(api: Api, record: IssueRecord): Promise<IssueRecord> {
  const issue: Issue = {
    ...record.issue,
    blocks: [
      { type: 'lead', items: ['别处写进来的导读'] },
      { type: 'article', title: '全市召开防汛工作会议', paragraphs: [{ runs: [{ text: '会议部署了防汛工作。' }] }] },
      { type: 'article', title: '督察组下沉督导', subtitle: '压实责任', paragraphs: [{ runs: [{ text: '督察组深入一线。' }] }] },
      { type: 'news', heading: '县市区工作动态', marker: true, items: [{ head: '安化县', form: 'colon', paragraphs: [{ runs: [{ text: '开展巡河。' }] }] }] },
    ],
  };
  return (await api('issues.save', { id: record.id, baseRevision: record.revision, issue })).record;
}

const storedJson = (archive: Awaited<ReturnType<typeof tempArchive>>, id: number) =>
  archive.db.prepare('SELECT content FROM revisions WHERE issue_id = ? ORDER BY revision DESC LIMIT 1').pluck().get(id) as string;
const printsLeadBox = (issue: Issue) => typesetIssue(issue, defaultSeriesSettings('x')).blocks.some((block) => block.kind === 'paragraph' && block.style === 'leadHeading');

describe('a series that prints no 导读', () => {
  it('gives its new issues printLead: false and a lead block that keeps items: [] after every save', async () => {
    const { archive, api, seriesId } = await setUp(false);
    const created = await api('issues.next', { seriesId, date: '2024-03-05' });
    expect(created.issue.series).toEqual({ name: '不印导读工作简报', issuer: '测试协调联络组', numbering: 'sequential', printLead: false });
    expect(created.issue.blocks[0]).toEqual({ type: 'lead', items: [] });

    const saved = await write(api, created);
    expect(saved.issue.blocks[0]).toEqual({ type: 'lead', items: [] });
    expect(saved.issue.blocks).toHaveLength(4);
    expect(storedJson(archive, saved.id)).toContain('"blocks":[{"type":"lead","items":[]},');
    expect(JSON.parse(storedJson(archive, saved.id)).series.printLead).toBe(false);
    expect((await api('issues.get', { id: saved.id })).issue).toEqual(saved.issue);
    expect(printsLeadBox(saved.issue)).toBe(false);
  });

  it('derives the 导读 on save in a series that prints one, from the same body', async () => {
    const { api, seriesId } = await setUp(true);
    const created = await api('issues.next', { seriesId, date: '2024-03-05' });
    expect(created.issue.series).not.toHaveProperty('printLead');
    const saved = await write(api, created);
    expect(saved.issue.blocks[0]).toEqual({ type: 'lead', items: ['全市召开防汛工作会议', '督察组下沉督导：压实责任', '县市区工作动态'] });
    expect(printsLeadBox(saved.issue)).toBe(true);
  });

  it('reads settings stored before the switch existed as printing a 导读: in the series, its new issues and their saves', async () => {
    const { archive, api, seriesId } = await setUp(true);
    archive.db.prepare("UPDATE series SET settings = json_remove(settings, '$.printLead') WHERE id = ?").run(seriesId);
    expect(JSON.parse(archive.db.prepare('SELECT settings FROM series WHERE id = ?').pluck().get(seriesId) as string)).not.toHaveProperty('printLead');
    const created = await api('issues.next', { seriesId, date: '2024-03-05' });
    expect(created.issue.series).not.toHaveProperty('printLead');
    const saved = await write(api, created);
    expect(saved.issue.blocks[0]).toMatchObject({ items: ['全市召开防汛工作会议', '督察组下沉督导：压实责任', '县市区工作动态'] });
    // a bundle of such a series reads as printing one on the other PC
    const other = apiOf(await tempArchive());
    await other('bundle.import', { base64: (await api('bundle.export', { seriesId })).base64 });
    expect((await other('series.list', {}))[0]!.settings.printLead).toBe(true);
  });

  it('changes new issues only when the setting changes: a draft and an issued issue keep the masthead they were made with, as for name and issuer', async () => {
    const { api, seriesId } = await setUp(true);
    const issued = await write(api, await api('issues.next', { seriesId, date: '2024-03-01' }));
    await api('issues.setStatus', { id: issued.id, status: 'reviewed' });
    await api('issues.setStatus', { id: issued.id, status: 'issued' });
    const draft = await write(api, await api('issues.next', { seriesId, date: '2024-03-08' }));

    await api('series.update', { id: seriesId, settings: { ...settingsOf(false), name: '改名后的工作简报' } });
    const keptIssued = await api('issues.get', { id: issued.id });
    const keptDraft = await api('issues.get', { id: draft.id });
    for (const kept of [keptIssued, keptDraft]) {
      expect(kept.issue.series).toEqual({ name: '不印导读工作简报', issuer: '测试协调联络组', numbering: 'sequential' });
      expect(printsLeadBox(kept.issue)).toBe(true);
    }
    // the draft saved again still derives its 导读
    expect((await write(api, keptDraft)).issue.blocks[0]).toMatchObject({ items: ['全市召开防汛工作会议', '督察组下沉督导：压实责任', '县市区工作动态'] });

    const next = await api('issues.next', { seriesId, date: '2024-03-15' });
    expect(next.issue.series).toEqual({ name: '改名后的工作简报', issuer: '测试协调联络组', numbering: 'sequential', printLead: false });
    expect(next.issue.number).toBe(3);
  });

  it('hands out a new draft that follows the settings in place of an untouched one made before they changed', async () => {
    const { api, seriesId } = await setUp(true);
    await write(api, await api('issues.next', { seriesId, date: '2024-03-01' }));
    const untouched = await api('issues.next', { seriesId, date: '2024-03-08' });
    expect(await api('issues.next', { seriesId, date: '2024-03-08' })).toMatchObject({ id: untouched.id });

    await api('series.update', { id: seriesId, settings: settingsOf(false) });
    const fresh = await api('issues.next', { seriesId, date: '2024-03-08' });
    expect(fresh.issue.series.printLead).toBe(false);
    expect(fresh.issue.number).toBe(untouched.issue.number);
    expect((await api('issues.list', { seriesId })).map((summary) => summary.number)).toEqual([2, 1]);
    // and hands that one back while nothing changes
    expect(await api('issues.next', { seriesId, date: '2024-03-08' })).toMatchObject({ id: fresh.id });
  });
});

describe('bundles of a series that prints no 导读', () => {
  it('carry printLead: false in the settings and the issues to another archive, and back unchanged', async () => {
    const { api, seriesId } = await setUp(false);
    const saved = await write(api, await api('issues.next', { seriesId, date: '2024-03-05' }));
    const b = apiOf(await tempArchive());
    const file = await api('bundle.export', { seriesId });
    const bundle = JSON.parse(await (await JSZip.loadAsync(Buffer.from(file.base64, 'base64'))).file('bundle.json')!.async('string'));
    expect(bundle.series[0].settings.printLead).toBe(false);

    expect(await b('bundle.import', { base64: file.base64 })).toMatchObject({ imported: 1, seriesCreated: 1, conflicts: [] });
    const [series] = await b('series.list', {});
    expect(series!.settings).toEqual(settingsOf(false));
    const [summary] = await b('issues.list', { seriesId: series!.id });
    const moved = await b('issues.get', { id: summary!.id });
    expect(moved.issue).toEqual(saved.issue);
    expect(moved.issue.blocks[0]).toEqual({ type: 'lead', items: [] });

    // back to the first PC: nothing new
    expect(await api('bundle.import', { base64: (await b('bundle.export', {})).base64 })).toEqual({ imported: 0, unchanged: 1, conflicts: [], seriesCreated: 0 });
    // the next issue on the other PC does not print one either
    expect((await b('issues.next', { seriesId: series!.id, date: '2024-03-12' })).issue.series.printLead).toBe(false);
  });

  it('read a bundle written before the switch existed (settings without printLead) as printing a 导读', async () => {
    const { api, seriesId } = await setUp(true);
    await write(api, await api('issues.next', { seriesId, date: '2024-03-05' }));
    const zip = await JSZip.loadAsync(Buffer.from((await api('bundle.export', { seriesId })).base64, 'base64'));
    const bundle = JSON.parse(await zip.file('bundle.json')!.async('string'));
    delete bundle.series[0].settings.printLead;
    zip.file('bundle.json', JSON.stringify(bundle));
    const older = (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64');

    const b = apiOf(await tempArchive());
    expect(await b('bundle.import', { base64: older })).toMatchObject({ imported: 1, seriesCreated: 1 });
    const [series] = await b('series.list', {});
    expect(series!.settings.printLead).toBe(true);
    expect((await b('issues.next', { seriesId: series!.id, date: '2024-03-12' })).issue.series).not.toHaveProperty('printLead');
  });
});
