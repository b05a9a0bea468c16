// Proofreading content that holds tables and figures among its paragraphs: every text rule finds its
// paragraph by its real index in the list, a cell's, a table title's and a caption's mistakes are found
// and fixed where they are, and no fix ever edits another element.
import { describe, expect, it } from 'vitest';
import { proofreadIssue } from '../../shared/proofread/proofread.ts';
import { applyFix, StaleFindingError } from '../../shared/proofread/apply-fix.ts';
import { applyFixes } from '../../shared/proofread/fix-all.ts';
import { describeLocation, textAt } from '../../shared/proofread/core/location.ts';
import { issueSchema, type ArticleBlock, type Issue, type NewsBlock, type Table } from '../../shared/model/issue.ts';
import { normalizeIssue } from '../../shared/model/normal-form.ts';
import { articleWith, bulletin, content, figure, news, table } from './build.ts';

const petitions = (): Table =>
  table({ title: '各县市区信访件办理情况', header: ['县市区', '交办件数', '已办结'], rows: [['赫山区', '12', '10'], ['资阳区', '15', '15'], ['南县', '30', '28']], total: ['合计', '57', '53'] });

const articleOf = (issue: Issue, block = 1) => issue.blocks[block] as ArticleBlock;

describe('text rules over content with tables and figures', () => {
  it('locates a half-width comma in the paragraph after a table at paragraphs[1], and its fix changes that paragraph only', () => {
    const issue = bulletin([articleWith('督察组召开座谈会', petitions(), '市委,市政府高度重视。')]);
    const [comma] = proofreadIssue(issue).filter((finding) => finding.rule === 'punctuation.half-width');
    expect(comma!.location).toEqual({ field: 'paragraph', block: 1, paragraph: 1, offset: 2, length: 1 });
    expect(describeLocation(issue, comma!.location)).toBe('文章《督察组召开座谈会》第1段第3字');
    const fixed = applyFix(issue, comma!);
    expect(articleOf(fixed).paragraphs[1]).toEqual({ runs: [{ text: '市委，市政府高度重视。' }] });
    expect(articleOf(fixed).paragraphs[0]).toBe(articleOf(issue).paragraphs[0]);
    expect(articleOf(issue).paragraphs[1]).toEqual({ runs: [{ text: '市委,市政府高度重视。' }] });
  });

  it('does the same in a ▲ item with a photo before the paragraph', () => {
    const base = bulletin([news('县市区工作动态', { head: '安化县', text: '督导养殖场整改。' })]);
    const section = base.blocks[1] as NewsBlock;
    const issue: Issue = { ...base, blocks: [base.blocks[0]!, { ...section, items: [{ ...section.items[0]!, paragraphs: content(figure('图为现场检查'), '督导养殖场整改,立行立改。') }] }] };
    const [comma] = proofreadIssue(issue).filter((finding) => finding.rule === 'punctuation.half-width');
    expect(comma!.location).toMatchObject({ field: 'itemParagraph', block: 1, item: 0, paragraph: 1 });
    const fixed = applyFix(issue, comma!);
    const item = (fixed.blocks[1] as NewsBlock).items[0]!;
    expect(item.paragraphs).toEqual(content(figure('图为现场检查'), '督导养殖场整改，立行立改。'));
  });

  it('refuses a paragraph’s fix once a table stands where the paragraph was, and edits nothing', () => {
    const issue = bulletin([articleWith('督察组召开座谈会', '说明如下。', '市委,市政府高度重视。')]);
    const [comma] = proofreadIssue(issue).filter((finding) => finding.rule === 'punctuation.half-width');
    const moved = bulletin([articleWith('督察组召开座谈会', '说明如下。', petitions(), '市委,市政府高度重视。')]);
    expect(() => applyFix(moved, comma!)).toThrow(StaleFindingError);
    expect(() => applyFix(moved, comma!)).toThrow(/已改动/);
    const { issue: after, applied, skipped } = applyFixes(moved, [comma!]);
    expect(applied).toEqual([]);
    expect(skipped).toEqual([comma]);
    expect(after).toBe(moved);
  });

  it('finds mistakes in a cell, a table title and a caption, and fixes each in its place', () => {
    const cells = petitions();
    cells.title = '各县市区信访件辦理情况';
    cells.rows[0]![0] = { runs: [{ text: '赫山区,资阳区', bold: true }] };
    const issue = bulletin([articleWith('督察组召开座谈会', '7月11日，督察组召开座谈会。', cells, figure('图为督察组在南县检查检查'))]);
    const findings = proofreadIssue(issue).filter((finding) => finding.fix !== undefined);
    expect(findings.map((finding) => [finding.rule, finding.location.field, finding.text])).toEqual([
      ['characters.traditional', 'tableTitle', '辦'],
      ['punctuation.half-width', 'cell', ','],
    ]);
    expect(findings.map((finding) => describeLocation(issue, finding.location))).toEqual(['文章《督察组召开座谈会》第1个表格的标题第8字', '文章《督察组召开座谈会》第1个表格第1行第1列第4字']);
    const { issue: fixed, applied } = applyFixes(issue, findings);
    expect(applied).toHaveLength(2);
    const fixedTable = articleOf(fixed).paragraphs[1] as Table;
    expect(fixedTable.title).toBe('各县市区信访件办理情况');
    expect(fixedTable.rows[0]![0]).toEqual({ runs: [{ text: '赫山区，资阳区', bold: true }] });
    expect(fixedTable.rows[0]!.slice(1)).toEqual(cells.rows[0]!.slice(1));
    expect(fixedTable.rows.slice(1)).toEqual(cells.rows.slice(1));
    expect(fixedTable.header).toBe(cells.header);
    expect(fixedTable.total).toBe(cells.total);
    expect(issueSchema.safeParse(fixed).success).toBe(true);

    const doubled = bulletin([articleWith('督察组', figure('图为督察组在南县的的检查'))]);
    const [inCaption] = proofreadIssue(doubled).filter((finding) => finding.fix !== undefined);
    expect(inCaption!.location).toMatchObject({ field: 'caption', block: 1, paragraph: 0 });
    expect((articleOf(applyFix(doubled, inCaption!)).paragraphs[0] as { caption: string }).caption).toBe('图为督察组在南县的检查');
  });

  it('gives a space in a cell (县 市 区, padded to line up) as a hint without a fix', () => {
    const spaced = table({ header: ['县 市 区', '件数'], rows: [['赫山区', '3']] });
    const issue = bulletin([articleWith('督察组', '情况如下。', spaced)]);
    const spaces = proofreadIssue(issue).filter((finding) => finding.rule === 'punctuation.space');
    expect(spaces).toHaveLength(2);
    for (const finding of spaces) {
      expect(finding).toMatchObject({ severity: 'info', location: { field: 'cell', part: 'header' } });
      expect(finding.fix).toBeUndefined();
    }
  });

  it('fixes all over an issue with tables and figures, leaving every table and figure as it was', () => {
    const first = petitions();
    const second = table({ header: ['类别', '件数'], rows: [['大气', '3'], ['水', '4']], total: ['合计', '8'] });
    const photo = figure('');
    const issue = bulletin([
      articleWith('督察组召开座谈会', first, '市委,市政府高度重视;立行立改。', photo, '要求:立即整改,举一反三。', second, '会议强调,要压实责任。'),
      news('县市区工作动态', { head: '安化县', text: '督导整改,立行立改。' }),
    ]);
    const findings = proofreadIssue(issue);
    const { issue: fixed, applied, skipped } = applyFixes(issue, findings);
    expect(skipped).toEqual([]);
    expect(applied.length).toBeGreaterThanOrEqual(6);
    const paragraphs = articleOf(fixed).paragraphs;
    expect(paragraphs[0]).toBe(first);
    expect(paragraphs[2]).toBe(photo);
    expect(paragraphs[4]).toBe(second);
    expect(paragraphs.filter((element) => element.type === undefined)).toEqual(content('市委，市政府高度重视；立行立改。', '要求：立即整改，举一反三。', '会议强调，要压实责任。'));
    expect(issueSchema.safeParse(fixed).success).toBe(true);
    // what is left has no fix: the 合计 that does not add up and the photo without a caption
    const left = proofreadIssue(fixed);
    expect(left.map((finding) => [finding.rule, finding.fix])).toEqual([
      ['structure.figure-caption', undefined],
      ['numbers.table-total', undefined],
    ]);
    expect(left.map((finding) => finding.message)).toEqual([expect.stringMatching(/^图片缺少图注/), '「件数」合计应为 7，表中写作 8']);
  });

  it('holds every finding’s location to exactly its text and gives each its own key, tables and figures included', () => {
    const cells = petitions();
    cells.rows[1]![0] = { runs: [{ text: '资陽区,' }] };
    cells.total![1] = { runs: [{ text: '58' }] };
    const issue = normalizeIssue(
      bulletin([
        articleWith('督察组召开座谈会', cells, '图为督察组现场检查', figure(''), '市委,市政府高度重视。', table({ header: ['', ''], rows: [['', '']] })),
        articleWith('只有一张表', petitions()),
        articleWith('只有一张图', figure('图为现场')),
      ]),
      [],
    );
    const findings = proofreadIssue(issue);
    expect(new Set(findings.map((finding) => finding.key)).size).toBe(findings.length);
    for (const finding of findings) {
      const { offset, length } = finding.location;
      expect(textAt(issue, finding.location)!.slice(offset, offset + length), finding.rule).toBe(finding.text);
      expect(describeLocation(issue, finding.location)).toMatch(/^文章《/);
    }
    expect(findings.map((finding) => finding.rule)).toEqual(
      expect.arrayContaining(['numbers.table-total', 'structure.figure-caption', 'structure.table-empty', 'characters.traditional', 'punctuation.half-width']),
    );
    // an article of one table or one photo has a body
    expect(findings.filter((finding) => finding.rule === 'structure.empty-article')).toEqual([]);
  });

  it('proofreads a table of 1000 rows × 20 columns (20 000 cells) in under 1.5 seconds', () => {
    const rows = Array.from({ length: 1000 }, (_, row) => Array.from({ length: 20 }, (_, column) => (column === 0 ? `第${row + 1}乡镇,村` : String(row + column))));
    const total = ['合计', ...Array.from({ length: 19 }, (_, index) => String(Array.from({ length: 1000 }, (_, row) => row + index + 1).reduce((a, b) => a + b, 0)))];
    const big = table({ header: ['乡镇', ...Array.from({ length: 19 }, (_, index) => `指标${index + 1}`)], rows, total });
    const issue = bulletin([articleWith('统计', '情况如下。', big)]);
    const start = performance.now();
    const findings = proofreadIssue(issue);
    expect(performance.now() - start).toBeLessThan(1500);
    expect(findings.filter((finding) => finding.rule === 'numbers.table-total')).toEqual([]);
    expect(findings.filter((finding) => finding.rule === 'punctuation.half-width')).toHaveLength(1000);
  });

  it('does not fail on a half-made table whose rows do not fit its columns or header (as the editor may hold one mid-edit)', () => {
    const ragged: Table = {
      type: 'table',
      columns: [{ align: 'left' }, { align: 'right' }, { align: 'right' }],
      header: [[{ runs: [{ text: '县市区' }], colSpan: 5 }], [{ runs: [{ text: '件数' }], rowSpan: 3 }]],
      rows: [[{ runs: [{ text: '赫山区,' }] }], [], [{ runs: [{ text: '南县' }] }, { runs: [{ text: '3' }] }, { runs: [{ text: '4' }] }, { runs: [{ text: '9' }] }]],
      total: [{ runs: [{ text: '合计' }] }, { runs: [{ text: '5' }] }],
    };
    const issue = bulletin([articleWith('督察组', ragged, '情况如下。')]);
    const findings = proofreadIssue(issue);
    for (const finding of findings) {
      const { offset, length } = finding.location;
      expect(textAt(issue, finding.location)!.slice(offset, offset + length)).toBe(finding.text);
    }
    expect(findings.map((finding) => finding.rule)).toContain('numbers.table-total');
    const { issue: fixed } = applyFixes(issue, findings);
    expect((articleOf(fixed).paragraphs[0] as Table).rows[0]).toEqual([{ runs: [{ text: '赫山区，' }] }]);
  });
});
