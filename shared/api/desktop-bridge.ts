// What the desktop app's preload exposes to the page: `jianbao`, the one API function (invoke, whose
// answers the renderer's client turns into values and ApiErrors), and `jianbaoDesktop`, the menu
// commands the main process sends to the page.

import { COMMAND_IDS, type CommandId } from './commands.ts';
import type { ApiResponse } from './contract.ts';

/** Every command a menu item can send to the page (the command table's); the page decides what each does on its screen. */
export const MENU_COMMANDS: readonly CommandId[] = COMMAND_IDS;

export type MenuCommand = CommandId;

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** The page's global `jianbao`, present only in the desktop app. */
export interface ApiBridge {
  /**
   * Carries one call of a contract method to the main process and resolves with its response (a refusal
   * included); a name that is not a contract method is refused with code 'unknown-method' and never sent.
   */
  invoke(method: string, payload: unknown): Promise<ApiResponse<unknown>>;
}

/** The page's global `jianbaoDesktop`, present only in the desktop app. */
export interface DesktopBridge {
  /** calls listener with each menu command; returns the function that stops listening */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
