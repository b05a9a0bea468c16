// What the desktop app adds beside the API client: the menu commands the main process sends to the
// page, and the one subscription the preload exposes for them to the page as `jianbaoDesktop`.

/** Every command a menu item can send to the page; the page decides what each does on its screen. */
export const MENU_COMMANDS = [
  'issue.new',
  'issue.save',
  'issue.printPreview',
  'export.docx',
  'export.pdf',
  'export.json',
  'archive.search',
  'archive.refresh',
  'edit.undo',
  'edit.redo',
  'format.bold',
  'insert.article',
  'insert.newsItem',
  'heading.none',
  'heading.level1',
  'heading.level2',
  'heading.level3',
  'heading.level4',
] as const;

export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** The page's global `jianbaoDesktop`, present only in the desktop app. */
export interface DesktopBridge {
  /** calls listener with each menu command; returns the function that stops listening */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
