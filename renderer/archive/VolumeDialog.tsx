// 汇编成册: binds a year's (or a span's) issues of a series into one Word or PDF file. The clerk picks the
// range and sees, as it changes, which issues it binds and what is missing; compiling runs in the
// background with its progress shown, can be cancelled (closing the dialog cancels it too), and the
// finished file is downloaded.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { SeriesRecord, VolumeJob, VolumePreview } from '../../shared/api/records.ts';
import { formatChineseDate } from '../../shared/format/chinese.ts';
import { api, errorMessage } from '../api/client.ts';
import { downloadFile } from '../files/browser-files.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import {
  emptyPreviewProblem,
  exportedMessage,
  FORMAT_LABELS,
  VOLUME_NUMBERS,
  VOLUME_YEARS,
  initialChoice,
  readRequest,
  type VolumeChoice,
  type VolumeFormat,
  type VolumeRangeKind,
  type VolumeRequest,
} from './volume-dialog.ts';

const PREVIEW_DELAY_MS = 250;
const POLL_MS = 300;
const CANCELLED = '汇编已取消';

const KIND_LABELS: Record<VolumeRangeKind, string> = { year: '按年度', dates: '按日期', numbers: '按期号' };

type PreviewState =
  | { key: string | null; state: 'waiting' }
  | { key: string; state: 'ready'; preview: VolumePreview }
  | { key: string; state: 'failed'; message: string };

