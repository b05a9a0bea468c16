// The Chinese application menu (文件 / 编辑 / 视图 / 帮助), labelled and keyed from the command table.
// Commands go to the page as menu commands; a key the page or the editor handles itself (as in browser
// mode) is only shown here, because a registered accelerator would fire the command a second time.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/api/desktop-bridge.ts';
import { COMMAND_TABLE, type CommandSpec } from '../../shared/api/commands.ts';

export interface MenuActions {
  send(command: MenuCommand): void;
  openDataFolder(): void;
  showAbout(): void;
}

export function buildMenuTemplate(actions: MenuActions, { devTools }: { devTools: boolean }): MenuItemConstructorOptions[] {
  const item = (command: MenuCommand): MenuItemConstructorOptions => {
    const spec: CommandSpec = COMMAND_TABLE[command];
    return {
      label: spec.label,
      ...(spec.accelerator ? { accelerator: spec.accelerator, registerAccelerator: spec.keyOwner === 'menu' } : {}),
      click: () => actions.send(command),
    };
  };
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  return [
    {
      label: '文件',
      submenu: [
        item('issue.new'),
        // the page opens its file picker and the review of each file (archive.import)
        item('archive.import'),
        separator,
        item('issue.save'),
        item('issue.printPreview'),
        item('issue.revisions'),
        {
          label: '导出',
          submenu: [
            item('export.docx'),
            item('export.pdf'),
            item('export.json'),
          ],
        },
        separator,
        { label: '打开数据文件夹', click: () => actions.openDataFolder() },
        separator,
        { label: '退出', role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        item('edit.undo'),
        item('edit.redo'),
        separator,
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '粘贴为纯文本', role: 'pasteAndMatchStyle', accelerator: 'CmdOrCtrl+Shift+V' },
        { label: '全选', role: 'selectAll' },
        separator,
        item('format.bold'),
        item('insert.article'),
        item('insert.newsItem'),
        item('insert.table'),
        item('insert.image'),
        {
          label: '表格',
          submenu: [
            item('table.rowAbove'),
            item('table.rowBelow'),
            item('table.deleteRow'),
            separator,
            item('table.columnLeft'),
            item('table.columnRight'),
            item('table.deleteColumn'),
            separator,
            item('table.alignLeft'),
            item('table.alignCenter'),
            item('table.alignRight'),
            separator,
            item('table.delete'),
          ],
        },
        {
          label: '图片',
          submenu: [item('figure.caption'), item('figure.delete')],
        },
        item('content.moveUp'),
        item('content.moveDown'),
        {
          label: '小标题',
          submenu: [
            item('heading.none'),
            item('heading.level1'),
            item('heading.level2'),
            item('heading.level3'),
            item('heading.level4'),
          ],
        },
        separator,
        item('archive.search'),
        item('issue.proofread'),
      ],
    },
    {
      label: '视图',
      submenu: [
        item('archive.refresh'),
        item('view.nextArea'),
        item('view.previousArea'),
        separator,
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        separator,
        { label: '全屏', role: 'togglefullscreen' },
        ...(devTools ? [separator, { label: '重新载入', role: 'reload' } as const, { label: '开发者工具', role: 'toggleDevTools' } as const] : []),
      ],
    },
    {
      label: '帮助',
      submenu: [item('help.keys'), separator, { label: '关于简报', click: () => actions.showAbout() }],
    },
  ];
}
