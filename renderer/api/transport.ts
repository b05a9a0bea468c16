// Builds an API client (one async function per contract method) over a transport; the HTTP transport
// carries calls to browser mode's local server. Failures become ApiError.
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

/**
 * Browser mode: POST /api/<method> to the page's own origin. The session is the HttpOnly cookie the
 * server set when its one-time login address was opened; a same-origin fetch sends it by itself.
 */
export function httpTransport(base = ''): Transport {
  return async (method, input) => {
    let response: Response;
    try {
      response = await fetch(`${base}/api/${method}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
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

