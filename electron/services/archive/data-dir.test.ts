import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { resolveDataDir } from './data-dir.ts';

describe('resolveDataDir', () => {
  it('prefers --data, then JIANBAO_DATA', () => {
    expect(resolveDataDir({ flag: 'here', env: { JIANBAO_DATA: '/elsewhere' } })).toBe(resolve('here'));
    expect(resolveDataDir({ env: { JIANBAO_DATA: '/elsewhere' } })).toBe('/elsewhere');
  });

  it('defaults to %APPDATA%\\Jianbao on Windows', () => {
    expect(resolveDataDir({ env: { APPDATA: 'C:\\Users\\clerk\\AppData\\Roaming' }, platform: 'win32', home: 'C:\\Users\\clerk' })).toBe('C:\\Users\\clerk\\AppData\\Roaming\\Jianbao');
    expect(resolveDataDir({ env: {}, platform: 'win32', home: 'C:\\Users\\clerk' })).toBe('C:\\Users\\clerk\\AppData\\Roaming\\Jianbao');
  });

  it('defaults to $XDG_DATA_HOME/jianbao, else ~/.local/share/jianbao, on Linux', () => {
    expect(resolveDataDir({ env: { XDG_DATA_HOME: '/data/clerk' }, platform: 'linux', home: '/home/clerk' })).toBe('/data/clerk/jianbao');
    expect(resolveDataDir({ env: {}, platform: 'linux', home: '/home/clerk' })).toBe('/home/clerk/.local/share/jianbao');
  });
});
