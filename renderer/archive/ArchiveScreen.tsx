// The archive: series on the left; the chosen series' issues, or the hits of a search of every series
// (or one), both following the 年份 and 状态 filters; new, open, duplicate, delete and restore issues;
// import files and folders; backups; bind a series' issues into one volume (汇编); count its units' reports (采用统计).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { IssueSummary, NumberingGap, SeriesRecord } from '../../shared/api/records.ts';
import { api, errorMessage } from '../api/client.ts';
import { navigate, parseRoute } from '../navigation/route.ts';
import { useCommands } from '../navigation/use-commands.ts';
import { useNotice } from '../ui/notice.tsx';
import { ImportDialog } from './ImportDialog.tsx';
import { BackupsDialog } from './BackupsDialog.tsx';
import { VolumeDialog } from './VolumeDialog.tsx';
import { RecycleBinDialog } from './RecycleBinDialog.tsx';
import { useImportPicker } from './ImportPicker.tsx';
import { SeriesPane } from './SeriesPane.tsx';
import { ArchiveFilters } from './ArchiveFilters.tsx';
import { IssueTable } from './IssueTable.tsx';
import { SearchResults } from './SearchResults.tsx';
import { applicableFilters, NO_FILTERS, scopeName, yearsInView, type IssueFilters, type SearchScope } from './archive-filters.ts';
import { useArchiveSearch, useSettledQuery } from './use-archive-search.ts';

