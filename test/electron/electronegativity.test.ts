// Electronegativity, Doyensec's static checker for Electron apps, over what ships: the built main
// process and preload and the built renderer. No high or medium finding may remain, and the scan must
// have read what ships: an empty or unread report proves nothing.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../fixtures.ts';
import { buildRenderer } from '../../electron/web/build-renderer.ts';

const ELECTRON_VERSION = (JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;

interface Finding {
  check: string;
  severity: string;
  file: string;
  location: string;
  sample: string | null;
}
interface Scan {
  /** the files Electronegativity read, relative to the folder */
  read: string[];
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  findings: Finding[];
}

/** Scans a folder in a child process (electronegativity-scan.cjs, through Electronegativity's own API). */
function scan(folder: string): Scan {
  const run = spawnSync(process.execPath, [join(repoRoot, 'test', 'electron', 'electronegativity-scan.cjs'), folder, ELECTRON_VERSION], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const line = run.stdout.split('\n').find((text) => text.startsWith('REPORT '));
  if (run.status !== 0 || !line) throw new Error(`Electronegativity failed (${run.status}): ${run.stdout}${run.stderr}`);
  return JSON.parse(line.slice('REPORT '.length)) as Scan;
}

const serious = (findings: Finding[]) => findings.filter((finding) => finding.severity === 'HIGH' || finding.severity === 'MEDIUM');

const folders: string[] = [];
const tempFolder = (prefix: string) => {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
};
let app: string;
let rendererOnly: string;
let full: Scan;
let control: Scan;

beforeAll(async () => {
  app = tempFolder('jianbao-eneg-');
  const renderer = tempFolder('jianbao-eneg-renderer-');
  const built = spawnSync(process.execPath, [join(repoRoot, 'bin', 'build-electron.mjs'), app], { cwd: repoRoot, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(built.stderr);
  await buildRenderer(repoRoot, renderer);
  cpSync(renderer, join(app, 'renderer'), { recursive: true });
  // Electronegativity reads .js, .jsx, .ts, .tsx and .html files only: the preload ships as .cjs, so it is scanned as a .js copy
  copyFileSync(join(app, 'electron', 'preload.cjs'), join(app, 'electron', 'preload.scanned.js'));
  full = scan(app);
  // the control: the same renderer without the main process
  rendererOnly = tempFolder('jianbao-eneg-control-');
  cpSync(renderer, join(rendererOnly, 'renderer'), { recursive: true });
  control = scan(rendererOnly);
}, 240_000);

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('Electronegativity', () => {
  it('read the built main process, the preload and the renderer, and parsed every file', () => {
    expect(full.read).toEqual(expect.arrayContaining(['electron/main.js', 'electron/preload.scanned.js', 'renderer/index.html']));
    expect(full.read.filter((file) => /^renderer\/assets\/.*\.js$/.test(file)).length).toBeGreaterThan(0);
    expect(full.atomicChecks).toBeGreaterThan(20);
    expect(full.globalChecks).toBeGreaterThan(3);
    expect(full.errors).toEqual([]);
  });

  it('built a preload that requires only electron and bundles the contract’s method names, not its schemas (no zod, a few KB)', () => {
    const preload = readFileSync(join(app, 'electron', 'preload.cjs'), 'utf8');
    expect([...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1])).toEqual(['electron']);
    expect(preload).toContain('bundle.import');
    expect(preload).not.toMatch(/zod|ZodError/);
    expect(preload.length).toBeLessThan(20_000);
  });

  it('finds no high or medium problem in the built app', () => {
    expect(serious(full.findings)).toEqual([]);
  });

  it('found the page’s own Content-Security-Policy in the built index.html (its CSP check reports it as LOW)', () => {
    const html = readFileSync(join(app, 'renderer', 'index.html'), 'utf8');
    const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(policy).toMatch(/default-src 'self'/);
    const csp = full.findings.filter((finding) => finding.check === 'CSP_GLOBAL_CHECK');
    expect(csp).toEqual([expect.objectContaining({ severity: 'LOW', file: 'renderer/index.html', sample: policy })]);
  });

  it('would notice a main process it did not read: without it, the navigation and permission checks report HIGH and MEDIUM', () => {
    // so the full scan's silence on them means it read the main process's handlers
    expect(control.read.some((file) => file.startsWith('electron/'))).toBe(false);
    expect(serious(control.findings).map((finding) => `${finding.check} ${finding.severity}`).sort()).toEqual([
      'LIMIT_NAVIGATION_GLOBAL_CHECK HIGH',
      'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK MEDIUM',
    ]);
  });
});
