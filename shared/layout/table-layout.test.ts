import { describe, expect, it } from 'vitest';
import { columnWidths, gridLinesFor } from './table-layout.ts';
import { ELEMENTS, pageGeometry } from './profiles.ts';
import { DEFAULT_PRINT_OPTIONS, typesetIssue, type PrintBlock } from './typeset.ts';
import type { ContentElement, Issue, Table } from '../model/issue.ts';
import { generateIssue, sampleFigure, sampleTable } from '../../test/generate.ts';

const page = pageGeometry('gbt9704');
const IMAGE = { id: 'b'.repeat(64), format: 'jpeg', width: 1600, height: 1000 } as const;

function articleWith(content: ContentElement[]): Issue {
  const issue = structuredClone(generateIssue(1));
  return { ...issue, blocks: [{ type: 'lead', items: [] }, { type: 'article', title: '全市信访工作稳中向好', paragraphs: content }] };
}

const rowsOf = (blocks: readonly PrintBlock[]) => blocks.filter((block) => block.kind === 'tableRow');

describe('a table on the page', () => {
  it('spans the type area exactly, every column at least two characters wide, however many columns it has', () => {
    for (const columns of [1, 2, 5, 12, 20]) {
      const cell = (text: string) => ({ runs: [{ text }] });
      const table: Table = {
        type: 'table',
        columns: Array.from({ length: columns }, () => ({ align: 'right' as const })),
        header: [Array.from({ length: columns }, (_, index) => cell(`第${index + 1}项指标名称较长`))],
        rows: [Array.from({ length: columns }, (_, index) => cell(String(index * 1234567)))],
      };
      const widths = columnWidths(table, page.typeAreaWidthPt);
      expect(widths.reduce((sum, width) => sum + width, 0)).toBeCloseTo(page.typeAreaWidthPt, 3);
      const least = Math.min(ELEMENTS.table.minColumnChars * ELEMENTS.table.sizePt, page.typeAreaWidthPt / columns);
      for (const width of widths) expect(width).toBeGreaterThanOrEqual(least - 0.01);
    }
  });

  it('gives a narrow column what it needs and the wide ones share the rest', () => {
    const table = sampleTable(4, 1, { mergedHeader: false });
    table.rows[0]![0] = { runs: [{ text: '龙岭产业开发区管理委员会（含原大通湖区托管乡镇）' }] };
    const widths = columnWidths(table, page.typeAreaWidthPt);
    expect(widths[0]).toBeGreaterThan(widths[1]! * 1.5);
  });

  it('rows take whole grid lines: one line of cell text is one grid line, more lines take more', () => {
    expect(gridLinesFor(1, page)).toBe(1);
    expect(gridLinesFor(2, page)).toBe(2);
    expect(gridLinesFor(6, page)).toBeGreaterThanOrEqual(5);
  });

  it('keeps its title and header with the first row, and never leaves a header alone at a page foot', () => {
    const typeset = typesetIssue(articleWith([sampleTable(60, 3)]), DEFAULT_PRINT_OPTIONS);
    const headerIndex = typeset.blocks.findIndex((block) => block.kind === 'tableHeader');
    const header = typeset.places[headerIndex]![0]!;
    const firstRow = typeset.places[headerIndex + 1]![0]!;
    expect(firstRow.page).toBe(header.page);
    expect(typeset.places[headerIndex - 1]![0]!.page).toBe(header.page);
  });

  it('a table running over pages has its header again at the top of each later page, and every row stays whole on one page', () => {
    const typeset = typesetIssue(articleWith([sampleTable(80, 4)]), DEFAULT_PRINT_OPTIONS);
    const headerIndex = typeset.blocks.findIndex((block) => block.kind === 'tableHeader');
    const header = typeset.blocks[headerIndex]!;
    const rowPlaces = typeset.blocks.map((block, index) => ({ block, place: typeset.places[index]![0]! })).filter(({ block }) => block.kind === 'tableRow');
    const pages = [...new Set(rowPlaces.map(({ place }) => place.page))];
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const repeatedOn = typeset.headerRepeats.map((repeat) => repeat.page);
    expect(repeatedOn).toEqual(pages.slice(1));
    for (const { block, place } of rowPlaces) expect(place.row + block.gridLines).toBeLessThanOrEqual(page.linesPerPage);
    for (const later of pages.slice(1)) {
      const first = rowPlaces.find(({ place }) => place.page === later)!;
      expect(first.place.row).toBe(header.gridLines);
    }
    expect(rowsOf(typeset.blocks)).toHaveLength(81);
  });
});

describe('a photo on the page', () => {
  it('takes whole grid lines for its image and one per caption line, and is never split across pages', () => {
    for (let before = 0; before < 25; before++) {
      const filler = Array.from({ length: before }, () => ({ runs: [{ text: '今年以来，全市各级各部门认真贯彻落实信访工作条例。' }] }));
      const typeset = typesetIssue(articleWith([...filler, sampleFigure(IMAGE)]), DEFAULT_PRINT_OPTIONS);
      const index = typeset.blocks.findIndex((block) => block.kind === 'figure');
      const figure = typeset.blocks[index]!;
      if (figure.kind !== 'figure') throw new Error('no figure');
      expect(figure.heightPt).toBeLessThanOrEqual(figure.imageGridLines * page.linePitchPt);
      expect(figure.gridLines).toBe(figure.imageGridLines + figure.caption.length);
      const place = typeset.places[index]![0]!;
      expect(place.row + figure.gridLines).toBeLessThanOrEqual(page.linesPerPage);
    }
  });

  it('a tall photo is scaled down to leave its caption room on one page, keeping its proportions', () => {
    const tall = { ...IMAGE, width: 1000, height: 4000 };
    const typeset = typesetIssue(articleWith([sampleFigure(tall, '图为会场。', 100)]), DEFAULT_PRINT_OPTIONS);
    const figure = typeset.blocks.find((block) => block.kind === 'figure');
    if (figure?.kind !== 'figure') throw new Error('no figure');
    expect(figure.gridLines).toBeLessThan(page.linesPerPage);
    expect(figure.widthPt / figure.heightPt).toBeCloseTo(1000 / 4000, 3);
    expect(figure.widthPt).toBeLessThan(page.typeAreaWidthPt);
  });

  it('a news item that opens with a table prints its head on a line of its own above it', () => {
    const issue = structuredClone(generateIssue(1));
    const news = { type: 'news' as const, heading: '县市区动态', items: [{ head: '安化县', form: 'colon' as const, paragraphs: [sampleTable(2)] }] };
    const typeset = typesetIssue({ ...issue, blocks: [{ type: 'lead', items: [] }, news] }, DEFAULT_PRINT_OPTIONS);
    const kinds = typeset.blocks.map((block) => (block.kind === 'paragraph' ? block.style : block.kind));
    expect(kinds.slice(kinds.indexOf('newsHead'))).toEqual(['newsHead', 'tableTitle', 'tableHeader', 'tableRow', 'tableRow', 'tableRow']);
  });
});
