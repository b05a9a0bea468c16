// How bin/jianbao.mjs and bin/web.mjs start: the plain JavaScript that bin/build-cli.mjs built into
// dist-node/ when every source it was built from is unchanged (its manifest), else the TypeScript
// sources themselves through tsx (development, an edited file, or no build), so an edit is never ignored.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const BUILD_DIR = 'dist-node';
export const MANIFEST_FILE = 'manifest.json';
/** bumped when the manifest's shape changes, so a build by an older script counts as stale */
export const MANIFEST_VERSION = 1;

/** Each entry: its source, and its built file in dist-node/electron/. */
export const ENTRIES = {
  cli: 'electron/cli/main.ts',
  web: 'electron/web/main.ts',
  // read-in-worker.ts finds read-worker.js beside itself, so the worker is built into the same folder
  'read-worker': 'electron/services/import/read-worker.ts',
  // and check-after-open.ts finds file-check-worker.js beside itself
  'file-check-worker': 'electron/services/archive/file-check-worker.ts',
};

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Why the build in `root`/dist-node cannot be used, or null when it is fresh. A file whose size and
 * mtime are as recorded is taken as unchanged; one touched but not changed (a checkout) is hashed.
 */
export function staleReason(root = repoRoot) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(root, BUILD_DIR, MANIFEST_FILE), 'utf8'));
  } catch {
    return '没有构建';
  }
  if (manifest?.version !== MANIFEST_VERSION || typeof manifest.files !== 'object') return '构建的格式已过时';
  for (const [path, recorded] of Object.entries(manifest.files)) {
    const file = join(root, path);
    let stat;
    try {
      stat = statSync(file);
    } catch {
      return `源文件已删除：${path}`;
    }
    if (stat.size !== recorded.size) return `源文件已修改：${path}`;
    if (stat.mtimeMs !== recorded.mtimeMs && createHash('sha1').update(readFileSync(file)).digest('hex') !== recorded.sha1) return `源文件已修改：${path}`;
  }
  return null;
}

/** Node 22.1+ keeps compiled code between runs; Node 20 has no such cache (nothing to do there). */
function enableCompileCache() {
  return import('node:module').then((module) => module.enableCompileCache?.()).catch(() => undefined);
}

/**
 * The module of entry `name` (a key of ENTRIES): the built one when fresh, else the source through tsx.
 * JIANBAO_FROM_SOURCE=1 runs the source regardless (to compare the two).
 */
export async function loadEntry(name, root = repoRoot) {
  const reason = process.env.JIANBAO_FROM_SOURCE === '1' ? '已设置 JIANBAO_FROM_SOURCE=1' : staleReason(root);
  if (reason === null) {
    await enableCompileCache();
    try {
      return await import(pathToFileURL(join(root, BUILD_DIR, 'electron', `${name}.js`)).href);
    } catch (error) {
      // a file of the build missing (a rebuild replacing it this moment): found before anything ran, so the sources can run instead
      if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    }
  }
  // only a person at a terminal is told; programs reading the output (tests, scripts) get it unchanged
  if (process.stderr.isTTY && reason !== null && reason !== '已设置 JIANBAO_FROM_SOURCE=1') {
    process.stderr.write(`提示：${reason}，本次直接运行源代码（启动较慢）；运行 npm run build:cli 可恢复快速启动。\n`);
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(join(root, ENTRIES[name])).href);
}
