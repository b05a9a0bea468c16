// The bulletin editor's commands (toolbar and shortcuts) and what Enter, Backspace and Delete do in
// each part of the structure; key handlers return true when they handled the key.
import { Editor, Node, Path, Range, Text, Transforms } from 'slate';
import type { HeadingLevel } from '../../../shared/model/issue.ts';
import { aboveOfType, articleNode, deleteSelection, isBlank, isContentNode, isOfType, lineNode, newsItemNode, paragraphNode, showsRunIn, textBlockAt } from './nodes.ts';
import { templateSectionsOf } from './schema.ts';
import type { ArticleElement, NewsSectionElement } from './types.ts';

function lastArticleIndex(editor: Editor): number {
  return editor.children.findLastIndex((child) => isOfType(child, 'article'));
}

/** A new empty article after the cursor's article (or after the last one), with the cursor in its title. */
export function insertArticle(editor: Editor): Path {
  const top = editor.selection?.anchor.path[0];
  const at = [top !== undefined && isOfType(editor.children[top], 'article') ? top + 1 : lastArticleIndex(editor) + 1];
  Transforms.insertNodes(editor, articleNode(), { at });
  Transforms.select(editor, Editor.start(editor, at.concat(0)));
  return at;
}

/** A subtitle for the cursor's article (the existing one if it has one), with the cursor in it. */
export function insertSubtitle(editor: Editor): boolean {
  const article = aboveOfType(editor, 'article');
  if (!article) return false;
  const at = article[1].concat(1);
  if (!isOfType(article[0].children[1], 'article-subtitle')) Transforms.insertNodes(editor, lineNode('article-subtitle'), { at });
  Transforms.select(editor, Editor.end(editor, at));
  return true;
}

function sectionPath(editor: Editor, heading?: string): Path | undefined {
  const index = editor.children.findIndex((child) => isOfType(child, 'news-section') && (heading === undefined || child.heading === heading));
  return index < 0 ? undefined : [index];
}

/**
 * A new ▲ item with the cursor in its head: after the cursor's item when the cursor is in that
 * section, else at the end of the section named (or the cursor's, or the first). A blank item is
 * reused instead of adding a second one. Returns the item's path, or null when there is no such section.
 */
export function insertNewsItem(editor: Editor, sectionHeading?: string): Path | null {
  const current = aboveOfType(editor, 'news-section');
  const target = sectionHeading !== undefined ? sectionPath(editor, sectionHeading) : (current?.[1] ?? sectionPath(editor));
  if (!target) return null;
  const section = Node.get(editor, target) as NewsSectionElement;
  const item = aboveOfType(editor, 'news-item');
  const neighbour = item && Path.isAncestor(target, item[1]) ? item : ([section.children.at(-1)!, target.concat(section.children.length - 1)] as const);
  let at = neighbour[1];
  if (!isBlank(neighbour[0])) {
    at = Path.next(neighbour[1]);
    Transforms.insertNodes(editor, newsItemNode(neighbour[0].form), { at });
  }
  Transforms.select(editor, Editor.start(editor, at.concat(0)));
  return at;
}

/** The sub-heading level of the cursor's paragraph: null for body text, undefined outside a paragraph. */
export function currentHeadingLevel(editor: Editor): HeadingLevel | null | undefined {
  const block = textBlockAt(editor)?.[0];
  return isOfType(block, 'paragraph') ? (block.heading ?? null) : undefined;
}

/** Makes the selected paragraphs sub-headings of `level`, or body text with null. False when no paragraph is selected. */
export function setHeadingLevel(editor: Editor, level: HeadingLevel | null): boolean {
  const match = (node: Node) => isOfType(node, 'paragraph');
  if (!editor.selection || Editor.nodes(editor, { match }).next().done) return false;
  if (level === null) Transforms.unsetNodes(editor, 'heading', { match });
  else Transforms.setNodes(editor, { heading: level }, { match });
  return true;
}

/** The text elements whose runs may be bold: body paragraphs and table cells. */
const takesBold = (node: Node): boolean => isOfType(node, 'paragraph') || isOfType(node, 'table-cell');

/** Whether the cursor types bold, or every selected paragraph character is bold. */
export function isBoldActive(editor: Editor): boolean {
  const { selection } = editor;
  if (!selection) return false;
  if (Range.isCollapsed(selection)) return Editor.marks(editor)?.bold === true;
  let anyText = false;
  for (const [leaf, path] of Editor.nodes(editor, { match: Text.isText })) {
    const overlap = Range.intersection(selection, Editor.range(editor, path));
    if (!overlap || Range.isCollapsed(overlap) || !takesBold(Node.parent(editor, path))) continue;
    if (!leaf.bold) return false;
    anyText = true;
  }
  return anyText;
}

