// `jianbao inspect FILE [--json]`: reads a bulletin and prints the canonical JSON or a short summary.
import type { Issue } from '../../../shared/model/issue.ts';
import { formatChineseDate, issueNumberOf } from '../../../shared/format/chinese.ts';
import { readBulletinFileInWorker } from '../../services/import/read-in-worker.ts';
import { CliError } from './cli-error.ts';
import type { Command } from './command.ts';

export function summarize(issue: Issue, warnings: readonly string[]): string {
  const articles = issue.blocks.filter((block) => block.type === 'article');
  const sections = issue.blocks.filter((block) => block.type === 'news');
  const lines = [
    `刊物：${issue.series.name}`,
    `期号：${issueNumberOf(issue)}`,
    `编印：${issue.series.issuer || '（未写）'}`,
    `日期：${formatChineseDate(issue.date)}`,
  ];
  if (issue.docNumber) lines.push(`文号：${issue.docNumber}`);
  lines.push(`文章：${articles.length}篇`);
  articles.forEach((article, index) => lines.push(`  ${index + 1}. ${article.title}${article.subtitle ? `——${article.subtitle}` : ''}（${article.paragraphs.length}段）`));
  lines.push(`栏目：${sections.length}个`);
  for (const section of sections) lines.push(`  【${section.heading}】${section.items.length}条`);
  const { report, send, issue: issueTo } = issue.distribution;
  lines.push(`报：${report.length}个单位　送：${send.length}个单位${issueTo.length ? `　发：${issueTo.length}个单位` : ''}`);
  if (issue.printed) lines.push(`印发：${issue.printed.by} ${formatChineseDate(issue.printed.date)}`);
  for (const warning of warnings) lines.push(`提示：${warning}`);
  return lines.join('\n');
}

export const inspectCommand: Command = {
  name: 'inspect',
  usage: 'jianbao inspect 文件 [--json]        读取简报（.txt、.docx、.doc、.wps、.pdf 或 .json），显示摘要或输出标准 JSON',
  options: { json: { type: 'boolean', default: false } },
  async run({ values, positionals }, io) {
    const file = positionals[0];
    if (!file) throw new CliError('请指定要读取的简报文件，例如：jianbao inspect 简报.txt');
    const { issue, warnings } = await readBulletinFileInWorker(file);
    io.out(values.json ? JSON.stringify(issue, null, 2) : summarize(issue, warnings));
    return 0;
  },
};
