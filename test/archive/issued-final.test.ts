// Issued means final: no save, revision restore, bundle or series change alters an issued issue's
// content, status or print; a bundle's differing copy is a conflict decided from this archive's own
// records (never from history the file claims); reopening needs a reason of visible text.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { openServices } from '../../electron/api/services.ts';
import { insertIssue } from '../../electron/services/archive/issues.ts';
import { storedIssue } from '../../electron/services/archive/stored-issue.ts';
import type { Issue } from '../../shared/model/issue.ts';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import { apiErrorOf, apiOf, issueWith, makeSeries, tempArchive, tempDir } from './helpers.ts';

async function issuedIssue() {
  const archive = await tempArchive();
  const api = apiOf(archive);
  const series = makeSeries(archive, '督察工作简报');
  const id = insertIssue(archive, series.id, storedIssue(issueWith({ title: '原印发标题', text: '原印发正文。', seriesName: '督察工作简报' })), '测试');
  await api('issues.setStatus', { id, status: 'reviewed' });
  const issued = await api('issues.setStatus', { id, status: 'issued' });
  return { archive, api, series, id, issued };
}

async function bundleJson(base64: string): Promise<{ zip: JSZip; json: any }> {
  const zip = await JSZip.loadAsync(Buffer.from(base64, 'base64'));
  return { zip, json: JSON.parse(await zip.file('bundle.json')!.async('string')) };
}

async function rezip(zip: JSZip, json: unknown): Promise<string> {
  zip.file('bundle.json', JSON.stringify(json));
  return (await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })).toString('base64');
}

const titleOf = (issue: Issue) => (issue.blocks.find((block) => block.type === 'article') as { title: string }).title;