export function ArchiveScreen({ seriesId, importAsked = false, onImportAsked }: {
  seriesId: number | null;
  /** the desktop menu's 导入文件… was chosen on another screen: open the import here */
  importAsked?: boolean;
  onImportAsked?: () => void;
}) {
  const notice = useNotice();
  /** every series, archived ones included (the pane hides those unless asked) */
  const [series, setSeries] = useState<SeriesRecord[]>([]);
  const [showArchived, setShowArchived] = useState(false);
  const [issues, setIssues] = useState<IssueSummary[]>([]);
  /** the filters the issues on show were read with */
  const [listedWith, setListedWith] = useState<IssueFilters>(NO_FILTERS);
  const [gaps, setGaps] = useState<NumberingGap[]>([]);
  /** the filters as the clerk chose them; what applies is `filters` below */
  const [chosen, setChosen] = useState<IssueFilters>(NO_FILTERS);
  const [query, setQuery] = useState('');
  const [composing, setComposing] = useState(false);
  const [scope, setScope] = useState<SearchScope>('all');
  const [refresh, setRefresh] = useState(0);
  const [importing, setImporting] = useState<File[] | null>(null);
  const [recycleBin, setRecycleBin] = useState<IssueSummary[] | null>(null);
  const [showBackups, setShowBackups] = useState(false);
  const [showVolume, setShowVolume] = useState(false);
  const searchInput = useRef<HTMLInputElement>(null);
  const issuesTicket = useRef(0);

  const [searchQuery, searchNow] = useSettledQuery(query, composing);
  const searching = searchQuery !== '';
  const selected = series.find((record) => record.id === seriesId) ?? null;
  const shownSeries = useMemo(() => series.filter((record) => showArchived || !record.archived || record.id === seriesId), [series, showArchived, seriesId]);
  const scopeSeries = useMemo(() => series.filter((record) => showArchived || !record.archived || record.id === seriesId || record.id === scope), [series, showArchived, seriesId, scope]);
  // the years on offer are those with issues where the clerk looks, so a chosen year always shows; a
  // year with no issues there (after switching series, or the last issue of a year deleted) is dropped
  const years = useMemo(() => yearsInView(series, searching ? scope : seriesId), [series, searching, scope, seriesId]);
  const filters = applicableFilters(chosen, years);
  useEffect(() => {
    if (filters !== chosen) setChosen(filters);
  }, [filters, chosen]);

  const showError = useCallback((error: unknown) => notice(errorMessage(error), 'error'), [notice]);

  const loadSeries = useCallback(async () => {
    try {
      const list = await api['series.list']({ includeArchived: true });
      setSeries(list);
      const first = list.find((record) => !record.archived) ?? list[0];
      const route = parseRoute(window.location.hash);
      if (first && route.screen === 'archive' && route.seriesId === null) navigate({ screen: 'archive', seriesId: first.id });
    } catch (error) {
      showError(error);
    }
  }, [showError]);

  const { year, status } = filters;
  const loadIssues = useCallback(async () => {
    const ticket = ++issuesTicket.current;
    if (seriesId === null) {
      setIssues([]);
      setGaps([]);
      return;
    }
    try {
      const [list, missing] = await Promise.all([
        api['issues.list']({ seriesId, ...(year !== null ? { year } : {}), ...(status !== null ? { status } : {}) }),
        api['issues.gaps']({ seriesId }),
      ]);
      if (ticket !== issuesTicket.current) return;
      setIssues(list);
      setListedWith({ year, status });
      setGaps(missing);
    } catch (error) {
      if (ticket === issuesTicket.current) showError(error);
    }
  }, [seriesId, year, status, showError]);

  useEffect(() => void loadSeries(), [loadSeries]);
  useEffect(() => void loadIssues(), [loadIssues]);

  const result = useArchiveSearch({ query: searchQuery, scope, filters }, refresh, showError);

  const reload = () => {
    setRefresh((count) => count + 1);
    return Promise.all([loadSeries(), loadIssues()]);
  };

  const picker = useImportPicker(setImporting, (message) => notice(message, 'error'));
  // the menu's 导入文件… (here, or chosen on another screen): one import at a time
  const importFromMenu = () => {
    if (!importing) picker.fromMenu();
  };
  const latestImportFromMenu = useRef(importFromMenu);
  latestImportFromMenu.current = importFromMenu;
  useEffect(() => {
    if (!importAsked) return;
    onImportAsked?.();
    latestImportFromMenu.current();
  }, [importAsked, onImportAsked]);

  useCommands({
    'issue.new': () => void newIssue(),
    'archive.import': importFromMenu,
    'archive.search': () => searchInput.current?.focus(),
    'archive.refresh': () => void reload(),
  });

  function chooseSeries(record: SeriesRecord) {
    navigate({ screen: 'archive', seriesId: record.id });
    // a search under way narrows to the series the clerk picked, so its hits are what the pane marks
    if (searching) setScope(record.id);
  }

  function clearSearch() {
    setQuery('');
    searchNow('');
    setScope('all');
    searchInput.current?.focus();
  }

  function clearFilters() {
    setChosen(NO_FILTERS);
    if (searching) setScope('all');
  }

  async function act(work: () => Promise<unknown>, done: string) {
    try {
      await work();
      notice(done);
      await reload();
    } catch (error) {
      showError(error);
    }
  }

  async function newIssue() {
    if (seriesId === null) return;
    try {
      const record = await api['issues.next']({ seriesId });
      navigate({ screen: 'issue', issueId: record.id });
    } catch (error) {
      showError(error);
    }
  }

  async function duplicate(issue: IssueSummary) {
    try {
      const record = await api['issues.duplicate']({ id: issue.id });
      notice(`已以${issue.numberText}为底稿新建一期`);
      navigate({ screen: 'issue', issueId: record.id });
    } catch (error) {
      showError(error);
    }
  }

  async function openRecycleBin() {
    try {
      setRecycleBin(await api['issues.recycleBin']({}));
    } catch (error) {
      showError(error);
    }
  }

  const missing = gaps.filter((gap) => gap.missing.length > 0);
  return (
    <div className="archive">
      <SeriesPane
        series={shownSeries}
        selectedId={seriesId}
        showArchived={showArchived}
        onSelect={chooseSeries}
        onNew={() => navigate({ screen: 'series', seriesId: 'new' })}
        onShowArchived={setShowArchived}
      />

      <main className="issues-pane">
        <header className="toolbar">
          <h1 title={selected?.settings.name}>{selected?.settings.name ?? '简报档案'}</h1>
          <div className="toolbar-actions">
            <button type="button" className="primary" disabled={!selected || selected.archived} onClick={newIssue}>新建一期</button>
            <button type="button" onClick={picker.pickFiles}>导入文件</button>
            <button type="button" onClick={picker.pickFolder}>导入文件夹</button>
            {selected && <button type="button" onClick={() => navigate({ screen: 'series', seriesId: selected.id })}>刊物设置</button>}
            <button type="button" onClick={openRecycleBin}>回收站</button>
            <button type="button" onClick={() => setShowBackups(true)}>备份</button>
            <button type="button" disabled={!selected} onClick={() => setShowVolume(true)}>汇编</button>
            <button type="button" disabled={!selected} onClick={() => selected && navigate({ screen: 'stats', seriesId: selected.id })}>采用统计</button>
          </div>
          {picker.element}
        </header>

        <ArchiveFilters
          inputRef={searchInput}
          query={query}
          searching={searching}
          scope={scope}
          scopeSeries={scopeSeries}
          years={years}
          filters={filters}
          onQuery={(text) => {
            setQuery(text);
            if (!text.trim()) setScope('all');
          }}
          onComposing={setComposing}
          onSubmit={() => searchNow(query)}
          onScope={setScope}
          onFilters={setChosen}
        />

        {searching ? (
          result && <SearchResults result={result} scopeLabel={scopeName(series, result.request.scope)} onOpen={(issueId) => navigate({ screen: 'issue', issueId })}
            onClearFilters={clearFilters} onClearSearch={clearSearch} />
        ) : (
          <>
            {missing.length > 0 && (
              <p className="gap-notice">缺号：{missing.map((gap) => `${gap.year ? `${gap.year}年` : ''}第${gap.missing.join('、')}期`).join('；')}</p>
            )}
            <IssueTable
              issues={issues}
              series={selected}
              filters={listedWith}
              onOpen={(issue) => navigate({ screen: 'issue', issueId: issue.id })}
              onDuplicate={duplicate}
              // the recycle bin gives it back, so no question first: the notice says where it went
              onDelete={(issue) => void act(() => api['issues.delete']({ id: issue.id }), `${issue.numberText}已移到回收站，可在“回收站”中恢复`)}
              onClearFilters={clearFilters}
            />
          </>
        )}
      </main>

      {importing && (
        <ImportDialog files={importing} onClose={(imported) => { setImporting(null); if (imported) void reload(); }} />
      )}
      {showVolume && selected && <VolumeDialog series={selected} onClose={() => setShowVolume(false)} />}
      {showBackups && <BackupsDialog onClose={() => setShowBackups(false)} onRestored={() => window.location.reload()} />}
      {recycleBin && (
        <RecycleBinDialog
          issues={recycleBin}
          onClose={() => setRecycleBin(null)}
          onRestore={async (issue) => {
            await act(() => api['issues.restore']({ id: issue.id }), `${issue.numberText}已恢复`);
            await openRecycleBin();
          }}
        />
      )}
    </div>
  );
}
