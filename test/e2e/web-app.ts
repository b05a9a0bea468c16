// Browser mode for end-to-end tests: the built renderer and the real services on a temporary archive,
// served on 127.0.0.1 exactly as `npm run web` serves them. Pages get in by opening `loginUrl()`;
// Node code gets a session of its own with `login()` or `apiClient()`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openServices } from '../../electron/api/services.ts';
import { createDispatch } from '../../electron/api/dispatch.ts';
import { buildRenderer, rendererIsStale } from '../../electron/web/build-renderer.ts';
import { startWebServer, type WebServer } from '../../electron/web/server.ts';
import { createApiClient } from '../../renderer/api/transport.ts';
import type { ApiClient, ApiResponse } from '../../shared/api/contract.ts';
import { repoRoot } from '../fixtures.ts';

export interface RunningApp {
  /** the origin; opening it without logging in gets the 401 page */
  url: string;
  dataDir: string;
  server: WebServer;
  /** a fresh one-time login address (opening it logs a browser context in and lands on the app) */
  loginUrl(): string;
  /** logs in from Node and returns the session cookie, ready for a Cookie header */
  login(): Promise<string>;
  /** an API client for Node with a session of its own */
  apiClient(): Promise<ApiClient>;
  close(): Promise<void>;
}

/** Opens a login address without following the redirect; the cookie ("name=value") it set. */
export async function loginCookie(loginUrl: string): Promise<string> {
  const response = await fetch(loginUrl, { redirect: 'manual' });
  const cookie = response.headers.getSetCookie()[0];
  if (response.status !== 303 || !cookie) throw new Error(`login failed: ${response.status}`);
  return cookie.split(';')[0]!;
}

/** `checkLargeTables: 'after-open'` opens the archive as `npm run web` does; tests check every table first by default. */
export async function startApp(dataDir = mkdtempSync(join(tmpdir(), 'jianbao-e2e-')), { checkLargeTables }: { checkLargeTables?: 'at-open' | 'after-open' } = {}): Promise<RunningApp> {
  if (rendererIsStale(repoRoot)) await buildRenderer(repoRoot);
  const services = await openServices({ dataDir, checkLargeTables });
  const server = await startWebServer({ dispatch: createDispatch(services.handlers), staticDir: join(repoRoot, 'dist', 'renderer'), dataDir, log: () => {} });
  const login = () => loginCookie(server.loginUrl());
  return {
    url: server.url,
    dataDir,
    server,
    loginUrl: () => server.loginUrl(),
    login,
    apiClient: async () => {
      const cookie = await login();
      return createApiClient(async (method, input) => {
        const response = await fetch(`${server.url}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(input ?? {}) });
        return (await response.json()) as ApiResponse<unknown>;
      });
    },
    close: async () => {
      await server.close();
      await services.close();
    },
  };
}
