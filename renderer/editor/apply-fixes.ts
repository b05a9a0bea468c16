// Applies a group of proofreading fixes to the body in the editor as one step that one undo takes back.
import { Editor, Transforms, type RangeRef } from 'slate';
import { HistoryEditor } from 'slate-history';
import type { Finding } from '../../shared/proofread/core/finding.ts';
import { compatibleFixes } from '../../shared/proofread/fix-all.ts';
import { findingRange } from './finding-range.ts';

export interface EditorFixes {
  applied: Finding[];
  /** fixes this could not apply: outside the body (masthead, colophon), overlapping another, or out of date */
  left: Finding[];
}

/**
 * Every compatible fix among `findings` whose span is in the body, as one history batch. The ranges are
 * taken before the first change and carried along by range refs, so each fix lands on its own text however
 * the fixes before it changed the length of the paragraph.
 */
export function applyFixesInEditor(editor: Editor, findings: readonly Finding[]): EditorFixes {
  const placed: { finding: Finding; ref: RangeRef }[] = [];
  const compatible = compatibleFixes(findings);
  const left = findings.filter((finding) => finding.fix !== undefined && !compatible.includes(finding));
  for (const finding of compatible) {
    const range = findingRange(editor, finding.location, finding.text);
    if (range) placed.push({ finding, ref: Editor.rangeRef(editor, range) });
    else left.push(finding);
  }
  const applied: Finding[] = [];
  if (placed.length === 0) return { applied, left };
  HistoryEditor.withNewBatch(editor, () => {
    Editor.withoutNormalizing(editor, () => {
      for (const { finding, ref } of placed) {
        const range = ref.unref();
        if (!range) {
          left.push(finding);
          continue;
        }
        Transforms.insertText(editor, finding.fix!, { at: range, select: false });
        applied.push(finding);
      }
    });
  });
  return { applied, left };
}
