// The proofreading panel: findings in reading order beside the text; click one to go there, apply its
// fix, or ignore it (remembered with the issue). Body fixes go through Slate, so undo takes them back.
import { useEffect } from 'react';
import { Editor, Transforms } from 'slate';
import { ReactEditor } from 'slate-react';
import type { Issue } from '../../shared/model/issue.ts';
import type { Finding } from '../../shared/proofread/core/finding.ts';
import { SEVERITY_LABELS } from '../../shared/proofread/core/finding.ts';
import { describeLocation } from '../../shared/proofread/core/location.ts';
import { applyFix } from '../../shared/proofread/apply-fix.ts';
import { errorMessage } from '../api/client.ts';
import { useNotice } from '../ui/notice.tsx';
import { findingRange } from './finding-range.ts';
import type { Highlight } from './BulletinBody.tsx';

export function ProofreadingPanel({ editor, issue, findings, readOnly, onHighlight, onIssueChange, onIgnore }: {
  editor: Editor;
  /** the issue the findings were computed on */
  issue: Issue;
  findings: readonly Finding[];
  readOnly: boolean;
  onHighlight: (highlights: Highlight[]) => void;
  /** a fix outside the body (masthead, colophon) changes the issue itself */
  onIssueChange: (issue: Issue) => void;
  onIgnore: (finding: Finding) => void;
}) {
  const notice = useNotice();

  useEffect(() => {
    const highlights: Highlight[] = [];
    for (const finding of findings) {
      const range = findingRange(editor, finding.location, finding.text);
      if (range) highlights.push({ key: finding.key, range });
    }
    onHighlight(highlights);
  }, [editor, findings, onHighlight]);

  function go(finding: Finding) {
    const range = findingRange(editor, finding.location, finding.text);
    if (!range) return notice(`${describeLocation(issue, finding.location)}：${finding.message}`);
    ReactEditor.focus(editor);
    Transforms.select(editor, range);
    const [leaf] = Editor.leaf(editor, range.anchor);
    ReactEditor.toDOMNode(editor, leaf).scrollIntoView({ block: 'center' });
  }

  function fix(finding: Finding) {
    if (finding.fix === undefined) return;
    const range = findingRange(editor, finding.location, finding.text);
    if (range) {
      Transforms.select(editor, range);
      Editor.insertText(editor, finding.fix);
      return;
    }
    try {
      onIssueChange(applyFix(issue, finding));
    } catch (error) {
      notice(errorMessage(error), 'error');
    }
  }

  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return (
    <section className="side-section" aria-label="校对">
      <h3>
        校对 <span className={errors > 0 ? 'count-badge' : 'count-badge zero'} data-testid="finding-count">{findings.length}</span>
      </h3>
      {findings.length === 0 && <p className="hint">没有发现问题。</p>}
      <ul className="findings">
        {findings.map((finding) => (
          <li key={finding.key} className={`finding finding-${finding.severity}`}>
            <button type="button" className="finding-go" onClick={() => go(finding)}>
              <span className={`badge badge-${finding.severity === 'error' ? 'draft' : 'reviewed'}`}>{SEVERITY_LABELS[finding.severity]}</span>{' '}
              <span className="hint">{describeLocation(issue, finding.location)}</span>
              <br />
              <span className="finding-text">“{finding.text}”</span> {finding.message}
            </button>
            {!readOnly && finding.fix !== undefined && <button type="button" onClick={() => fix(finding)}>改为“{finding.fix}”</button>}
            {!readOnly && <button type="button" onClick={() => onIgnore(finding)}>忽略</button>}
          </li>
        ))}
      </ul>
    </section>
  );
}
