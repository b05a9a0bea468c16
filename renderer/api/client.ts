// The renderer's API client: the Electron preload's when it is there, else HTTP to browser mode's
// local server with the per-run token the server put into the page.
import { ApiError, type ApiClient } from '../../shared/api/contract.ts';
import { createApiClient, httpTransport } from './transport.ts';

declare global {
  interface Window {
    /** set by the Electron preload: one function per contract method */
    jianbao?: ApiClient;
  }
}

function browserModeToken(): string {
  return document.querySelector('meta[name="jianbao-token"]')?.getAttribute('content') ?? '';
}

export const api: ApiClient = window.jianbao ?? createApiClient(httpTransport(browserModeToken()));

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && /[\u4e00-\u9fff]/.test(error.message)) return error.message;
  return '操作失败，请重试';
}
