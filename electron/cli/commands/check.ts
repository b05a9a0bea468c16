// `jianbao check FILE [--json]`: proofreads a bulletin (.txt, .docx or .json) and lists the findings;
// exit 0 when none is an error, 1 when one is, 2 when the file cannot be read. With `--fix -o OUT` it
// writes a copy with every certain fix applied (never over FILE) and lists what is left to look at.
import type { Command } from './command.ts';

export const checkCommand: Command = {
  name: 'check',
  usage:
    'jianbao check 文件 [--json]         校对简报（.txt、.docx、.doc、.wps、.pdf 或 .json），有错误时退出码为 1\n' +
    '  jianbao check --fix 文件 -o 输出   把能确定的修改全部改好，写入输出文件（.docx、.json 或 .txt；原文件不动），并列出仍需人工核对的问题',
  options: { json: { type: 'boolean', default: false }, fix: { type: 'boolean', default: false }, output: { type: 'string', short: 'o' } },
  async run(args, io) {
    return (await import('./check-run.ts')).runCheck(args, io);
  },
};
