import { describe, expect, it } from 'vitest';
import { Editor, Transforms } from 'slate';
import { HistoryEditor } from 'slate-history';
import { parseBulletinText } from '../../shared/import/parse-bulletin.ts';
import { proofreadIssue } from '../../shared/proofread/proofread.ts';
import { groupFindings } from '../../shared/proofread/fix-all.ts';
import { paragraphText, type Issue } from '../../shared/model/issue.ts';
import { textParagraphsOf } from '../../shared/model/content.ts';
import { bulletinFixtures } from '../../test/fixtures.ts';
import { createBulletinEditor } from './model/editor.ts';
import { issueToSlate, slateToIssue } from './model/mapping.ts';
import { applyFixesInEditor } from './apply-fixes.ts';

const TEMPLATE = ['市直部门工作动态', '县市区工作动态', '区县市工作动态'];

/** The 2023-13 fixture with the full-width commas of its first article made half-width, and its document number in 【】. */
function editorWithCommas() {
  const issue = parseBulletinText(bulletinFixtures().find((f) => f.name === 'yiyang-2023-13')!.text).issue;
  const first = issue.blocks.find((block) => block.type === 'article')!;
  if (first.type !== 'article') throw new Error('no article');
  for (const paragraph of textParagraphsOf(first.paragraphs)) for (const run of paragraph.runs) run.text = run.text.replaceAll('，', ',');
  const editor = createBulletinEditor(() => TEMPLATE);
  editor.children = issueToSlate(issue, TEMPLATE);
  Editor.normalize(editor, { force: true });
  return { editor, issue };
}

const bodyText = (issue: Issue) => issue.blocks.flatMap((block) => (block.type === 'article' ? textParagraphsOf(block.paragraphs).map(paragraphText) : [])).join('\n');

describe('applying a group of fixes in the editor', () => {
  it('fixes every half-width comma of the group in the body, and one undo brings them all back', () => {
    const { editor, issue } = editorWithCommas();
    // something typed before: the group's fixes must not merge into it, nor it into them
    Transforms.insertText(editor, '补记', { at: Editor.end(editor, [0]) });
    const before = slateToIssue(editor.children, issue);
    const group = groupFindings(proofreadIssue(before)).find((candidate) => candidate.label === '半角逗号')!;
    expect(group.fixable.length).toBeGreaterThan(10);

    const { applied, left } = applyFixesInEditor(editor, group.fixable);
    expect(applied).toHaveLength(group.fixable.length);
    expect(left).toEqual([]);
    const after = slateToIssue(editor.children, issue);
    expect(proofreadIssue(after).filter((finding) => finding.rule === 'punctuation.half-width')).toEqual([]);
    expect(bodyText(after)).toBe(bodyText(before).replaceAll(',', '，'));

    HistoryEditor.undo(editor);
    expect(bodyText(slateToIssue(editor.children, issue))).toBe(bodyText(before));
    HistoryEditor.redo(editor);
    expect(bodyText(slateToIssue(editor.children, issue))).toBe(bodyText(after));
  });

  it('leaves alone, and returns, the fixes outside the body (the document number), overlapping ones and out-of-date ones', () => {
    const { editor, issue } = editorWithCommas();
    const findings = proofreadIssue({ ...slateToIssue(editor.children, issue), docNumber: '益简字【2023】13号' });
    const docNumber = findings.find((finding) => finding.location.field === 'docNumber')!;
    const [comma, next] = findings.filter((finding) => finding.text === ',');
    const stale = { ...next!, text: '，' };
    const overlapping = { ...comma!, key: 'overlapping' };
    const { applied, left } = applyFixesInEditor(editor, [docNumber, comma!, stale, overlapping]);
    expect(applied).toEqual([comma]);
    expect(left).toEqual([overlapping, docNumber, stale]);
  });
});
