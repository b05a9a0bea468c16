// Source rules a grep can hold for the desktop shell: raw IPC only in the preload and the one
// handler-registration module, no way for page content to reach shell.openExternal, and no window
// anywhere that turns a secure default off.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../fixtures.ts';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return /\.(ts|tsx|mjs|js)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const files = ['electron', 'renderer', 'shared', 'bin'].flatMap((dir) => sources(join(repoRoot, dir)));
const text = new Map(files.map((file) => [relative(repoRoot, file).split('\\').join('/'), readFileSync(file, 'utf8')]));
const filesMentioning = (pattern: RegExp) => [...text].filter(([, source]) => pattern.test(source)).map(([file]) => file).sort();

describe('desktop shell source rules', () => {
  it('scans the sources of every folder that ships', () => {
    expect(text.has('electron/preload/index.ts')).toBe(true);
    expect(text.has('electron/security/ipc-handlers.ts')).toBe(true);
    expect(files.length).toBeGreaterThan(40);
  });

  it('uses ipcRenderer only in the preload', () => {
    expect(filesMentioning(/\bipcRenderer\b/)).toEqual(['electron/preload/index.ts']);
  });

  it('uses ipcMain only in the handler-registration module', () => {
    expect(filesMentioning(/\bipcMain\b/)).toEqual(['electron/security/ipc-handlers.ts']);
  });

  it('uses contextBridge only in the preload', () => {
    expect(filesMentioning(/\bcontextBridge\b/)).toEqual(['electron/preload/index.ts']);
  });

  it('never calls shell.openExternal, so no page content can open anything outside the app', () => {
    expect(filesMentioning(/openExternal/)).toEqual([]);
  });

  it('never turns off isolation, the sandbox or web security, nor turns on Node in pages', () => {
    expect(filesMentioning(/contextIsolation:\s*false|sandbox:\s*false|nodeIntegration\w*:\s*true|webSecurity:\s*false|webviewTag:\s*true|allowRunningInsecureContent:\s*true/)).toEqual([]);
  });

  it('keeps Electron and Node out of the renderer', () => {
    const renderer = [...text].filter(([file]) => file.startsWith('renderer/') && file !== 'renderer/vite.config.ts');
    for (const [file, source] of renderer) {
      expect(source, file).not.toMatch(/from\s+['"](electron|node:[^'"]+)['"]|\brequire\(/);
    }
  });
});
