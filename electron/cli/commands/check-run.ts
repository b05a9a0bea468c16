// What `jianbao check` does once chosen (kept apart from check.ts so that `help` does not load the
// proofreader): lists the findings, or with `--fix -o OUT` writes a fixed copy and lists what is left.
import { statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Issue } from '../../../shared/model/issue.ts';
import { issueNumberOf } from '../../../shared/format/chinese.ts';
import { SEVERITY_LABELS, withoutIgnored, type Finding } from '../../../shared/proofread/core/finding.ts';
import { describeLocation } from '../../../shared/proofread/core/location.ts';
import { proofreadIssue } from '../../../shared/proofread/proofread.ts';
import { applyFixes, groupFindings } from '../../../shared/proofread/fix-all.ts';
import { readBulletinFileInWorker } from '../../services/import/read-in-worker.ts';
import { CliError } from './cli-error.ts';
import type { CliIo, ParsedCommandArgs } from './command.ts';

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

const withWhere = (issue: Issue, findings: readonly Finding[]) => findings.map((finding) => ({ ...finding, where: describeLocation(issue, finding.location) }));

const OUTPUT_KINDS = ['.docx', '.json', '.txt'] as const;

/** OUT for --fix: named, of a kind the bulletin can be written as, and not the file read (by path or, through a link, by inode). */
function outputPathFor(file: string, output: unknown): string {
  if (typeof output !== 'string' || output.length === 0) {
    throw new CliError('请用 -o 指定修正后写入的文件，例如：jianbao check --fix 简报.docx -o 简报-已修正.docx（原文件不会改动）');
  }
  const kind = extname(output).toLowerCase();
  if (!(OUTPUT_KINDS as readonly string[]).includes(kind)) throw new CliError(`修正后的文件只能是 .docx、.json 或 .txt：${output}`);
  const sameFile = (() => {
    if (resolve(output) === resolve(file)) return true;
    const [a, b] = [statSync(file, { throwIfNoEntry: false }), statSync(output, { throwIfNoEntry: false })];
    return a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino;
  })();
  if (sameFile) throw new CliError(`不能把修正结果写回原文件：${output}。请用 -o 另指定一个文件，原文件保持不变`);
  return output;
}

/** The bulletin as the file OUT names, made the way `jianbao export` and the app's export make them. */
async function writeBulletin(issue: Issue, path: string, images: ReadonlyMap<string, Uint8Array>, io: CliIo): Promise<void> {
  const { writeFileAtomic } = await import('../../services/export/write-file-atomic.ts');
  const kind = extname(path).toLowerCase();
  let bytes: Uint8Array;
  if (kind === '.docx') {
    const [{ exportDocx }, { fontWarnings }, { DEFAULT_PRINT_OPTIONS }] = await Promise.all([
      import('../../services/export/docx.ts'),
      import('../../services/export/exported-file.ts'),
      import('../../../shared/layout/typeset.ts'),
    ]);
    for (const warning of await fontWarnings(DEFAULT_PRINT_OPTIONS, 'docx')) io.out(`提示：${warning}`);
    // the photos the reader found in the file go into the fixed copy as they were
    bytes = await exportDocx(issue, DEFAULT_PRINT_OPTIONS, (id) => images.get(id) ?? null);
  } else if (kind === '.txt') {
    const { issueToPlainText } = await import('../../../shared/text/plain-text.ts');
    bytes = Buffer.from(issueToPlainText(issue), 'utf8');
  } else {
    bytes = (await import('../../services/export/exported-file.ts')).issueJsonBytes(issue);
    if (images.size > 0) io.out(`提示：JSON 只记录图片的编号，不含图片本身（共 ${images.size} 张）；要连同图片保存，请写成 .docx，或导入档案库后导出数据包`);
  }
  await writeFileAtomic(path, bytes);
}

async function fixInto(file: string, output: string, issue: Issue, images: ReadonlyMap<string, Uint8Array>, findings: readonly Finding[], json: boolean, io: CliIo): Promise<number> {
  const { issue: fixed, applied } = applyFixes(issue, findings);
  const all = proofreadIssue(fixed);
  const remaining = withoutIgnored(all, fixed.ignoredFindings);
  await writeBulletin(fixed, output, images, io);
  const kinds = groupFindings(applied).map((group) => ({ kind: group.label, count: group.findings.length }));
  if (json) {
    io.out(JSON.stringify({ output, fixed: kinds, remaining: withWhere(fixed, remaining) }, null, 2));
  } else {
    if (remaining.length > 0) io.out(report(fixed, remaining, all.length - remaining.length));
    const done = applied.length > 0 ? `已修正 ${applied.length} 处：${kinds.map(({ kind, count }) => `${kind} ${count}处`).join('、')}` : '没有可自动修正的问题';
    io.out(`${done}；仍需人工核对 ${remaining.length} 处。`);
    io.out(`已写入：${output}（原文件 ${file} 未改动）`);
  }
  return remaining.some((finding) => finding.severity === 'error') ? 1 : 0;
}

/** Exit 0 when no finding is an error, 1 when one is; a file that cannot be read throws. */
export async function runCheck({ values, positionals }: ParsedCommandArgs, io: CliIo): Promise<number> {
  const file = positionals[0];
  if (!file) throw new CliError('请指定要校对的简报文件，例如：jianbao check 简报.docx');
  if (positionals.length > 1) throw new CliError('一次只能校对一个简报文件');
  if (!values.fix && values.output !== undefined) throw new CliError('-o 只与 --fix 一起使用：jianbao check --fix 简报.docx -o 简报-已修正.docx');
  const output = values.fix ? outputPathFor(file, values.output) : null;
  const read = await readBulletinFileInWorker(file);
  const { issue } = read;
  const images = new Map((read.images ?? []).map((image) => [image.ref.id, image.bytes]));
  const all = proofreadIssue(issue);
  const findings = withoutIgnored(all, issue.ignoredFindings);
  if (output !== null) return fixInto(file, output, issue, images, findings, values.json === true, io);
  if (values.json) {
    io.out(JSON.stringify(withWhere(issue, findings), null, 2));
  } else {
    io.out(report(issue, findings, all.length - findings.length));
  }
  return findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}
