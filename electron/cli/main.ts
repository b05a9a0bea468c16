// Entry of the `jianbao` command line: finds the sub-command, parses its arguments, maps errors to
// exit codes (2 for anything the user can fix, with one Chinese line and no stack trace).
import { parseArgs } from 'node:util';
import { CliError } from './commands/cli-error.ts';
import type { CliIo } from './commands/command.ts';
import { commandLoaders, readsABulletinFile } from './commands/index.ts';
import { isUserFacing } from '../../shared/api/errors.ts';

export async function usage(): Promise<string> {
  const commands = await Promise.all(Object.values(commandLoaders).map((load) => load()));
  return ['用法：', ...commands.map((command) => `  ${command.usage}`), '所有命令出错时以退出码 2 结束，并在标准错误输出一行中文说明。'].join('\n');
}

export async function main(argv: string[], io: CliIo = { out: (text) => process.stdout.write(`${text}\n`), err: (text) => process.stderr.write(`${text}\n`) }): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(await usage());
    return name === undefined ? 2 : 0;
  }
  try {
    const load = Object.hasOwn(commandLoaders, name) ? commandLoaders[name] : undefined;
    if (!load) throw new CliError(`未知命令：${name}，运行 jianbao help 查看用法`);
    if (readsABulletinFile(name, rest)) void import('../services/import/read-in-worker.ts').then((reader) => reader.startReadingWorker());
    const command = await load();
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    } catch (error) {
      const option = /'([^']+)'/.exec((error as Error).message)?.[1];
      throw new CliError(`参数不正确${option ? `（${option}）` : ''}，运行 jianbao help 查看用法`);
    }
    return await command.run({ values: parsed.values, positionals: parsed.positionals }, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`错误：${error.message}`);
      return error.exitCode;
    }
    // the user's to fix: an ApiError (a service's, or a refused call of the API) carries its Chinese sentence
    if (isUserFacing(error)) {
      io.err(`错误：${error.message}`);
      return 2;
    }
    // a disk or permission failure anywhere is still the user's to fix: one Chinese line, exit 2 (the
    // archive's module, SQLite with it, is loaded only on this path, so help and inspect never load it)
    const archive = await import('../services/archive/index.ts').catch(() => undefined);
    const code = archive?.errnoCode(error);
    if (archive && code) {
      const path = (error as { path?: unknown }).path;
      io.err(`错误：${archive.fileSystemError(error, '读写文件', typeof path === 'string' ? path : '数据文件夹').message}`);
      return 2;
    }
    io.err(`错误：发生意外问题：${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
