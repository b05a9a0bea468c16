// The volume's contract methods: volume.preview (what a volume would bind), and compiling one in the
// background as a job the renderer follows (volume.start, volume.progress, volume.cancel, volume.result).
// A job's file is kept until it is fetched once, or for ten minutes; a few jobs at most run at once.
import { randomUUID } from 'node:crypto';
import type { ApiHandlers, ApiMethod } from '../../../shared/api/contract.ts';
import type { ExportedFile, VolumeJob } from '../../../shared/api/records.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import { todayIso } from '../../../shared/format/chinese.ts';
import { imageBytes, nonEmptyVolumeContent, volumeContent, withStorageErrors, type Archive } from '../archive/index.ts';
import { compileVolume, VolumeCancelled } from './compile-volume.ts';
import { fileNameOf, fontWarnings } from './exported-file.ts';
import type { PrintPdf } from './handlers.ts';

export type VolumeMethod = Extract<ApiMethod, `volume.${string}`>;
export type VolumeHandlers = Pick<ApiHandlers, VolumeMethod>;

/** Jobs running at once: each holds a volume's plan in memory, and a PDF a browser page. */
const MAX_RUNNING = 2;
const KEEP_FINISHED_MS = 10 * 60 * 1000;

interface Job {
  status: VolumeJob;
  controller: AbortController;
  file: ExportedFile | null;
  finishedAt: number | null;
}

export function createVolumeHandlers(archive: Archive, printPdf: PrintPdf, today: () => string = () => todayIso()): VolumeHandlers {
  const jobs = new Map<string, Job>();

  function forgetOld(): void {
    const now = Date.now();
    for (const [id, job] of jobs) if (job.finishedAt !== null && now - job.finishedAt > KEEP_FINISHED_MS) jobs.delete(id);
  }

  function jobOf(jobId: string): Job {
    forgetOld();
    const job = jobs.get(jobId);
    if (!job) throw new ApiError('not-found', '找不到这个汇编任务，可能已完成并取走，或已过期，请重新汇编');
    return job;
  }

  const snapshot = (job: Job): VolumeJob => ({ ...job.status });

  return withStorageErrors<VolumeHandlers>({
    'volume.preview': (request) => volumeContent(archive, request).preview,

    'volume.start': ({ format, ...request }) => {
      forgetOld();
      if ([...jobs.values()].filter((job) => job.status.state === 'running').length >= MAX_RUNNING) {
        throw new ApiError('conflict', '已有汇编正在进行，请等它完成或取消后再开始');
      }
      // read now, so an empty range or an unknown series is refused at once
      const content = nonEmptyVolumeContent(archive, request);
      const jobId = randomUUID();
      const job: Job = {
        status: { jobId, format, state: 'running', stage: '正在准备', done: 0, total: content.issues.length, pages: null, message: null },
        controller: new AbortController(),
        file: null,
        finishedAt: null,
      };
      jobs.set(jobId, job);
      const rangeName = `汇编${content.preview.rangeLabel}`;
      void (async () => {
        try {
          const { bytes, pages } = await compileVolume(content, {
            format,
            printPdf,
            images: (id) => imageBytes(archive, id),
            compiledOn: today(),
            signal: job.controller.signal,
            onProgress: (progress) => {
              if (job.status.state === 'running') Object.assign(job.status, progress);
            },
          });
          if (job.controller.signal.aborted) throw new VolumeCancelled();
          job.file = {
            fileName: fileNameOf(content.settings.name, rangeName, format),
            base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
            warnings: await fontWarnings(content.settings, format),
          };
          Object.assign(job.status, { state: 'done', stage: `已完成，共 ${pages} 页`, done: job.status.total, pages });
        } catch (error) {
          const cancelled = error instanceof VolumeCancelled || job.controller.signal.aborted;
          const message = cancelled ? '汇编已取消' : error instanceof ApiError ? error.message : '汇编失败：程序内部出错，请重试；若一再出现，请联系技术支持';
          if (!cancelled && !(error instanceof ApiError)) console.error('volume job failed', error);
          Object.assign(job.status, { state: cancelled ? 'cancelled' : 'failed', stage: message, message });
        } finally {
          job.finishedAt = Date.now();
        }
      })();
      return snapshot(job);
    },

    'volume.progress': ({ jobId }) => snapshot(jobOf(jobId)),

    'volume.cancel': ({ jobId }) => {
      const job = jobOf(jobId);
      if (job.status.state === 'running') {
        job.controller.abort();
        Object.assign(job.status, { state: 'cancelled', stage: '汇编已取消', message: '汇编已取消' });
      }
      return snapshot(job);
    },

    'volume.result': ({ jobId }) => {
      const job = jobOf(jobId);
      if (job.status.state === 'running') throw new ApiError('conflict', '汇编尚未完成，请稍候');
      if (!job.file) throw new ApiError('conflict', job.status.message ?? '汇编没有完成，没有可取的文件');
      jobs.delete(jobId);
      return job.file;
    },
  });
}
