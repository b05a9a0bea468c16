// Where a proofreading finding stands in the Slate editor: the block/item/paragraph indices
// are looked up in mapping.ts's bodyPartsOf (the counting slateToIssue uses, empty parts left out),
// then the offset is walked through the text leaves. Null when the text there has changed since the check.
import { Editor, Node, Text, type BaseRange, type Path } from 'slate';
import type { Location } from '../../shared/proofread/core/location.ts';
import { bodyPartsOf, type BodyPart } from './model/mapping.ts';

// one walk of the body per value, however many findings are looked up in it (Slate's values are immutable)
const partsOfValue = new WeakMap<readonly Node[], BodyPart[]>();

function partsOf(editor: Editor): BodyPart[] {
  let parts = partsOfValue.get(editor.children);
  if (!parts) {
    parts = bodyPartsOf(editor.children);
    partsOfValue.set(editor.children, parts);
  }
  return parts;
}

function elementPath(editor: Editor, location: Location): Path | null {
  if (!('block' in location)) return null;
  // blocks[0] is the 导读, so the body starts at 1
  const part = partsOf(editor)[location.block - 1];
  if (!part) return null;
  switch (location.field) {
    case 'title':
      return part.type === 'article' ? (part.title?.path ?? null) : null;
    case 'subtitle':
      return part.type === 'article' ? (part.subtitle?.path ?? null) : null;
    case 'paragraph':
      return part.type === 'article' ? (part.paragraphs[location.paragraph]?.path ?? null) : null;
    case 'head':
      return part.type === 'news' ? (part.items[location.item]?.head?.path ?? null) : null;
    case 'itemParagraph':
      return part.type === 'news' ? (part.items[location.item]?.paragraphs[location.paragraph]?.path ?? null) : null;
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