/** Bold on or off for the selection (or for what is typed next); only paragraphs and table cells take bold. */
export function toggleBold(editor: Editor): boolean {
  if (!editor.selection || Editor.nodes(editor, { match: takesBold }).next().done) return false;
  if (isBoldActive(editor)) Editor.removeMark(editor, 'bold');
  else Editor.addMark(editor, 'bold', true);
  return true;
}

/** Swaps the article at `path` with the article above or below it; false at either end. */
export function moveArticle(editor: Editor, path: Path, direction: 'up' | 'down'): boolean {
  if (path.length !== 1 || !isOfType(editor.children[path[0]!], 'article')) return false;
  const target = path[0]! + (direction === 'up' ? -1 : 1);
  if (!isOfType(editor.children[target], 'article')) return false;
  Transforms.moveNodes(editor, { at: path, to: [target] });
  return true;
}

/**
 * Removes the article, news item or section at `path`, the explicit way to delete a block that keys
 * never remove. A section of the template is emptied instead (its heading stays, as the template has it).
 */
export function removeBlock(editor: Editor, path: Path): boolean {
  if (!Node.has(editor, path)) return false;
  const node = Node.get(editor, path);
  if (isOfType(node, 'article') || isOfType(node, 'news-item')) {
    Transforms.removeNodes(editor, { at: path });
  } else if (isOfType(node, 'news-section') && templateSectionsOf(editor).includes(node.heading)) {
    Editor.withoutNormalizing(editor, () => {
      Transforms.insertNodes(editor, newsItemNode(node.children[0]?.form ?? 'colon'), { at: path.concat(node.children.length) });
      for (let i = node.children.length - 1; i >= 0; i--) Transforms.removeNodes(editor, { at: path.concat(i) });
    });
  } else if (isOfType(node, 'news-section')) {
    Transforms.removeNodes(editor, { at: path });
  } else {
    return false;
  }
  return true;
}

// ---- keys ----

/** Splits the cursor's paragraph; the new paragraph is body text even when this one is a sub-heading. */
function splitParagraph(editor: Editor, paragraphPath: Path): void {
  Transforms.splitNodes(editor, { always: true });
  Transforms.unsetNodes(editor, 'heading', { at: Path.next(paragraphPath) });
}

/** Moves into the article's first paragraph when it is blank, else opens a new one before it. */
function enterArticleBody(editor: Editor, articlePath: Path): void {
  const article = Node.get(editor, articlePath) as ArticleElement;
  const index = article.children.findIndex((child) => isContentNode(child));
  const at = articlePath.concat(index);
  const first = article.children[index]!;
  if (!isOfType(first, 'paragraph') || !isBlank(first)) Transforms.insertNodes(editor, paragraphNode(), { at });
  Transforms.select(editor, Editor.start(editor, at));
}

/**
 * Enter: in a title or subtitle, to the first paragraph (a new one unless it is blank); in an item
 * head, to the item's first paragraph; at the end of an item's last paragraph, a new item; else the
 * paragraph splits. Never splits a title or head. In a table cell nothing happens (the cell keeps its line), in a
 * table's title the caret goes to the first cell, in a caption to the paragraph below the figure.
 */
export function handleEnter(editor: Editor): boolean {
  if (!editor.selection) return false;
  deleteSelection(editor);
  const entry = textBlockAt(editor);
  if (!entry) return false;
  const [block, path] = entry;
  if (block.type === 'table-cell') {
    // the cell keeps its one line: Enter neither splits the table nor opens a paragraph in it
  } else if (block.type === 'table-title') {
    Transforms.select(editor, Editor.start(editor, Path.next(path)));
  } else if (block.type === 'figure-caption') {
    leaveFigure(editor, Path.parent(path));
  } else if (block.type === 'article-title' || block.type === 'article-subtitle') {
    enterArticleBody(editor, Path.parent(path));
  } else if (block.type === 'item-head') {
    Transforms.select(editor, Editor.start(editor, Path.next(path)));
  } else {
    const item = Node.parent(editor, path);
    const atItemEnd = isOfType(item, 'news-item') && path.at(-1) === item.children.length - 1 && Editor.isEnd(editor, editor.selection!.anchor, path);
    if (atItemEnd) {
      const at = Path.next(Path.parent(path));
      Transforms.insertNodes(editor, newsItemNode(item.form), { at });
      Transforms.select(editor, Editor.start(editor, at));
    } else {
      splitParagraph(editor, path);
    }
  }
  return true;
}

