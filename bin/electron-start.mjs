#!/usr/bin/env node
// `npm start` when the Electron runtime is installed: builds the renderer if it is stale and the main
// process and preload always (a second or two), then runs Electron on this folder.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

register();
const { buildRenderer, rendererIsStale } = await import('../electron/web/build-renderer.ts');
if (rendererIsStale(root)) {
  console.log('正在构建界面…');
  await buildRenderer(root);
}
const built = spawnSync(process.execPath, [join(root, 'bin', 'build-electron.mjs')], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

/** in Node, require('electron') is the path of the Electron binary */
const electronBinary = createRequire(import.meta.url)('electron');
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electronBinary, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
child.on('exit', (code) => process.exit(code ?? 1));
