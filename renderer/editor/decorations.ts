// The body's decorations (proofreading highlights, pages that start inside a paragraph) indexed by the path of
// the text they fall in, so that decorating a text node is one lookup, not a pass over every finding.
import { Editor, Node, Path, Range, Text, type BaseRange } from 'slate';
import type { PageMark } from './page-plan.ts';

export interface Highlight {
  key: string;
  range: BaseRange;
}

export type BodyDecoration = BaseRange & ({ finding: string } | { pageStart: number });

export const NO_DECORATIONS: BodyDecoration[] = [];

export const pathKey = (path: Path) => path.join(',');

function texts(editor: Editor, range: BaseRange): [Text, Path][] {
  if (!Node.has(editor, range.anchor.path) || !Node.has(editor, range.focus.path)) return [];
  if (Path.equals(range.anchor.path, range.focus.path)) {
    const node = Node.get(editor, range.anchor.path);
    return Text.isText(node) ? [[node, range.anchor.path]] : [];
  }
  return [...Editor.nodes(editor, { at: range, match: Text.isText })] as [Text, Path][];
}

export function decorationIndex(editor: Editor, highlights: readonly Highlight[], inside: readonly PageMark[]): Map<string, BodyDecoration[]> {
  const index = new Map<string, BodyDecoration[]>();
  const add = (path: Path, decoration: BodyDecoration) => {
    const key = pathKey(path);
    const list = index.get(key);
    if (list) list.push(decoration);
    else index.set(key, [decoration]);
  };
  for (const highlight of highlights) {
    for (const [, path] of texts(editor, highlight.range)) {
      const intersection = Range.intersection(highlight.range, Editor.range(editor, path));
      if (intersection && !Range.isCollapsed(intersection)) add(path, { ...intersection, finding: highlight.key });
    }
  }
  for (const mark of inside) {
    const at = mark.inside!;
    if (!Node.has(editor, at.path)) continue;
    const node = Node.get(editor, at.path);
    if (!Text.isText(node) || at.offset >= node.text.length) continue;
    const width = /[\uD800-\uDBFF]/.test(node.text[at.offset]!) ? 2 : 1;
    add(at.path, { anchor: at, focus: { path: at.path, offset: at.offset + width }, pageStart: mark.page });
  }
  return index;
}

/** Whether two lists of highlights mark the same spans: a new proofreading run that found the same need not redraw the body. */
export function sameHighlights(a: readonly Highlight[], b: readonly Highlight[]): boolean {
  return a.length === b.length && a.every((highlight, i) => highlight.key === b[i]!.key && Range.equals(highlight.range, b[i]!.range));
}
