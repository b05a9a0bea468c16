// The two transports the renderer's client runs over: IPC through the desktop app's preload
// (window.jianbao.invoke) and HTTP to browser mode's local server. Both bring back the same
// ApiResponse, so the same client (shared/api/client.ts) rebuilds the same ApiError, code included.
import type { ApiResponse } from '../../shared/api/contract.ts';
import type { ApiBridge } from '../../shared/api/desktop-bridge.ts';
import type { Transport } from '../../shared/api/client.ts';

export { createApiClient, type Transport } from '../../shared/api/client.ts';

/** Desktop app: the preload's one function; a failure of IPC itself is reported like any refusal. */
export function ipcTransport(bridge: ApiBridge): Transport {
  return async (method, input) => {
    try {
      return await bridge.invoke(method, input);
    } catch {
      return { ok: false, error: { code: 'internal', message: '无法连接简报主程序，请关闭后重新打开“简报”' } };
    }
  };
}

/**
 * Browser mode: POST /api/<method> to the page's own origin. The session is the HttpOnly cookie the
 * server set when its one-time login address was opened; a same-origin fetch sends it by itself.
 * `request` stands in for fetch where there is no browser to keep the cookie (tests).
 */
export function httpTransport(base = '', request?: typeof fetch): Transport {
  return async (method, input) => {
    let response: Response;
    try {
      response = await (request ?? fetch)(`${base}/api/${method}`, {
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