/** From a figure's caption to the paragraph below the figure (a new one unless that one is blank). */
function leaveFigure(editor: Editor, figurePath: Path): void {
  const next = Path.next(figurePath);
  const below = Node.has(editor, next) ? Node.get(editor, next) : undefined;
  if (!isOfType(below, 'paragraph') || !isBlank(below)) Transforms.insertNodes(editor, paragraphNode(), { at: next });
  Transforms.select(editor, Editor.start(editor, next));
}

/** The clerk's forced line break in a title: kept in the title's text, printed in every output. */
export const TITLE_LINE_BREAK = '\n';

/**
 * Shift+Enter: in a title, a forced line break (the title prints its lines there); in a paragraph, a new
 * paragraph in the same article or item, even at an item's end; elsewhere as Enter.
 */
export function handleShiftEnter(editor: Editor): boolean {
  if (!editor.selection) return false;
  deleteSelection(editor);
  const entry = textBlockAt(editor);
  if (entry?.[0].type === 'article-title') {
    Transforms.insertText(editor, TITLE_LINE_BREAK);
    return true;
  }
  if (entry && (entry[0].type === 'table-cell' || entry[0].type === 'table-title' || entry[0].type === 'figure-caption')) return true;
  if (!entry || entry[0].type !== 'paragraph') return handleEnter(editor);
  splitParagraph(editor, entry[1]);
  return true;
}

/** Removes a blank paragraph that is not its block's only one, the cursor going to the end of the line above. */
function removeBlankParagraph(editor: Editor, path: Path): boolean {
  const parent = Node.parent(editor, path);
  const paragraphs = parent.children.filter((child) => isOfType(child, 'paragraph')).length;
  if (!isBlank(Node.get(editor, path)) || paragraphs < 2) return false;
  Transforms.removeNodes(editor, { at: path });
  Transforms.select(editor, Editor.end(editor, Path.previous(path)));
  return true;
}

/**
 * Backspace at the start of a block: never merges across structure. A sub-heading first becomes body
 * text, a blank paragraph or subtitle goes away, a paragraph joins the paragraph above it (not a table or
 * figure above it); at the start of a table cell, table title or caption nothing happens; at the start
 * of an item's text shown run in after its head (`▲安化县：|7月11日`) the cursor goes back into the head;
 * at the start of a title, head or other first paragraph nothing happens. Elsewhere Slate deletes a character.
 */
export function handleBackspace(editor: Editor): boolean {
  const { selection } = editor;
  if (!selection) return false;
  if (Range.isExpanded(selection)) {
    Editor.deleteFragment(editor, { direction: 'backward' });
    return true;
  }
  const entry = textBlockAt(editor);
  if (!entry || !Editor.isStart(editor, selection.anchor, entry[1])) return false;
  const [block, path] = entry;
  // a cell, a table title or a caption never merges with what stands before it
  if (block.type === 'table-cell' || block.type === 'table-title' || block.type === 'figure-caption') return true;
  if (block.type === 'paragraph') {
    if (block.heading !== undefined) {
      Transforms.unsetNodes(editor, 'heading', { at: path });
      return true;
    }
    if (removeBlankParagraph(editor, path)) return true;
    const item = Node.parent(editor, path);
    if (isOfType(item, 'news-item') && path.at(-1) === 1 && showsRunIn(item)) Transforms.select(editor, Editor.end(editor, Path.previous(path)));
    return !isOfType(Node.get(editor, Path.previous(path)), 'paragraph');
  }
  if (block.type === 'article-subtitle' && isBlank(block)) {
    Transforms.removeNodes(editor, { at: path });
    Transforms.select(editor, Editor.end(editor, Path.previous(path)));
  }
  return true;
}

/**
 * Delete at the end of a block: a paragraph takes in the next paragraph of the same article or
 * item; a blank paragraph goes away; nothing else merges. Elsewhere Slate deletes a character.
 */
export function handleDelete(editor: Editor): boolean {
  const { selection } = editor;
  if (!selection) return false;
  if (Range.isExpanded(selection)) {
    Editor.deleteFragment(editor, { direction: 'forward' });
    return true;
  }
  const entry = textBlockAt(editor);
  if (!entry || !Editor.isEnd(editor, selection.anchor, entry[1])) return false;
  const [block, path] = entry;
  if (block.type !== 'paragraph') return true;
  const next = Node.has(editor, Path.next(path)) ? Node.get(editor, Path.next(path)) : undefined;
  if (isOfType(next, 'paragraph')) return false;
  removeBlankParagraph(editor, path);
  return true;
}
