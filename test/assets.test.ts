// The app icon: every icon electron-builder.yml names is there and is what its target needs (the Linux
// set NNxNN.png at their stated sizes, a Windows .ico with 16 to 256 px), the window names a shipped icon,
// and browser mode serves the favicon its built page links to. The icons are made by bin/make-icons.mjs.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { repoRoot } from './fixtures.ts';

vi.mock('electron', async () => (await import('./electron/fake-electron.ts')).fakeElectron);
const { fakeElectron, FakeBrowserWindow } = await import('./electron/fake-electron.ts');
const { createMainWindow } = await import('../electron/main/window.ts');
const { buildRenderer } = await import('../electron/web/build-renderer.ts');
const { startWebServer } = await import('../electron/web/server.ts');

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };

type Config = Record<string, any>;
const config = yaml.load(readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8')) as Config;
const buildResources = join(repoRoot, config.directories?.buildResources ?? 'build');

/** The Linux sizes (freedesktop hicolor: 16 to 512), and the ones Windows asks an .ico for (Explorer, taskbar, shortcuts). */
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const WINDOWS_SIZES = [16, 24, 32, 48, 64, 128, 256];
const FAVICON_SIZES = [16, 32];

/** A resource named in the config, found as electron-builder finds it: in buildResources, else in the project. */
function resource(name: string): string | null {
  const candidates = isAbsolute(name) ? [name] : [join(buildResources, name), join(repoRoot, name)];
  return candidates.find((path) => existsSync(path)) ?? null;
}

/** Every `…icon`/`…Icon` option anywhere in the config, by its dotted key. */
function iconOptions(value: unknown, at = ''): [string, string][] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]): [string, string][] => {
    const path = at ? `${at}.${key}` : key;
    if (/icon$/i.test(key) && typeof inner === 'string') return [[path, inner]];
    return iconOptions(inner, path);
  });
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width, height, bit depth and colour type from a PNG's IHDR, which must be its first chunk. */
function pngHeader(bytes: Buffer): { width: number; height: number; depth: number; colourType: number } {
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE), 'PNG signature').toBe(true);
  expect(bytes.toString('latin1', 12, 16), 'first chunk').toBe('IHDR');
  expect(bytes.readUInt32BE(8), 'IHDR length').toBe(13);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), depth: bytes[24]!, colourType: bytes[25]! };
}

interface IcoImage {
  /** as the directory states it (a 0 byte means 256) */
  size: number;
  format: 'png' | 'bmp';
}

/** Reads an .ico's directory and checks each entry's image agrees with it: a PNG, or a 32-bit BMP of doubled height. */
function icoImages(bytes: Buffer): IcoImage[] {
  expect(bytes.readUInt16LE(0), 'reserved').toBe(0);
  expect(bytes.readUInt16LE(2), 'type 1 = icon').toBe(1);
  const count = bytes.readUInt16LE(4);
  expect(bytes.length).toBeGreaterThanOrEqual(6 + 16 * count);
  return Array.from({ length: count }, (_, index) => {
    const entry = 6 + 16 * index;
    const width = bytes[entry] || 256;
    const height = bytes[entry + 1] || 256;
    const length = bytes.readUInt32LE(entry + 8);
    const offset = bytes.readUInt32LE(entry + 12);
    expect(width, `entry ${index} is square`).toBe(height);
    expect(offset + length, `entry ${index} lies inside the file`).toBeLessThanOrEqual(bytes.length);
    const image = bytes.subarray(offset, offset + length);
    if (image.subarray(0, 8).equals(PNG_SIGNATURE)) {
      const header = pngHeader(image);
      expect([header.width, header.height], `entry ${index}: the PNG's own size`).toEqual([width, height]);
      return { size: width, format: 'png' };
    }
    expect(image.readUInt32LE(0), `entry ${index}: BITMAPINFOHEADER`).toBe(40);
    expect([image.readInt32LE(4), image.readInt32LE(8)], `entry ${index}: the bitmap's own size (height doubled for the mask)`).toEqual([width, height * 2]);
    expect(image.readUInt16LE(14), `entry ${index}: 32 bits per pixel (with alpha)`).toBe(32);
    const maskStride = Math.ceil(width / 32) * 4;
    expect(length, `entry ${index}: colour and mask fit`).toBe(40 + width * height * 4 + maskStride * height);
    return { size: width, format: 'bmp' };
  });
}

