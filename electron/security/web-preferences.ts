// The webPreferences of every window the app opens: Electron's secure defaults, spelled out so a test
// and a reviewer can see them, plus no spellchecker (it would fetch dictionaries from the internet).
import type { WebPreferences } from 'electron';

export function secureWebPreferences({ preload, devTools }: { preload?: string; devTools: boolean }): WebPreferences {
  return {
    ...(preload ? { preload } : {}),
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
    // a middle click would open a link in a new window
    disableBlinkFeatures: 'Auxclick',
    devTools,
  };
}
