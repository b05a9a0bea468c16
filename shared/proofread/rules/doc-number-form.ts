// Rule: a document number in the form of GB/T 9704: 益简字〔2023〕42号 — the year in 六角括号 〔〕,
// the serial number without leading zeros and without 第, no spaces, and the series' own prefix.
import { docNumberParts } from '../../format/doc-number.ts';
import { makeFinding, type Finding, type Severity } from '../core/finding.ts';
import type { Rule } from '../core/rule.ts';

const ID = 'dates.doc-number-form';

export const docNumberFormRule: Rule = {
  id: ID,
  label: '文号格式',
  check({ issue, settings }) {
    const text = issue.docNumber;
    if (text === null || text.trim().length === 0) return [];
    const findings: Finding[] = [];
    const flag = (start: number, end: number, message: string, fix: string | undefined, severity: Severity = 'error') =>
      findings.push(makeFinding({ rule: ID, severity, ref: { field: 'docNumber' }, fieldText: text, offset: start, length: end - start, message, fix }));
    const parts = docNumberParts(text);
    if (!parts) {
      flag(0, text.length, '文号格式不正确，应写成“机关代字〔年份〕序号号”，如“益简字〔2023〕42号”', undefined);
      return findings;
    }
    const { prefix, open, close, year, di, zeros, serial, hao } = parts;
    const expectedPrefix = settings.docNumberPrefix?.trim() || undefined;
    for (const gap of [parts.lead, parts.gap1, parts.gap4, parts.gap5, parts.gap6, parts.trail]) {
      if (gap.text.length > 0) flag(gap.start, gap.end, '文号中不应有空格', '');
    }
    if (prefix.text.length === 0) {
      flag(prefix.start, prefix.end, '文号缺少机关代字（如“益简字”）', expectedPrefix);
    } else if (expectedPrefix !== undefined && prefix.text !== expectedPrefix) {
      flag(prefix.start, prefix.end, `本刊物的文号机关代字是“${expectedPrefix}”`, expectedPrefix, 'warning');
    }
    if (open.text !== '〔' || close.text !== '〕' || parts.gap2.text || parts.gap3.text) {
      const wrong = `${open.text}${close.text}`;
      const message =
        wrong.length === 0
          ? '文号中的年份应用六角括号“〔〕”括起'
          : open.text === '〔' && close.text === '〕'
            ? '文号的括号内不应有空格'
            : `文号中的年份应用六角括号“〔〕”括起，不用“${wrong}”`;
      flag(open.start, close.end, message, `〔${year.text}〕`);
    }
    if (di.text) flag(di.start, di.end, '文号的序号前不加“第”', '');
    if (zeros.text) flag(zeros.start, zeros.end, '文号的序号不编虚位，不加前导“0”', '');
    if (!hao.text) flag(serial.start, serial.end, '文号末尾缺“号”字', `${serial.text}号`);
    return findings;
  },
};
