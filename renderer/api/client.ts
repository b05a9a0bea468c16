// The renderer's API client: one typed client over whichever transport is there, the Electron
// preload's IPC or HTTP to browser mode's local server (authenticated by the session cookie set at
// login; the page holds no secret). Either way a refused call rejects with an ApiError and its code.
import { isUserFacing, type ApiClient } from '../../shared/api/contract.ts';
import type { ApiBridge } from '../../shared/api/desktop-bridge.ts';
import { createApiClient, httpTransport, ipcTransport } from './transport.ts';

declare global {
  interface Window {
    /** set by the Electron preload: the one function that carries a contract method's call */
    jianbao?: ApiBridge;
  }
}

export const api: ApiClient = createApiClient(window.jianbao ? ipcTransport(window.jianbao) : httpTransport());

/** The Chinese sentence to show for a failure: an ApiError's own, else a generic one. */
export function errorMessage(error: unknown): string {
  return isUserFacing(error) ? error.message : '操作失败，请重试';
}
