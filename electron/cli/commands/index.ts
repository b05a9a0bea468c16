// Every `jianbao` sub-command; add a new one here (one line) after writing its file in this folder.
import type { Command } from '../command.ts';
import { inspectCommand } from './inspect.ts';
import { checkCommand } from './check.ts';
import { archiveCommand } from './archive.ts';
import { searchCommand } from './search.ts';
import { backupCommand } from './backup.ts';
import { restoreCommand } from './restore.ts';
import { bundleCommand } from './bundle.ts';
import { exportCommand } from './export.ts';

export const commands: readonly Command[] = [
  inspectCommand,
  checkCommand,
  archiveCommand,
  searchCommand,
  backupCommand,
  restoreCommand,
  bundleCommand,
  exportCommand,
];
