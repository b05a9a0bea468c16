// The volume's contract methods over a real archive: the preview names what a volume binds and its gaps; a
// job is followed to its file, which is handed out once; a job can be cancelled; an empty range, an unknown
// series or a third job at once are refused with a Chinese sentence, and nothing in the archive changes.
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { createServiceHandlers } from '../../electron/api/services.ts';
import { apiContract, type ApiInput, type ApiOutput, type ApiMethod } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import type { VolumeJob } from '../../shared/api/records.ts';
import { parseBulletinText } from '../../shared/import/parse-bulletin.ts';
import { bulletinFixtures } from '../fixtures.ts';
import { generateIssue, withTablesAndFigures } from '../generate.ts';
import sharp from 'sharp';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareImage } from '../../electron/services/images/prepare-image.ts';
import { putImages } from '../../electron/services/archive/index.ts';
import { tempArchive, tempDir, apiErrorOf } from '../archive/helpers.ts';
import { fileSeries, VOLUME_SERIES } from './volume-archive.ts';

const fixtures = bulletinFixtures().map((fixture) => parseBulletinText(fixture.text).issue);

async function servicesWith(issues: Parameters<typeof fileSeries>[1]) {
  const archive = await tempArchive();
  const { series } = fileSeries(archive, issues);
  const { handlers } = createServiceHandlers(archive);
  const call = async <M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> =>
    (await (handlers[method] as (input: unknown) => unknown)(apiContract[method].input.parse(input))) as ApiOutput<M>;
  return { archive, seriesId: series.id, call };
}

async function untilFinished(call: Awaited<ReturnType<typeof servicesWith>>['call'], job: VolumeJob): Promise<VolumeJob> {
  let current = job;
  const seen = new Set<string>();
  while (current.state === 'running') {
    seen.add(current.stage);
    await new Promise((resolve) => setTimeout(resolve, 20));
    current = await call('volume.progress', { jobId: job.jobId });
  }
  return { ...current, stage: [...seen, current.stage].join(' / ') };
}

