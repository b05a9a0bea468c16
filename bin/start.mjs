#!/usr/bin/env node
// `npm start`: the desktop app when the Electron runtime is present; otherwise one line saying so,
// then browser mode (the same app served on 127.0.0.1), so the clerk still gets a working Jianbao.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 1));
}

const binary = electronBinary();
if (binary) {
  run(process.execPath, [join(root, 'bin', 'electron-start.mjs')]);
} else {
  console.error('无法启动桌面版：本机没有 Electron 运行时（安装时无法联网下载）。改用浏览器模式：npm run web');
  if (existsSync(join(root, 'electron', 'web', 'server.ts'))) run(process.execPath, [join(root, 'bin', 'web.mjs'), ...process.argv.slice(2)]);
  else process.exit(1);
}
