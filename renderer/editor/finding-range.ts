// Where a proofreading finding stands in the Slate editor: the block/item/paragraph indices
// are counted the way slateToIssue counts them (empty parts left out), then the offset is walked
// through the text leaves. Null when the text there has changed since the check.
import { Editor, Node, Text, type BaseRange, type Descendant, type Path } from 'slate';
import type { Location } from '../../shared/proofread/location.ts';
import { isOfType } from './model/nodes.ts';
import { bodyBlocksOf } from './model/mapping.ts';

const hasText = (node: Node) => Node.string(node) !== '';

/** Slate paths of the body blocks, in the order (blocks[0] is the 导读, so body starts at 1). */
function bodyBlockPaths(children: readonly Descendant[]): Path[] {
  const paths: Path[] = [];
  children.forEach((node, index) => {
    if (bodyBlocksOf([node]).length > 0) paths.push([index]);
  });
  return paths;
}

/** The k-th child with content of the given type under `parent`, as slateToIssue counts them. */
function nthWithText(editor: Editor, parent: Path, type: 'paragraph' | 'news-item', k: number): Path | null {
  const node = Node.get(editor, parent);
  if (!('children' in node)) return null;
  let seen = 0;
  for (let i = 0; i < node.children.length; i++) {
    const child = node.children[i]!;
    if (!isOfType(child, type) || !hasText(child)) continue;
    if (seen++ === k) return parent.concat(i);
  }
  return null;
}

function childOfType(editor: Editor, parent: Path, type: 'article-title' | 'article-subtitle' | 'item-head'): Path | null {
  const node = Node.get(editor, parent);
  if (!('children' in node)) return null;
  const index = node.children.findIndex((child) => isOfType(child, type));
  return index >= 0 ? parent.concat(index) : null;
}

function elementPath(editor: Editor, location: Location): Path | null {
  if (!('block' in location)) return null;
  const blockPath = bodyBlockPaths(editor.children)[location.block - 1];
  if (!blockPath) return null;
  switch (location.field) {
    case 'title':
      return childOfType(editor, blockPath, 'article-title');
    case 'subtitle':
      return childOfType(editor, blockPath, 'article-subtitle');
    case 'paragraph':
      return nthWithText(editor, blockPath, 'paragraph', location.paragraph);
    case 'head': {
      const item = nthWithText(editor, blockPath, 'news-item', location.item);
      return item && childOfType(editor, item, 'item-head');
    }
    case 'itemParagraph': {
      const item = nthWithText(editor, blockPath, 'news-item', location.item);
      return item && nthWithText(editor, item, 'paragraph', location.paragraph);
    }
    default:
      return null;
  }
}

/** The range of the finding's span in the editor, or null when it is outside the body or out of date. */
export function findingRange(editor: Editor, location: Location, expectedText: string): BaseRange | null {
  const path = elementPath(editor, location);
  if (!path || !Node.has(editor, path)) return null;
  const element = Node.get(editor, path);
  if (Node.string(element).slice(location.offset, location.offset + location.length) !== expectedText) return null;
  let anchor: BaseRange['anchor'] | null = null;
  let focus: BaseRange['focus'] | null = null;
  let position = 0;
  const end = location.offset + location.length;
  for (const [leaf, leafPath] of Node.texts(element)) {
    if (!Text.isText(leaf)) continue;
    const next = position + leaf.text.length;
    const absolute = path.concat(leafPath);
    if (anchor === null && location.offset <= next) anchor = { path: absolute, offset: location.offset - position };
    if (focus === null && end <= next) {
      focus = { path: absolute, offset: end - position };
      break;
    }
    position = next;
  }
  if (!anchor || !focus) return null;
  return Editor.unhangRange(editor, { anchor, focus });
}
