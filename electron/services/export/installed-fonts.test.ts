import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedFamilies, missingFonts } from './installed-fonts.ts';

const dir = mkdtempSync(join(tmpdir(), 'jianbao-fonts-'));
const previous = process.env.FONTCONFIG_FILE;

/** Renames (or adds a name to) a font as fontconfig scans it, so fc-list lists it under that family. */
const rename = (family: string, to: string, mode: 'assign_replace' | 'append_last') =>
  `<match target="scan"><test name="family"><string>${family}</string></test><edit name="family" mode="${mode}"><string>${to}</string></edit></match>`;

beforeAll(() => {
  // a fontconfig that knows the DejaVu and Liberation fonts, three of them under names the profiles ask for:
  // DejaVu Serif as 黑体, Liberation Serif as Times New Roman, and DejaVu Sans Mono with 仿宋_GB2312 as a
  // second family name (fc-list prints "DejaVu Sans Mono,仿宋_GB2312")
  const conf = join(dir, 'fonts.conf');
  writeFileSync(
    conf,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>` +
      `<dir>/usr/share/fonts/truetype/dejavu</dir><dir>/usr/share/fonts/truetype/liberation2</dir><cachedir>${dir}/cache</cachedir>` +
      rename('DejaVu Serif', '黑体', 'assign_replace') +
      rename('Liberation Serif', 'Times New Roman', 'assign_replace') +
      rename('DejaVu Sans Mono', '仿宋_GB2312', 'append_last') +
      `</fontconfig>`,
  );
  process.env.FONTCONFIG_FILE = conf;
});
afterAll(() => {
  if (previous === undefined) delete process.env.FONTCONFIG_FILE;
  else process.env.FONTCONFIG_FILE = previous;
  rmSync(dir, { recursive: true, force: true });
});

describe.runIf(process.platform === 'linux')('fonts a profile names that this computer lacks', () => {
  it('reads the installed families from fontconfig, every name of a font with several', async () => {
    const families = await installedFamilies();
    expect(families).toContain('DejaVu Sans');
    expect(families).toContain('黑体');
    expect(families).toContain('Times New Roman');
    expect(families).toContain('DejaVu Sans Mono');
    expect(families).toContain('仿宋_GB2312');
    expect(families).not.toContain('DejaVu Serif');
    expect(families).not.toContain('Noto Sans CJK SC');
  });

  it('names every face of the profile that fontconfig does not list, and none that it does', async () => {
    expect(await missingFonts('office')).toEqual(['方正小标宋简体', '楷体_GB2312', '宋体', '仿宋', '楷体']);
    expect(await missingFonts('system')).toEqual(['宋体', '仿宋', '楷体']);
  });
});
