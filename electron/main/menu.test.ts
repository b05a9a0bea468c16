import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../../shared/api/desktop-bridge.ts';
import { COMMAND_TABLE } from '../../shared/api/commands.ts';
import { buildMenuTemplate, type MenuActions } from './menu.ts';

function build(devTools = false) {
  const calls: string[] = [];
  const actions: MenuActions = {
    send: (command: MenuCommand) => calls.push(command),
    openDataFolder: () => calls.push('openDataFolder'),
    showAbout: () => calls.push('showAbout'),
  };
  return { template: buildMenuTemplate(actions, { devTools }), calls };
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

const byLabel = (template: MenuItemConstructorOptions[], label: string) => items(template).find((item) => item.label === label)!;
const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();

describe('application menu', () => {
  it('has the four Chinese menus in order', () => {
    expect(build().template.map((menu) => menu.label)).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('offers every menu command the page understands', () => {
    const { template, calls } = build();
    for (const item of items(template)) if (item.click) click(item);
    expect(new Set(calls)).toEqual(new Set([...MENU_COMMANDS, 'openDataFolder', 'showAbout']));
  });

  it('shows the editor shortcuts as in Word/WPS but leaves the keys to the page', () => {
    const { template } = build();
    const expected: [string, string][] = [
      ['保存', 'CmdOrCtrl+S'],
      ['打印预览', 'CmdOrCtrl+P'],
      ['撤销', 'CmdOrCtrl+Z'],
      ['重做', 'CmdOrCtrl+Y'],
      ['加粗', 'CmdOrCtrl+B'],
      ['一级（一、）', 'CmdOrCtrl+Alt+1'],
      ['查找', 'CmdOrCtrl+F'],
    ];
    for (const [label, accelerator] of expected) {
      expect(byLabel(template, label)).toMatchObject({ accelerator, registerAccelerator: false });
    }
  });

  it('owns the keys a page cannot rely on: new issue, import, refresh, quit', () => {
    const { template, calls } = build();
    for (const [label, accelerator] of [['新建一期', 'CmdOrCtrl+N'], ['导入文件…', 'CmdOrCtrl+O'], ['刷新档案', 'F5'], ['退出', 'CmdOrCtrl+Q']]) {
      const item = byLabel(template, label!);
      expect(item.accelerator).toBe(accelerator);
      expect(item.registerAccelerator).not.toBe(false);
    }
    click(byLabel(template, '新建一期'));
    click(byLabel(template, '导入文件…'));
    expect(calls).toEqual(['issue.new', 'archive.import']);
  });

  it('imports through the page: 导入文件… only sends archive.import, so every file is reviewed in the page before it is filed', () => {
    const { template, calls } = build();
    const item = byLabel(template, '导入文件…');
    expect(item).toMatchObject({ label: COMMAND_TABLE['archive.import'].label, accelerator: 'CmdOrCtrl+O' });
    click(item);
    expect(calls).toEqual(['archive.import']);
    // no item of the menu imports by itself (the native open dialog that filed files at once is gone)
    expect(items(template).filter((entry) => /导入/.test(String(entry.label)))).toEqual([item]);
  });

  it('keeps reload and developer tools out of the installed app', () => {
    const roles = (devTools: boolean) => items(build(devTools).template).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('labels every item in Chinese', () => {
    for (const item of items(build(true).template)) {
      if (item.type === 'separator') continue;
      expect(item.label, JSON.stringify(item.role)).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
