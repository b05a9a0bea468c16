import { describe, expect, it } from 'vitest';
import { cellValue, tableTotalRule } from './table-total.ts';
import { articleWith, bulletin, news, runRule, table } from '../../../test/proofread/build.ts';
import { textAt } from '../core/location.ts';
import type { Table } from '../../model/issue.ts';

const HEADER = ['县市区', '交办件数', '已办结', '办结率'];

function petitions(total: string[], rows: string[][] = [
  ['赫山区', '12', '10', '83.3%'],
  ['资阳区', '15', '15', '100%'],
  ['南县', '30', '28', '93.3%'],
]): Table {
  return table({ title: '各县市区信访件办理情况', header: HEADER, rows, total });
}

function findingsFor(...tables: Table[]) {
  const issue = bulletin([articleWith('信访件办理情况', '截至7月11日，各县市区办理情况如下。', ...tables)]);
  return { issue, findings: runRule(tableTotalRule, issue) };
}

describe('a table’s 合计 row against the sum of its body rows', () => {
  it('passes a table whose totals add up, and skips the rate column whatever its 合计 says', () => {
    expect(findingsFor(petitions(['合计', '57', '53', '92.9%'])).findings).toEqual([]);
    expect(findingsFor(petitions(['合计', '57', '53', '300%'])).findings).toEqual([]);
  });

  it('names the column, the right sum and the written total, at the 合计 cell, as an error without a fix', () => {
    const { issue, findings } = findingsFor(petitions(['合计', '56', '53', '92.9%']));
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding!.message).toBe('「交办件数」合计应为 57，表中写作 56');
    expect(finding!.severity).toBe('error');
    expect(finding!.fix).toBeUndefined();
    expect(finding!.location).toEqual({ field: 'cell', block: 1, paragraph: 1, part: 'total', row: 0, cell: 1, offset: 0, length: 2 });
    expect(textAt(issue, finding!.location)).toBe('56');
  });

  it('flags each wrong column, and none of the right ones', () => {
    const { findings } = findingsFor(petitions(['合计', '58', '52', '92.9%']));
    expect(findings.map((finding) => finding.message)).toEqual(['「交办件数」合计应为 57，表中写作 58', '「已办结」合计应为 53，表中写作 52']);
  });

  it('adds up thousands separators and full-width digits, and writes the sum the way the 合计 is written', () => {
    const rows = [
      ['赫山区', '1,234', '１２'],
      ['资阳区', '2,000', '８'],
    ];
    const right = table({ header: ['县市区', '资金（万元）', '项目数'], rows, total: ['合计', '3,234', '２０'] });
    expect(findingsFor(right).findings).toEqual([]);
    const wrong = table({ header: ['县市区', '资金（万元）', '项目数'], rows, total: ['合计', '3,243', '２１'] });
    expect(findingsFor(wrong).findings.map((finding) => finding.message)).toEqual(['「资金（万元）」合计应为 3,234，表中写作 3,243', '「项目数」合计应为 20，表中写作 ２１']);
  });

  it('adds decimals exactly (0.1 + 0.2 is 0.3), and only warns when the gap is within the figures’ rounding', () => {
    const decimals = (total: string) => table({ header: ['单位', '面积（亩）'], rows: [['甲', '0.1'], ['乙', '0.2'], ['丙', '1.25']], total: ['合计', total] });
    expect(findingsFor(decimals('1.55')).findings).toEqual([]);
    // 1.5 and 1.6 are 1.55 rounded to one place
    expect(findingsFor(decimals('1.6')).findings).toEqual([]);
    expect(findingsFor(decimals('1.5')).findings).toEqual([]);
    // 0.1, 0.2 and 1.25 may be 0.05, 0.15 and 1.245 rounded (1.445): 1.4 is off by less than the roundings together
    const [near] = findingsFor(decimals('1.4')).findings;
    expect(near).toMatchObject({ severity: 'warning', message: '「面积（亩）」各行相加为 1.55，表中合计写作 1.4；相差在四舍五入的范围内，请核对' });
    const [far] = findingsFor(decimals('2.55')).findings;
    expect(far).toMatchObject({ severity: 'error', message: '「面积（亩）」合计应为 1.55，表中写作 2.55' });
  });

  it('skips a column with a cell that is no number, a percentage column, an empty 合计 cell, and a 合计 that is no number', () => {
    const rows = [
      ['赫山区', '12', '待核实', '10%', '3', '5'],
      ['资阳区', '15', '8', '20%', '4', '6'],
    ];
    const mixed = table({ header: ['县市区', '件数', '整改数', '占比', '约谈', '问责'], rows, total: ['合计', '', '99', '99%', '—', '11'] });
    expect(findingsFor(mixed).findings).toEqual([]);
  });

  it('takes blank and dashed body cells as adding nothing', () => {
    const dashes = table({ header: ['县市区', '立案数'], rows: [['赫山区', '3'], ['资阳区', '—'], ['南县', '']], total: ['合计', '4'] });
    expect(findingsFor(dashes).findings.map((finding) => finding.message)).toEqual(['「立案数」合计应为 3，表中写作 4']);
  });

  it('does not flag a table with numbers but no 合计 row', () => {
    expect(findingsFor(table({ header: HEADER, rows: [['赫山区', '12', '10', '83.3%'], ['南县', '1', '999', '1%']] })).findings).toEqual([]);
  });

  it('leaves out body rows that are sums themselves (小计, 其中…)', () => {
    const subtotals = table({
      header: ['类别', '件数'],
      rows: [['大气污染', '10'], ['水污染', '5'], ['小计', '15'], ['其中：已办结', '12'], ['噪声', '2']],
      total: ['合计', '17'],
    });
    expect(findingsFor(subtotals).findings).toEqual([]);
  });

  it('names a column by the header cell under a merged one, and by its number when its header is empty', () => {
    const merged: Table = {
      ...table({ header: [], rows: [['赫山区', '3', '2', '1']], total: ['合计', '3', '2', '2'] }),
      header: [
        [{ runs: [{ text: '县 市 区' }], rowSpan: 2 }, { runs: [{ text: '信访件' }], colSpan: 2 }, { runs: [] , rowSpan: 2 }],
        [{ runs: [{ text: '交办' }] }, { runs: [{ text: '办结' }] }],
      ],
    };
    expect(findingsFor(merged).findings.map((finding) => finding.message)).toEqual(['第4列合计应为 1，表中写作 2']);
    const wrongMerged = { ...merged, total: merged.total!.map((cell, index) => (index === 2 ? { runs: [{ text: '5' }] } : cell)) };
    expect(findingsFor(wrongMerged).findings.map((finding) => finding.message)).toEqual(['「办结」合计应为 2，表中写作 5', '第4列合计应为 1，表中写作 2']);
  });

  it('checks a table in a ▲ item, located in that item', () => {
    const issue = bulletin([news('县市区工作动态', { head: '赫山区', text: '办理情况如下。' })]);
    const section = issue.blocks[1]!;
    if (section.type !== 'news') throw new Error('news expected');
    section.items[0]!.paragraphs.push(table({ header: ['乡镇', '件数'], rows: [['龙光桥', '2'], ['泉交河', '3']], total: ['合计', '6'] }));
    const [finding] = runRule(tableTotalRule, issue);
    expect(finding!.location).toMatchObject({ field: 'itemCell', block: 1, item: 0, paragraph: 1, part: 'total', cell: 1 });
    expect(finding!.message).toBe('「件数」合计应为 5，表中写作 6');
  });

  it('reads cell numbers: integers, decimals, signs, units, full width; refuses words and percentages', () => {
    expect(cellValue(' 1,234 ')).toMatchObject({ kind: 'number', units: 1234n, decimals: 0, grouped: true });
    expect(cellValue('３．５')).toMatchObject({ kind: 'number', units: 35n, decimals: 1 });
    expect(cellValue('-2')).toMatchObject({ kind: 'number', units: -2n });
    expect(cellValue('12件')).toMatchObject({ kind: 'number', units: 12n, unit: '件' });
    expect(cellValue('——')).toEqual({ kind: 'blank' });
    expect(cellValue('50%')).toEqual({ kind: 'other' });
    expect(cellValue('12,34')).toEqual({ kind: 'other' });
    expect(cellValue('赫山区')).toEqual({ kind: 'other' });
  });
});
