import { describe, expect, it } from 'vitest';
import { Editor, Transforms } from 'slate';
import { parseBulletinText } from '../../shared/import/parse-bulletin.ts';
import { proofreadIssue } from '../../shared/proofread/proofread.ts';
import { textParagraphsOf } from '../../shared/model/content.ts';
import { bulletinFixtures } from '../../test/fixtures.ts';
import { createBulletinEditor } from './model/editor.ts';
import { issueToSlate, slateToIssue } from './model/mapping.ts';
import { paragraphNode } from './model/nodes.ts';
import { findingRange } from './finding-range.ts';

const TEMPLATE = ['市直部门工作动态', '县市区工作动态', '区县市工作动态'];

const MISTAKES = '其中的的问题,已整改。';

/** A fixture with a doubled character and a half-width comma added to the first paragraph of every article and item. */
function editorFor(name: string) {
  const issue = parseBulletinText(bulletinFixtures().find((f) => f.name === name)!.text).issue;
  for (const block of issue.blocks) {
    if (block.type === 'article') textParagraphsOf(block.paragraphs)[0]!.runs.push({ text: MISTAKES });
    if (block.type === 'news') for (const item of block.items) textParagraphsOf(item.paragraphs)[0]!.runs.push({ text: MISTAKES });
  }
  const editor = createBulletinEditor(() => TEMPLATE);
  editor.children = issueToSlate(issue, TEMPLATE);
  Editor.normalize(editor, { force: true });
  return { editor, issue };
}

describe('findingRange', () => {
  it.each(bulletinFixtures().map((f) => f.name))('puts every body finding of %s on exactly its text in the editor', (name) => {
    const { editor, issue } = editorFor(name);
    // blank lines the clerk left in the editor do not count as paragraphs of the issue
    Transforms.insertNodes(editor, paragraphNode(), { at: [0, 1] });
    const edited = slateToIssue(editor.children, issue);
    const findings = proofreadIssue(edited).filter((finding) => ['title', 'subtitle', 'paragraph', 'head', 'itemParagraph'].includes(finding.location.field));
    expect(findings.filter((finding) => finding.text.includes('的的') || finding.text === ',').length).toBeGreaterThanOrEqual(4);
    for (const finding of findings) {
      const range = findingRange(editor, finding.location, finding.text);
      expect(range, finding.key).not.toBeNull();
      expect(Editor.string(editor, range!)).toBe(finding.text);
    }
  });

  it('finds 19点30时 inside the second ▲ item of the 2020 issue, behind an empty template section', () => {
    const { editor, issue } = editorFor('yiyang-2020-huitoukan-04');
    const finding = proofreadIssue(slateToIssue(editor.children, issue)).find((f) => f.text.includes('点') && f.location.field === 'itemParagraph');
    expect(finding).toBeDefined();
    expect(Editor.string(editor, findingRange(editor, finding!.location, finding!.text)!)).toBe(finding!.text);
  });

  it('returns null when the text changed since the check', () => {
    const { editor, issue } = editorFor('yiyang-2023-13');
    const finding = proofreadIssue(slateToIssue(editor.children, issue)).find((f) => f.location.field === 'paragraph');
    expect(finding).toBeDefined();
    expect(findingRange(editor, finding!.location, `${finding!.text}x`)).toBeNull();
  });
});

describe('a finding in the 导读', () => {
  it('stands on the title the entry is derived from, in the editor', () => {
    const { editor, issue } = editorFor('yiyang-2023-13');
    const edited = slateToIssue(editor.children, issue);
    const lead = edited.blocks[0]!;
    if (lead.type !== 'lead') throw new Error('no 导读');
    const stale = { ...edited, blocks: [{ ...lead, items: ['过时的标题', ...lead.items.slice(1)] }, ...edited.blocks.slice(1)] };
    const finding = proofreadIssue(stale).find((f) => f.rule === 'structure.lead');
    expect(finding?.location.field).toBe('title');
    const range = findingRange(editor, finding!.location, finding!.text);
    const first = edited.blocks[1]!;
    expect(Editor.string(editor, range!)).toBe(first.type === 'article' ? first.title : first.type === 'news' ? '' : null);
  });
});
