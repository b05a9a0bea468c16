// The archive: series on the left; the chosen series' issues with search and filters; new, open,
// duplicate, delete and restore issues; import files and folders.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { IssueStatus } from '../../shared/model/issue.ts';
import { STATUS_LABELS } from '../../shared/model/issue.ts';
import { formatChineseDate } from '../../shared/format/chinese.ts';
import { SNIPPET_MARK, type IssueSummary, type NumberingGap, type SearchHit, type SeriesRecord } from '../../shared/api/records.ts';
import { api, errorMessage } from '../api/client.ts';
import { navigate } from '../app/route.ts';
import { useMenuCommands } from '../app/menu-commands.ts';
import { useNotice } from '../ui/notice.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { ImportDialog } from './ImportDialog.tsx';
import { BackupsDialog } from './BackupsDialog.tsx';
import { importableFiles } from './file-upload.ts';

function Snippet({ text }: { text: string }) {
  const parts = text.split(new RegExp(`[${SNIPPET_MARK.open}${SNIPPET_MARK.close}]`));
  return <>{parts.map((part, index) => (index % 2 === 1 ? <mark key={index}>{part}</mark> : <span key={index}>{part}</span>))}</>;
}

function StatusBadge({ status }: { status: IssueStatus }) {
  return <span className={`badge badge-${status}`}>{STATUS_LABELS[status]}</span>;
}

