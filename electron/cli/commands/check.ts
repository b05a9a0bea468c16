// `jianbao check FILE [--json]`: proofreads a bulletin (.txt, .docx or .json) and lists the findings;
// exit 0 when none is an error, 1 when one is, 2 when the file cannot be read.
import type { Issue } from '../../../shared/model/issue.ts';
import { issueNumberOf } from '../../../shared/format/chinese.ts';
import { SEVERITY_LABELS, withoutIgnored, type Finding } from '../../../shared/proofread/core/finding.ts';
import { describeLocation } from '../../../shared/proofread/core/location.ts';
import { proofreadIssue } from '../../../shared/proofread/proofread.ts';
import { readBulletinFileInWorker } from '../../services/import/read-in-worker.ts';
import { CliError } from './cli-error.ts';
import type { Command } from './command.ts';

function report(issue: Issue, findings: readonly Finding[], ignored: number): string {
  const lines = [`校对：${issue.series.name} ${issueNumberOf(issue)}`];
  for (const finding of findings) {
    const fix = finding.fix === undefined ? '' : finding.fix === '' ? '（可删去）' : `（可改为“${finding.fix}”）`;
    const text = finding.text ? `“${finding.text}” ` : '';
    lines.push(`${SEVERITY_LABELS[finding.severity]}  ${describeLocation(issue, finding.location)}  ${text}${finding.message}${fix}`);
  }
  const count = (severity: Finding['severity']) => findings.filter((finding) => finding.severity === severity).length;
  lines.push(
    findings.length === 0
      ? '未发现问题。'
      : `共${findings.length}处：错误${count('error')}处，警告${count('warning')}处，提示${count('info')}处。`,
  );
  if (ignored > 0) lines.push(`另有${ignored}处已在编辑器中忽略。`);
  return lines.join('\n');
}

export const checkCommand: Command = {
  name: 'check',
  usage: 'jianbao check 文件 [--json]         校对简报（.txt、.docx、.doc、.wps、.pdf 或 .json），有错误时退出码为 1',
  options: { json: { type: 'boolean', default: false } },
  async run({ values, positionals }, io) {
    const file = positionals[0];
    if (!file) throw new CliError('请指定要校对的简报文件，例如：jianbao check 简报.docx');
    const { issue } = await readBulletinFileInWorker(file);
    const all = proofreadIssue(issue);
    const findings = withoutIgnored(all, issue.ignoredFindings);
    if (values.json) {
      io.out(JSON.stringify(findings.map((finding) => ({ ...finding, where: describeLocation(issue, finding.location) })), null, 2));
    } else {
      io.out(report(issue, findings, all.length - findings.length));
    }
    return findings.some((finding) => finding.severity === 'error') ? 1 : 0;
  },
};