describe('issued means final', () => {
  it('keeps an issued issue unchanged when a tampered bundle of it (new text, status draft) is imported, reporting a conflict and no reopening', async () => {
    const { api, id, issued } = await issuedIssue();
    const { zip, json } = await bundleJson((await api('bundle.export', {})).base64);
    const item = json.series[0].issues[0];
    item.issue.status = 'draft';
    item.issue.blocks[1].title = '篡改后的标题';
    const report = await api('bundle.import', { base64: await rezip(zip, json) });
    expect(report.imported).toBe(0);
    expect(report.conflicts).toHaveLength(1);
    expect(report.conflicts[0]!.reason).toContain('已印发');
    const after = await api('issues.get', { id });
    expect(after.revision).toBe(issued.revision);
    expect(after.issue.status).toBe('issued');
    expect(titleOf(after.issue)).toBe('原印发标题');
    expect(after.reopenings).toEqual([]);
  });

  it('ignores the history an old-format bundle claims: a copy "descending" from the local one is still a conflict, and adds no history rows', async () => {
    const { archive, api, id } = await issuedIssue();
    await api('issues.setStatus', { id, status: 'draft', reason: '需要补充内容' });
    const local = await api('issues.get', { id });
    const { zip, json } = await bundleJson((await api('bundle.export', {})).base64);
    // edit locally after the export, so that only a forged history could make the bundle's copy win
    const edited: Issue = { ...local.issue, blocks: [local.issue.blocks[0]!, { type: 'article', title: '本机后来的改动', paragraphs: [{ runs: [{ text: '本机。' }] }] }] };
    await api('issues.save', { id, baseRevision: local.revision, issue: edited });
    const localHashes = archive.db.prepare('SELECT content_hash FROM revisions WHERE issue_id = ?').pluck().all(id) as string[];
    json.format = 'jianbao/bundle@1';
    const item = json.series[0].issues[0];
    item.issue.blocks[1].title = '伪造的后续版本';
    item.history = [...localHashes, ...Array.from({ length: 900 }, (_, n) => n.toString(16).padStart(64, '0'))];
    const rowsBefore = archive.db.prepare('SELECT count(*) FROM synced_versions').pluck().get() as number;
    const report = await api('bundle.import', { base64: await rezip(zip, json) });
    expect(report.conflicts.map((conflict) => conflict.reason)).toEqual(['两台电脑上都修改过这一期，保留了本机的内容，请核对后手工合并']);
    expect(titleOf((await api('issues.get', { id })).issue)).toBe('本机后来的改动');
    expect(archive.db.prepare('SELECT count(*) FROM synced_versions').pluck().get()).toBe(rowsBefore);

    item.history = Array.from({ length: 1001 }, () => '0'.repeat(64));
    expect((await apiErrorOf(api('bundle.import', { base64: await rezip(zip, json) }))).code).toBe('unreadable');
  });

  it('takes a reopened-and-edited copy from the other PC once this PC has reopened its own issued copy too', async () => {
    const a = await issuedIssue();
    const b = await tempArchive();
    const bApi = apiOf(b);
    await bApi('bundle.import', { base64: (await a.api('bundle.export', {})).base64 });
    const [bSummary] = await bApi('issues.list', { seriesId: (await bApi('series.list', {}))[0]!.id });
    await bApi('issues.setStatus', { id: bSummary!.id, status: 'draft', reason: '标题有误需更正' });
    const bRecord = await bApi('issues.get', { id: bSummary!.id });
    await bApi('issues.save', { id: bRecord.id, baseRevision: bRecord.revision, issue: { ...bRecord.issue, blocks: [bRecord.issue.blocks[0]!, { type: 'article', title: '更正后的标题', paragraphs: [{ runs: [{ text: '更正。' }] }] }] } });
    const corrected = (await bApi('bundle.export', {})).base64;

    expect((await a.api('bundle.import', { base64: corrected })).conflicts[0]!.reason).toContain('已印发');
    await a.api('issues.setStatus', { id: a.id, status: 'draft', reason: '采用乙机的更正' });
    expect(await a.api('bundle.import', { base64: corrected })).toMatchObject({ imported: 1, conflicts: [] });
    expect(titleOf((await a.api('issues.get', { id: a.id })).issue)).toBe('更正后的标题');
  });

  it('refuses saves and revision restores of an issued issue, and a reopening reason of invisible characters', async () => {
    const { api, id, issued } = await issuedIssue();
    expect((await apiErrorOf(api('issues.save', { id, baseRevision: issued.revision, issue: issued.issue }))).code).toBe('read-only');
    expect((await apiErrorOf(api('revisions.restore', { issueId: id, revision: 1 }))).code).toBe('read-only');
    for (const reason of ['\u200b', '\u200b\u200c\ufeff', ' \u2060 。', '改', '\u3164\u3164', '\uffa0\uffa0', '\u115f\u1160', '\u200b改']) {
      const error = await apiErrorOf(api('issues.setStatus', { id, status: 'draft', reason }));
      expect(error.message).toContain('需要写明原因');
    }
    expect((await api('issues.get', { id })).issue.status).toBe('issued');
  });

  it('exports an issued issue with the layout and fonts it was issued with after the series changes them, on this PC and on another', async () => {
    const dataDir = tempDir();
    const services = await openServices({ dataDir });
    try {
      const { handlers } = services;
      const series = await handlers['series.create']({ settings: { ...defaultSeriesSettings('版式测试简报', '测试组'), layoutProfile: 'gbt9704', fontProfile: 'office' } });
      const id = insertIssue(services.archive, series.id, storedIssue(issueWith({ seriesName: '版式测试简报', title: '印发时的版式' })), '测试');
      await handlers['issues.setStatus']({ id, status: 'reviewed' });
      await handlers['issues.setStatus']({ id, status: 'issued' });
      const documentXml = async () => {
        const file = await handlers['export.docx']({ issueId: id });
        const zip = await JSZip.loadAsync(Buffer.from(file.base64, 'base64'));
        return (await zip.file('word/document.xml')!.async('string')) + (await zip.file('word/styles.xml')!.async('string'));
      };
      const asIssued = await documentXml();
      await handlers['series.update']({ id: series.id, settings: { ...series.settings, layoutProfile: 'first-glyph', fontProfile: 'system' } });
      expect(await documentXml()).toBe(asIssued);

      const other = await tempArchive();
      await apiOf(other)('bundle.import', { base64: (await handlers['bundle.export']({})).base64 });
      const [issuedThere] = other.db.prepare('SELECT settings FROM issued_prints').pluck().all() as string[];
      expect(JSON.parse(issuedThere!)).toMatchObject({ layoutProfile: 'gbt9704', fontProfile: 'office' });

      await handlers['issues.setStatus']({ id, status: 'draft', reason: '改用新版式重印' });
      expect(await documentXml()).not.toBe(asIssued);
    } finally {
      await services.close();
    }
  });
});
