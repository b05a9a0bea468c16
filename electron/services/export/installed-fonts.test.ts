import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedFamilies, missingFonts } from './installed-fonts.ts';

const dir = mkdtempSync(join(tmpdir(), 'jianbao-fonts-'));
const previous = process.env.FONTCONFIG_FILE;

beforeAll(() => {
  // a fontconfig that knows only the DejaVu fonts: none of the office fonts, nor Times New Roman
  const conf = join(dir, 'fonts.conf');
  writeFileSync(conf, `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${dir}/cache</cachedir></fontconfig>`);
  process.env.FONTCONFIG_FILE = conf;
});
afterAll(() => {
  if (previous === undefined) delete process.env.FONTCONFIG_FILE;
  else process.env.FONTCONFIG_FILE = previous;
  rmSync(dir, { recursive: true, force: true });
});

describe.runIf(process.platform === 'linux')('fonts a profile names that this computer lacks', () => {
  it('reads the installed families from fontconfig', async () => {
    const families = await installedFamilies();
    expect(families).toContain('DejaVu Serif');
    expect(families).not.toContain('Noto Sans CJK SC');
  });

  it('names every face of the profile that fontconfig does not list', async () => {
    expect(await missingFonts('office')).toEqual(['方正小标宋简体', '仿宋_GB2312', '楷体_GB2312', '黑体', '宋体', '仿宋', '楷体', 'Times New Roman']);
    expect(await missingFonts('system')).toEqual(['宋体', '仿宋', '楷体', '黑体', 'Times New Roman']);
  });
});
