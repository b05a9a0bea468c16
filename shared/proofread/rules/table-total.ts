// Rule: a table's 合计 row that is not the sum of its body rows, column by column. A column is checked
// only where every body cell in it is a number (12, 3.5, 1,234, １２) or blank (a dash or nothing, which
// adds nothing) and its 合计 cell is a number: columns of names, percentages, rates, ranks and averages
// are passed over, and so are body rows that are themselves sums (小计, 其中…). A table without a 合计
// row is not checked (many offices print none).
import type { Table } from '../../model/issue.ts';
import { cellText } from '../../model/content.ts';
import { makeFinding, type Finding } from '../core/finding.ts';
import { placedContentsOf } from '../core/content-lists.ts';
import { cellRef } from '../core/location.ts';
import type { Rule } from '../core/rule.ts';
import { columnLabel, columnNames } from '../core/tables.ts';

const ID = 'numbers.table-total';

/** columns whose 合计 is no sum of the rows: shares, rates, ranks, numbering, averages, changes, dates */
const NOT_SUMMED = /率|占比|比例|比重|[%％]|序号|排名|名次|排序|编号|代码|平均|均值|人均|同比|环比|增幅|降幅|年份|日期|时间|备注/;
/** a body row that sums others: its first cell with text says so */
const SUM_ROW = /^(?:小计|合计|总计|共计)$|^其中/;
const BLANK = /^[-—–－/／\\]*$/;
const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?([\u4e00-\u9fff]{0,3})$/;

type CellValue =
  | { kind: 'number'; units: bigint; decimals: number; unit: string; grouped: boolean }
  | { kind: 'blank' }
  | { kind: 'other' };

/** full-width digits and marks as ASCII; spaces out */
function normalized(text: string): string {
  return text.replace(/[０-９．，－＋％]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0)).replace(/[\s\u3000]+/g, '');
}

/** The cell's number in units of its last decimal (exact, however many rows are added), or why it is none. */
export function cellValue(text: string): CellValue {
  const plain = normalized(text);
  if (BLANK.test(plain)) return { kind: 'blank' };
  const match = NUMBER.exec(plain);
  if (!match) return { kind: 'other' };
  const [, sign, whole, fraction = '', unit = ''] = match;
  if (fraction.length > 8) return { kind: 'other' };
  const magnitude = BigInt(whole!.replace(/,/g, '') + fraction);
  return { kind: 'number', units: sign === '-' ? -magnitude : magnitude, decimals: fraction.length, unit, grouped: whole!.includes(',') };
}

function scaled(value: bigint, from: number, to: number): bigint {
  return value * 10n ** BigInt(to - from);
}

/** A sum in units of 10^-decimals, written with that many decimals (and thousands separators if the 合计 has them). */
function written(units: bigint, decimals: number, grouped: boolean): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(decimals + 1, '0');
  let whole = digits.slice(0, digits.length - decimals);
  if (grouped) whole = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${negative ? '-' : ''}${whole}${decimals > 0 ? `.${digits.slice(-decimals)}` : ''}`;
}

interface Mismatch {
  column: number;
  severity: 'error' | 'warning';
  sum: string;
}

function checkColumn(table: Table, column: number, bodyRows: readonly (readonly { runs: { text: string }[] }[])[]): Mismatch | null {
  const totalCell = table.total?.[column];
  if (!totalCell) return null;
  const total = cellValue(cellText(totalCell));
  if (total.kind !== 'number') return null;
  const parts: Extract<CellValue, { kind: 'number' }>[] = [];
  for (const row of bodyRows) {
    const cell = row[column];
    const value = cell ? cellValue(cellText(cell)) : ({ kind: 'blank' } as const);
    if (value.kind === 'other') return null;
    if (value.kind === 'number') parts.push(value);
  }
  if (parts.length === 0) return null;
  if (new Set([total, ...parts].map((part) => part.unit).filter((unit) => unit !== '')).size > 1) return null;
  const decimals = Math.max(total.decimals, ...parts.map((part) => part.decimals));
  const sum = parts.reduce((acc, part) => acc + scaled(part.units, part.decimals, decimals), 0n);
  const difference = sum - scaled(total.units, total.decimals, decimals);
  const gap = difference < 0n ? -difference : difference;
  if (gap === 0n) return null;
  // A figure written with d decimals is off by up to half a unit of its last place, 5·10^(decimals-d) in
  // tenths of the sum's units; where the column has no decimals at all, every figure is exact.
  const rounding = (d: number) => (decimals > 0 ? 5n * 10n ** BigInt(decimals - d) : 0n);
  const roundings = [total, ...parts].map((part) => rounding(part.decimals));
  const tenths = gap * 10n;
  if (tenths <= roundings.reduce((a, b) => (a > b ? a : b), 0n)) return null;
  const severity = tenths <= roundings.reduce((a, b) => a + b, 0n) ? 'warning' : 'error';
  return { column, severity, sum: written(sum, decimals, total.grouped) + total.unit };
}

function checkTable(table: Table, names: readonly string[]): Mismatch[] {
  if (!table.total) return [];
  const bodyRows = table.rows.filter((row) => {
    const label = row.map((cell) => normalized(cellText(cell))).find((text) => text !== '');
    return !(label !== undefined && SUM_ROW.test(label));
  });
  const mismatches: Mismatch[] = [];
  table.columns.forEach((_, column) => {
    if (NOT_SUMMED.test(names[column] ?? '')) return;
    const mismatch = checkColumn(table, column, bodyRows);
    if (mismatch) mismatches.push(mismatch);
  });
  return mismatches;
}

export const tableTotalRule: Rule = {
  id: ID,
  label: '表格合计与各行之和',
  check({ issue }) {
    const findings: Finding[] = [];
    for (const { block, item, content } of placedContentsOf(issue)) {
      content.forEach((element, index) => {
        if (element.type !== 'table') return;
        if (!element.total) return;
        const names = columnNames(element);
        for (const { column, severity, sum } of checkTable(element, names)) {
          const text = cellText(element.total![column]!);
          const start = text.length - text.trimStart().length;
          const shown = text.trim();
          findings.push(
            makeFinding({
              rule: ID,
              severity,
              ref: cellRef(block, item, index, { part: 'total', row: 0, cell: column }),
              fieldText: text,
              offset: start,
              length: shown.length,
              message:
                severity === 'error'
                  ? `${columnLabel(names, column)}合计应为 ${sum}，表中写作 ${shown}`
                  : `${columnLabel(names, column)}各行相加为 ${sum}，表中合计写作 ${shown}；相差在四舍五入的范围内，请核对`,
            }),
          );
        }
      });
    }
    return findings;
  },
};
