// The revisions of an issue: each with what made it (保存, 自动保存, 审核, 恢复 …), its time, status and
// size; the one selected (↑/↓ move through the list) compared line by line with what is in the editor
// now, changed characters marked within a changed line; restored with the current 期号, date and 文号 or
// with its own.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { diffChars, diffLines } from 'diff';
import { REVISION_KIND_LABELS, type RevisionSummary } from '../../shared/api/records.ts';
import { STATUS_LABELS, type Issue } from '../../shared/model/issue.ts';
import { issueToPlainText } from '../../shared/text/plain-text.ts';
import { api, errorMessage } from '../api/client.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { useNotice } from '../ui/notice.tsx';

/** A piece of a line: unchanged, or only in one of the two texts. */
export interface Piece {
  text: string;
  changed: boolean;
}

/** One line of the comparison: in both texts, only in the revision ('removed'), or only in the current text ('added'). */
export interface ComparedLine {
  type: 'same' | 'removed' | 'added';
  pieces: Piece[];
}

const linesOf = (value: string) => value.replace(/\n$/, '').split('\n');

/** Marks the characters that differ between a line of the revision and the current line that took its place. */
function pairUp(removed: string, added: string): [ComparedLine, ComparedLine] {
  const before: Piece[] = [];
  const after: Piece[] = [];
  for (const part of diffChars(removed, added)) {
    if (!part.added) before.push({ text: part.value, changed: part.removed });
    if (!part.removed) after.push({ text: part.value, changed: part.added });
  }
  return [
    { type: 'removed', pieces: before },
    { type: 'added', pieces: after },
  ];
}

/**
 * The revision's text against the current one, line by line: where lines were removed and others added
 * in their place, they are paired in order and the changed characters within each pair are marked.
 */
function compareTexts(revisionText: string, currentText: string): ComparedLine[] {
  const out: ComparedLine[] = [];
  const changes = diffLines(revisionText, currentText);
  for (let index = 0; index < changes.length; index++) {
    const change = changes[index]!;
    const lines = linesOf(change.value);
    if (!change.added && !change.removed) {
      out.push(...lines.map((line): ComparedLine => ({ type: 'same', pieces: [{ text: line, changed: false }] })));
      continue;
    }
    const next = changes[index + 1];
    if (change.removed && next?.added) {
      const added = linesOf(next.value);
      const paired = Math.min(lines.length, added.length);
      const removedLines: ComparedLine[] = [];
      const addedLines: ComparedLine[] = [];
      for (let line = 0; line < paired; line++) {
        const [before, after] = pairUp(lines[line]!, added[line]!);
        removedLines.push(before);
        addedLines.push(after);
      }
      for (const line of lines.slice(paired)) removedLines.push({ type: 'removed', pieces: [{ text: line, changed: true }] });
      for (const line of added.slice(paired)) addedLines.push({ type: 'added', pieces: [{ text: line, changed: true }] });
      out.push(...removedLines, ...addedLines);
      index++;
      continue;
    }
    const type = change.added ? 'added' : 'removed';
    out.push(...lines.map((line): ComparedLine => ({ type, pieces: [{ text: line, changed: true }] })));
  }
  return out;
}

const SIGNS: Record<ComparedLine['type'], string> = { same: ' ', removed: '−', added: '+' };

function Comparison({ revision, old, current }: { revision: number; old: Issue; current: Issue }) {
  const revisionText = issueToPlainText(old);
  const currentText = issueToPlainText(current);
  if (revisionText === currentText) {
    return <p className="revision-same" data-testid="revision-same">第{revision}版的文字与当前相同</p>;
  }
  const lines = compareTexts(revisionText, currentText);
  return (
    <>
      <p className="hint">
        第{revision}版与当前内容的比较：<span className="diff-legend-removed">− 红色为第{revision}版有、当前已删去的</span>，
        <span className="diff-legend-added">+ 绿色为当前新增的</span>；行内加深的是改动的字。
      </p>
      <div className="revision-diff" data-testid="revision-diff" role="table" aria-label={`第${revision}版与当前内容的比较`}>
        {lines.map((line, index) => (
          <div key={index} className={`diff-line diff-${line.type}`} role="row" aria-label={line.type === 'same' ? undefined : line.type === 'added' ? '当前新增' : '当前已删去'}>
            <span className="diff-sign" aria-hidden="true">{SIGNS[line.type]}</span>
            <span className="diff-text" role="cell">
              {line.pieces.map((piece, at) =>
                piece.changed && line.type !== 'same' ? (line.type === 'added' ? <ins key={at}>{piece.text}</ins> : <del key={at}>{piece.text}</del>) : <span key={at}>{piece.text}</span>,
              )}
              {line.pieces.every((piece) => piece.text === '') && '\u00a0'}
            </span>
          </div>
        ))}
      </div>
    </>
  );
}

