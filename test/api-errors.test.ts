// An error's code crosses both transports the same way: the same refused calls, made through the
// renderer's client over HTTP (the real browser-mode server, real sockets) and over IPC (the real preload
// and the real handler registration, Electron's ipcMain and ipcRenderer faked with V8 serialization,
// as Electron itself cannot run here), reject with the same ApiError: its code and its Chinese message.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError, type ApiClient, type ApiResponse } from '../shared/api/contract.ts';
import type { ApiBridge } from '../shared/api/desktop-bridge.ts';
import { defaultSeriesSettings } from '../shared/model/series.ts';
import { createDispatch } from '../electron/api/dispatch.ts';
import { openServices, type Services } from '../electron/api/services.ts';
import { PdfExportError } from '../electron/services/export/pdf.ts';
import { startWebServer, type WebServer } from '../electron/web/server.ts';
import { createApiClient, httpTransport, ipcTransport, type Transport } from '../renderer/api/transport.ts';

vi.mock('electron', async () => (await import('./electron/fake-electron.ts')).fakeElectron);
const { fakeElectron } = await import('./electron/fake-electron.ts');
const { registerApiHandlersOnIpcMain } = await import('../electron/security/ipc-handlers.ts');
await import('../electron/preload/index.ts');

const NO_CHROMIUM = '找不到 Chromium 浏览器：/nowhere/chromium；可用环境变量 JIANBAO_CHROMIUM 指定浏览器位置';

let services: Services;
let server: WebServer;
const transports: Record<'http' | 'ipc', Transport> = {} as never;
let issueId: number;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'jianbao-api-errors-'));
  const staticDir = join(root, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>简报</title>');
  services = await openServices({
    dataDir: join(root, 'data'),
    printPdf: async () => {
      throw new PdfExportError(NO_CHROMIUM);
    },
  });
  const seriesId = (await services.handlers['series.create']({ settings: defaultSeriesSettings('测试工作简报', '测试组') })).id;
  issueId = (await services.handlers['issues.next']({ seriesId, date: '2024-05-06' })).id;
  const dispatch = createDispatch(services.handlers);

  // HTTP: browser mode's server; the login's session cookie added where a browser would keep it
  server = await startWebServer({ dispatch, staticDir, dataDir: join(root, 'data'), log: () => {} });
  const login = await fetch(server.loginUrl(), { redirect: 'manual' });
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  transports.http = httpTransport(server.url, (url, init) => fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie } }));

  // IPC: the preload's invoke -> ipcRenderer -> the handlers registered on ipcMain, our own page as sender
  registerApiHandlersOnIpcMain(dispatch);
  const ownPage = { senderFrame: { url: 'app://jianbao/index.html', parent: null } };
  const overIpc = <T>(value: T): T => deserialize(serialize(value)) as T;
  fakeElectron.ipcRenderer.reply = async (channel, payload) => {
    const handler = fakeElectron.ipcMain.handlers.get(channel) as ((event: unknown, payload: unknown) => unknown) | undefined;
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return overIpc(await handler(ownPage, overIpc(payload)));
  };
  transports.ipc = ipcTransport(fakeElectron.contextBridge.exposed.get('jianbao') as ApiBridge);
});

afterAll(async () => {
  await server?.close();
  await services?.close();
});

async function refusal(call: () => Promise<unknown>): Promise<ApiError> {
  try {
    await call();
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('the call was not refused');
}

const cases: [string, (api: ApiClient) => Promise<unknown>, ApiError['code'], RegExp][] = [
  ['an issue that does not exist', (api) => api['issues.get']({ id: 987654 }), 'not-found', /[\u4e00-\u9fff]/],
  ['a payload the contract refuses', (api) => api['issues.get']({ id: '第一期' as never }), 'invalid-input', /^请求内容不正确（/],
  ['a save over a newer revision', (api) => api['issues.get']({ id: issueId }).then((record) => api['issues.save']({ id: issueId, baseRevision: record.revision + 5, issue: record.issue })), 'conflict', /[\u4e00-\u9fff]/],
  ['a file that cannot be read', (api) => api['import.read']({ name: '简报.docx', base64: Buffer.from('不是 zip 文件').toString('base64') }), 'unreadable', /[\u4e00-\u9fff]/],
  ['a service error of its own class (PdfExportError)', (api) => api['export.pdf']({ issueId }), 'internal', new RegExp(`^${NO_CHROMIUM}$`)],
];

describe('an ApiError crosses both transports with its code', () => {
  it.each(cases)('%s', async (_label, call, code, message) => {
    const errors: Record<string, ApiError> = {};
    for (const [name, transport] of Object.entries(transports)) {
      const error = await refusal(() => call(createApiClient(transport)));
      expect(error, name).toBeInstanceOf(ApiError);
      expect(error.code, name).toBe(code);
      expect(error.message, name).toMatch(message);
      errors[name] = error;
    }
    expect(errors.ipc!.toPayload()).toEqual(errors.http!.toPayload());
  });

  it('refuses a name that is not a contract method with unknown-method, on both', async () => {
    for (const [name, transport] of Object.entries(transports)) {
      const response = (await transport('shell.openExternal' as never, {})) as ApiResponse<unknown>;
      expect(response, name).toMatchObject({ ok: false, error: { code: 'unknown-method', message: expect.stringMatching(/^未知的操作/) } });
    }
  });

  it('answers good calls with the same value on both', async () => {
    const [http, ipc] = await Promise.all([createApiClient(transports.http)['issues.get']({ id: issueId }), createApiClient(transports.ipc)['issues.get']({ id: issueId })]);
    expect(ipc).toEqual(http);
  });
});
