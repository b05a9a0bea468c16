// The issue session against the real services on a real archive in a temp folder, with the latency of
// a real transport, doing what a clerk does: type and press Ctrl+S at once, type while a save runs,
// compose with an IME, leave, review, restore.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/api/services.ts';
import { elementPlainText } from '../../../shared/model/content.ts';
import { createDispatch } from '../../../electron/api/dispatch.ts';
import { createApiClient } from '../../api/transport.ts';
import { ApiError, type ApiClient } from '../../../shared/api/contract.ts';
import { defaultSeriesSettings } from '../../../shared/model/series.ts';
import { plainParagraph, type Issue } from '../../../shared/model/issue.ts';
import { IssueSession, type Tone } from './issue-session.ts';

let dataDir: string;
let services: Services;
let api: ApiClient;
let seriesId: number;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const errorText = (error: unknown) => (error instanceof ApiError ? error.message : String(error));

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'jianbao-session-'));
  services = await openServices({ dataDir });
  const dispatch = createDispatch(services.handlers);
  // every call takes a few milliseconds each way, as over IPC or HTTP
  api = createApiClient(async (method, input) => {
    await wait(5);
    const response = await dispatch(method, structuredClone(input));
    await wait(5);
    return response;
  });
  seriesId = (await api['series.create']({ settings: defaultSeriesSettings('会话测试简报', '测试组') })).id;
});

afterEach(async () => {
  await services.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A session whose body is one article; `typed` is what the clerk has typed into its text. */
async function openSession(options: { autosaveMs?: number; issueId?: number } = {}) {
  const record = options.issueId ? await api['issues.get']({ id: options.issueId }) : await api['issues.next']({ seriesId });
  const body = { title: '', text: '' };
  const notices: { text: string; tone: Tone }[] = [];
  const session = new IssueSession(
    api,
    record,
    {
      issueOf: (meta: Issue): Issue => ({
        ...meta,
        blocks: body.title || body.text ? [{ type: 'lead', items: [] }, { type: 'article', title: body.title, paragraphs: [plainParagraph(body.text)] }] : meta.blocks,
      }),
      notice: (text, tone = 'info') => notices.push({ text, tone }),
      autosaveMs: options.autosaveMs ?? 30,
    },
    errorText,
  );
  const type = (text: string) => {
    body.text += text;
    session.changed();
  };
  return { session, body, notices, type, id: record.id };
}

const savedText = async (id: number) => {
  const { issue } = await api['issues.get']({ id });
  const article = issue.blocks.find((block) => block.type === 'article');
  return article?.type === 'article' ? article.paragraphs.map(elementPlainText).join('\n') : '';
};

describe('issue session', () => {
  it('saves a character typed just before Ctrl+S while the autosave is under way, without a conflict', async () => {
    const { session, notices, type, id } = await openSession({ autosaveMs: 1 });
    for (const char of '益阳市召开督察整改推进会') {
      type(char);
      await wait(2); // the autosave fires between keys and is in flight when the next key comes
    }
    type('。');
    const results = await Promise.all([session.save(), session.save(), session.save('auto')]);
    expect(results).toEqual([true, true, true]);
    expect(notices.filter((notice) => notice.tone === 'error')).toEqual([]);
    expect(session.snapshot().saveState).toBe('saved');
    expect(await savedText(id)).toBe('益阳市召开督察整改推进会。');
  });

  it('keeps typing that arrives while a save runs, and reports dirty until it is saved too', async () => {
    const { session, type, id } = await openSession({ autosaveMs: 10_000 });
    type('第一句。');
    const first = session.save();
    await wait(2); // the save has read the text and is on its way
    type('第二句。');
    expect(await first).toBe(false);
    expect(session.snapshot().saveState).toBe('dirty');
    expect(await session.save()).toBe(true);
    expect(await savedText(id)).toBe('第一句。第二句。');
  });

  it('saves nothing while an IME composes, and saves what was composed once it ends', async () => {
    const { session, body, type, id } = await openSession({ autosaveMs: 10_000 });
    type('督察');
    session.setComposing(true);
    const saving = session.save();
    await wait(40);
    expect((await api['revisions.list']({ issueId: id })).length).toBe(1);
    body.text += '整改';
    session.setComposing(false);
    expect(await saving).toBe(true);
    expect(await savedText(id)).toBe('督察整改');
  });

  it('refuses, in Chinese, a save over a revision another window saved first, and keeps the text unsaved', async () => {
    const first = await openSession({ autosaveMs: 10_000 });
    const second = await openSession({ autosaveMs: 10_000, issueId: first.id });
    first.type('这边写的。');
    expect(await first.session.save()).toBe(true);
    second.type('那边写的。');
    expect(await second.session.save()).toBe(false);
    expect(second.session.snapshot().saveState).toBe('error');
    expect(second.session.snapshot().error).toMatch(/已在别处修改/);
    expect(second.session.hasUnsavedChanges()).toBe(true);
    expect(await savedText(first.id)).toBe('这边写的。');
  });

  it('saves what is unsaved when the clerk leaves', async () => {
    const { session, type, id } = await openSession({ autosaveMs: 10_000 });
    type('离开前最后一句。');
    await session.leave();
    expect(await savedText(id)).toBe('离开前最后一句。');
  });

  it('discards a new issue left untouched, so that its number is free again', async () => {
    const { session, notices, id } = await openSession();
    const { number } = session.snapshot().record.issue;
    await session.leave();
    await expect(api['issues.get']({ id })).rejects.toThrow(/找不到/);
    expect(notices.map((notice) => notice.text).join()).toMatch(/已放弃/);
    expect((await api['issues.next']({ seriesId })).issue.number).toBe(number);
  });

  it('keeps a new issue the clerk typed into, even after the text was deleted again', async () => {
    const { session, body, type, id } = await openSession();
    type('写了又删');
    expect(await session.save()).toBe(true);
    body.text = '';
    session.changed();
    await session.leave();
    expect((await api['issues.get']({ id })).issue.status).toBe('draft');
  });

  it('returns a reviewed issue to draft when it is edited, and tells the clerk', async () => {
    const { session, notices, type } = await openSession({ autosaveMs: 10_000 });
    type('审核前的内容。');
    expect(await session.setStatus('reviewed')).toBe(true);
    expect(session.snapshot().record.issue.status).toBe('reviewed');
    type('审核后又改了。');
    expect(await session.save()).toBe(true);
    expect(session.snapshot().record.issue.status).toBe('draft');
    expect(notices.map((notice) => notice.text).join('\n')).toMatch(/退回草稿/);
  });

  it('restores an older revision after the 期号 changed, keeping the current 期号 and date', async () => {
    const { session, body, type, id } = await openSession({ autosaveMs: 10_000 });
    type('最初的稿子。');
    await session.save();
    const { revision } = session.snapshot().record;
    body.text = '改过的稿子。';
    session.updateMeta({ ...session.snapshot().meta, number: 7, date: '2024-06-01', year: 2024 });
    await session.save();
    const resetsBefore = session.snapshot().resets;
    expect(await session.restoreRevision(revision, false)).toBe(true);
    const record = await api['issues.get']({ id });
    expect(await savedText(id)).toBe('最初的稿子。');
    expect([record.issue.number, record.issue.date]).toEqual([7, '2024-06-01']);
    expect(session.snapshot().resets).toBe(resetsBefore + 1);
    expect(session.snapshot().meta.number).toBe(7);
  });
});
