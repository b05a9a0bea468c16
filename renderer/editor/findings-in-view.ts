// The proofreading findings the clerk sees: without the ignored ones, and without "只有标题，没有正文"
// for the article the caret is in (a title is written before its text; it shows once the caret leaves).
import { Node, type Editor } from 'slate';
import { withoutIgnored, type Finding } from '../../shared/proofread/core/finding.ts';
import { aboveOfType } from './model/nodes.ts';

const WRITTEN_IN_ORDER = new Set(['structure.empty-article']);

/** The title of the article the caret is in, while that article has no text, table or figure yet; null otherwise. */
export function articleBeingStarted(editor: Editor): string | null {
  const entry = aboveOfType(editor, 'article');
  if (!entry) return null;
  const [title, ...rest] = entry[0].children;
  if (rest.some((child) => child.type === 'table' || child.type === 'figure' || (child.type === 'paragraph' && Node.string(child).trim()))) return null;
  return title ? Node.string(title) : null;
}

/** `ignored` is the list as it is now, so that 忽略 takes effect before the next proofreading run. */
export function findingsInView(findings: readonly Finding[], ignored: readonly string[] | undefined, startedTitle: string | null): Finding[] {
  const shown = withoutIgnored(findings, ignored);
  if (startedTitle === null) return shown;
  return shown.filter((finding) => !(WRITTEN_IN_ORDER.has(finding.rule) && finding.text === startedTitle));
}
