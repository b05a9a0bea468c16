// The proofreading panel: findings beside the text, grouped by kind (半角逗号 19处) in reading order; click
// one to go there, apply its fix, or ignore it (remembered with the issue), or fix a whole group at once.
// Body fixes go through Slate, so undo takes them back, a group's in one step.
import { useEffect } from 'react';
import { Editor, Transforms } from 'slate';
import { ReactEditor } from 'slate-react';
import type { Issue } from '../../shared/model/issue.ts';
import type { Finding } from '../../shared/proofread/core/finding.ts';
import { SEVERITY_LABELS } from '../../shared/proofread/core/finding.ts';
import { describeLocation } from '../../shared/proofread/core/location.ts';
import { applyFix } from '../../shared/proofread/apply-fix.ts';
import { applyFixes, groupFindings, type FindingGroup } from '../../shared/proofread/fix-all.ts';
import { errorMessage } from '../api/client.ts';
import { useNotice } from '../ui/notice.tsx';
import { findingRange } from './finding-range.ts';
import { applyFixesInEditor } from './apply-fixes.ts';
import type { Highlight } from './BulletinBody.tsx';

export function ProofreadingPanel({ editor, issue, currentIssue, findings, readOnly, onHighlight, onIssueChange, onIgnore }: {
  editor: Editor;
  /** the issue the findings were computed on (it may lag the editor by a refresh) */
  issue: Issue;
  /** the issue as the editor holds it now: fixes outside the body build on it, so no typing since the last refresh is lost */
  currentIssue: () => Issue;
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
      onIssueChange(applyFix(currentIssue(), finding));
    } catch (error) {
      notice(errorMessage(error), 'error');
    }
  }

  function fixGroup(group: FindingGroup) {
    const { applied, left } = applyFixesInEditor(editor, group.fixable);
    if (applied.length > 0) {
      if (left.length > 0) notice(`已改正${applied.length}处；另有${left.length}处不在正文中或已改动，请逐条处理`);
      return;
    }
    // only fixes outside the body (masthead, colophon): they change the issue itself, as one fix does
    const fixed = applyFixes(currentIssue(), left);
    if (fixed.applied.length > 0) onIssueChange(fixed.issue);
    if (fixed.skipped.length > 0) notice(`有${fixed.skipped.length}处已改动，请重新校对后再修改`, 'error');
  }

  function findingItem(finding: Finding) {
    return (
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
    );
  }

  const groups = groupFindings(findings);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return (
    <section className="side-section" aria-label="校对">
      <h3>
        校对 <span className={errors > 0 ? 'count-badge' : 'count-badge zero'} data-testid="finding-count">{findings.length}</span>
      </h3>
      {findings.length === 0 && <p className="hint">没有发现问题。</p>}
      <ul className="findings finding-groups">
        {groups.map((group) => (
          <li key={group.key} className="finding-group" data-testid="finding-group">
            <div className="finding-group-head">
              <span className="finding-group-label">{group.label} {group.findings.length}处</span>
              {!readOnly && group.fixable.length > 1 && (
                <button type="button" onClick={() => fixGroup(group)}>全部改正（{group.fixable.length}处）</button>
              )}
            </div>
            <ul className="findings">{group.findings.map(findingItem)}</ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
