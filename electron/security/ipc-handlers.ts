// The one place the main process listens on IPC: one invoke handler per contract method, each of which
// answers only our own top-level app:// page and hands the payload to the validating dispatch.
import { ipcMain, type IpcMain, type IpcMainInvokeEvent } from 'electron';
import { apiMethods, type ApiResponse } from '../../shared/api/contract.ts';
import type { Dispatch } from '../api/dispatch.ts';
import { isAppUrl } from './app-protocol.ts';
import { apiChannel } from './ipc-channels.ts';

export type ApiIpc = Pick<IpcMain, 'handle'>;

const FORBIDDEN: ApiResponse<never> = { ok: false, error: { code: 'forbidden', message: '拒绝请求：只有“简报”自己的页面可以调用这项操作' } };

/** The sender is the main frame of a page loaded from app://jianbao (not an iframe, not a navigated-away frame). */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

export function registerApiHandlers(ipc: ApiIpc, dispatch: Dispatch): void {
  for (const method of apiMethods) {
    ipc.handle(apiChannel(method), (event, payload: unknown) => (isTrustedSender(event) ? dispatch(method, payload) : FORBIDDEN));
  }
}

/** What the app entry calls: the handlers on Electron's own ipcMain. */
export function registerApiHandlersOnIpcMain(dispatch: Dispatch): void {
  registerApiHandlers(ipcMain, dispatch);
}
