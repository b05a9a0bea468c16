import { describe, expect, it, vi } from 'vitest';
import { apiMethods } from '../../shared/api/contract.ts';
import { MENU_COMMANDS, type DesktopBridge } from '../../shared/api/desktop-bridge.ts';
import { apiChannel, MENU_CHANNEL } from '../security/ipc-channels.ts';

vi.mock('electron', async () => (await import('../../test/electron/fake-electron.ts')).fakeElectron);
const { fakeElectron } = await import('../../test/electron/fake-electron.ts');
await import('./index.ts');

const exposed = fakeElectron.contextBridge.exposed;
const api = exposed.get('jianbao') as Record<string, (input: unknown) => Promise<unknown>>;
const desktop = exposed.get('jianbaoDesktop') as DesktopBridge;

describe('preload bridge', () => {
  it('exposes exactly two objects: the API client and the desktop bridge', () => {
    expect([...exposed.keys()].sort()).toEqual(['jianbao', 'jianbaoDesktop']);
  });

  it('exposes one function per contract method and nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([...apiMethods].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
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

  it('each function invokes its own method channel with the input and resolves with the value', async () => {
    for (const method of apiMethods) {
      fakeElectron.ipcRenderer.reply = (channel) => ({ ok: true, value: { channel } });
      const input = { probe: method };
      await expect(api[method]!(input)).resolves.toEqual({ channel: apiChannel(method) });
      expect(fakeElectron.ipcRenderer.invocations.at(-1)).toEqual({ channel: apiChannel(method), payload: input });
    }
  });

  it('rejects with the Chinese message of a refused call', async () => {
    fakeElectron.ipcRenderer.reply = () => ({ ok: false, error: { code: 'conflict', message: '这期简报已在别处修改，请刷新后再保存' } });
    await expect(api['issues.save']!({})).rejects.toThrow('这期简报已在别处修改，请刷新后再保存');
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
