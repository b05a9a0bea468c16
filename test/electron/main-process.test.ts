// The main-process entry (electron/main/index.ts) imported in Node with only the `electron` module
// replaced by recording fakes, over the real services and a real archive in a temp userData folder:
// what it asks of Electron (scheme, window, session, deny handlers, IPC, menu) and what the page gets.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { apiMethods, type ApiResponse } from '../../shared/api/contract.ts';
import type { AppInfo, BackupInfo, ExportedFile, IssueRecord, SeriesRecord } from '../../shared/api/records.ts';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES } from '../../electron/security/app-protocol.ts';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/content-security-policy.ts';
import { apiChannel, MENU_CHANNEL } from '../../electron/security/ipc-channels.ts';
import { BLOCKED_URL_PATTERNS } from '../../electron/security/harden.ts';
import { renderPrintHtml } from '../../shared/print/render-print-html.ts';

vi.mock('electron', async () => (await import('./fake-electron.ts')).fakeElectron);
const { fakeElectron, FakeBrowserWindow } = await import('./fake-electron.ts');
type FakeWindow = InstanceType<typeof FakeBrowserWindow>;

const appRoot = mkdtempSync(join(tmpdir(), 'jianbao-app-'));
let window: FakeWindow;

const ownPage = { senderFrame: { url: 'app://jianbao/index.html#/archive', parent: null } };
async function call<T>(method: (typeof apiMethods)[number], payload: unknown, event: unknown = ownPage): Promise<ApiResponse<T>> {
  const handler = fakeElectron.ipcMain.handlers.get(apiChannel(method)) as (event: unknown, payload: unknown) => Promise<ApiResponse<T>>;
  return handler(event, payload);
}
async function value<T>(method: (typeof apiMethods)[number], payload: unknown): Promise<T> {
  const response = await call<T>(method, payload);
  if (!response.ok) throw new Error(response.error.message);
  return response.value;
}

function menuItem(label: string) {
  const walk = (items: Electron.MenuItemConstructorOptions[]): Electron.MenuItemConstructorOptions | undefined =>
    items.map((item) => (item.label === label ? item : Array.isArray(item.submenu) ? walk(item.submenu) : undefined)).find(Boolean);
  return walk(fakeElectron.Menu.applied ?? [])!;
}

