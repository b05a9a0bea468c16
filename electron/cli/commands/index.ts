// Every `jianbao` sub-command; add a new one here (one line) after writing its file in this folder.
import type { Command } from '../command.ts';
import { inspectCommand } from './inspect.ts';

export const commands: readonly Command[] = [
  inspectCommand,
];
