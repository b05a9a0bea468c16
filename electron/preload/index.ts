// The preload bridge: exposes to the page, through contextBridge, one function that carries a contract
// method's call to the main process (window.jianbao.invoke) and the menu-command subscription
// (window.jianbaoDesktop), and nothing else. Responses, refusals included, pass through unchanged: the
// renderer's client (renderer/api/client.ts) rebuilds the ApiError with its code, as for HTTP.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiResponse } from '../../shared/api/contract.ts';
import { isApiMethod } from '../../shared/api/methods.ts';
import { unknownMethodError } from '../../shared/api/errors.ts';
import { isMenuCommand, type ApiBridge, type DesktopBridge } from '../../shared/api/desktop-bridge.ts';
import { apiChannel, MENU_CHANNEL } from '../security/ipc-channels.ts';

const api = {
  async invoke(method, payload) {
    // only the contract's methods (its one list of names, shared/api/methods.ts) ever reach IPC
    if (!isApiMethod(method)) return { ok: false, error: unknownMethodError(method).toPayload() };
    return (await ipcRenderer.invoke(apiChannel(method), payload)) as ApiResponse<unknown>;
  },
} satisfies ApiBridge;

const desktop = {
  onMenuCommand(listener) {
    const forward = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, forward);
    };
  },
} satisfies DesktopBridge;

contextBridge.exposeInMainWorld('jianbao', api);
contextBridge.exposeInMainWorld('jianbaoDesktop', desktop);
