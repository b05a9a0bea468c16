// Entry of the `jianbao` command line: parses the arguments, runs one command, maps errors to exit codes.
import { parseArgs } from 'node:util';
import { CliError } from './cli-error.ts';
import { inspectCommand } from './inspect.ts';
import { UnreadableFileError } from '../services/read-bulletin-file.ts';

const USAGE = `用法：
  jianbao inspect 文件 [--json]    读取简报（.txt 或 .json），显示摘要或输出标准 JSON`;

export type Output = (text: string) => void;

export async function main(argv: string[], out: Output = (text) => process.stdout.write(`${text}\n`), err: Output = (text) => process.stderr.write(`${text}\n`)): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'inspect': {
        const { values, positionals } = parseArgs({ args: rest, options: { json: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
        return await inspectCommand({ file: positionals[0], json: values.json ?? false }, out);
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new CliError(`未知命令：${command}，运行 jianbao help 查看用法`);
    }
  } catch (error) {
    if (error instanceof CliError) {
      err(`错误：${error.message}`);
      return error.exitCode;
    }
    if (error instanceof UnreadableFileError) {
      err(`错误：${error.message}`);
      return 2;
    }
    if (error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      const option = /'([^']+)'/.exec(error.message)?.[1];
      err(`错误：参数不正确${option ? `（不认识的选项 ${option}）` : ''}，运行 jianbao help 查看用法`);
      return 2;
    }
    err(`错误：发生意外问题：${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
