import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWindowState, saveWindowState, type WindowState } from './window-state.ts';

const laptop = [{ x: 0, y: 0, width: 1366, height: 728 }];
const twoScreens = [...laptop, { x: 1366, y: 0, width: 1920, height: 1040 }];
const stateFile = () => join(mkdtempSync(join(tmpdir(), 'jianbao-window-')), 'window-state.json');

describe('window state', () => {
  it('comes back as it was saved when it still fits a display', () => {
    const file = stateFile();
    const state: WindowState = { x: 1500, y: 40, width: 1280, height: 900, maximized: true };
    saveWindowState(file, state);
    expect(loadWindowState(file, twoScreens)).toEqual(state);
  });

  it('is dropped when the display it was on is gone, so the window opens centred', () => {
    const file = stateFile();
    saveWindowState(file, { x: 1500, y: 40, width: 1280, height: 900, maximized: false });
    expect(loadWindowState(file, laptop)).toBeNull();
  });

  it('shrinks to the display it is on when that display is now smaller', () => {
    const file = stateFile();
    saveWindowState(file, { x: 0, y: 0, width: 1900, height: 1000, maximized: false });
    expect(loadWindowState(file, laptop)).toEqual({ x: 0, y: 0, width: 1366, height: 728, maximized: false });
  });

  it('ignores a missing, torn or tampered file instead of failing', () => {
    const file = stateFile();
    expect(loadWindowState(file, laptop)).toBeNull();
    writeFileSync(file, '{"x": 10, "y"');
    expect(loadWindowState(file, laptop)).toBeNull();
    writeFileSync(file, JSON.stringify({ x: 0, y: 0, width: 10, height: 1e9, maximized: 'yes' }));
    expect(loadWindowState(file, laptop)).toBeNull();
  });

  it('is written whole, with no temporary file left behind', () => {
    const file = stateFile();
    saveWindowState(file, { x: 5, y: 6, width: 1000, height: 700, maximized: false });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ x: 5, y: 6, width: 1000, height: 700, maximized: false });
    expect(() => readFileSync(`${file}.tmp`)).toThrow();
  });
});
