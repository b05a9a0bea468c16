// The renderer's API client: the Electron preload's when it is there, else HTTP to browser mode's
// local server, authenticated by the session cookie set at login (the page holds no secret).
import { ApiError, type ApiClient } from '../../shared/api/contract.ts';
import { createApiClient, httpTransport } from './transport.ts';

declare global {
  interface Window {
    /** set by the Electron preload: one function per contract method */
    jianbao?: ApiClient;
  }
}

export const api: ApiClient = window.jianbao ?? createApiClient(httpTransport());

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && /[\u4e00-\u9fff]/.test(error.message)) return error.message;
  return '操作失败，请重试';
}
