// 信息采用统计: how many of each unit's reports a series carried over a month, a quarter, a year or any run of
// days, with points, rank and the change against the period before; a chart of the points; what still needs
// the clerk (待确认); every report counted for a unit, each opening its issue; the same as Excel or a Word 通报.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SeriesRecord } from '../../shared/api/records.ts';
import { api, errorMessage } from '../api/client.ts';
import { downloadFile } from '../files/browser-files.ts';
import { navigate } from '../navigation/route.ts';
import { useNotice } from '../ui/notice.tsx';
import { PeriodFields } from './PeriodFields.tsx';
import { PendingList } from './PendingList.tsx';
import { PointsChart } from './PointsChart.tsx';
import { StatsTable } from './StatsTable.tsx';
import { UnitEntries } from './UnitEntries.tsx';
import { initialChoice, requestOf, type PeriodChoice } from './stats-request.ts';
import { formatPoints } from './stats-rows.ts';
import { useStatsReport } from './use-stats-report.ts';

/** The period last chosen, so that coming back from an issue opened here shows the same count. */
let remembered: PeriodChoice | null = null;

export function StatsScreen({ seriesId }: { seriesId: number }) {
  const notice = useNotice();
  const [series, setSeries] = useState<SeriesRecord[] | null>(null);
  const [loadFailure, setLoadFailure] = useState<string | null>(null);
  const [choice, setChoice] = useState<PeriodChoice | null>(remembered);
  const [selected, setSelected] = useState<string | null>(null);
  const [exporting, setExporting] = useState<'xlsx' | 'docx' | null>(null);
  const [exportFailure, setExportFailure] = useState<string | null>(null);

  useEffect(() => {
    api['series.list']({ includeArchived: true }).then(setSeries, (error: unknown) => setLoadFailure(errorMessage(error)));
  }, []);
  const record = series?.find((each) => each.id === seriesId) ?? null;
  useEffect(() => {
    if (series && !choice) setChoice(initialChoice(record, new Date()));
  }, [series, record, choice]);
  useEffect(() => {
    remembered = choice;
  }, [choice]);

  const read = useMemo(() => (choice ? requestOf(seriesId, choice) : null), [seriesId, choice]);
  const request = read?.ok ? read.request : null;
  const { report, loading, failure } = useStatsReport(request);
  const selectedRow = report?.rows.find((row) => row.unit === selected) ?? null;
  const open = useCallback((issueId: number) => navigate({ screen: 'issue', issueId }), []);

  async function exportAs(kind: 'xlsx' | 'docx') {
    if (!request) return;
    setExporting(kind);
    setExportFailure(null);
    try {
      const file = await api[kind === 'xlsx' ? 'stats.xlsx' : 'stats.docx'](request);
      downloadFile(file);
      notice(`已导出：${file.fileName}`);
    } catch (error) {
      setExportFailure(errorMessage(error));
    } finally {
      setExporting(null);
    }
  }

  const back = () => navigate({ screen: 'archive', seriesId });
  const problem = read && !read.ok ? read.problem : null;
  const alert = loadFailure ?? (series && !record ? '找不到这个刊物，可能已被删除。' : null) ?? problem ?? failure ?? exportFailure;
  return (
    <div className="stats-screen">
      <header className="toolbar">
        <button type="button" onClick={back}>← 返回档案</button>
        <h1 title={record?.settings.name}>信息采用统计{record ? `：${record.settings.name}` : ''}</h1>
        <div className="toolbar-actions">
          <button type="button" disabled={!request || exporting !== null} onClick={() => void exportAs('xlsx')}>{exporting === 'xlsx' ? '正在导出…' : '导出 Excel'}</button>
          <button type="button" disabled={!request || exporting !== null} onClick={() => void exportAs('docx')}>{exporting === 'docx' ? '正在导出…' : '导出 Word 通报'}</button>
        </div>
      </header>
      <div className="stats-body">
        {series && choice && (
          <PeriodFields series={series} seriesId={seriesId} choice={choice}
            onSeries={(id) => { setSelected(null); navigate({ screen: 'stats', seriesId: id }); }}
            onChange={(change) => setChoice((current) => (current ? { ...current, ...change } : current))} />
        )}
        {alert && <div className="banner banner-error stats-alert" role="alert">{alert}</div>}
        {!series && !loadFailure && <p className="empty" role="status">正在读取…</p>}
        {report && (
          <div className={loading ? 'stats-report stale' : 'stats-report'} aria-busy={loading}>
            <p className="stats-summary" role="status">
              {report.period.label}，{report.status === 'issued' ? '已印发' : '全部'} {report.totals.issues} 期，计入 {report.totals.counted} 篇（条），共 {formatPoints(report.totals.points)} 分
              {report.totals.provisional > 0 && `，其中 ${report.totals.provisional} 篇（条）按识别结果计入`}
              {report.previousPeriod && <span className="hint">较上期：{report.previousPeriod.label}</span>}
              {!report.unitsListed && <span className="hint">本刊未填写单位名单，单位按正文识别</span>}
            </p>
            <PendingList pending={report.pending} onOpen={open} />
            <div className="stats-columns">
              <div className="stats-main">
                <StatsTable rows={report.rows} selected={selected} onSelect={setSelected} />
                {selectedRow && <UnitEntries row={selectedRow} onOpen={open} />}
              </div>
              <div className="stats-side">
                <PointsChart rows={report.rows} selected={selected} onSelect={setSelected} />
              </div>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
