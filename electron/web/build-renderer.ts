// Builds the renderer with vite when dist/renderer is missing or older than its sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function rendererIsStale(root: string): boolean {
  const index = join(root, 'dist', 'renderer', 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return ['renderer', 'shared', join('assets', 'public')].some((folder) => newestSourceTime(join(root, folder)) > built);
}

/** Builds into dist/renderer, or into `outDir` (a throwaway build for a check). */
export async function buildRenderer(root: string, outDir?: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(root, 'renderer', 'vite.config.ts'), logLevel: 'warn', ...(outDir ? { build: { outDir, emptyOutDir: true } } : {}) });
}
