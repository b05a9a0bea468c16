// Photos in the archive, in real SQLite files: stored once by the SHA-256 of their bytes through images.add,
// read back by images.get; an issue whose figure names an image the archive lacks is refused wherever it
// would enter (save, restore, import, bundle), nothing written; bundles carry the images and check each;
// backups keep them; an archive of the previous version gains the table; issue@1 rows read as issue@2.
import Database from 'better-sqlite3';
import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Archive } from '../../electron/services/archive/archive.ts';
import { imageBytes, putImages } from '../../electron/services/archive/images.ts';
import { insertIssue } from '../../electron/services/archive/issues.ts';
import { importReadFile } from '../../electron/services/archive/import-issues.ts';
import { migrate, SCHEMA_VERSION } from '../../electron/services/archive/schema.ts';
import { storedIssue } from '../../electron/services/archive/stored-issue.ts';
import { prepareImage } from '../../electron/services/images/prepare-image.ts';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import { ISSUE_FORMAT, type ImageRef, type Issue } from '../../shared/model/issue.ts';
import { apiErrorOf, apiOf, issueWith, makeSeries, tempArchive, tempDir } from './helpers.ts';

const photo = (width = 320, height = 240, red = 180) =>
  sharp({ create: { width, height, channels: 3, background: { r: red, g: 90, b: 30 } } })
    .jpeg()
    .toBuffer();

/** The issue with a second article holding a paragraph and the photo. */
function withFigure(issue: Issue, image: ImageRef, caption = '图为督察组在现场检查'): Issue {
  return {
    ...issue,
    blocks: [
      ...issue.blocks,
      { type: 'article', title: '现场督察', paragraphs: [{ runs: [{ text: '督察组深入一线。' }] }, { type: 'figure', image, caption, widthPercent: 80 }] },
    ],
  };
}

const countImages = (archive: Archive) => archive.db.prepare('SELECT count(*) FROM images').pluck().get();
const revisionsOf = (archive: Archive) => archive.db.prepare('SELECT count(*) FROM revisions').pluck().get();

async function office() {
  const archive = await tempArchive();
  const api = apiOf(archive);
  const series = makeSeries(archive, '督察工作简报');
  const record = await api('issues.next', { seriesId: series.id, date: '2024-05-07' });
  return { archive, api, series, record };
}

async function added(api: ReturnType<typeof apiOf>, bytes: Buffer, name = '现场.jpg'): Promise<ImageRef> {
  return api('images.add', { name, dataBase64: bytes.toString('base64') });
}

/** A figure naming an image that no archive has: a real photo's ref, never stored. */
async function strangerRef(): Promise<ImageRef> {
  return (await prepareImage(await photo(100, 80, 20))).ref;
}

