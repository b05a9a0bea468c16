// The application frame: title bar with the data folder, and the screen the route names.
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/api/records.ts';
import { api, errorMessage } from '../api/client.ts';
import { navigate, useRoute } from '../navigation/route.ts';
import { useMenuCommands } from '../navigation/menu-commands.ts';
import { ArchiveScreen } from '../archive/ArchiveScreen.tsx';
import { SeriesSettingsScreen } from '../series/SeriesSettingsScreen.tsx';
import { IssueEditorScreen } from '../editor/IssueEditorScreen.tsx';
import { NoticeProvider } from '../ui/notice.tsx';
import { BackupsDialog } from '../archive/BackupsDialog.tsx';

// the statistics screen brings ECharts: loaded when first opened, not with the app
const StatsScreen = lazy(() => import('../stats/StatsScreen.tsx').then((module) => ({ default: module.StatsScreen })));

/** how often the frame asks whether the archive's check after open is done */
const CHECKING_POLL_MS = 2000;

export function App() {
  const route = useRoute();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [showBackups, setShowBackups] = useState(false);
  /** the menu's 导入文件… chosen on another screen: the archive opens its import when it shows */
  const [importAsked, setImportAsked] = useState(false);
  const importOpened = useCallback(() => setImportAsked(false), []);
  useMenuCommands((command) => {
    // on the archive screen the screen itself handles it (use-commands.ts); elsewhere, go there first
    if (command === 'archive.import' && route.screen !== 'archive') {
      setImportAsked(true);
      navigate({ screen: 'archive', seriesId: null });
    }
  });

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // while the archive's large tables are checked (just after it opens), ask again: damage found then turns it read-only
    const ask = () =>
      api['app.info']({}).then(
        (answer) => {
          setInfo(answer);
          if (answer.checking) timer = setTimeout(ask, CHECKING_POLL_MS);
        },
        (error: unknown) => setFailure(errorMessage(error)),
      );
    void ask();
    return () => clearTimeout(timer);
  }, []);

  return (
    <NoticeProvider>
      <div className="app">
        {failure && <div className="banner banner-error">{failure}</div>}
        {info?.readOnlyReason && (
          <div className="banner banner-error" role="alert">
            {info.readOnlyReason}{' '}
            <button type="button" onClick={() => setShowBackups(true)}>从备份恢复…</button>
          </div>
        )}
        {showBackups && <BackupsDialog onClose={() => setShowBackups(false)} onRestored={() => window.location.reload()} />}
        {route.screen === 'archive' && <ArchiveScreen seriesId={route.seriesId} importAsked={importAsked} onImportAsked={importOpened} />}
        {route.screen === 'series' && <SeriesSettingsScreen seriesId={route.seriesId} />}
        {route.screen === 'stats' && (
          <Suspense fallback={<p className="empty" role="status">正在打开…</p>}><StatsScreen seriesId={route.seriesId} /></Suspense>
        )}
        {route.screen === 'issue' && <IssueEditorScreen key={route.issueId} issueId={route.issueId} />}
        <footer className="status-bar">
          <span>简报 {info ? `v${info.version}` : ''}</span>
          <span title="数据文件夹">{info?.dataDir}</span>
        </footer>
      </div>
    </NoticeProvider>
  );
}