describe('the volume’s jobs', () => {
  it('previews the issued issues of the range with their titles and the gaps, then compiles them into one .docx handed out once', async () => {
    const { seriesId, call } = await servicesWith([
      { content: fixtures[0]!, date: '2023-03-01' },
      { content: fixtures[1]!, date: '2023-05-01', status: 'reviewed' },
      { content: fixtures[2]!, date: '2023-07-01' },
    ]);
    const range = { kind: 'year' as const, year: 2023 };
    const preview = await call('volume.preview', { seriesId, range });
    expect(preview.seriesName).toBe(VOLUME_SERIES);
    expect(preview.rangeLabel).toBe('2023年 第1期—第3期');
    expect(preview.issues.map((issue) => issue.numberText)).toEqual(['第1期', '第3期']);
    expect(preview.issues[0]!.titles.length).toBeGreaterThan(0);
    expect(preview.gaps).toEqual(['第2期尚未印发（已审核），未收入']);

    const finished = await untilFinished(call, await call('volume.start', { seriesId, range, format: 'docx' }));
    expect(finished.state).toBe('done');
    expect(finished.stage).toMatch(/正在排版：第1期（1\/2）/);
    expect(finished.pages).toBeGreaterThan(5);
    const file = await call('volume.result', { jobId: finished.jobId });
    expect(file.fileName).toBe(`${VOLUME_SERIES}汇编2023年第1期—第3期.docx`);
    const document = await (await JSZip.loadAsync(Buffer.from(file.base64, 'base64'))).file('word/document.xml')!.async('string');
    expect(document).toContain('目　　录');
    expect(document).toContain('w:leader="dot"');
    // once only
    expect((await apiErrorOf(call('volume.result', { jobId: finished.jobId }))).code).toBe('not-found');
  }, 60_000);

  it('binds an issue’s photos from the archive: the .docx embeds their stored bytes, the PDF draws them', async () => {
    const archive = await tempArchive();
    const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#2266cc' } }).jpeg().toBuffer();
    const prepared = await prepareImage(new Uint8Array(photo));
    putImages(archive, [prepared]);
    const { series } = fileSeries(archive, [
      { content: withTablesAndFigures(fixtures[0]!, prepared.ref, { every: 1, rows: 4 }), date: '2023-03-01' },
      { content: fixtures[2]!, date: '2023-07-01' },
    ]);
    const services = createServiceHandlers(archive);
    const call = async <M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> =>
      (await (services.handlers[method] as (input: unknown) => unknown)(apiContract[method].input.parse(input))) as ApiOutput<M>;
    const range = { kind: 'year' as const, year: 2023 };
    try {
      const docxJob = await untilFinished(call, await call('volume.start', { seriesId: series.id, range, format: 'docx' }));
      const zip = await JSZip.loadAsync(Buffer.from((await call('volume.result', { jobId: docxJob.jobId })).base64, 'base64'));
      const media = Object.keys(zip.files).filter((path) => path.startsWith('word/media/') && !zip.files[path]!.dir);
      expect(media.length).toBeGreaterThan(0);
      for (const path of media) expect(Buffer.from(await zip.file(path)!.async('uint8array')).equals(Buffer.from(prepared.bytes))).toBe(true);
      expect(await zip.file('word/document.xml')!.async('string')).toContain('w:tblHeader');

      const pdfJob = await untilFinished(call, await call('volume.start', { seriesId: series.id, range, format: 'pdf' }));
      expect(pdfJob.state).toBe('done');
      const pdf = join(tempDir(), 'volume.pdf');
      writeFileSync(pdf, Buffer.from((await call('volume.result', { jobId: pdfJob.jobId })).base64, 'base64'));
      const listed = spawnSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).stdout.split('\n').filter((line) => /^\s*\d+\s+\d+\s+image/.test(line));
      expect(listed.length).toBeGreaterThan(0);
    } finally {
      await services.close();
    }
  }, 120_000);

  it('stops a job when cancelled, and hands out no file for it', async () => {
    const { seriesId, call } = await servicesWith(Array.from({ length: 12 }, (_, index) => ({ content: generateIssue(8, index + 1), date: `2023-${String(index + 1).padStart(2, '0')}-10` })));
    const job = await call('volume.start', { seriesId, range: { kind: 'year', year: 2023 }, format: 'docx' });
    const cancelled = await call('volume.cancel', { jobId: job.jobId });
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.message).toBe('汇编已取消');
    // it stays cancelled after the work stops at the next issue
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await call('volume.progress', { jobId: job.jobId })).state).toBe('cancelled');
    const refusal = await apiErrorOf(call('volume.result', { jobId: job.jobId }));
    expect(refusal.message).toBe('汇编已取消');
  }, 60_000);

  it('refuses an empty range, an unknown series, a third job at once and an unknown job, each with a Chinese sentence', async () => {
    const { seriesId, call } = await servicesWith(Array.from({ length: 6 }, (_, index) => ({ content: generateIssue(6, index + 1), date: `2023-0${index + 1}-10` })));
    const empty = await apiErrorOf(call('volume.start', { seriesId, range: { kind: 'year', year: 2020 }, format: 'docx' }));
    expect(empty).toBeInstanceOf(ApiError);
    expect(empty.code).toBe('invalid-input');
    expect(empty.message).toBe(`“${VOLUME_SERIES}”在所选范围内没有已印发的简报，无法汇编`);
    expect((await apiErrorOf(call('volume.preview', { seriesId: seriesId + 99, range: { kind: 'year', year: 2023 } }))).code).toBe('not-found');
    expect((await apiErrorOf(call('volume.progress', { jobId: '6f1c2b1e-4b8e-4c0a-9a57-0d3f1e2a3b4c' }))).message).toMatch(/找不到这个汇编任务/);

    const range = { kind: 'year' as const, year: 2023 };
    const first = await call('volume.start', { seriesId, range, format: 'docx' });
    const second = await call('volume.start', { seriesId, range, format: 'docx' });
    const third = await apiErrorOf(call('volume.start', { seriesId, range, format: 'docx' }));
    expect(third.code).toBe('conflict');
    expect(third.message).toBe('已有汇编正在进行，请等它完成或取消后再开始');
    for (const job of [first, second]) await call('volume.cancel', { jobId: job.jobId });
  }, 60_000);

  it('refuses a malformed range at the boundary', () => {
    const input = apiContract['volume.start'].input;
    expect(input.safeParse({ seriesId: 1, range: { kind: 'numbers', from: 1, to: 2 }, format: 'docx' }).success).toBe(true);
    for (const range of [{ kind: 'week', year: 2023 }, { kind: 'dates', from: '2023-1-1', to: '2023-02-01' }, { kind: 'numbers', from: 0, to: 3 }, { kind: 'year', year: 1800 }]) {
      expect(input.safeParse({ seriesId: 1, range, format: 'docx' }).success, JSON.stringify(range)).toBe(false);
    }
    expect(input.safeParse({ seriesId: 1, range: { kind: 'year', year: 2023 }, format: 'doc' }).success).toBe(false);
  });
});
