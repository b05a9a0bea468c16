// The one table of commands: what the desktop menu shows, which key runs each command and who handles
// that key, and what the toolbar calls it. The menu, the page's keys and the toolbar all read it.

/**
 * Who handles a command's key: `page` — the page listens for it (as it must in browser mode, where no
 * menu exists); `menu` — the desktop menu registers it (a browser keeps Ctrl+N and F5 for itself);
 * `editable` — the text editor handles it natively (undo, redo).
 */
export type KeyOwner = 'page' | 'menu' | 'editable';

export interface CommandSpec {
  label: string;
  /** Electron accelerator syntax; the page matches keys with `matchesAccelerator` */
  accelerator?: string;
  keyOwner?: KeyOwner;
  /** what a toolbar button says when it differs from the menu label */
  toolbarLabel?: string;
  /** runs only where the caret is in the bulletin body */
  bodyOnly?: true;
}

export const COMMAND_TABLE = {
  'issue.new': { label: '新建一期', accelerator: 'CmdOrCtrl+N', keyOwner: 'menu' },
  'issue.save': { label: '保存', accelerator: 'CmdOrCtrl+S', keyOwner: 'page' },
  'issue.printPreview': { label: '打印预览', accelerator: 'CmdOrCtrl+P', keyOwner: 'page' },
  'issue.revisions': { label: '修订记录…', toolbarLabel: '修订记录' },
  'issue.proofread': { label: '校对结果', toolbarLabel: '校对', accelerator: 'F7', keyOwner: 'page' },
  'export.docx': { label: 'Word 文档（.docx）…', toolbarLabel: '导出 Word' },
  'export.pdf': { label: 'PDF 文件…', toolbarLabel: '导出 PDF' },
  'export.json': { label: 'JSON 数据…', toolbarLabel: '导出 JSON' },
  /** opens the archive's import: the clerk picks files (or a folder) and confirms each before it is filed */
  'archive.import': { label: '导入文件…', accelerator: 'CmdOrCtrl+O', keyOwner: 'menu' },
  'archive.search': { label: '查找', accelerator: 'CmdOrCtrl+F', keyOwner: 'page' },
  'archive.refresh': { label: '刷新档案', accelerator: 'F5', keyOwner: 'menu' },
  'edit.undo': { label: '撤销', accelerator: 'CmdOrCtrl+Z', keyOwner: 'editable' },
  'edit.redo': { label: '重做', accelerator: 'CmdOrCtrl+Y', keyOwner: 'editable' },
  'format.bold': { label: '加粗', accelerator: 'CmdOrCtrl+B', keyOwner: 'page', bodyOnly: true },
  'insert.article': { label: '新增文章', toolbarLabel: '新文章', bodyOnly: true },
  'insert.newsItem': { label: '新增▲条目', toolbarLabel: '新▲条目', bodyOnly: true },
  // tables and photos (issue 16): inside an article or ▲ item; the table's own commands act on the caret's row, column or cell
  // not Ctrl+Alt+T: UOS, Kylin and Ubuntu open a terminal on it before the app sees it
  'insert.table': { label: '插入表格…', toolbarLabel: '表格', accelerator: 'CmdOrCtrl+Alt+G', keyOwner: 'page', bodyOnly: true },
  'insert.image': { label: '插入图片…', toolbarLabel: '图片', accelerator: 'CmdOrCtrl+Alt+I', keyOwner: 'page', bodyOnly: true },
  'table.rowAbove': { label: '在上方插入行', toolbarLabel: '上方插行', bodyOnly: true },
  'table.rowBelow': { label: '在下方插入行', toolbarLabel: '下方插行', accelerator: 'CmdOrCtrl+Alt+Enter', keyOwner: 'page', bodyOnly: true },
  'table.deleteRow': { label: '删除行', bodyOnly: true },
  'table.columnLeft': { label: '在左侧插入列', toolbarLabel: '左侧插列', bodyOnly: true },
  'table.columnRight': { label: '在右侧插入列', toolbarLabel: '右侧插列', bodyOnly: true },
  'table.deleteColumn': { label: '删除列', bodyOnly: true },
  'table.alignLeft': { label: '本列左对齐', toolbarLabel: '左齐', bodyOnly: true },
  'table.alignCenter': { label: '本列居中', toolbarLabel: '居中', bodyOnly: true },
  'table.alignRight': { label: '本列右对齐', toolbarLabel: '右齐', bodyOnly: true },
  'table.delete': { label: '删除表格', bodyOnly: true },
  'figure.caption': { label: '编辑图片说明', toolbarLabel: '图片说明', bodyOnly: true },
  'figure.delete': { label: '删除图片', bodyOnly: true },
  'content.moveUp': { label: '表格或图片上移', toolbarLabel: '上移', bodyOnly: true },
  'content.moveDown': { label: '表格或图片下移', toolbarLabel: '下移', bodyOnly: true },
  'heading.none': { label: '正文', accelerator: 'CmdOrCtrl+Alt+0', keyOwner: 'page', bodyOnly: true },
  'heading.level1': { label: '一级（一、）', accelerator: 'CmdOrCtrl+Alt+1', keyOwner: 'page', bodyOnly: true },
  'heading.level2': { label: '二级（（一））', accelerator: 'CmdOrCtrl+Alt+2', keyOwner: 'page', bodyOnly: true },
  'heading.level3': { label: '三级（1.）', accelerator: 'CmdOrCtrl+Alt+3', keyOwner: 'page', bodyOnly: true },
  'heading.level4': { label: '四级（（1））', accelerator: 'CmdOrCtrl+Alt+4', keyOwner: 'page', bodyOnly: true },
  'view.nextArea': { label: '下一区域（报头、正文、版记、校对）', accelerator: 'F6', keyOwner: 'page' },
  'view.previousArea': { label: '上一区域', accelerator: 'Shift+F6', keyOwner: 'page' },
  'help.keys': { label: '快捷键', accelerator: 'F1', keyOwner: 'page' },
} as const satisfies Record<string, CommandSpec>;

