import { describe, expect, it } from 'vitest';
import { COMMAND_IDS, COMMAND_TABLE, keyLabel, matchesAccelerator, pageCommandFor, type CommandSpec, type KeyPress } from './commands.ts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('command table', () => {
  it('runs 保存 on Ctrl+S and on Cmd+S, but not on Ctrl+Shift+S or a plain s', () => {
    expect(pageCommandFor(press('s', { ctrlKey: true }))).toBe('issue.save');
    expect(pageCommandFor(press('S', { metaKey: true }))).toBe('issue.save');
    expect(pageCommandFor(press('S', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(pageCommandFor(press('s'))).toBeNull();
  });

  it('matches Ctrl+Alt+1 by the physical key where the layout turns it into another character', () => {
    expect(pageCommandFor(press('¡', { ctrlKey: true, altKey: true, code: 'Digit1' }))).toBe('heading.level1');
    expect(pageCommandFor(press('1', { ctrlKey: true }))).toBeNull();
  });

  it('tells F6 from Shift+F6', () => {
    expect(pageCommandFor(press('F6'))).toBe('view.nextArea');
    expect(pageCommandFor(press('F6', { shiftKey: true }))).toBe('view.previousArea');
  });

  it('leaves the keys the menu or the editor owns to them (Ctrl+N, F5, Ctrl+Z)', () => {
    expect(pageCommandFor(press('n', { ctrlKey: true }))).toBeNull();
    expect(pageCommandFor(press('F5'))).toBeNull();
    expect(pageCommandFor(press('z', { ctrlKey: true }))).toBeNull();
    expect(matchesAccelerator('CmdOrCtrl+Z', press('z', { ctrlKey: true }))).toBe(true);
  });

  it('gives no two commands the same key', () => {
    const keys = COMMAND_IDS.map((id) => (COMMAND_TABLE[id] as CommandSpec).accelerator).filter(Boolean);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('labels every command in Chinese and shows Ctrl where Electron says CmdOrCtrl', () => {
    for (const id of COMMAND_IDS) expect(COMMAND_TABLE[id].label).toMatch(/[\u4e00-\u9fff]/);
    expect(keyLabel('CmdOrCtrl+Alt+1')).toBe('Ctrl+Alt+1');
  });
});
