// `electron-builder --dir` on electron-builder.yml, offline: the real main/preload build, a stand-in
// renderer page and a stand-in Electron (a folder whose "binary" carries a fuse wire). It checks that
// the configuration loads, what goes into app.asar and what stays out, that better-sqlite3's native
// module is unpacked, that every package main.js imports is shipped, and that the fuses get flipped.
// A real installer needs the real Electron zip and a native rebuild (README, "Building the installers").
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../fixtures.ts';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as {
  listPackage(archive: string, options?: object): string[];
  statFile(archive: string, file: string): { size?: number; unpacked?: boolean };
  extractFile(archive: string, file: string): Buffer;
};
const yaml = require('js-yaml') as { load(text: string): unknown };
const lexer = require('es-module-lexer') as { init: Promise<void>; parse(source: string): readonly [readonly { n: string | undefined; d: number }[], unknown] };

const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** fuse wire v1 order: RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, AsarIntegrity, OnlyLoadAppFromAsar, V8Snapshot, FileProtocolExtraPrivileges */
const FUSES = ['runAsNode', 'enableCookieEncryption', 'enableNodeOptionsEnvironmentVariable', 'enableNodeCliInspectArguments', 'enableEmbeddedAsarIntegrityValidation', 'onlyLoadAppFromAsar', 'loadBrowserProcessSpecificV8Snapshot', 'grantFileProtocolExtraPrivileges'];

const work = mkdtempSync(join(tmpdir(), 'jianbao-builder-'));
const stage = join(work, 'app');
const output = join(work, 'release');
const unpacked = join(output, 'linux-unpacked');
const appAsar = join(unpacked, 'resources', 'app.asar');
const config = yaml.load(readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
let run: { status: number | null; log: string };
let files: string[];

/** Electron's stand-in: a shell script that carries the fuse sentinel and a wire of fuses all set to "1" */
function fakeElectronDist(): string {
  const dir = join(work, 'electron-dist');
  mkdirSync(dir, { recursive: true });
  const wire = Buffer.from([1, FUSES.length, ...FUSES.map(() => '1'.charCodeAt(0))]);
  writeFileSync(join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\n# stand-in\n'), Buffer.from(FUSE_SENTINEL), wire, Buffer.from('\n')]));
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'LICENSE'), 'MIT');
  writeFileSync(join(dir, 'version'), '45.5.0');
  return dir;
}

