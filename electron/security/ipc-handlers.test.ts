import { describe, expect, it, vi } from 'vitest';
import { apiMethods } from '../../shared/api/contract.ts';
import type { Dispatch } from '../api/dispatch.ts';
import { apiChannel } from './ipc-channels.ts';
import { isTrustedSender, registerApiHandlers, registerApiHandlersOnIpcMain } from './ipc-handlers.ts';

vi.mock('electron', async () => (await import('../../test/electron/fake-electron.ts')).fakeElectron);
const { fakeElectron } = await import('../../test/electron/fake-electron.ts');

type Handler = (event: unknown, payload: unknown) => unknown;

function frame(url: string, parent: object | null = null) {
  return { senderFrame: { url, parent } };
}

function registered(): { handlers: Map<string, Handler>; calls: unknown[][] } {
  const handlers = new Map<string, Handler>();
  const calls: unknown[][] = [];
  const dispatch: Dispatch = async (method, payload) => {
    calls.push([method, payload]);
    return { ok: true, value: null };
  };
  registerApiHandlers({ handle: (channel: string, listener: Handler) => handlers.set(channel, listener) } as never, dispatch);
  return { handlers, calls };
}

describe('registerApiHandlers', () => {
  it('registers exactly one invoke handler per contract method', () => {
    const { handlers } = registered();
    expect([...handlers.keys()].sort()).toEqual(apiMethods.map(apiChannel).sort());
  });

  it('hands a call from our own top-level page to dispatch with the method and payload', async () => {
    const { handlers, calls } = registered();
    await handlers.get(apiChannel('issues.get'))!(frame('app://jianbao/index.html#/issue/3'), { id: 3 });
    expect(calls).toEqual([['issues.get', { id: 3 }]]);
  });

  it('refuses, in Chinese and without dispatching, calls from any other frame', async () => {
    const { handlers, calls } = registered();
    const strangers = [
      { senderFrame: null },
      frame('https://example.com/'),
      frame('file:///home/clerk/evil.html'),
      frame('app://print/doc.html'),
      frame('app://jianbao.evil/index.html'),
      frame('app://jianbao/index.html', { url: 'app://jianbao/index.html' }),
    ];
    for (const event of strangers) {
      for (const method of apiMethods) {
        const response = (await handlers.get(apiChannel(method))!(event, {})) as { ok: boolean; error: { code: string; message: string } };
        expect(response.ok).toBe(false);
        expect(response.error.code).toBe('forbidden');
        expect(response.error.message).toMatch(/拒绝请求/);
      }
    }
    expect(calls).toEqual([]);
  });

  it('trusts only a main frame whose URL is app://jianbao', () => {
    expect(isTrustedSender(frame('app://jianbao/index.html') as never)).toBe(true);
    expect(isTrustedSender(frame('app://jianbao/index.html', {}) as never)).toBe(false);
    expect(isTrustedSender({ senderFrame: null })).toBe(false);
  });

  it('registers on Electron ipcMain when the app starts', () => {
    registerApiHandlersOnIpcMain(async () => ({ ok: true, value: null }));
    expect([...fakeElectron.ipcMain.handlers.keys()].sort()).toEqual(apiMethods.map(apiChannel).sort());
  });
});
