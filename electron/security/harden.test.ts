import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { FakeSession, FakeWebContents } from '../../test/electron/fake-electron.ts';
import { BLOCKED_URL_PATTERNS, hardenSession, hardenWebContents } from './harden.ts';

function navigation(url: string, isMainFrame: boolean, isSameDocument = false) {
  let prevented = false;
  return {
    event: { url, isMainFrame, isSameDocument, preventDefault: () => (prevented = true) },
    prevented: () => prevented,
  };
}

function hardened(): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as WebContents);
  return contents;
}

describe('hardenWebContents', () => {
  it('denies every new window, whatever its URL', () => {
    const contents = hardened();
    for (const url of ['https://example.com/', 'app://jianbao/index.html', 'about:blank', 'mailto:a@b.cn']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
  });

  it('denies navigating the page away, to a remote site or even to our own entry page', () => {
    const contents = hardened();
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://jianbao/index.html', 'javascript:alert(1)']) {
      for (const event of ['will-navigate', 'will-frame-navigate']) {
        const attempt = navigation(url, true);
        contents.emit(event, attempt.event);
        expect(attempt.prevented(), `${event} ${url}`).toBe(true);
      }
    }
  });

  it('lets the page change its own hash route', () => {
    const contents = hardened();
    const attempt = navigation('app://jianbao/index.html#/issue/3', true, true);
    contents.emit('will-frame-navigate', attempt.event);
    expect(attempt.prevented()).toBe(false);
    const remote = navigation('https://example.com/#/issue/3', true, true);
    contents.emit('will-navigate', remote.event);
    expect(remote.prevented()).toBe(true);
  });

  it('lets frames show only our own content (the print preview srcdoc), never a remote page', () => {
    const contents = hardened();
    const allowed = ['about:srcdoc', 'about:blank', 'blob:app://jianbao/4f1c', 'app://jianbao/index.html'];
    const denied = ['https://example.com/', 'blob:https://example.com/4f1c', 'file:///etc/passwd', 'app://print/doc.html', 'data:text/html,<script>1</script>'];
    for (const url of allowed) {
      const attempt = navigation(url, false);
      contents.emit('will-frame-navigate', attempt.event);
      expect(attempt.prevented(), url).toBe(false);
    }
    for (const url of denied) {
      const attempt = navigation(url, false);
      contents.emit('will-frame-navigate', attempt.event);
      expect(attempt.prevented(), url).toBe(true);
    }
  });

  it('denies redirects and <webview> attachment', () => {
    const contents = hardened();
    const redirect = navigation('https://example.com/', true);
    contents.emit('will-redirect', redirect.event);
    expect(redirect.prevented()).toBe(true);
    let webviewPrevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (webviewPrevented = true) }, { nodeIntegration: true }, { src: 'https://example.com/' });
    expect(webviewPrevented).toBe(true);
  });
});

describe('hardenSession', () => {
  const session = new FakeSession();
  hardenSession(session as unknown as Session);

  it('refuses every permission request and check, openExternal and media included', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'unknown']) {
      const answers: boolean[] = [];
      session.permissionRequestHandler?.({} as never, permission as never, ((granted: boolean) => answers.push(granted)) as never, {} as never);
      expect(answers, permission).toEqual([false]);
      expect(session.permissionCheckHandler?.(null as never, permission as never, 'app://jianbao' as never, {} as never)).toBe(false);
    }
    expect(session.devicePermissionHandler?.({} as never)).toBe(false);
  });

  it('cancels every request to the network or to files', () => {
    expect(session.beforeRequest?.filter.urls).toEqual(BLOCKED_URL_PATTERNS);
    for (const scheme of ['http:', 'https:', 'ws:', 'wss:', 'file:']) {
      expect(BLOCKED_URL_PATTERNS.some((pattern) => pattern.startsWith(scheme)), scheme).toBe(true);
    }
    const answers: unknown[] = [];
    session.beforeRequest?.listener({ url: 'https://example.com/' } as never, ((response: unknown) => answers.push(response)) as never);
    expect(answers).toEqual([{ cancel: true }]);
  });
});