beforeAll(() => {
  mkdirSync(join(stage, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(stage, 'package.json'), readFileSync(join(repoRoot, 'package.json')));
  writeFileSync(join(stage, 'electron-builder.yml'), readFileSync(join(repoRoot, 'electron-builder.yml')));
  symlinkSync(join(repoRoot, 'node_modules'), join(stage, 'node_modules'), 'dir');
  writeFileSync(join(stage, 'dist', 'renderer', 'index.html'), '<!doctype html><title>简报</title>');
  writeFileSync(join(stage, 'dist', 'renderer', 'index.js.map'), '{}');

  const build = spawnSync(process.execPath, [join(repoRoot, 'bin', 'build-electron.mjs'), join(stage, 'dist-electron')], { cwd: repoRoot, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`bin/build-electron.mjs failed:\n${build.stdout}\n${build.stderr}`);

  const builder = spawnSync(
    process.execPath,
    [
      join(repoRoot, 'node_modules', 'electron-builder', 'cli.js'),
      '--dir',
      '--linux',
      '--x64',
      '--publish',
      'never',
      `-c.electronDist=${fakeElectronDist()}`,
      '-c.npmRebuild=false',
      `-c.directories.output=${output}`,
    ],
    { cwd: stage, encoding: 'utf8', env: { ...process.env, CI: 'true' }, timeout: 150_000 },
  );
  run = { status: builder.status, log: `${builder.stdout}\n${builder.stderr}` };
  files = run.status === 0 ? asar.listPackage(appAsar) : [];
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('electron-builder --dir with a stand-in Electron', () => {
  it('loads electron-builder.yml and packages without a network', () => {
    expect(run.status, run.log).toBe(0);
    expect(existsSync(join(unpacked, 'jianbao'))).toBe(true);
  });

  it('puts the app entry, preload, renderer and package.json into app.asar, without source maps', () => {
    for (const file of ['/package.json', '/dist/renderer/index.html', '/dist-electron/electron/main.js', '/dist-electron/electron/preload.cjs']) {
      expect(files, file).toContain(file);
    }
    const manifest = JSON.parse(asar.extractFile(appAsar, 'package.json').toString()) as { main: string };
    expect(files).toContain(`/${manifest.main}`);
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
  });

  it('leaves out what the renderer bundle already holds and what only builds or tests use', () => {
    for (const name of ['react', 'react-dom', 'slate', 'slate-react', 'tsx', 'esbuild', 'vite', 'vitest', 'electron', 'electron-builder', 'playwright-core', 'typescript']) {
      expect(files, name).not.toContain(`/node_modules/${name}`);
    }
    expect(files.filter((file) => /better-sqlite3\/(deps|src)\//.test(file) || file.endsWith('test_extension.node'))).toEqual([]);
  });

  it("unpacks the native modules, better-sqlite3 and sharp with its libvips (and the JavaScript that loads them), next to app.asar, and nothing else", () => {
    const sharpBinary = files.find((file) => /^\/node_modules\/@img\/sharp-[^/]+\/lib\/sharp-[^/]+\.node$/.test(file));
    expect(sharpBinary, 'sharp’s native module for this platform').toBeDefined();
    for (const file of ['node_modules/better-sqlite3/build/Release/better_sqlite3.node', 'node_modules/better-sqlite3/lib/database.js', 'node_modules/sharp/dist/index.cjs', sharpBinary!.slice(1)]) {
      expect(asar.statFile(appAsar, file).unpacked, file).toBe(true);
      expect(existsSync(join(`${appAsar}.unpacked`, file)), file).toBe(true);
    }
    expect(files.filter((file) => asar.statFile(appAsar, file.slice(1)).unpacked && !/\/(better-sqlite3|sharp|@img)(\/|$)/.test(file))).toEqual([]);
  });

  it('ships every package main.js loads; only the browser-mode PDF printer (playwright-core) stays behind a lazy import', async () => {
    await lexer.init;
    const packageOf = (spec: string) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
    const loaded = new Set<string>();
    const lazy = new Set<string>();
    const visit = (file: string, dynamic: boolean, seen = new Set<string>()) => {
      if (seen.has(file)) return;
      seen.add(file);
      const [imports] = lexer.parse(asar.extractFile(appAsar, file).toString());
      for (const { n: spec, d } of imports) {
        if (!spec || spec.startsWith('node:') || spec === 'electron') continue;
        const isDynamic = dynamic || d > -1;
        if (spec.startsWith('.')) visit(join(dirname(file), spec), isDynamic, seen);
        else (isDynamic ? lazy : loaded).add(packageOf(spec));
      }
    };
    visit('dist-electron/electron/main.js', false);
    expect([...loaded]).toContain('better-sqlite3');
    for (const name of loaded) expect(files, name).toContain(`/node_modules/${name}/package.json`);
    const missingLazy = [...lazy].filter((name) => !loaded.has(name) && !files.includes(`/node_modules/${name}/package.json`));
    expect(missingLazy).toEqual(['playwright-core']);
  });

  it('preload.cjs requires nothing but electron (a sandboxed preload cannot load modules)', () => {
    const preload = asar.extractFile(appAsar, 'dist-electron/electron/preload.cjs').toString();
    expect([...preload.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1])).toEqual(['electron']);
  });

  it('flips the fuses in the packaged binary as electron-builder.yml asks', () => {
    const binary = readFileSync(join(unpacked, 'jianbao'));
    const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
    const wire = Object.fromEntries(FUSES.map((fuse, index) => [fuse, String.fromCharCode(binary[at + 2 + index]!)]));
    expect(wire).toMatchObject({
      runAsNode: '0',
      enableNodeOptionsEnvironmentVariable: '0',
      enableNodeCliInspectArguments: '0',
      grantFileProtocolExtraPrivileges: '0',
      enableEmbeddedAsarIntegrityValidation: '1',
      onlyLoadAppFromAsar: '1',
      enableCookieEncryption: '1',
    });
  });
});

describe('electron-builder.yml installer settings', () => {
  it('Windows: NSIS that asks where to install, for all users, plus a portable build, x64', () => {
    expect(config.win.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true, allowToChangeInstallationDirectory: true, deleteAppDataOnUninstall: false });
  });

  it('Linux: deb and AppImage for x64 and arm64, in Office, with a zh_CN desktop entry', () => {
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.desktop.entry).toMatchObject({ 'Name[zh_CN]': '简报', 'Comment[zh_CN]': expect.stringMatching(/[\u4e00-\u9fff]/) });
  });

  it('publishes nothing and checks for no updates; rebuilds native modules for Electron', () => {
    expect(config.publish).toBeNull();
    expect(config.npmRebuild).toBe(true);
    expect(JSON.stringify(config)).not.toMatch(/electron-updater|autoUpdate/i);
  });
});