export function ArchiveScreen({ seriesId }: { seriesId: number | null }) {
  const notice = useNotice();
  const [series, setSeries] = useState<SeriesRecord[]>([]);
  const [showArchived, setShowArchived] = useState(false);
  const [issues, setIssues] = useState<IssueSummary[]>([]);
  const [gaps, setGaps] = useState<NumberingGap[]>([]);
  const [year, setYear] = useState<number | ''>('');
  const [status, setStatus] = useState<IssueStatus | ''>('');
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [importing, setImporting] = useState<File[] | null>(null);
  const [recycleBin, setRecycleBin] = useState<IssueSummary[] | null>(null);
  const [showBackups, setShowBackups] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const selected = series.find((record) => record.id === seriesId) ?? null;

  const loadSeries = useCallback(async () => {
    try {
      const list = await api['series.list']({ includeArchived: showArchived });
      setSeries(list);
      if (seriesId === null && list[0]) navigate({ screen: 'archive', seriesId: list[0].id });
    } catch (error) {
      notice(errorMessage(error), 'error');
    }
  }, [showArchived, seriesId, notice]);

  const loadIssues = useCallback(async () => {
    if (seriesId === null) return setIssues([]);
    try {
      const [list, missing] = await Promise.all([
        api['issues.list']({ seriesId, ...(year ? { year } : {}), ...(status ? { status } : {}) }),
        api['issues.gaps']({ seriesId }),
      ]);
      setIssues(list);
      setGaps(missing);
    } catch (error) {
      notice(errorMessage(error), 'error');
    }
  }, [seriesId, year, status, notice]);

  useEffect(() => void loadSeries(), [loadSeries]);
  useEffect(() => void loadIssues(), [loadIssues]);

  useMenuCommands((command) => {
    if (command === 'issue.new') void newIssue();
    else if (command === 'archive.search') searchInput.current?.focus();
    else if (command === 'archive.refresh') void Promise.all([loadSeries(), loadIssues()]);
  });

  const years = useMemo(() => [...new Set(issues.map((issue) => issue.year))].sort((a, b) => b - a), [issues]);

  async function runSearch(text: string) {
    if (!text.trim()) return setHits(null);
    try {
      setHits(await api.search({ query: text, ...(seriesId ? { seriesId } : {}), ...(year ? { year } : {}), ...(status ? { status } : {}) }));
    } catch (error) {
      notice(errorMessage(error), 'error');
    }
  }

  async function act(work: () => Promise<unknown>, done: string) {
    try {
      await work();
      notice(done);
      await Promise.all([loadIssues(), loadSeries()]);
    } catch (error) {
      notice(errorMessage(error), 'error');
    }
  }

  async function newIssue() {
    if (seriesId === null) return;
    try {
      const record = await api['issues.next']({ seriesId });
      navigate({ screen: 'issue', issueId: record.id });
    } catch (error) {
      notice(errorMessage(error), 'error');
    }
  }

  async function duplicate(issue: IssueSummary) {
    try {
      const record = await api['issues.duplicate']({ id: issue.id });
      notice(`已以${issue.numberText}为底稿新建一期`);
      navigate({ screen: 'issue', issueId: record.id });
    } catch (error) {
      notice(errorMessage(error), 'error');
    }
  }

  async function openRecycleBin() {
    try {
      setRecycleBin(await api['issues.recycleBin']({}));
    } catch (error) {
      notice(errorMessage(error), 'error');
    }
  }

  return (
    <div className="archive">
      <aside className="series-pane">
        <header className="pane-header">
          <h2>刊物</h2>
          <button type="button" onClick={() => navigate({ screen: 'series', seriesId: 'new' })}>新建刊物</button>
        </header>
        <ul className="series-list">
          {series.map((record) => (
            <li key={record.id}>
              <button
                type="button"
                className={record.id === seriesId ? 'series-item selected' : 'series-item'}
                onClick={() => navigate({ screen: 'archive', seriesId: record.id })}
              >
                <span className="series-name">{record.settings.name}</span>
                <span className="series-count">{record.issueCount}期{record.archived ? '（已归档）' : ''}</span>
              </button>
            </li>
          ))}
          {series.length === 0 && <li className="empty">还没有刊物。点“新建刊物”，或导入已有的简报。</li>}
        </ul>
        <label className="checkbox">
          <input type="checkbox" checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} />
          显示已归档的刊物
        </label>
      </aside>

      <main className="issues-pane">
        <header className="toolbar">
          <h1>{selected?.settings.name ?? '简报档案'}</h1>
          <div className="toolbar-actions">
            <button type="button" className="primary" disabled={!selected || selected.archived} onClick={newIssue}>新建一期</button>
            <button type="button" onClick={() => fileInput.current?.click()}>导入文件</button>
            <button type="button" onClick={() => folderInput.current?.click()}>导入文件夹</button>
            {selected && <button type="button" onClick={() => navigate({ screen: 'series', seriesId: selected.id })}>刊物设置</button>}
            <button type="button" onClick={openRecycleBin}>回收站</button>
            <button type="button" onClick={() => setShowBackups(true)}>备份</button>
          </div>
          <input ref={fileInput} type="file" multiple accept=".txt,.docx,.json" hidden data-testid="import-files"
            onChange={(event) => { const files = importableFiles(event.target.files ?? []); event.target.value = ''; if (files.length) setImporting(files); }} />
          <input ref={folderInput} type="file" multiple hidden data-testid="import-folder"
            {...({ webkitdirectory: '' } as Record<string, string>)}
            onChange={(event) => { const files = importableFiles(event.target.files ?? []); event.target.value = ''; if (files.length) setImporting(files); else notice('文件夹中没有可导入的 .txt、.docx 或 .json 文件', 'error'); }} />
        </header>

        <form className="filters" role="search" onSubmit={(event) => { event.preventDefault(); void runSearch(query); }}>
          <input ref={searchInput} type="search" placeholder="全文检索：标题、正文、单位、报送范围（空格分隔多个词）" value={query} aria-label="检索"
            onChange={(event) => { setQuery(event.target.value); if (!event.target.value) setHits(null); }} />
          <button type="submit">检索</button>
          <select aria-label="年份" value={year} onChange={(event) => setYear(event.target.value ? Number(event.target.value) : '')}>
            <option value="">全部年份</option>
            {years.map((value) => <option key={value} value={value}>{value}年</option>)}
          </select>
          <select aria-label="状态" value={status} onChange={(event) => setStatus(event.target.value as IssueStatus | '')}>
            <option value="">全部状态</option>
            {(Object.keys(STATUS_LABELS) as IssueStatus[]).map((value) => <option key={value} value={value}>{STATUS_LABELS[value]}</option>)}
          </select>
        </form>

        {gaps.some((gap) => gap.missing.length > 0) && (
          <p className="gap-notice">
            缺号：{gaps.filter((gap) => gap.missing.length > 0).map((gap) => `${gap.year ? `${gap.year}年` : ''}第${gap.missing.join('、')}期`).join('；')}
          </p>
        )}

        {hits !== null ? (
          <section className="search-results" aria-label="检索结果">
            <h2>检索结果：{hits.length}条</h2>
            <ul>
              {hits.map((hit) => (
                <li key={`${hit.issueId}`}>
                  <button type="button" className="hit" onClick={() => navigate({ screen: 'issue', issueId: hit.issueId })}>
                    <span className="hit-meta">{hit.seriesName} {hit.numberText} {formatChineseDate(hit.date)} <StatusBadge status={hit.status} /></span>
                    <span className="hit-title">{hit.title || '（无标题）'}</span>
                    <span className="hit-snippet"><Snippet text={hit.snippet} /></span>
                  </button>
                </li>
              ))}
              {hits.length === 0 && <li className="empty">没有找到包含“{query}”的简报。</li>}
            </ul>
          </section>
        ) : (
          <table className="issue-table">
            <thead>
              <tr><th>期号</th><th>日期</th><th>首篇标题</th><th>状态</th><th>操作</th></tr>
            </thead>
            <tbody>
              {issues.map((issue) => (
                <tr key={issue.id} onDoubleClick={() => navigate({ screen: 'issue', issueId: issue.id })}>
                  <td>{issue.numberText}</td>
                  <td>{formatChineseDate(issue.date)}</td>
                  <td className="title-cell">{issue.firstTitle || '（尚无文章）'}</td>
                  <td><StatusBadge status={issue.status} /></td>
                  <td className="row-actions">
                    <button type="button" onClick={() => navigate({ screen: 'issue', issueId: issue.id })}>打开</button>
                    <button type="button" onClick={() => duplicate(issue)}>复制为新一期</button>
                    <button type="button" className="danger" onClick={() => {
                      if (window.confirm(`把${issue.numberText}移到回收站？可以从回收站恢复。`)) void act(() => api['issues.delete']({ id: issue.id }), `${issue.numberText}已移到回收站`);
                    }}>删除</button>
                  </td>
                </tr>
              ))}
              {issues.length === 0 && (
                <tr><td colSpan={5} className="empty">{selected ? '这个刊物还没有简报。点“新建一期”开始编写。' : '请选择或新建一个刊物。'}</td></tr>
              )}
            </tbody>
          </table>
        )}
      </main>

      {importing && (
        <ImportDialog files={importing} seriesId={null} onClose={(imported) => { setImporting(null); if (imported) void Promise.all([loadSeries(), loadIssues()]); }} />
      )}
      {showBackups && <BackupsDialog onClose={() => setShowBackups(false)} onRestored={() => window.location.reload()} />}
      {recycleBin && (
        <Dialog title="回收站" onClose={() => setRecycleBin(null)} wide>
          <ul className="recycle-list">
            {recycleBin.map((issue) => (
              <li key={issue.id}>
                <span>{issue.seriesName} {issue.numberText} {issue.firstTitle}</span>
                <button type="button" onClick={async () => {
                  await act(() => api['issues.restore']({ id: issue.id }), `${issue.numberText}已恢复`);
                  setRecycleBin(await api['issues.recycleBin']({}));
                }}>恢复</button>
              </li>
            ))}
            {recycleBin.length === 0 && <li className="empty">回收站是空的。</li>}
          </ul>
        </Dialog>
      )}
    </div>
  );
}