describe('images in the archive', () => {
  it('stores an added photo once under the SHA-256 of its stored bytes and gives the same bytes back', async () => {
    const { archive, api } = await office();
    const ref = await added(api, await photo());
    expect(ref).toMatchObject({ format: 'jpeg', width: 320, height: 240 });
    const got = await api('images.get', { id: ref.id });
    expect(got.format).toBe('jpeg');
    const bytes = Buffer.from(got.dataBase64, 'base64');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(ref.id);
    expect(Buffer.from(imageBytes(archive, ref.id)!)).toEqual(bytes);
    expect(imageBytes(archive, '0'.repeat(64))).toBeNull();
  });

  it('keeps one row for the same photo added twice, by API and by putImages', async () => {
    const { archive, api } = await office();
    const bytes = await photo();
    const first = await added(api, bytes, '一.jpg');
    const second = await added(api, bytes, '二.jpg');
    expect(second).toEqual(first);
    putImages(archive, [await prepareImage(bytes)]);
    expect(countImages(archive)).toBe(1);
  });

  it('refuses data that is not base64, and an image it cannot read, in Chinese, storing nothing', async () => {
    const { archive, api } = await office();
    const notBase64 = await apiErrorOf(api('images.add', { name: '照片.jpg', dataBase64: '这不是base64!!' }));
    expect(notBase64.code).toBe('invalid-input');
    expect(notBase64.message).toBe('图片“照片.jpg”的数据传送不完整或格式不对，请重新插入');
    const svg = await apiErrorOf(api('images.add', { name: 'logo.svg', dataBase64: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString('base64') }));
    expect(svg.message).toContain('不支持 SVG 矢量图');
    const missing = await apiErrorOf(api('images.get', { id: 'a'.repeat(64) }));
    expect(missing.code).toBe('not-found');
    expect(countImages(archive)).toBe(0);
  });

  it('accepts a data: URL as the base64 of the photo', async () => {
    const { api } = await office();
    const ref = await api('images.add', { name: '粘贴.png', dataBase64: `data:image/png;base64,${(await sharp(await photo(30, 20)).png().toBuffer()).toString('base64')}` });
    expect(ref).toMatchObject({ format: 'png', width: 30, height: 20 });
  });

  it('saves an issue whose photo is in the archive, and the figure reads back as saved', async () => {
    const { api, record } = await office();
    const ref = await added(api, await photo());
    const saved = await api('issues.save', { id: record.id, baseRevision: record.revision, issue: withFigure(record.issue, ref) });
    expect(saved.changed).toBe(true);
    const figure = saved.record.issue.blocks.flatMap((block) => (block.type === 'article' ? block.paragraphs : [])).find((element) => element.type === 'figure');
    expect(figure).toEqual({ type: 'figure', image: ref, caption: '图为督察组在现场检查', widthPercent: 80 });
  });

  it('refuses to save an issue whose figure names an image not in the archive, naming the article, archive unchanged', async () => {
    const { archive, api, record } = await office();
    const before = revisionsOf(archive);
    const error = await apiErrorOf(api('issues.save', { id: record.id, baseRevision: record.revision, issue: withFigure(record.issue, await strangerRef()) }));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toBe('第1篇文章“现场督察”中的图片不在档案中，请重新插入；简报未保存');
    expect(revisionsOf(archive)).toBe(before);
    expect((await api('issues.get', { id: record.id })).revision).toBe(record.revision);
  });

  it('names a news item whose photo is missing by its section and place', async () => {
    const { api, record } = await office();
    const issue: Issue = {
      ...record.issue,
      blocks: [
        ...record.issue.blocks,
        { type: 'news', heading: '各地动态', items: [{ head: '安化县', paragraphs: [{ runs: [{ text: '开展检查。' }] }] }, { head: '南县', paragraphs: [{ type: 'figure', image: await strangerRef(), caption: '', widthPercent: 50 }] }] },
      ],
    };
    const error = await apiErrorOf(api('issues.save', { id: record.id, baseRevision: record.revision, issue }));
    expect(error.message).toBe('“各地动态”栏目第2条中的图片不在档案中，请重新插入；简报未保存');
  });

  it('refuses a figure that states another size or format than the stored image', async () => {
    const { api, record } = await office();
    const ref = await added(api, await photo());
    const error = await apiErrorOf(api('issues.save', { id: record.id, baseRevision: record.revision, issue: withFigure(record.issue, { ...ref, width: 321 }) }));
    expect(error.message).toContain('中的图片与档案中保存的不一致（格式或尺寸不同），请重新插入');
  });

  it('fails an import confirmed with a figure whose image is missing, saying why, filing nothing', async () => {
    const { archive, api, series } = await office();
    const issues = archive.db.prepare('SELECT count(*) FROM issues').pluck().get();
    const issue = withFigure(issueWith({ number: 9, seriesName: '督察工作简报', title: '导入的' }), await strangerRef());
    const outcome = await api('import.confirm', { file: '第9期.docx', issue: { ...issue, status: 'issued' }, seriesId: series.id });
    expect(outcome).toMatchObject({ status: 'failed', reason: '第2篇文章“现场督察”中的图片不在档案中，请重新插入；简报未保存' });
    expect(archive.db.prepare('SELECT count(*) FROM issues').pluck().get()).toBe(issues);
  });

  it('files the photos a reader took out of a file with its issue, and none of them when the file fails', async () => {
    const { archive, series } = await office();
    const image = await prepareImage(await photo());
    const good = withFigure(issueWith({ number: 11, seriesName: '督察工作简报' }), image.ref);
    expect(importReadFile(archive, { file: '第11期.docx', issue: good, warnings: [], images: [image] }, { seriesId: series.id }).status).toBe('imported');
    expect(imageBytes(archive, image.ref.id)).not.toBeNull();

    const other = await prepareImage(await photo(90, 60, 60));
    const broken = withFigure(withFigure(issueWith({ number: 12, seriesName: '督察工作简报' }), other.ref), await strangerRef());
    const outcome = importReadFile(archive, { file: '第12期.docx', issue: broken, warnings: [], images: [other] }, { seriesId: series.id });
    expect(outcome).toMatchObject({ status: 'failed', reason: '第3篇文章“现场督察”中的图片不在档案中，请重新插入；简报未保存' });
    expect(imageBytes(archive, other.ref.id)).toBeNull();
    expect(countImages(archive)).toBe(1);
  });

  it('duplicates and restores issues with photos: the images are still there and never deleted', async () => {
    const { archive, api, record } = await office();
    const ref = await added(api, await photo());
    const saved = await api('issues.save', { id: record.id, baseRevision: record.revision, issue: withFigure(record.issue, ref) });
    const without = await api('issues.save', { id: record.id, baseRevision: saved.record.revision, issue: record.issue });
    const restored = await api('revisions.restore', { issueId: record.id, revision: saved.record.revision });
    expect(restored.revision).toBe(without.record.revision + 1);
    const copy = await api('issues.duplicate', { id: record.id });
    expect(JSON.stringify(copy.issue)).toContain(ref.id);
    await api('issues.delete', { id: copy.id });
    expect(imageBytes(archive, ref.id)).not.toBeNull();
  });

  it('reads issues stored as issue@1 as issue@2 without rewriting them: same row, same hash, an unchanged save adds no revision', async () => {
    const { archive, api, series } = await office();
    const stored = storedIssue(issueWith({ number: 5, seriesName: '督察工作简报', title: '旧版本存的' }));
    const legacyJson = JSON.stringify({ ...stored.issue, format: 'jianbao/issue@1' });
    const legacyHash = createHash('sha256').update(legacyJson).digest('hex');
    const id = insertIssue(archive, series.id, stored, '测试');
    archive.db.prepare('UPDATE revisions SET content = ?, content_hash = ? WHERE issue_id = ?').run(legacyJson, legacyHash, id);
    archive.db.prepare('UPDATE issues SET content_hash = ? WHERE id = ?').run(legacyHash, id);

    const record = await api('issues.get', { id });
    expect(record.issue.format).toBe(ISSUE_FORMAT);
    expect((await api('revisions.get', { issueId: id, revision: 1 })).format).toBe(ISSUE_FORMAT);
    const again = await api('issues.save', { id, baseRevision: record.revision, issue: record.issue });
    expect(again.changed).toBe(false);
    expect(archive.db.prepare('SELECT content_hash FROM issues WHERE id = ?').pluck().get(id)).toBe(legacyHash);
    expect(archive.db.prepare('SELECT content FROM revisions WHERE issue_id = ?').pluck().get(id)).toBe(legacyJson);
  });

  it('refuses to hand out an image whose stored bytes were damaged, rather than show a wrong picture', async () => {
    const { archive, api } = await office();
    const ref = await added(api, await photo());
    const bytes = Buffer.from(imageBytes(archive, ref.id)!);
    bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0xff;
    archive.db.prepare('UPDATE images SET bytes = ? WHERE id = ?').run(bytes, ref.id);
    const error = await apiErrorOf(api('images.get', { id: ref.id }));
    expect(error.code).toBe('unreadable');
    expect(error.message).toBe('档案中的一张图片已损坏（内容与编号不符），请从备份恢复档案库');
  });

  it('still merges a bundle into an issue received as issue@1 before: its sync record of then matches, no conflict', async () => {
    const a = await office();
    const b = await tempArchive();
    const bApi = apiOf(b);
    await bApi('bundle.import', { base64: (await a.api('bundle.export', { seriesId: a.series.id })).base64 });
    // B's copy as an archive before issue@2 stored it: the same content under the old format name
    const row = b.db.prepare('SELECT issue_id AS id, content FROM revisions').get() as { id: number; content: string };
    const legacyJson = JSON.stringify({ ...JSON.parse(row.content), format: 'jianbao/issue@1' });
    const legacyHash = createHash('sha256').update(legacyJson).digest('hex');
    b.db.prepare('UPDATE revisions SET content = ?, content_hash = ? WHERE issue_id = ?').run(legacyJson, legacyHash, row.id);
    b.db.prepare('UPDATE issues SET content_hash = ? WHERE id = ?').run(legacyHash, row.id);
    // and its record of what it received, as that version took it: the body (status aside) under issue@1
    const oldBodyHash = createHash('sha256').update(JSON.stringify({ ...JSON.parse(legacyJson), status: 'draft' })).digest('hex');
    b.db.prepare('DELETE FROM synced_versions WHERE issue_id = ?').run(row.id);
    b.db.prepare('INSERT INTO synced_versions (issue_id, body_hash) VALUES (?, ?)').run(row.id, oldBodyHash);

    const ref = await added(a.api, await photo());
    await a.api('issues.save', { id: a.record.id, baseRevision: a.record.revision, issue: withFigure(a.record.issue, ref) });
    const report = await bApi('bundle.import', { base64: (await a.api('bundle.export', { seriesId: a.series.id })).base64 });
    expect(report).toMatchObject({ imported: 1, conflicts: [] });
    expect(JSON.stringify((await bApi('issues.get', { id: row.id })).issue)).toContain(ref.id);
  });

  it('adds the images table when an archive of the previous version is opened, keeping its issues', async () => {
    const dataDir = tempDir();
    const old = new Database(join(dataDir, 'archive.sqlite'));
    migrate(old, 4); // the version before the images table
    expect(old.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'images'").pluck().get()).toBe(0);
    old.prepare("INSERT INTO series (id, uid, name, settings, created_at, updated_at) VALUES (1, 'u1', '测试工作简报', ?, 'x', 'x')").run(JSON.stringify(defaultSeriesSettings('测试工作简报')));
    old.close();
    const archive = await tempArchive(dataDir);
    expect(archive.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const columns = archive.db.prepare("SELECT name FROM pragma_table_info('images') ORDER BY cid").pluck().all();
    expect(columns).toEqual(['id', 'format', 'width', 'height', 'bytes', 'added_at']);
    expect(() => archive.db.prepare("INSERT INTO images VALUES (?, 'gif', 1, 1, x'00', 'x')").run('b'.repeat(64))).toThrow(/CHECK/);
    const ref = await added(apiOf(archive), await photo());
    expect(imageBytes(archive, ref.id)).not.toBeNull();
  });

  it('keeps the photos in a backup: restored, the issue still shows its image bytes', async () => {
    const { archive, api, record } = await office();
    const ref = await added(api, await photo());
    await api('issues.save', { id: record.id, baseRevision: record.revision, issue: withFigure(record.issue, ref) });
    const bytes = Buffer.from(imageBytes(archive, ref.id)!);
    const backup = await api('backup.create', {});
    archive.db.prepare('DELETE FROM images').run(); // what the backup must bring back
    await api('backup.restore', { name: backup.name });
    expect(Buffer.from(imageBytes(archive, ref.id)!)).toEqual(bytes);
    expect((await api('images.get', { id: ref.id })).dataBase64).toBe(bytes.toString('base64'));
  });
});

describe('images in bundles', () => {
  async function exported() {
    const from = await office();
    const ref = await added(from.api, await photo());
    const png = await added(from.api, await sharp(await photo(60, 40, 10)).png().toBuffer(), '图表.png');
    const issue = withFigure(withFigure(from.record.issue, ref), png, '图为统计表');
    await from.api('issues.save', { id: from.record.id, baseRevision: from.record.revision, issue });
    const bundle = await from.api('bundle.export', { seriesId: from.series.id });
    return { from, ref, png, bundle };
  }

  it('carries the images its issues use: imported on another PC, the issue and the image bytes are there', async () => {
    const { from, ref, png, bundle } = await exported();
    const zip = await JSZip.loadAsync(Buffer.from(bundle.base64, 'base64'));
    expect(Object.keys(zip.files).filter((name) => name.startsWith('images/')).sort()).toEqual([`images/${ref.id}.jpg`, `images/${png.id}.png`].sort());
    const to = await tempArchive();
    const toApi = apiOf(to);
    const report = await toApi('bundle.import', { base64: bundle.base64 });
    expect(report.imported).toBe(1);
    for (const image of [ref, png]) expect(Buffer.from(imageBytes(to, image.id)!)).toEqual(Buffer.from(imageBytes(from.archive, image.id)!));
    const [summary] = await toApi('issues.list', { seriesId: (await toApi('series.list', {}))[0]!.id });
    expect(JSON.stringify((await toApi('issues.get', { id: summary!.id })).issue)).toContain(png.id);
    // imported again: nothing new, one row per image
    expect((await toApi('bundle.import', { base64: bundle.base64 })).unchanged).toBe(1);
    expect(countImages(to)).toBe(2);
  });

  async function refusedWhole(zip: JSZip) {
    const to = await tempArchive();
    const base64 = (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64');
    const error = await apiErrorOf(apiOf(to)('bundle.import', { base64 }));
    expect(error.message).toMatch(/档案库未作改动$/);
    expect(countImages(to)).toBe(0);
    expect(to.db.prepare('SELECT count(*) FROM issues').pluck().get()).toBe(0);
    expect(to.db.prepare('SELECT count(*) FROM series').pluck().get()).toBe(0);
    return error;
  }

  it('refuses a bundle whose image bytes were changed (hash not its id), whole', async () => {
    const { ref, bundle } = await exported();
    const zip = await JSZip.loadAsync(Buffer.from(bundle.base64, 'base64'));
    const bytes = await zip.file(`images/${ref.id}.jpg`)!.async('nodebuffer');
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    zip.file(`images/${ref.id}.jpg`, bytes);
    const error = await refusedWhole(zip);
    expect(error.message).toContain('内容与编号不符');
    expect(error.message).toContain('“督察工作简报”');
  });

  it('refuses a bundle whose image is missing from the zip or from its list, whole', async () => {
    const { ref, bundle } = await exported();
    const zip = await JSZip.loadAsync(Buffer.from(bundle.base64, 'base64'));
    zip.remove(`images/${ref.id}.jpg`);
    expect((await refusedWhole(zip)).message).toContain('中的图片读不出来');

    const unlisted = await JSZip.loadAsync(Buffer.from(bundle.base64, 'base64'));
    const json = JSON.parse(await unlisted.file('bundle.json')!.async('string'));
    json.images = json.images.filter((image: ImageRef) => image.id !== ref.id);
    unlisted.file('bundle.json', JSON.stringify(json));
    expect((await refusedWhole(unlisted)).message).toMatch(/^档案包不完整：“督察工作简报”.*第1篇文章“现场督察”中的图片不在档案包中/);
  });

  it('refuses a bundle whose image is no picture though its hash is its id, and one listed with another size', async () => {
    const { ref, bundle } = await exported();
    const zip = await JSZip.loadAsync(Buffer.from(bundle.base64, 'base64'));
    const fake = Buffer.from('不是图片的内容');
    const fakeId = createHash('sha256').update(fake).digest('hex');
    const json = JSON.parse(await zip.file('bundle.json')!.async('string'));
    const swap = (value: unknown): unknown => JSON.parse(JSON.stringify(value).replaceAll(ref.id, fakeId));
    json.series = swap(json.series);
    json.images = swap(json.images);
    zip.file('bundle.json', JSON.stringify(json));
    zip.remove(`images/${ref.id}.jpg`);
    zip.file(`images/${fakeId}.jpg`, fake);
    expect((await refusedWhole(zip)).message).toContain('的图片已损坏，无法读取');

    const resized = await JSZip.loadAsync(Buffer.from(bundle.base64, 'base64'));
    const listed = JSON.parse(await resized.file('bundle.json')!.async('string'));
    listed.images = listed.images.map((image: ImageRef) => (image.id === ref.id ? { ...image, width: 319 } : image));
    resized.file('bundle.json', JSON.stringify(listed));
    expect((await refusedWhole(resized)).message).toContain('格式或尺寸不符');
  });
});
