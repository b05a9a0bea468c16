// Every `jianbao` sub-command, loaded only when it runs (so `inspect` does not pay for Chromium,
// SQLite or docx); add a new one here (one line) after writing its file in this folder. `help` loads
// them all for their usage lines, so a command's file imports at its top only what is light (no
// package but node:'s); what its run needs beyond that it imports in run.
import type { Command } from './command.ts';

export const commandLoaders: Readonly<Record<string, () => Promise<Command>>> = {
  inspect: async () => (await import('./inspect.ts')).inspectCommand,
  check: async () => (await import('./check.ts')).checkCommand,
  export: async () => (await import('./export.ts')).exportCommand,
  archive: async () => (await import('./archive.ts')).archiveCommand,
  search: async () => (await import('./search.ts')).searchCommand,
  backup: async () => (await import('./backup.ts')).backupCommand,
  restore: async () => (await import('./restore.ts')).restoreCommand,
  bundle: async () => (await import('./bundle.ts')).bundleCommand,
  compile: async () => (await import('./compile.ts')).compileCommand,
  stats: async () => (await import('./stats.ts')).statsCommand,
};

/**
 * Whether a command line starts by reading a bulletin file in the reading worker (inspect, check, and
 * export but for `export --issue`). main.ts then starts the worker while the command loads: a worker takes
 * longer to start than a command to load, and a wrong guess costs only an idle thread.
 */
export function readsABulletinFile(name: string, args: readonly string[]): boolean {
  if (name === 'inspect' || name === 'check') return true;
  return name === 'export' && !args.some((arg) => arg === '--issue' || arg.startsWith('--issue='));
}
