import { describe, expect, it } from 'vitest';
import { emptyTablePartsRule } from './empty-table-parts.ts';
import { articleWith, bulletin, runRule, table } from '../../../test/proofread/build.ts';
import type { Table } from '../../model/issue.ts';

const findingsFor = (element: Table) => runRule(emptyTablePartsRule, bulletin([articleWith('信访件办理情况', '办理情况如下。', element)]));

describe('empty parts of a table', () => {
  it('passes a filled table, blank cells here and there included', () => {
    expect(findingsFor(table({ header: ['县市区', '件数', '备注'], rows: [['赫山区', '3', ''], ['南县', '', '已办结']], total: ['合计', '3', ''] }))).toEqual([]);
  });

  it('flags, as one warning on the table, an empty header row and the columns empty from top to bottom', () => {
    const sparse = table({ header: [['', '', ''], ['县市区', '件数', '']], rows: [['赫山区', '3', ''], ['南县', '4', '']] });
    const findings = findingsFor(sparse);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', location: { field: 'element', block: 1, paragraph: 1, offset: 0, length: 0 }, message: '表头第1行是空的；第3列是空的，请补全或删去' });
  });

  it('flags a table with nothing in it once', () => {
    expect(findingsFor(table({ header: ['', ''], rows: [['', '']] })).map((finding) => finding.message)).toEqual(['表格是空的，没有任何内容，请补全或删去']);
  });

  it('does not count a merged header over a column as its content', () => {
    const merged: Table = {
      ...table({ header: [], rows: [['赫山区', '3', '']] }),
      header: [
        [{ runs: [{ text: '县市区' }], rowSpan: 2 }, { runs: [{ text: '信访件' }], colSpan: 2 }],
        [{ runs: [{ text: '交办' }] }, { runs: [] }],
      ],
    };
    expect(findingsFor(merged).map((finding) => finding.message)).toEqual(['第3列是空的，请补全或删去']);
  });
});