describe('electron-builder.yml and assets/', () => {
  it('names an icon for the Windows executable, both NSIS installer icons and the Linux packages', () => {
    const named = Object.fromEntries(iconOptions(config));
    expect(named).toMatchObject({ 'win.icon': expect.any(String), 'nsis.installerIcon': expect.any(String), 'nsis.uninstallerIcon': expect.any(String), 'linux.icon': expect.any(String) });
  });

  it('every file it names is there: build resources, every icon option, every literal `files` entry', () => {
    expect(statSync(buildResources).isDirectory(), buildResources).toBe(true);
    const missing = iconOptions(config).filter(([, name]) => resource(name) === null).map(([key, name]) => `${key}: ${name}`);
    const literalFiles = (config.files as string[]).filter((pattern) => !pattern.startsWith('!') && !/[*?{}[\]]/.test(pattern));
    missing.push(...literalFiles.filter((name) => !existsSync(join(repoRoot, name))).map((name) => `files: ${name}`));
    expect(missing).toEqual([]);
  });

  it('the Linux icon set holds NNxNN.png from 16 to 512 px, each file as large as its name says (IHDR), 8-bit RGBA', () => {
    const dir = resource(config.linux.icon)!;
    expect(statSync(dir).isDirectory()).toBe(true);
    const files = readdirSync(dir).sort((a, b) => parseInt(a) - parseInt(b));
    expect(files).toEqual(LINUX_SIZES.map((size) => `${size}x${size}.png`));
    for (const file of files) {
      const size = parseInt(file);
      expect(pngHeader(readFileSync(join(dir, file))), file).toEqual({ width: size, height: size, depth: 8, colourType: 6 });
    }
  });

  it('assets/icon.png, the window icon, is a 512 px RGBA PNG', () => {
    expect(pngHeader(readFileSync(join(repoRoot, 'assets', 'icon.png')))).toEqual({ width: 512, height: 512, depth: 8, colourType: 6 });
  });

  it('the Windows .ico holds 16, 24, 32, 48, 64, 128 and 256 px; below 256 as BMP, which NSIS and rcedit read', () => {
    for (const key of ['icon', 'installerIcon', 'uninstallerIcon'] as const) {
      const owner = key === 'icon' ? config.win : config.nsis;
      const images = icoImages(readFileSync(resource(owner[key])!));
      expect(images.map((image) => image.size).sort((a, b) => a - b), key).toEqual(WINDOWS_SIZES);
      expect(images.filter((image) => image.size < 256).every((image) => image.format === 'bmp'), key).toBe(true);
    }
  });
});

describe('the main window', () => {
  const stateFile = join(mkdtempSync(join(tmpdir(), 'jianbao-assets-')), 'window-state.json');
  const platform = process.platform;
  afterAll(() => Object.defineProperty(process, 'platform', { value: platform }));

  it('on Linux names assets/icon.png under the app folder, and electron-builder ships that file in app.asar', () => {
    Object.defineProperty(process, 'platform', { value: 'linux' });
    fakeElectron.app.appPath = repoRoot;
    createMainWindow({ preload: join(repoRoot, 'preload.cjs'), stateFile, devTools: false });
    const icon = FakeBrowserWindow.created.at(-1)!.options.icon;
    expect(icon).toBe(join(repoRoot, 'assets', 'icon.png'));
    expect(existsSync(icon as string)).toBe(true);
    expect(config.files).toContain('assets/icon.png');
  });

  it('on Windows leaves the icon to the executable (made from the .ico)', () => {
    Object.defineProperty(process, 'platform', { value: 'win32' });
    createMainWindow({ preload: join(repoRoot, 'preload.cjs'), stateFile, devTools: false });
    expect(FakeBrowserWindow.created.at(-1)!.options.icon).toBeUndefined();
  });
});

describe('browser mode', () => {
  const work = mkdtempSync(join(tmpdir(), 'jianbao-favicon-'));
  const staticDir = join(work, 'renderer');
  let server: Awaited<ReturnType<typeof startWebServer>>;

  beforeAll(async () => {
    await buildRenderer(repoRoot, staticDir);
    server = await startWebServer({ dispatch: async () => ({ ok: true, value: null }), staticDir, dataDir: join(work, 'data'), log: () => {} });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('the built page links a favicon, and the server hands it to the logged-in browser as the .ico of assets/public', async () => {
    const login = await fetch(server.loginUrl(), { redirect: 'manual' });
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const page = await (await fetch(`${server.url}/`, { headers: { cookie } })).text();
    const href = /<link rel="icon" href="([^"]+)"/.exec(page)?.[1];
    expect(href, 'a <link rel="icon"> in the served page').toBeDefined();
    const favicon = new URL(href!, `${server.url}/`);
    expect(favicon.origin, "same origin, as the CSP's img-src 'self' allows").toBe(server.url);

    const response = await fetch(favicon, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/x-icon');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.equals(readFileSync(join(repoRoot, 'assets', 'public', 'favicon.ico')))).toBe(true);
    expect(icoImages(bytes).map((image) => image.size)).toEqual(expect.arrayContaining(FAVICON_SIZES));
  });
});