/** The preview of the request, asked for once the clerk has stopped changing it for a moment; the last one stays shown meanwhile. */
function useVolumePreview(request: VolumeRequest | null): { shown: PreviewState; current: boolean } {
  const key = request === null ? null : JSON.stringify(request);
  const [shown, setShown] = useState<PreviewState>({ key: null, state: 'waiting' });
  useEffect(() => {
    if (key === null) return;
    let live = true;
    const timer = setTimeout(() => {
      api['volume.preview'](JSON.parse(key) as VolumeRequest).then(
        (preview) => live && setShown({ key, state: 'ready', preview }),
        (error: unknown) => live && setShown({ key, state: 'failed', message: errorMessage(error) }),
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);
  return { shown, current: key !== null && shown.key === key };
}

type JobOutcome = { kind: 'exported'; text: string; warnings: string[] } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

interface JobView {
  /** from 开始汇编 until the job ended or was cancelled */
  busy: boolean;
  /** the job as last polled; null until volume.start answers */
  job: VolumeJob | null;
  outcome: JobOutcome | null;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cancelQuietly = (jobId: string) => void api['volume.cancel']({ jobId }).catch(() => {});

/** Starts a volume and follows it to its file; cancelling, or the dialog going away, cancels the job on the service. */
function useVolumeJob() {
  const [view, setView] = useState<JobView>({ busy: false, job: null, outcome: null });
  /** the run followed now; `stopped` once cancelled or closed, so its loop stops and a job started late is cancelled */
  const following = useRef<{ jobId: string | null; stopped: boolean } | null>(null);

  useEffect(
    () => () => {
      const run = following.current;
      if (!run) return;
      run.stopped = true;
      if (run.jobId) cancelQuietly(run.jobId);
    },
    [],
  );

  const finish = (outcome: JobOutcome) => setView({ busy: false, job: null, outcome });

  const start = useCallback(async (request: VolumeRequest, format: VolumeFormat) => {
    const run = { jobId: null as string | null, stopped: false };
    following.current = run;
    setView({ busy: true, job: null, outcome: null });
    try {
      let job = await api['volume.start']({ ...request, format });
      if (run.stopped) return cancelQuietly(job.jobId);
      run.jobId = job.jobId;
      while (job.state === 'running') {
        setView({ busy: true, job, outcome: null });
        await delay(POLL_MS);
        if (run.stopped) return;
        job = await api['volume.progress']({ jobId: job.jobId });
        if (run.stopped) return;
      }
      following.current = null;
      if (job.state === 'done') {
        const file = await api['volume.result']({ jobId: job.jobId });
        downloadFile(file);
        finish({ kind: 'exported', text: exportedMessage(file.fileName, job.pages), warnings: file.warnings ?? [] });
      } else if (job.state === 'cancelled') {
        finish({ kind: 'cancelled' });
      } else {
        finish({ kind: 'failed', message: job.message ?? '汇编失败，请重试' });
      }
    } catch (error) {
      if (run.stopped) return;
      following.current = null;
      finish({ kind: 'failed', message: errorMessage(error) });
    }
  }, []);

  const cancel = useCallback(async () => {
    const run = following.current;
    if (!run) return;
    run.stopped = true;
    following.current = null;
    try {
      // before volume.start has answered there is no job yet: start() cancels it when it comes
      if (run.jobId) await api['volume.cancel']({ jobId: run.jobId });
      finish({ kind: 'cancelled' });
    } catch (error) {
      finish({ kind: 'failed', message: errorMessage(error) });
    }
  }, []);

  const forgetOutcome = useCallback(() => setView((current) => (current.busy || current.outcome === null ? current : { ...current, outcome: null })), []);

  return { ...view, start, cancel, forgetOutcome };
}

export function VolumeDialog({ series, onClose }: { series: SeriesRecord; onClose: () => void }) {
  const [choice, setChoice] = useState<VolumeChoice>(() => initialChoice(series, new Date().getFullYear()));
  const numbering = series.settings.numbering;
  const request = readRequest(series.id, choice, numbering);
  const preview = useVolumePreview('value' in request ? request.value : null);
  const job = useVolumeJob();
  const startButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const wasBusy = useRef(false);
  const name = useId();

  // the button pressed goes away when the form and the progress swap places: focus follows to the one that came
  useEffect(() => {
    if (job.busy) cancelButton.current?.focus();
    else if (wasBusy.current) startButton.current?.focus();
    wasBusy.current = job.busy;
  }, [job.busy]);

  const change = (patch: Partial<VolumeChoice>) => {
    setChoice((current) => ({ ...current, ...patch }));
    job.forgetOutcome();
  };

  const shown = preview.shown;
  const problem =
    'problem' in request
      ? request.problem
      : !preview.current
        ? null
        : shown.state === 'failed'
          ? shown.message
          : shown.state === 'ready'
            ? emptyPreviewProblem(shown.preview, choice.includeDrafts)
            : null;
  const canStart = 'value' in request && preview.current && shown.state === 'ready' && shown.preview.issues.length > 0 && !job.busy;
  const alerts = [problem, job.outcome?.kind === 'failed' ? job.outcome.message : null].filter((text): text is string => text !== null);

  const radio = (group: string, checked: boolean, label: string, onPick: () => void) => (
    <label className="radio" key={label}>
      <input type="radio" name={`${name}-${group}`} checked={checked} onChange={onPick} />
      {label}
    </label>
  );
  const numberInput = (label: string, value: string, onValue: (text: string) => void, bounds: { min: number; max: number }) => (
    <input type="number" aria-label={label} min={bounds.min} max={bounds.max} step={1} value={value} onChange={(event) => onValue(event.target.value)} />
  );

  return (
    <Dialog title={`汇编成册：${series.settings.name}`} onClose={onClose}>
      {job.busy ? (
        <section className="volume-progress" aria-label="汇编进行中">
          <progress aria-label="汇编进度" max={job.job?.total || 1} value={job.job ? job.job.done : undefined} />
          <p className="volume-stage" role="status">{job.job?.stage ?? '正在开始汇编…'}</p>
          <footer className="dialog-actions">
            <button ref={cancelButton} type="button" onClick={() => void job.cancel()}>取消</button>
          </footer>
        </section>
      ) : (
        <>
          <fieldset className="volume-fieldset">
            <legend>汇编范围</legend>
            <div className="volume-choices">
              {(Object.keys(KIND_LABELS) as VolumeRangeKind[]).map((kind) => radio('range', choice.kind === kind, KIND_LABELS[kind], () => change({ kind })))}
            </div>
            <div className="volume-range-fields">
              {choice.kind === 'year' && (
                <label>年份 {numberInput('年份', choice.year, (year) => change({ year }), VOLUME_YEARS)}</label>
              )}
              {choice.kind === 'dates' && (
                <>
                  <label>起 <input type="date" aria-label="起始日期" value={choice.from} onChange={(event) => change({ from: event.target.value })} /></label>
                  <label>止 <input type="date" aria-label="结束日期" value={choice.to} onChange={(event) => change({ to: event.target.value })} /></label>
                </>
              )}
              {choice.kind === 'numbers' && (
                <>
                  <label>从第 {numberInput('起始期号', choice.fromNumber, (fromNumber) => change({ fromNumber }), VOLUME_NUMBERS)} 期</label>
                  <label>至第 {numberInput('结束期号', choice.toNumber, (toNumber) => change({ toNumber }), VOLUME_NUMBERS)} 期</label>
                  {numbering === 'yearly-with-total' && (
                    <label>年份（可不填） {numberInput('期号所在年份', choice.numberYear, (numberYear) => change({ numberYear }), VOLUME_YEARS)}</label>
                  )}
                </>
              )}
            </div>
            <label className="checkbox">
              <input type="checkbox" checked={choice.includeDrafts} onChange={(event) => change({ includeDrafts: event.target.checked })} />
              收入未印发的简报（草稿、已审核）
            </label>
          </fieldset>

          <fieldset className="volume-fieldset">
            <legend>格式</legend>
            <div className="volume-choices">
              {(Object.keys(FORMAT_LABELS) as VolumeFormat[]).map((format) => radio('format', choice.format === format, FORMAT_LABELS[format], () => change({ format })))}
            </div>
          </fieldset>

          <VolumePreviewList state={shown} stale={!preview.current} />

          {alerts.length > 0 && (
            <div className="banner banner-error volume-alert" role="alert">
              {alerts.map((text) => <p key={text}>{text}</p>)}
            </div>
          )}
          {job.outcome?.kind === 'exported' && (
            <div className="volume-outcome" role="status">
              <p>{job.outcome.text}</p>
              {job.outcome.warnings.length > 0 && (
                <ul className="volume-warnings">{job.outcome.warnings.map((warning) => <li key={warning}>{warning}</li>)}</ul>
              )}
            </div>
          )}
          {job.outcome?.kind === 'cancelled' && <p className="volume-outcome" role="status">{CANCELLED}</p>}

          <footer className="dialog-actions">
            <button
              ref={startButton}
              type="button"
              className="primary"
              disabled={!canStart}
              onClick={() => {
                if ('value' in request) void job.start(request.value, choice.format);
              }}
            >
              开始汇编
            </button>
          </footer>
        </>
      )}
    </Dialog>
  );
}

/** What the range binds: its label, how many issues, each with its titles, and the gaps. */
function VolumePreviewList({ state, stale }: { state: PreviewState; stale: boolean }) {
  if (state.state === 'failed') return null;
  if (state.state === 'waiting') return <p className="hint">正在查看所选范围内的简报…</p>;
  const { preview } = state;
  return (
    <section className={stale ? 'volume-preview stale' : 'volume-preview'} aria-label="汇编内容" aria-busy={stale}>
      <p className="volume-summary">
        <span className="volume-range-label">{preview.rangeLabel}</span>
        <span>共 {preview.issues.length} 期</span>
      </p>
      {preview.issues.length > 0 && (
        // scrollable, so it takes focus: the clerk can scroll it with the arrow keys
        <ul className="volume-issues" aria-label="收入的简报" tabIndex={0}>
          {preview.issues.map((entry) => (
            <li key={entry.id}>
              <div className="volume-issue-head">
                <span className="volume-issue-number">{entry.numberText}</span>
                <span>{formatChineseDate(entry.date)}</span>
                {entry.status !== 'issued' && <StatusBadge status={entry.status} />}
              </div>
              {entry.titles.length > 0 && (
                <ul className="volume-titles">{entry.titles.map((title, index) => <li key={index}>{title}</li>)}</ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {preview.gaps.length > 0 && (
        <div className="volume-gaps" role="status" aria-label="缺号与未收入">
          {preview.gaps.map((gap) => <p key={gap}>{gap}</p>)}
        </div>
      )}
    </section>
  );
}
