// The shape of one `jianbao` sub-command: its name, usage line, options (node:util parseArgs) and body.
import type { ParseArgsConfig } from 'node:util';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface ParsedCommandArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export interface Command {
  name: string;
  /** one line (or a few) shown by `jianbao help` */
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(args: ParsedCommandArgs, io: CliIo): Promise<number>;
}
