// What the desktop app adds beside the API client: the menu commands the main process sends to the
// page, and the one subscription the preload exposes for them to the page as `jianbaoDesktop`.

import { COMMAND_IDS, type CommandId } from './commands.ts';

/** Every command a menu item can send to the page (the command table's); the page decides what each does on its screen. */
export const MENU_COMMANDS: readonly CommandId[] = COMMAND_IDS;

export type MenuCommand = CommandId;

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** The page's global `jianbaoDesktop`, present only in the desktop app. */
export interface DesktopBridge {
  /** calls listener with each menu command; returns the function that stops listening */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
