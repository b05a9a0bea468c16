#!/usr/bin/env node
// `npm start`: the desktop app when the Electron runtime is present or can be fetched; otherwise one
// line saying so, then browser mode (the same app served on 127.0.0.1), so the clerk still gets Jianbao.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn, spawnSync } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');

/** The Electron executable the `electron` package would run, or null when it is not on this machine. */
function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return existsSync(join(override, executable ?? 'electron')) ? join(override, executable ?? 'electron') : null;
  if (!executable) return null;
  const binary = join(electronDir, 'dist', executable);
  return existsSync(binary) ? binary : null;
}

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 1));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

/** Electron fetches its runtime on first run; on an isolated network that fails (quickly, or at the time limit). */
function fetchElectron() {
  const installer = join(electronDir, 'install.js');
  if (!existsSync(installer)) return null;
  console.log('首次启动：正在下载 Electron 运行时…');
  spawnSync(process.execPath, [installer], { cwd: root, stdio: 'ignore', timeout: 120_000 });
  return electronBinary();
}

const binary = electronBinary() ?? fetchElectron();
if (binary) {
  run(process.execPath, [join(root, 'bin', 'electron-start.mjs')]);
} else {
  console.error('无法启动桌面版：本机没有 Electron 运行时，也无法联网下载。改用浏览器模式（npm run web）。');
  if (existsSync(join(root, 'electron', 'web', 'server.ts'))) run(process.execPath, [join(root, 'bin', 'web.mjs'), ...process.argv.slice(2)]);
  else process.exit(1);
}
