// The main window: secure webPreferences, the app:// entry page, shown once painted, and its size and
// position remembered in userData between runs.
import { join } from 'node:path';
import { app, BrowserWindow, screen } from 'electron';
import { APP_ENTRY_URL } from '../security/app-protocol.ts';
import { secureWebPreferences } from '../security/web-preferences.ts';
import { DEFAULT_WINDOW_SIZE, loadWindowState, MIN_WINDOW_SIZE, saveWindowState } from './window-state.ts';

export interface MainWindowOptions {
  preload: string;
  /** userData/window-state.json */
  stateFile: string;
  devTools: boolean;
}

export function createMainWindow({ preload, stateFile, devTools }: MainWindowOptions): BrowserWindow {
  const saved = loadWindowState(
    stateFile,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  // Linux executables carry no icon: the window names assets/icon.png (shipped in app.asar, electron-builder.yml
  // `files`). Windows shows the .exe's own icon, which electron-builder makes from assets/icon.ico.
  const icon = process.platform === 'win32' ? undefined : join(app.getAppPath(), 'assets', 'icon.png');
  const window = new BrowserWindow({
    title: '简报',
    ...(saved ? { x: saved.x, y: saved.y, width: saved.width, height: saved.height } : DEFAULT_WINDOW_SIZE),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    backgroundColor: '#ffffff',
    ...(icon ? { icon } : {}),
    // the decisive flags stand here literally too, where reviewers and Electronegativity look for them
    webPreferences: { ...secureWebPreferences({ preload, devTools }), contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' },
  });
  if (saved?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    try {
      saveWindowState(stateFile, { ...window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (error) {
      console.error('无法保存窗口位置', error);
    }
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