beforeAll(async () => {
  mkdirSync(join(appRoot, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(appRoot, 'dist', 'renderer', 'index.html'), '<!doctype html><title>简报</title>');
  fakeElectron.app.appPath = appRoot;
  await import('../../electron/main/index.ts');
  await vi.waitFor(() => expect(fakeElectron.Menu.applied).not.toBeNull(), { timeout: 15_000, interval: 20 });
  window = FakeBrowserWindow.created[0]!;
}, 30_000);

describe('main process, before ready', () => {
  it('registers app:// as the one privileged scheme', () => {
    expect(fakeElectron.protocol.privileged).toEqual([[APP_SCHEME_PRIVILEGES]]);
  });

  it('turns the sandbox on for every renderer and takes the single-instance lock', () => {
    expect(fakeElectron.app.sandboxEnabled).toBe(true);
    expect(fakeElectron.app.listenerCount('second-instance')).toBe(1);
  });

  it('keeps its data in userData/jianbao whatever the product is called', () => {
    expect(fakeElectron.app.getPath('userData')).toBe(join(fakeElectron.app.getPath('appData'), 'jianbao'));
  });
});

describe('main process, once ready', () => {
  it('serves the renderer from app:// with the page CSP', async () => {
    const response = await fakeElectron.protocol.handlers.get('app')!(new Request(APP_ENTRY_URL));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('<title>简报</title>');
  });

  it('opens one hidden-until-painted window with the secure webPreferences and our preload, on app://jianbao', () => {
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(window.options).toMatchObject({ show: false, minWidth: 960, minHeight: 640, title: '简报' });
    expect(window.options.webPreferences).toEqual({
      preload: join(appRoot, 'dist-electron', 'electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: true,
    });
    expect(window.loadedUrls).toEqual([APP_ENTRY_URL]);
  });

  it("denies new windows, navigation and <webview> in the window's page", () => {
    expect(window.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    let navigationPrevented = false;
    window.webContents.emit('will-navigate', { url: 'https://example.com/', isMainFrame: true, isSameDocument: false, preventDefault: () => (navigationPrevented = true) });
    expect(navigationPrevented).toBe(true);
    let webviewPrevented = false;
    window.webContents.emit('will-attach-webview', { preventDefault: () => (webviewPrevented = true) }, {}, {});
    expect(webviewPrevented).toBe(true);
  });

  it('refuses every permission and every network request in the default session, and saves exports through a dialog', () => {
    const session = fakeElectron.session.defaultSession;
    const answers: boolean[] = [];
    session.permissionRequestHandler?.({} as never, 'media' as never, ((granted: boolean) => answers.push(granted)) as never);
    expect(answers).toEqual([false]);
    expect(session.permissionCheckHandler?.(null as never, 'clipboard-read' as never)).toBe(false);
    expect(session.beforeRequest?.filter.urls).toEqual(BLOCKED_URL_PATTERNS);
    expect(session.listenerCount('will-download')).toBe(1);
  });

  it('answers every contract method over IPC from the real services, only for our own page', async () => {
    expect(fakeElectron.ipcMain.handlers.size).toBe(apiMethods.length);
    const info = await value<AppInfo>('app.info', {});
    expect(info).toMatchObject({ version: '0.1.0', dataDir: fakeElectron.app.getPath('userData'), readOnlyReason: null });
    const stranger = await call('app.info', {}, { senderFrame: { url: 'https://example.com/', parent: null } });
    expect(stranger).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const malformed = await call('issues.get', { id: '1; DROP TABLE issues' });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('takes the daily backup of the archive in userData on start, once the check after open has passed', async () => {
    // the backup waits for the large tables' check, which the app runs after its window is up
    let backups = await value<BackupInfo[]>('backup.list', {});
    for (let waited = 0; backups.length === 0 && waited < 15_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      backups = await value<BackupInfo[]>('backup.list', {});
    }
    expect(backups.map((backup) => backup.reason)).toEqual(['daily']);
    expect(existsSync(join(fakeElectron.app.getPath('userData'), 'archive.sqlite'))).toBe(true);
  });

  it('exports PDF by printing the print document with printToPDF, preferring the CSS page size', async () => {
    // settings other than the defaults: the print document must be the issue's, printed with its series' settings
    const settings = { ...defaultSeriesSettings('桃江县工作简报', '县委办公室'), layoutProfile: 'first-glyph' as const, fontProfile: 'system' as const, colophonOnEvenPage: true };
    const series = await value<SeriesRecord>('series.create', { settings });
    const record = await value<IssueRecord>('issues.next', { seriesId: series.id, date: '2024-05-06' });
    const printed: string[] = [];
    const load = vi.spyOn(FakeBrowserWindow.prototype, 'loadURL').mockImplementation(async function (this: FakeWindow, url: string) {
      this.loadedUrls.push(url);
      printed.push(await (await fakeElectron.protocol.handlers.get('app')!(new Request(url))).text());
    });
    const file = await value<ExportedFile>('export.pdf', { issueId: record.id });
    load.mockRestore();
    const printWindow = FakeBrowserWindow.created.at(-1)!;
    expect(printWindow).not.toBe(window);
    expect(printWindow.options.webPreferences).toMatchObject({ javascript: false, sandbox: true });
    expect(printWindow.loadedUrls[0]).toMatch(/^app:\/\/print\//);
    expect(printed).toEqual([renderPrintHtml(record.issue, series.settings)]);
    expect(printed[0]).toContain('桃江县工作简报');
    expect(printWindow.webContents.pdfOptions).toEqual([
      { pageSize: 'A4', margins: { top: 0, bottom: 0, left: 0, right: 0 }, printBackground: true, preferCSSPageSize: true, generateDocumentOutline: false },
    ]);
    expect(printWindow.destroyed).toBe(true);
    expect(file.fileName).toBe('桃江县工作简报第1期.pdf');
    expect(Buffer.from(file.base64, 'base64').toString()).toBe('%PDF-1.7 fake');
  });

  it('sets the Chinese menu, whose editor items reach the page over the one menu channel', () => {
    expect(fakeElectron.Menu.applied?.map((menu) => menu.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    (menuItem('保存').click as () => void)();
    expect(window.webContents.sent.at(-1)).toEqual({ channel: MENU_CHANNEL, args: ['issue.save'] });
  });

  it('shows the version and the data folder in the About box', async () => {
    (menuItem('关于简报').click as () => void)();
    await vi.waitFor(() => expect(fakeElectron.dialog.messages).toHaveLength(1));
    const about = fakeElectron.dialog.messages[0] as { title: string; detail: string };
    expect(about.title).toBe('关于简报');
    expect(about.detail).toContain('版本：0.1.0');
    expect(about.detail).toContain(`数据文件夹：${fakeElectron.app.getPath('userData')}`);
  });

  it('brings the first window forward when the app is launched again', () => {
    const focus = vi.spyOn(window, 'focus');
    fakeElectron.app.emit('second-instance');
    expect(focus).toHaveBeenCalledOnce();
  });

  it("remembers the window's place in userData when it closes", () => {
    window.emit('close');
    const state = JSON.parse(readFileSync(join(fakeElectron.app.getPath('userData'), 'window-state.json'), 'utf8'));
    expect(state).toEqual({ x: 10, y: 20, width: 1280, height: 860, maximized: false });
  });

  it('closes the archive before it lets the app quit', async () => {
    let prevented = false;
    fakeElectron.app.emit('will-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await vi.waitFor(() => expect(fakeElectron.app.quitCalls).toBe(1));
    expect(await call('app.info', {})).toMatchObject({ ok: true });
    expect((await call('series.list', {})).ok).toBe(false);
  });
});