export type CommandId = keyof typeof COMMAND_TABLE;

export const COMMAND_IDS = Object.keys(COMMAND_TABLE) as CommandId[];

export function commandSpec(id: CommandId): CommandSpec {
  return COMMAND_TABLE[id];
}

/** The key as a clerk reads it: Ctrl+S, Ctrl+Alt+1, Shift+F6. */
export function keyLabel(accelerator: string): string {
  return accelerator.replace('CmdOrCtrl', 'Ctrl');
}

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  /** the physical key, so that Ctrl+Alt+1 still matches where AltGr or a layout changes `key` */
  code?: string;
}

/** Whether a key press is the accelerator: the same key and exactly the same modifiers. */
export function matchesAccelerator(accelerator: string, press: KeyPress): boolean {
  const parts = accelerator.split('+');
  const key = parts.pop()!.toLowerCase();
  const wants = new Set(parts.map((part) => part.toLowerCase()));
  const ctrl = press.ctrlKey || press.metaKey;
  if (wants.has('cmdorctrl') !== ctrl || wants.has('alt') !== press.altKey || wants.has('shift') !== press.shiftKey) return false;
  if (press.key.toLowerCase() === key) return true;
  return /^[0-9]$/.test(key) ? press.code === `Digit${key}` : /^[a-z]$/.test(key) && press.code === `Key${key.toUpperCase()}`;
}

/** The command a key press runs on the page, if any (keys the menu or the editor handle are not the page's). */
export function pageCommandFor(press: KeyPress): CommandId | null {
  for (const id of COMMAND_IDS) {
    const spec: CommandSpec = COMMAND_TABLE[id];
    if (spec.accelerator && spec.keyOwner === 'page' && matchesAccelerator(spec.accelerator, press)) return id;
  }
  return null;
}
