// Reads a published bulletin (its lines from a .txt, .docx, .doc, PDF or web page) into the canonical
// issue: masthead, 导读, articles, news sections and colophon. Text it cannot place goes into the nearest
// article; nothing is dropped but page numbers, structural marks and web-page chrome, which is listed.
import { ISSUE_FORMAT } from '../model/issue-format.ts';
import type { Issue } from '../model/issue.ts';
import { withDerivedLead } from '../model/lead.ts';
import { todayIso } from '../format/chinese.ts';
import { readBody } from './body.ts';
import { trailingChromeStart } from './chrome.ts';
import { readLead } from './lead.ts';
import { readMasthead } from './masthead.ts';
import { textSource, type ParsedBulletin, type SourceDocument, type SourceLine } from './source.ts';
import { buildUnits, cleanSourceLines } from './units.ts';

export type { ParsedBulletin } from './source.ts';

export interface ParseOptions {
  /** used when the text carries no date */
  today?: string;
}

/** Lines as the reader reads them: a bold head run into plain text is marked `**head**`. */
function withBoldHead(line: SourceLine): SourceLine {
  const runs = line.runs;
  if (!runs || runs.length < 2 || !runs[0]!.bold || runs.every((run) => run.bold) || line.text.includes('**')) return line;
  let head = 0;
  while (head < runs.length && (runs[head]!.bold || runs[head]!.text.trim() === '')) head++;
  const bold = runs.slice(0, head).map((run) => run.text).join('').trim();
  const rest = runs.slice(head).map((run) => run.text).join('');
  // a ▲ and a colon printed bold with the head are marks around it, not part of it
  const parts = /^([▲△]?\s*)(.*?)(\s*[：:]?)$/su.exec(bold)!;
  return parts[2] && rest.trim() ? { ...line, text: `${parts[1]!.trim()}**${parts[2]}**${parts[3]!.trim()}${rest}` } : line;
}

/** Reads a bulletin from the lines a file reader gave. */
export function parseBulletin(source: SourceDocument, options: ParseOptions = {}): ParsedBulletin {
  const warnings: string[] = [];
  const allLines = cleanSourceLines(source.lines.map(withBoldHead), source.format === 'pdf');
  const chromeAt = trailingChromeStart(allLines.map((line) => line.text));
  const trailingChrome = allLines.slice(chromeAt).map((line) => line.raw);
  const lines = allLines.slice(0, chromeAt);

  // the masthead is read from the text alone; a picture in it (an emblem, a rule drawn as an image) is no part of the body
  const textLines = lines.filter((line) => !line.element);
  const masthead = readMasthead(textLines, warnings);
  const bodyStart = masthead.end === 0 ? 0 : lines.indexOf(textLines[masthead.end - 1]!) + 1;
  const units = buildUnits(lines.slice(bodyStart), source.unit);
  const lead = readLead(units, 0);
  const body = readBody(units, lead.end, lead.items);

  const docNumber = masthead.docNumber ?? body.docNumber;
  const date = masthead.date ?? body.printed?.date ?? masthead.pageDate ?? null;
  if (masthead.date === null) {
    warnings.push(body.printed?.date ? '报头未写日期，已取印发日期' : masthead.pageDate ? '报头未写日期，已取网页的发布日期' : '未找到日期，已取今天的日期');
  }
  const isoDate = date ?? options.today ?? todayIso();
  if (!masthead.seriesName) warnings.push('未找到刊物名称');
  if (body.unusedLead > 0) warnings.push(`导读中有${body.unusedLead}条在正文中找不到对应标题`);
  const setAside = [...masthead.setAside, ...trailingChrome];
  if (setAside.length > 0) warnings.push(`已略去网页上的${setAside.length}行内容（导航、发布信息、打印关闭等），见导入报告`);
  if (!lead.present) warnings.push('原文没有导读，本期设为不印导读');

  const yearly = masthead.totalNumber !== null || masthead.year !== null;
  const printed = body.printed ? { by: body.printed.by || masthead.issuer, date: body.printed.date } : null;
  // the 导读 as every issue has it: derived from the titles read (none where the original printed none)
  const issue: Issue = withDerivedLead({
    format: ISSUE_FORMAT,
    series: {
      name: masthead.seriesName || '未命名简报',
      issuer: masthead.issuer,
      numbering: yearly ? 'yearly-with-total' : 'sequential',
      ...(lead.present ? {} : { printLead: false as const }),
    },
    number: masthead.number ?? 1,
    year: masthead.year ?? Number(isoDate.slice(0, 4)),
    totalNumber: yearly ? (masthead.totalNumber ?? masthead.number ?? 1) : null,
    date: isoDate,
    docNumber,
    status: 'issued',
    blocks: body.blocks,
    distribution: body.distribution,
    printed,
    copies: body.copies,
  });
  return {
    issue,
    warnings,
    setAside,
    found: { seriesName: masthead.seriesName !== '', number: masthead.number !== null, date: masthead.date !== null, docNumber: docNumber !== null },
  };
}

/** Reads a bulletin from its plain text (a .txt file, a paste, text extracted from PDF). */
export function parseBulletinText(input: string, options: ParseOptions = {}): ParsedBulletin {
  return parseBulletin(textSource(input), options);
}
