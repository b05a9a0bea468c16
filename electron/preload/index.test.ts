import { describe, expect, it, vi } from 'vitest';
import { apiMethods } from '../../shared/api/contract.ts';
import { MENU_COMMANDS, type ApiBridge, type DesktopBridge } from '../../shared/api/desktop-bridge.ts';
import { apiChannel, MENU_CHANNEL } from '../security/ipc-channels.ts';

vi.mock('electron', async () => (await import('../../test/electron/fake-electron.ts')).fakeElectron);
const { fakeElectron } = await import('../../test/electron/fake-electron.ts');
await import('./index.ts');

const exposed = fakeElectron.contextBridge.exposed;
const api = exposed.get('jianbao') as ApiBridge;
const desktop = exposed.get('jianbaoDesktop') as DesktopBridge;

describe('preload bridge', () => {
  it('exposes exactly two objects: the API bridge and the desktop bridge', () => {
    expect([...exposed.keys()].sort()).toEqual(['jianbao', 'jianbaoDesktop']);
  });

  it('exposes one function, invoke, for the API, and one for the menu commands', () => {
    expect(Object.keys(api)).toEqual(['invoke']);
    expect(typeof api.invoke).toBe('function');
    expect(Object.keys(desktop)).toEqual(['onMenuCommand']);
  });

  it('never hands ipcRenderer (or anything holding it) to the page', () => {
    const reachable = new Set<unknown>();
    const walk = (value: unknown) => {
      if (value === null || (typeof value !== 'object' && typeof value !== 'function') || reachable.has(value)) return;
      reachable.add(value);
      for (const key of Object.keys(value as object)) walk((value as Record<string, unknown>)[key]);
    };
    walk(api);
    walk(desktop);
    expect(reachable.has(fakeElectron.ipcRenderer)).toBe(false);
    expect(reachable.has(fakeElectron.ipcRenderer.invoke)).toBe(false);
  });

  it('invokes each contract method on its own channel with the payload and resolves with the response', async () => {
    for (const method of apiMethods) {
      fakeElectron.ipcRenderer.reply = (channel) => ({ ok: true, value: { channel } });
      const input = { probe: method };
      await expect(api.invoke(method, input)).resolves.toEqual({ ok: true, value: { channel: apiChannel(method) } });
      expect(fakeElectron.ipcRenderer.invocations.at(-1)).toEqual({ channel: apiChannel(method), payload: input });
    }
  });

  it('passes a refusal through with its code and Chinese message', async () => {
    const refusal = { ok: false, error: { code: 'conflict', message: '这期简报已在别处修改，请刷新后再保存' } };
    fakeElectron.ipcRenderer.reply = () => refusal;
    await expect(api.invoke('issues.save', {})).resolves.toEqual(refusal);
  });

  it('refuses any name that is not a contract method, without sending anything over IPC', async () => {
    const sent = fakeElectron.ipcRenderer.invocations.length;
    for (const name of ['shell.openExternal', 'issues', '', '__proto__', 'constructor', 'toString', 'app.info ', 'jianbao:menu']) {
      const response = await api.invoke(name, {});
      expect(response.ok, name).toBe(false);
      if (!response.ok) {
        expect(response.error.code, name).toBe('unknown-method');
        expect(response.error.message, name).toMatch(/^未知的操作/);
      }
    }
    await expect(api.invoke(42 as unknown as string, {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(fakeElectron.ipcRenderer.invocations.length).toBe(sent);
  });

  it('passes menu commands to the page, and only known ones, without the IPC event', () => {
    const received: unknown[][] = [];
    const stop = desktop.onMenuCommand((...args) => received.push(args));
    for (const command of MENU_COMMANDS) fakeElectron.ipcRenderer.emit(MENU_CHANNEL, { sender: 'ipc-event' }, command);
    fakeElectron.ipcRenderer.emit(MENU_CHANNEL, { sender: 'ipc-event' }, 'shell.openExternal');
    fakeElectron.ipcRenderer.emit(MENU_CHANNEL, { sender: 'ipc-event' }, { command: 'issue.save' });
    expect(received).toEqual(MENU_COMMANDS.map((command) => [command]));
    stop();
    fakeElectron.ipcRenderer.emit(MENU_CHANNEL, {}, 'issue.save');
    expect(received).toHaveLength(MENU_COMMANDS.length);
    expect(fakeElectron.ipcRenderer.listenerCount(MENU_CHANNEL)).toBe(0);
  });
});
