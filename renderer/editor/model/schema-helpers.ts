// What every rule of the bulletin schema (schema.ts, table-schema.ts) is made of: a rule looks at one node, finds
// one violation and makes one fix, and these are the moves such fixes share.
import { Editor, Element, Node, Path, Text, Transforms, type Ancestor, type Descendant } from 'slate';

export type Rule<N> = (editor: Editor, node: N, path: Path) => boolean;

/** The index of the first child that satisfies `test`, or -1. */
export function findChild(node: Ancestor, test: (child: Descendant, index: number) => boolean): number {
  return node.children.findIndex(test);
}

/** Wraps the node at `path` in `wrapper`. (Slate's wrapNodes needs text to compute a range; a hostile node may have none.) */
export function wrapAt(editor: Editor, path: Path, wrapper: Element): void {
  Editor.withoutNormalizing(editor, () => {
    Transforms.insertNodes(editor, { ...wrapper, children: [] }, { at: path });
    Transforms.moveNodes(editor, { at: Path.next(path), to: path.concat(0) });
  });
}

/** Replaces the element at `path` by its children, also when it holds no text at all. */
export function unwrapAt(editor: Editor, path: Path): void {
  const element = Node.get(editor, path) as Element;
  Editor.withoutNormalizing(editor, () => {
    for (let i = element.children.length - 1; i >= 0; i--) Transforms.moveNodes(editor, { at: path.concat(i), to: Path.next(path) });
    Transforms.removeNodes(editor, { at: path });
  });
}

/** Text directly in an element that holds elements goes into a new `holder` (a paragraph, a cell, a caption), with the leaves beside it. */
export function strayTextWrappedIn(holder: () => Element, besideText: (node: Node | undefined) => boolean = () => false): Rule<Ancestor> {
  return (editor, node, path) => {
    let start = findChild(node, (child) => Text.isText(child));
    if (start < 0) return false;
    while (besideText(node.children[start - 1])) start--;
    let count = 1;
    while (Text.isText(node.children[start + count]) || besideText(node.children[start + count])) count++;
    Editor.withoutNormalizing(editor, () => {
      Transforms.insertNodes(editor, { ...holder(), children: [] } as Element, { at: path.concat(start) });
      for (let i = 0; i < count; i++) Transforms.moveNodes(editor, { at: path.concat(start + 1), to: path.concat(start, i) });
    });
    return true;
  };
}
