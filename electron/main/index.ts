// The desktop app's entry: one instance only, pages from the app:// protocol in a hardened session,
// the services behind validated IPC, the main window with its Chinese menu, and the daily backup.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, protocol, session, shell } from 'electron';
import type { MenuCommand } from '../../shared/api/desktop-bridge.ts';
import { isUserFacing } from '../../shared/api/errors.ts';
import { createDispatch } from '../api/dispatch.ts';
import { openServices } from '../api/services.ts';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from '../security/app-protocol.ts';
import { hardenSession, hardenWebContents } from '../security/harden.ts';
import { MENU_CHANNEL } from '../security/ipc-channels.ts';
import { registerApiHandlersOnIpcMain } from '../security/ipc-handlers.ts';
import { showAbout } from './about.ts';
import { saveDownloadsWithDialog } from './downloads.ts';
import { buildMenuTemplate } from './menu.ts';
import { PrintDocuments, printHtmlToPdf } from './pdf-export.ts';
import { createMainWindow } from './window.ts';

// Before ready: the scheme's privileges, sandbox for every renderer, deny rules for every page.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
// The same folder whatever the installed product is called: archive.sqlite and backups/ live here.
app.setPath('userData', join(app.getPath('appData'), 'jianbao'));

const appRoot = app.getAppPath();
const rendererDir = join(appRoot, 'dist', 'renderer');
const preload = join(appRoot, 'dist-electron', 'electron', 'preload.cjs');
const devTools = !app.isPackaged;

let mainWindow: BrowserWindow | null = null;
const printDocuments = new PrintDocuments();

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  const services = await openServices({
    dataDir,
    holder: { name: '简报桌面版', kind: 'app' },
    dailyBackup: true,
    checkLargeTables: 'after-open',
    printPdf: (html, images) => printHtmlToPdf(html, printDocuments, images),
  });
  const dispatch = createDispatch(services.handlers, { onInternalError: (method, error) => console.error(`[${method}]`, error) });

  hardenSession(session.defaultSession);
  saveDownloadsWithDialog(session.defaultSession, app.getPath('documents'));
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ rendererDir, printDocument: printDocuments.get, printImage: printDocuments.image }));
  registerApiHandlersOnIpcMain(dispatch);

  const window = createMainWindow({ preload, stateFile: join(dataDir, 'window-state.json'), devTools });
  mainWindow = window;
  window.on('closed', () => {
    mainWindow = null;
  });
  const send = (command: MenuCommand) => window.webContents.send(MENU_CHANNEL, command);
  const menu = buildMenuTemplate(
    {
      send,
      openDataFolder: () => void shell.openPath(dataDir),
      showAbout: () => void showAbout(window, app.getVersion(), dataDir),
    },
    { devTools },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(menu));

  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    services
      .close()
      .catch((error: unknown) => console.error('关闭档案失败', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('简报无法启动', isUserFacing(error) ? error.message : `启动时出错：${String(error)}`);
      app.exit(1);
    });
}
