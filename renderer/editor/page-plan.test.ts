// The page marks' mapping, in Node: from the plan's first line on each page back to the Slate text it prints.
import { describe, expect, it } from 'vitest';
import { Node, type Descendant } from 'slate';
import { emptyIssue, type Issue } from '../../shared/model/issue.ts';
import { parseBulletinText } from '../../shared/import/parse-bulletin.ts';
import { typesetIssue, type PrintOptions } from '../../shared/layout/typeset.ts';
import { bulletinFixtures } from '../../test/fixtures.ts';
import { issueToSlate, slateToIssue } from './model/mapping.ts';
import { colophonNote, editorPagePlan, pageMarksOf, pageStartsOf, pointIn } from './page-plan.ts';

const options: PrintOptions = { layoutProfile: 'gbt9704', fontProfile: 'office', colophonOnEvenPage: false };
const TEMPLATE = ['县市区工作动态', '市直部门工作动态'];

/** The text of the editor from a mark on, the first characters of the element it is in. */
function textAt(nodes: Descendant[], mark: { element: number[]; inside: { path: number[]; offset: number } | null }, length: number): string {
  const root = { children: nodes } as unknown as Node;
  const element = Node.get(root, mark.element);
  const full = Node.string(element);
  if (!mark.inside) return full.slice(0, length);
  let offset = 0;
  for (const [leaf, path] of Node.texts(element)) {
    if ([...mark.element, ...path].join() === mark.inside.path.join()) return full.slice(offset + mark.inside.offset, offset + mark.inside.offset + length);
    offset += leaf.text.length;
  }
  throw new Error('mark outside its element');
}

/** The first printed line of each body page after the first, from the plan itself. */
function firstLines(issue: Issue): { page: number; text: string }[] {
  const typeset = typesetIssue(issue, options);
  const lines: { page: number; text: string }[] = [];
  for (let page = 1; page < typeset.pages.bodyPages; page++) {
    outer: for (let block = 0; block < typeset.blocks.length; block++) {
      const printed = typeset.blocks[block]!;
      if (printed.kind !== 'paragraph' || !printed.source) continue;
      for (let line = 0; line < printed.laid.length; line++) {
        if (typeset.places[block]![line]!.page >= page) {
          lines.push({ page: page + 1, text: printed.laid[line]!.broken.text });
          break outer;
        }
      }
    }
  }
  return lines;
}

describe('page marks in the editor', () => {
  for (const fixture of bulletinFixtures()) {
    it(`mark every page start of ${fixture.name} at the text the page starts with`, () => {
      const nodes = issueToSlate(parseBulletinText(fixture.text).issue, TEMPLATE);
      const issue = slateToIssue(nodes, parseBulletinText(fixture.text).issue);
      const plan = editorPagePlan(issue, nodes, options);
      const expected = firstLines(issue);
      expect(plan.bodyPages).toBeGreaterThan(1);
      expect(plan.marks.map((mark) => mark.page)).toEqual(expected.map((line) => line.page));
      plan.marks.forEach((mark, index) => {
        const line = expected[index]!.text.replace(/^[▲■●]/, '');
        expect(textAt(nodes, mark, line.length)).toBe(line);
      });
    });
  }

  it('marks a page that starts inside a paragraph at the character it starts with, and one that starts with a title at the title', () => {
    const base = emptyIssue({ name: '测试工作简报', issuer: '测试协调联络组', numbering: 'sequential' }, 3, '2024-03-05');
    const long = '督'.repeat(26 + 28 * 19) + '察'.repeat(28 * 3);
    const issue: Issue = {
      ...base,
      blocks: [
        { type: 'article', title: '第一篇', paragraphs: [{ runs: [{ text: '前' }, { text: long, bold: true }] }] },
        { type: 'article', title: '第二篇', paragraphs: [{ runs: [{ text: '正文。'.repeat(200) }] }] },
      ],
    };
    const nodes = issueToSlate(issue, []);
    const typeset = typesetIssue(slateToIssue(nodes, issue), options);
    const starts = pageStartsOf(typeset);
    expect(starts[0]).toMatchObject({ page: 2, source: { block: 0, part: 'paragraph', paragraph: 0 } });
    expect(starts[0]!.offset).toBeGreaterThan(0);
    const marks = pageMarksOf(starts, nodes);
    // the run of bold text is the second leaf of the paragraph
    expect(marks[0]!.inside!.path).toEqual([0, 1, 1]);
    expect(marks[0]!.inside!.offset).toBe(starts[0]!.offset - 1);
    expect(marks.every((mark) => mark.element.length >= 2)).toBe(true);
  });

  it('finds points inside elements and says when the colophon takes a page of its own', () => {
    const nodes = issueToSlate({ ...emptyIssue({ name: 'x', issuer: 'y', numbering: 'sequential' }, 1, '2024-01-01'), blocks: [{ type: 'article', title: '标题', paragraphs: [{ runs: [{ text: 'ab' }, { text: 'cd', bold: true }] }] }] }, []);
    expect(pointIn(nodes, [0, 1], 3)).toEqual({ path: [0, 1, 1], offset: 1 });
    expect(pointIn(nodes, [0, 1], 9)).toEqual({ path: [0, 1, 1], offset: 2 });
    expect(pointIn(nodes, [5], 0)).toBeNull();
    expect(colophonNote({ colophon: 'same-page', blankPages: 0 })).toBeNull();
    expect(colophonNote({ colophon: 'own-page', blankPages: 0 })).toBe('版记单独占一页');
    expect(colophonNote({ colophon: 'own-page', blankPages: 1 })).toBe('版记单独占一页（前加空白页 1 页）');
  });
});
