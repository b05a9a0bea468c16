// The browser benchmarks measure the renderer as it ships. A renderer rebuilt inside vitest (an e2e run that found
// it stale; vitest sets NODE_ENV=test) bundles React's development build, several times slower: rebuild that.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRenderer, rendererIsStale } from '../../electron/web/build-renderer.ts';
import { repoRoot } from '../fixtures.ts';

/** Whether dist/renderer holds a build of React's development bundle (its jsx-dev-runtime is in there). */
function isDevelopmentBuild(): boolean {
  const assets = join(repoRoot, 'dist', 'renderer', 'assets');
  if (!existsSync(assets)) return true;
  return readdirSync(assets).some((file) => file.endsWith('.js') && readFileSync(join(assets, file), 'utf8').includes('jsxDEV'));
}

export async function ensureProductionRenderer(): Promise<void> {
  process.env.NODE_ENV = 'production';
  if (rendererIsStale(repoRoot) || isDevelopmentBuild()) await buildRenderer(repoRoot);
}
