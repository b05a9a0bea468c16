// Issues enter the archive in normal form (shared/model/normal-form.ts), however they arrive: imported
// from a canonical .json, merged from a bundle, restored from an old revision. Opening such an issue in the
// editor and saving it unchanged then stores the identical JSON and adds no revision.
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Archive } from '../../electron/services/archive/archive.ts';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import { issueSchema, type Block, type Issue } from '../../shared/model/issue.ts';
import { normalizeIssue } from '../../shared/model/normal-form.ts';
import { issueToSlate, slateToIssue } from '../../renderer/editor/model/mapping.ts';
import { scrambled } from '../model-scramble.ts';
import { apiOf, fixtureIssue, tempArchive } from './helpers.ts';

type Api = ReturnType<typeof apiOf>;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const TEMPLATE = ['县市区工作动态', '市直部门工作动态'];
const settings = { ...defaultSeriesSettings('测试工作简报', '测试协调联络组'), sections: TEMPLATE };

const para = (text: string) => ({ runs: [{ text }] });
/** A body in an order the editor never shows: news first, the 导读 stale and in the middle, a section split in two, empty parts. */
const OUT_OF_ORDER: Block[] = [
  { type: 'news', heading: '市直部门工作动态', marker: true, items: [{ head: '市生态环境局', paragraphs: [para('开展执法检查。')] }] },
  { type: 'article', title: '全市召开督察整改推进会', paragraphs: [{ runs: [{ text: '会议', bold: false }, { text: '要求' }, { text: '', bold: true }, { text: '立行立改。' }] }, { runs: [] }] },
  { type: 'lead', items: ['过时的导读'] },
  { type: 'news', heading: '县市区工作动态', items: [{ head: '安化县', form: 'colon', paragraphs: [para('开展巡河。')] }] },
  { type: 'article', title: '', subtitle: '', paragraphs: [] },
  { type: 'news', heading: '县市区工作动态', items: [{ head: '桃江县', form: 'runIn', paragraphs: [para('整改到位。')] }] },
  { type: 'news', heading: '其他动态', items: [] },
  { type: 'article', title: '督察组下沉督导', subtitle: '压实责任', paragraphs: [para('督察组深入一线。')] },
];

async function setUp() {
  const archive = await tempArchive();
  const api = apiOf(archive);
  const series = await api('series.create', { settings });
  return { archive, api, seriesId: series.id };
}

const latestJson = (archive: Archive, id: number) =>
  archive.db.prepare('SELECT content FROM revisions WHERE issue_id = ? ORDER BY revision DESC LIMIT 1').pluck().get(id) as string;
const revisionCount = (archive: Archive, id: number) => archive.db.prepare('SELECT count(*) FROM revisions WHERE issue_id = ?').pluck().get(id) as number;
/** The JSON the archive stores for an issue in normal form for the template. */
const normalJson = (issue: Issue) => JSON.stringify(issueSchema.parse(normalizeIssue(issue, TEMPLATE)));

/** Opens the issue as the editor does (issueToSlate with the series template), saves what it shows unchanged, and checks that nothing changed. */
async function openAndSaveUnchanged(archive: Archive, api: Api, id: number): Promise<void> {
  const before = latestJson(archive, id);
  const revisions = revisionCount(archive, id);
  const record = await api('issues.get', { id });
  const shown = slateToIssue(issueToSlate(record.issue, TEMPLATE, settings.newsMarker), record.issue);
  expect(shown).toEqual(record.issue);
  const saved = await api('issues.save', { id, baseRevision: record.revision, issue: shown });
  expect(saved.changed).toBe(false);
  expect(latestJson(archive, id)).toBe(before);
  expect(revisionCount(archive, id)).toBe(revisions);
}

function draftOf(blocks: Block[], number = 5): Issue {
  return { ...fixtureIssue(2), series: { name: settings.name, issuer: settings.issuer, numbering: 'sequential' }, number, status: 'draft', blocks };
}

