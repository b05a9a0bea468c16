// Browser mode for end-to-end tests: the built renderer and the real services on a temporary archive,
// served on 127.0.0.1 exactly as `npm run web` serves them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openServices } from '../../electron/api/services.ts';
import { createDispatch } from '../../electron/api/dispatch.ts';
import { buildRenderer, rendererIsStale } from '../../electron/web/build-renderer.ts';
import { startWebServer, type WebServer } from '../../electron/web/server.ts';
import { repoRoot } from '../fixtures.ts';

export interface RunningApp {
  url: string;
  token: string;
  dataDir: string;
  server: WebServer;
  close(): Promise<void>;
}

export async function startApp(dataDir = mkdtempSync(join(tmpdir(), 'jianbao-e2e-'))): Promise<RunningApp> {
  if (rendererIsStale(repoRoot)) await buildRenderer(repoRoot);
  const services = await openServices({ dataDir });
  const server = await startWebServer({ dispatch: createDispatch(services.handlers), staticDir: join(repoRoot, 'dist', 'renderer') });
  return {
    url: server.url,
    token: server.token,
    dataDir,
    server,
    close: async () => {
      await server.close();
      await services.close();
    },
  };
}
