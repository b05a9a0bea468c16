// The renderer's API client: one async function per contract method, carried by the Electron preload
// when it is there and by HTTP to browser mode's local server otherwise. Failures become ApiError.
import { ApiError, apiMethods, type ApiClient, type ApiMethod, type ApiResponse } from '../../shared/api/contract.ts';

export type Transport = (method: ApiMethod, input: unknown) => Promise<ApiResponse<unknown>>;

export function createApiClient(transport: Transport): ApiClient {
  const client: Partial<Record<ApiMethod, (input: unknown) => Promise<unknown>>> = {};
  for (const method of apiMethods) {
    client[method] = async (input: unknown) => {
      const response = await transport(method, input);
      if (!response.ok) throw new ApiError(response.error.code, response.error.message);
      return response.value;
    };
  }
  return client as ApiClient;
}

/** Browser mode: POST /api/<method> with the per-run token the server put into the page. */
export function httpTransport(token: string, base = ''): Transport {
  return async (method, input) => {
    let response: Response;
    try {
      response = await fetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-jianbao-token': token },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return { ok: false, error: { code: 'internal', message: '无法连接本地服务，请确认“简报”仍在运行' } };
    }
    try {
      return (await response.json()) as ApiResponse<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', message: `本地服务返回了无法识别的内容（${response.status}）` } };
    }
  };
}

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
