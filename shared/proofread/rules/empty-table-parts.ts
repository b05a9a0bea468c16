// Rule: a table with nothing in it, a header row with nothing in it, or columns with nothing in them
// from top to bottom: left over from inserting a table larger than needed, or a paste that lost cells.
import type { Table } from '../../model/issue.ts';
import { cellText } from '../../model/content.ts';
import { makeFinding, type Finding } from '../core/finding.ts';
import { placedContentsOf } from '../core/content-lists.ts';
import { contentRef } from '../core/location.ts';
import type { Rule } from '../core/rule.ts';
import { ownHeaderCells, partRows } from '../core/tables.ts';

const ID = 'structure.table-empty';

const blank = (cell: { runs: { text: string }[] } | undefined) => cell === undefined || cellText(cell).trim() === '';

function problemsOf(table: Table): string[] {
  const columns = table.columns.map((_, column) => [...ownHeaderCells(table, column), ...partRows(table, 'rows').map((row) => row[column]), table.total?.[column]]);
  const emptyColumns = columns.flatMap((cells, column) => (cells.every(blank) ? [column + 1] : []));
  const headerCells = table.header.flat();
  if (emptyColumns.length === table.columns.length && headerCells.every(blank) && !table.title?.trim()) return ['表格是空的，没有任何内容'];
  const problems: string[] = [];
  table.header.forEach((row, index) => {
    if (row.length > 0 && row.every(blank)) problems.push(`表头第${index + 1}行是空的`);
  });
  if (emptyColumns.length > 0) problems.push(`第${emptyColumns.join('、')}列是空的`);
  return problems;
}

export const emptyTablePartsRule: Rule = {
  id: ID,
  label: '表格有空行空列',
  check({ issue }) {
    const findings: Finding[] = [];
    for (const { block, item, content } of placedContentsOf(issue)) {
      content.forEach((element, index) => {
        if (element.type !== 'table') return;
        // one finding a table: findings at the same place with the same (empty) text would share a key
        const problems = problemsOf(element);
        if (problems.length === 0) return;
        findings.push(
          makeFinding({ rule: ID, severity: 'warning', ref: contentRef('element', block, item, index), fieldText: '', offset: 0, length: 0, message: `${problems.join('；')}，请补全或删去` }),
        );
      });
    }
    return findings;
  },
};