describe('issues enter the archive in normal form', () => {
  it('stores an imported .json issue with its blocks in another order normalized, and its first save in the editor changes nothing', async () => {
    const { archive, api, seriesId } = await setUp();
    const incoming = draftOf(OUT_OF_ORDER);
    const outcome = await api('import.file', { name: '第5期.json', base64: Buffer.from(JSON.stringify(incoming)).toString('base64'), seriesId });
    if (outcome.status !== 'imported') throw new Error(`${outcome.status}: ${'reason' in outcome ? outcome.reason : ''}`);
    const stored = JSON.parse(latestJson(archive, outcome.issueId)) as Issue;
    expect(stored.blocks).toEqual([
      { type: 'lead', items: ['全市召开督察整改推进会', '督察组下沉督导：压实责任', '县市区工作动态', '市直部门工作动态'] },
      { type: 'article', title: '全市召开督察整改推进会', paragraphs: [{ runs: [{ text: '会议要求立行立改。' }] }] },
      { type: 'article', title: '督察组下沉督导', subtitle: '压实责任', paragraphs: [para('督察组深入一线。')] },
      {
        type: 'news',
        heading: '县市区工作动态',
        items: [
          { head: '安化县', form: 'colon', paragraphs: [para('开展巡河。')] },
          { head: '桃江县', form: 'runIn', paragraphs: [para('整改到位。')] },
        ],
      },
      { type: 'news', heading: '市直部门工作动态', items: [{ head: '市生态环境局', form: 'colon', paragraphs: [para('开展执法检查。')] }] },
    ]);
    expect(latestJson(archive, outcome.issueId)).toBe(normalJson(incoming));
    await openAndSaveUnchanged(archive, api, outcome.issueId);
  });

  it('stores scrambled versions of a published bulletin normalized, each saved unchanged as it was stored', async () => {
    const { archive, api, seriesId } = await setUp();
    for (const seed of [1, 2, 3]) {
      const incoming = scrambled(draftOf(fixtureIssue(seed - 1).blocks, 10 + seed), seed);
      const outcome = await api('import.file', { name: `第${10 + seed}期.json`, base64: Buffer.from(JSON.stringify(incoming)).toString('base64'), seriesId });
      if (outcome.status !== 'imported') throw new Error(outcome.status);
      expect(latestJson(archive, outcome.issueId)).toBe(normalJson(incoming));
      await openAndSaveUnchanged(archive, api, outcome.issueId);
    }
  });

  it('stores an issue of a bundle with its blocks in another order normalized, saves it unchanged, and the bundle back changes nothing', async () => {
    const a = await setUp();
    const created = await a.api('issues.next', { seriesId: a.seriesId, date: '2024-03-05' });
    await a.api('issues.save', { id: created.id, baseRevision: created.revision, issue: { ...created.issue, blocks: OUT_OF_ORDER } });
    // the bundle as an archive of an earlier version would write it: the issue in the order it came
    const zip = await JSZip.loadAsync(Buffer.from((await a.api('bundle.export', { seriesId: a.seriesId })).base64, 'base64'));
    const bundle = JSON.parse(await zip.file('bundle.json')!.async('string'));
    bundle.series[0].issues[0].issue.blocks = OUT_OF_ORDER;
    zip.file('bundle.json', JSON.stringify(bundle));
    const base64 = (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64');

    const b = await setUp();
    expect(await b.api('bundle.import', { base64 })).toMatchObject({ imported: 1, conflicts: [] });
    const [summary] = await b.api('issues.list', { seriesId: b.seriesId });
    expect(latestJson(b.archive, summary!.id)).toBe(normalJson(bundle.series[0].issues[0].issue));
    expect(latestJson(b.archive, summary!.id)).toBe(latestJson(a.archive, created.id));
    await openAndSaveUnchanged(b.archive, b.api, summary!.id);
    // the same bundle again, and B's bundle back to A: nothing new on either side
    expect(await b.api('bundle.import', { base64 })).toMatchObject({ imported: 0, unchanged: 1, conflicts: [] });
    expect(await a.api('bundle.import', { base64: (await b.api('bundle.export', {})).base64 })).toMatchObject({ imported: 0, unchanged: 1, conflicts: [] });
  });

  it('takes an issue an archive of an earlier version stored out of normal form as the same content in a bundle, either way', async () => {
    const a = await setUp();
    const created = await a.api('issues.next', { seriesId: a.seriesId, date: '2024-03-05' });
    const saved = (await a.api('issues.save', { id: created.id, baseRevision: created.revision, issue: { ...created.issue, blocks: OUT_OF_ORDER } })).record;
    // as an earlier version stored it: the blocks as they came, only the 导读 derived
    const legacy = JSON.stringify(issueSchema.parse({ ...saved.issue, blocks: [{ type: 'lead', items: ['全市召开督察整改推进会'] }, ...OUT_OF_ORDER.filter((block) => block.type !== 'lead')] }));
    a.archive.db.prepare('UPDATE revisions SET content = ?, content_hash = ? WHERE issue_id = ? AND revision = ?').run(legacy, sha256(legacy), saved.id, saved.revision);
    a.archive.db.prepare('UPDATE issues SET content_hash = ? WHERE id = ?').run(sha256(legacy), saved.id);

    const b = await setUp();
    expect(await b.api('bundle.import', { base64: (await a.api('bundle.export', { seriesId: a.seriesId })).base64 })).toMatchObject({ imported: 1, conflicts: [] });
    const [summary] = await b.api('issues.list', { seriesId: b.seriesId });
    expect(latestJson(b.archive, summary!.id)).toBe(normalJson(JSON.parse(legacy)));
    // back to A, which still holds the old form: the same content, no new revision
    const revisions = revisionCount(a.archive, saved.id);
    expect(await a.api('bundle.import', { base64: (await b.api('bundle.export', {})).base64 })).toMatchObject({ imported: 0, unchanged: 1, conflicts: [] });
    expect(revisionCount(a.archive, saved.id)).toBe(revisions);
  });

  it('restores an old revision stored out of normal form normalized, and its first save changes nothing', async () => {
    const { archive, api, seriesId } = await setUp();
    const created = await api('issues.next', { seriesId, date: '2024-03-05' });
    const v2 = (await api('issues.save', { id: created.id, baseRevision: created.revision, issue: { ...created.issue, blocks: OUT_OF_ORDER } })).record;
    const v3 = (await api('issues.save', { id: created.id, baseRevision: v2.revision, issue: { ...v2.issue, blocks: [{ type: 'lead', items: [] }, { type: 'article', title: '另一篇', paragraphs: [para('正文。')] }] } })).record;
    // revision 2 as an archive of an earlier version stored it
    const old = JSON.stringify({ ...v2.issue, blocks: OUT_OF_ORDER });
    archive.db.prepare('UPDATE revisions SET content = ? WHERE issue_id = ? AND revision = ?').run(old, created.id, v2.revision);

    const restored = await api('revisions.restore', { issueId: created.id, revision: v2.revision });
    expect(restored.revision).toBe(v3.revision + 1);
    expect(latestJson(archive, created.id)).toBe(normalJson(JSON.parse(old)));
    await openAndSaveUnchanged(archive, api, created.id);
  });

  it('stores a save from outside the editor (the command line, another program) in normal form too', async () => {
    const { archive, api, seriesId } = await setUp();
    const created = await api('issues.next', { seriesId, date: '2024-03-05' });
    expect(JSON.parse(latestJson(archive, created.id)).blocks).toEqual([{ type: 'lead', items: [] }]);
    const saved = (await api('issues.save', { id: created.id, baseRevision: created.revision, issue: { ...created.issue, blocks: OUT_OF_ORDER } })).record;
    expect(saved.issue).toEqual(normalizeIssue({ ...created.issue, blocks: OUT_OF_ORDER }, TEMPLATE));
    // saving the same content in another order is no change
    const again = await api('issues.save', { id: created.id, baseRevision: saved.revision, issue: { ...saved.issue, blocks: [...OUT_OF_ORDER.slice(1), OUT_OF_ORDER[0]!] } });
    expect(again.changed).toBe(false);
    await openAndSaveUnchanged(archive, api, created.id);
  });
});
