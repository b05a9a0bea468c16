// The Chinese application menu (文件 / 编辑 / 视图 / 帮助). Editor commands go to the page as menu commands;
// their shortcuts are only shown here, because the page handles those keys itself (as it does in
// browser mode) and a registered accelerator would fire the command a second time.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/api/desktop-bridge.ts';

export interface MenuActions {
  send(command: MenuCommand): void;
  importFiles(): void;
  openDataFolder(): void;
  showAbout(): void;
}

export function buildMenuTemplate(actions: MenuActions, { devTools }: { devTools: boolean }): MenuItemConstructorOptions[] {
  /** a key the page handles: shown in the menu, not registered with the system */
  const editorItem = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
    click: () => actions.send(command),
  });
  /** a key no page can rely on (a browser keeps Ctrl+N and F5 for itself), so the menu owns it */
  const appItem = (label: string, command: MenuCommand, accelerator: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => actions.send(command),
  });
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  return [
    {
      label: '文件',
      submenu: [
        appItem('新建一期', 'issue.new', 'CmdOrCtrl+N'),
        { label: '导入文件…', accelerator: 'CmdOrCtrl+O', click: () => actions.importFiles() },
        separator,
        editorItem('保存', 'issue.save', 'CmdOrCtrl+S'),
        editorItem('打印预览', 'issue.printPreview', 'CmdOrCtrl+P'),
        {
          label: '导出',
          submenu: [
            editorItem('Word 文档（.docx）…', 'export.docx'),
            editorItem('PDF 文件…', 'export.pdf'),
            editorItem('JSON 数据…', 'export.json'),
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
        editorItem('撤销', 'edit.undo', 'CmdOrCtrl+Z'),
        editorItem('重做', 'edit.redo', 'CmdOrCtrl+Y'),
        separator,
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '粘贴为纯文本', role: 'pasteAndMatchStyle', accelerator: 'CmdOrCtrl+Shift+V' },
        { label: '全选', role: 'selectAll' },
        separator,
        editorItem('加粗', 'format.bold', 'CmdOrCtrl+B'),
        editorItem('新增文章', 'insert.article'),
        editorItem('新增▲条目', 'insert.newsItem'),
        {
          label: '小标题',
          submenu: [
            editorItem('正文', 'heading.none', 'CmdOrCtrl+Alt+0'),
            editorItem('一级（一、）', 'heading.level1', 'CmdOrCtrl+Alt+1'),
            editorItem('二级（（一））', 'heading.level2', 'CmdOrCtrl+Alt+2'),
            editorItem('三级（1.）', 'heading.level3', 'CmdOrCtrl+Alt+3'),
            editorItem('四级（（1））', 'heading.level4', 'CmdOrCtrl+Alt+4'),
          ],
        },
        separator,
        editorItem('查找', 'archive.search', 'CmdOrCtrl+F'),
      ],
    },
    {
      label: '视图',
      submenu: [
        appItem('刷新档案', 'archive.refresh', 'F5'),
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
      submenu: [{ label: '关于简报', click: () => actions.showAbout() }],
    },
  ];
}
