// Deny by default for page content: no navigation away from the loaded page, no new windows, no
// <webview>, no permission of any kind, and no request to anything but the app's own app:// files.
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-protocol.ts';

/** frames the page may fill itself: the print preview's srcdoc frame, blank frames, its own blob: documents */
function isOwnFrameContent(url: string): boolean {
  return url === 'about:srcdoc' || url === 'about:blank' || (url.startsWith('blob:') && isAppUrl(url.slice('blob:'.length)));
}

/** What a page may still do: move within its own document (hash routes) and fill frames with its own content. */
function isAllowedNavigation({ url, isMainFrame, isSameDocument }: { url: string; isMainFrame: boolean; isSameDocument: boolean }): boolean {
  if (isMainFrame) return isSameDocument && isAppUrl(url);
  return isAppUrl(url) || isOwnFrameContent(url);
}

export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation({ url: event.url, isMainFrame: true, isSameDocument: event.isSameDocument })) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Everything the network stack could reach outside app:// (blob: and data: stay local and are not listed). */
export const BLOCKED_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*', 'file:///*'];

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest({ urls: BLOCKED_URL_PATTERNS }, (_details, callback) => callback({ cancel: true }));
}