export function RevisionsDialog({
  issueId,
  current,
  canRestore,
  onRestore,
  onClose,
}: {
  issueId: number;
  current: Issue;
  canRestore: boolean;
  onRestore: (revision: number, withMasthead: boolean) => void;
  onClose: () => void;
}) {
  const notice = useNotice();
  const [revisions, setRevisions] = useState<RevisionSummary[]>([]);
  const [selected, setSelected] = useState(0);
  const [contents, setContents] = useState<ReadonlyMap<number, Issue>>(new Map());
  const list = useRef<HTMLUListElement>(null);
  /** revisions asked for already (arrived or on the way) */
  const asked = useRef(new Set<number>());

  useEffect(() => {
    api['revisions.list']({ issueId }).then(
      (loaded) => {
        setRevisions(loaded);
        setSelected(0);
        list.current?.focus();
      },
      (error: unknown) => notice(errorMessage(error), 'error'),
    );
  }, [issueId, notice]);

  const chosen = revisions[selected];
  const chosenContent = chosen ? contents.get(chosen.revision) : undefined;

  useEffect(() => {
    if (!chosen || asked.current.has(chosen.revision)) return;
    asked.current.add(chosen.revision);
    // kept whichever entry is selected by the time it arrives: ↑/↓ back to it shows it at once
    api['revisions.get']({ issueId, revision: chosen.revision }).then(
      (issue) => setContents((known) => new Map(known).set(chosen.revision, issue)),
      (error: unknown) => {
        asked.current.delete(chosen.revision);
        notice(errorMessage(error), 'error');
      },
    );
  }, [issueId, chosen, notice]);

  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  function keys(event: KeyboardEvent<HTMLUListElement>) {
    const last = revisions.length - 1;
    const moves: Record<string, number> = { ArrowDown: Math.min(selected + 1, last), ArrowUp: Math.max(selected - 1, 0), Home: 0, End: last };
    const to = moves[event.key];
    if (to === undefined || last < 0) return;
    event.preventDefault();
    setSelected(to);
  }

  return (
    <Dialog title="修订记录" onClose={onClose} wide>
      <div className="revisions">
        <ul
          ref={list}
          className="revision-list"
          role="listbox"
          aria-label="修订列表（↑↓ 选择）"
          tabIndex={0}
          aria-activedescendant={chosen ? `revision-${chosen.revision}` : undefined}
          onKeyDown={keys}
        >
          {revisions.map((revision, index) => {
            const label = REVISION_KIND_LABELS[revision.kind];
            return (
              <li
                key={revision.revision}
                id={`revision-${revision.revision}`}
                role="option"
                aria-selected={index === selected}
                className={index === selected ? 'revision selected' : 'revision'}
                onClick={() => setSelected(index)}
              >
                <span className={`revision-kind kind-${revision.kind}`}>{label}</span>
                <span className="revision-number">第{revision.revision}版</span>
                <span className="revision-meta">
                  {new Date(revision.savedAt).toLocaleString('zh-CN')} · {STATUS_LABELS[revision.status]} · {revision.chars}字
                </span>
                {revision.note !== label && <span className="revision-note">{revision.note}</span>}
              </li>
            );
          })}
          {revisions.length === 0 && <li className="hint">正在读取…</li>}
        </ul>
        <div className="revision-view">
          {chosen && chosenContent && <Comparison revision={chosen.revision} old={chosenContent} current={current} />}
          {chosen && !chosenContent && <p className="hint">正在读取第{chosen.revision}版…</p>}
          {chosen && (
            <div className="dialog-actions revision-actions">
              <button type="button" className="primary" disabled={!canRestore || !chosenContent} onClick={() => onRestore(chosen.revision, false)}>
                恢复内容（保留当前期号、日期和文号）
              </button>
              <button type="button" disabled={!canRestore || !chosenContent} onClick={() => onRestore(chosen.revision, true)}>
                连同期号、日期和文号一起恢复
              </button>
            </div>
          )}
          {!canRestore && <p className="hint">已印发的简报不能恢复旧版本，请先“重新打开”。</p>}
        </div>
      </div>
    </Dialog>
  );
}
