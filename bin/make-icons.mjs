#!/usr/bin/env node
// Renders the app icon from its SVG drawings into the files electron-builder, the window and browser
// mode use, all committed: run by hand after changing an SVG (`node bin/make-icons.mjs`); neither
// `npm install` nor the build runs it. Needs `rsvg-convert` (Debian: apt-get install librsvg2-bin).
//
//   assets/icon.svg, icon-16.svg, icon-24.svg  the drawings: 16 and 24 px are pixel-hinted, the rest from icon.svg
//   assets/icons/NNxNN.png                     the Linux icon set (deb, AppImage), 16 to 512 px
//   assets/icon.png                            512 px: the window icon on Linux (electron/main/window.ts)
//   assets/icon.ico                            Windows: the .exe, the installer and the shortcuts, 16 to 256 px
//   assets/public/favicon.ico                  browser mode's favicon, 16 to 48 px (copied into dist/renderer)
//
// Entries below 256 px in the .ico are 32-bit BMPs with an AND mask, which every Windows tool reads
// (NSIS, rcedit, Explorer); the 256 px entry is a PNG, as Windows Vista and later expect.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const assets = join(root, 'assets');

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
export const FAVICON_SIZES = [16, 24, 32, 48];

/** The drawing a size is rendered from: pixel-hinted ones where they exist. */
const drawingFor = (size) => join(assets, size === 16 ? 'icon-16.svg' : size === 24 ? 'icon-24.svg' : 'icon.svg');

function render(size) {
  const run = spawnSync('rsvg-convert', ['--width', String(size), '--height', String(size), drawingFor(size)], { maxBuffer: 64 * 1024 * 1024 });
  if (run.error?.code === 'ENOENT') throw new Error('rsvg-convert not found: install it with `apt-get install librsvg2-bin` (Debian, UOS, Kylin)');
  if (run.status !== 0) throw new Error(`rsvg-convert failed for ${size} px: ${run.stderr.toString()}`);
  return run.stdout;
}

/** The RGBA pixels of an 8-bit RGBA, non-interlaced PNG (what rsvg-convert writes). */
function decodePng(png) {
  let width = 0;
  let height = 0;
  const data = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[9] !== 6 || body[12] !== 0) throw new Error('expected an 8-bit RGBA, non-interlaced PNG');
    } else if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * 4;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const left = x >= 4 ? pixels[y * stride + x - 4] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const upLeft = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4] : 0;
      let value = raw[y * (stride + 1) + 1 + x];
      if (filter === 1) value += left;
      else if (filter === 2) value += up;
      else if (filter === 3) value += (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        value += pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      pixels[y * stride + x] = value & 0xff;
    }
  }
  return { width, height, pixels };
}

/** A 32-bit BMP icon entry: BITMAPINFOHEADER (height doubled), BGRA rows bottom-up, then the AND mask. */
function bmpEntry(png) {
  const { width, height, pixels } = decodePng(png);
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(width, 4);
  header.writeInt32LE(height * 2, 8);
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const colour = Buffer.alloc(width * height * 4);
  const maskStride = Math.ceil(width / 32) * 4;
  const mask = Buffer.alloc(maskStride * height);
  for (let y = 0; y < height; y++) {
    const row = height - 1 - y;
    for (let x = 0; x < width; x++) {
      const from = (y * width + x) * 4;
      const to = (row * width + x) * 4;
      colour[to] = pixels[from + 2];
      colour[to + 1] = pixels[from + 1];
      colour[to + 2] = pixels[from];
      colour[to + 3] = pixels[from + 3];
      if (pixels[from + 3] === 0) mask[row * maskStride + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  header.writeUInt32LE(colour.length + mask.length, 20);
  return Buffer.concat([header, colour, mask]);
}

/** An .ico of the given sizes: BMP entries below 256 px, a PNG entry at 256. */
function ico(sizes, pngs) {
  const images = sizes.map((size) => (size >= 256 ? pngs.get(size) : bmpEntry(pngs.get(size))));
  const head = Buffer.alloc(6 + 16 * sizes.length);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(sizes.length, 4);
  let offset = head.length;
  sizes.forEach((size, index) => {
    const at = 6 + index * 16;
    head[at] = size >= 256 ? 0 : size;
    head[at + 1] = size >= 256 ? 0 : size;
    head.writeUInt16LE(1, at + 4);
    head.writeUInt16LE(32, at + 6);
    head.writeUInt32LE(images[index].length, at + 8);
    head.writeUInt32LE(offset, at + 12);
    offset += images[index].length;
  });
  return Buffer.concat([head, ...images]);
}

function write(path, bytes) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  console.log(`${relative(root, path)}  ${bytes.length} bytes`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const pngs = new Map(PNG_SIZES.map((size) => [size, render(size)]));
  for (const [size, png] of pngs) write(join(assets, 'icons', `${size}x${size}.png`), png);
  write(join(assets, 'icon.png'), pngs.get(512));
  write(join(assets, 'icon.ico'), ico(ICO_SIZES, pngs));
  write(join(assets, 'public', 'favicon.ico'), ico(FAVICON_SIZES, pngs));
}
