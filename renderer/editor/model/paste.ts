// Pasting into the bulletin body: plain text and HTML lines (Word, WPS, LibreOffice, web pages, read by
// ../clipboard-html.ts with their bold) cleaned exactly like import (page numbers, spaces in dates, hard
// wraps; inside a news section ▲ lines become items), and Slate fragments copied in the editor (bold
// kept), all placed at the cursor without breaking the structure.
import { Editor, Element, Node, Path, Text, Transforms, type Descendant } from 'slate';
import type { HeadingLevel, NewsHeadForm } from '../../../shared/model/issue.ts';
import { unitsOfLines, type Unit } from '../../../shared/import/units.ts';
import { itemFromLine } from '../../../shared/import/body.ts';
import { runsOf } from '../../../shared/import/body-builder.ts';
import { headingLevelOf } from '../../../shared/import/heading-level.ts';
import { cleanLines } from '../../../shared/text/lines.ts';
import { aboveOfType, articleNode, deleteSelection, emptyText, isBlank, isOfType, isTextBlock, newsItemNode, paragraphNode, textBlockAt, unitHeadSplit } from './nodes.ts';
import type { BulletinText, FigureElement, NewsSectionElement, ParagraphElement, TableElement } from './types.ts';
import { dropBlankBelowContent, insertContentNode } from './table-commands.ts';

interface ParagraphPiece {
  kind: 'paragraph';
  leaves: BulletinText[];
  heading?: HeadingLevel;
}

interface ItemPiece {
  kind: 'item';
  form: NewsHeadForm;
  head: string;
  paragraphs: ParagraphPiece[];
}

interface ArticlePiece {
  kind: 'article';
  title: string;
  subtitle?: string;
  paragraphs: ParagraphPiece[];
}

/** Whole paragraphs (a copied item pasted into an article) that stand on their own rather than join the cursor's text. */
interface ParagraphsPiece {
  kind: 'paragraphs';
  paragraphs: ParagraphPiece[];
}

/** A table or figure copied in the editor, pasted whole. */
interface ContentPiece {
  kind: 'content';
  node: TableElement | FigureElement;
}

type ContainerPiece = ItemPiece | ArticlePiece | ParagraphsPiece | ContentPiece;
type PastePiece = ParagraphPiece | ContainerPiece;

function paragraphPiece(leaves: BulletinText[], heading?: HeadingLevel): ParagraphPiece {
  return heading === undefined ? { kind: 'paragraph', leaves } : { kind: 'paragraph', leaves, heading };
}

const withoutBoldMarks = (text: string) => runsOf(text).map((run) => run.text).join('');

/** A pasted line as a paragraph: `**` marks dropped (plain text carries no bold), sub-heading level as import reads it. */
function textParagraph(text: string): ParagraphPiece {
  const plain = withoutBoldMarks(text);
  return paragraphPiece([{ text: plain }], headingLevelOf(plain) ?? undefined);
}

function itemPiece(line: string): ItemPiece {
  const { head, form, rest } = itemFromLine(line);
  return { kind: 'item', head: withoutBoldMarks(head), form: form ?? 'colon', paragraphs: rest ? [textParagraph(rest)] : [] };
}

// ---- runs ----

const plainOf = (leaves: readonly BulletinText[]) => leaves.map((leaf) => leaf.text).join('');

/** Neighbouring leaves of one style joined, empty ones dropped. */
function joinLeaves(leaves: readonly BulletinText[]): BulletinText[] {
  const out: BulletinText[] = [];
  for (const leaf of leaves) {
    if (leaf.text === '') continue;
    const last = out.at(-1);
    if (last && (last.bold === true) === (leaf.bold === true)) last.text += leaf.text;
    else out.push(leaf.bold ? { text: leaf.text, bold: true } : { text: leaf.text });
  }
  return out;
}

/** The leaves from character `start` to `end` of their text. */
function sliceLeaves(leaves: readonly BulletinText[], start: number, end = Infinity): BulletinText[] {
  const out: BulletinText[] = [];
  let at = 0;
  for (const leaf of leaves) {
    const from = Math.max(start - at, 0);
    const to = Math.min(end - at, leaf.text.length);
    if (to > from) out.push({ ...leaf, text: leaf.text.slice(from, to) });
    at += leaf.text.length;
  }
  return out;
}

function trimLeavesStart(leaves: readonly BulletinText[]): BulletinText[] {
  const text = plainOf(leaves);
  return sliceLeaves(leaves, text.length - text.trimStart().length);
}

/**
 * `text`, which cleaning made of the source leaves, with the bold of the source characters it kept.
 * Cleaning (trimming, spaces around digits, joining hard-wrapped lines) only drops white space and, between
 * colophon lines, adds a comma, so a character that the source has next, past white space only, is that character.
 */
function restyle(text: string, source: readonly BulletinText[]): BulletinText[] {
  const chars = plainOf(source);
  const bold: boolean[] = source.flatMap((leaf) => Array.from({ length: leaf.text.length }, () => leaf.bold === true));
  const out: BulletinText[] = [];
  let at = 0;
  for (const ch of text) {
    let k = at;
    while (k < chars.length && !chars.startsWith(ch, k) && /\s/.test(chars[k]!)) k++;
    const found = chars.startsWith(ch, k);
    out.push(found && bold[k] ? { text: ch, bold: true } : { text: ch });
    if (found) at = k + ch.length;
  }
  return joinLeaves(out);
}

/** A pasted line of styled text as a paragraph: its bold kept, its sub-heading level as import reads it. */
function styledParagraph(leaves: readonly BulletinText[]): ParagraphPiece {
  return paragraphPiece(joinLeaves(leaves), headingLevelOf(plainOf(leaves)) ?? undefined);
}

const ITEM_MARK = /^[▲△]\s*/;

/**
 * A ▲ line of styled text as an item. A unit name before a colon (`▲安化县：…`) makes a colon item, as
 * import reads it; else a bold lead is the head, as Word prints one: `▲**市直单位、县区：**…` a colon
 * item, `▲**桃江县抓整改**　…` a run-in headline, a bold line alone a headline of its own line.
 */
function styledItemPiece(leaves: readonly BulletinText[]): ItemPiece {
  const line = sliceLeaves(leaves, ITEM_MARK.exec(plainOf(leaves))?.[0].length ?? 0);
  const text = plainOf(line);
  const item = (form: NewsHeadForm, head: string, rest: readonly BulletinText[]): ItemPiece => {
    const body = trimLeavesStart(rest);
    return { kind: 'item', form, head: head.trim(), paragraphs: plainOf(body).trim() !== '' ? [styledParagraph(body)] : [] };
  };
  const unit = unitHeadSplitOfLine(text);
  const lead = line[0]?.bold ? line[0].text.trimEnd() : '';
  if (lead !== '' && (!unit || unit.colon >= lead.length)) {
    const after = sliceLeaves(line, lead.length);
    if (/[：:]$/.test(lead)) return item('colon', lead.slice(0, -1), after);
    const colon = /^\s*[：:]/.exec(plainOf(after));
    if (colon) return item('colon', lead, sliceLeaves(after, colon[0].length));
    return plainOf(after).trim() === '' ? item('ownLine', lead, []) : item('runIn', lead, after);
  }
  if (unit) return item('colon', text.slice(0, unit.colon), sliceLeaves(line, unit.colon + 1));
  return item('ownLine', text, []);
}

/** The importer's `单位：` at the start of an item line: where its colon is, or null. */
function unitHeadSplitOfLine(text: string): { colon: number } | null {
  if (text.includes('**')) return null;
  const { head, form } = itemFromLine(text);
  return form === 'colon' ? { colon: head.length } : null;
}

function toParagraphNode(piece: ParagraphPiece): ParagraphElement {
  const leaves = piece.leaves.filter((leaf) => leaf.text !== '');
  return paragraphNode(leaves.length > 0 ? leaves : [emptyText()], piece.heading);
}

/** An item pasted outside a news section: its bold head leads its first paragraph as it prints. */
function itemAsParagraphs(item: ItemPiece): ParagraphPiece[] {
  const head: BulletinText = { text: item.head, bold: true };
  const [first, ...rest] = item.paragraphs;
  if (item.form === 'ownLine' || !first) return [paragraphPiece([head]), ...item.paragraphs];
  const separator = item.form === 'colon' ? [{ text: '：' }] : [];
  return [paragraphPiece([head, ...separator, ...first.leaves]), ...rest];
}

/** Paragraphs that follow an article or item belong to it; those after a table or figure stand whole below it. */
function attachParagraphs(pieces: PastePiece[]): PastePiece[] {
  const out: PastePiece[] = [];
  for (const piece of pieces) {
    const last = out.at(-1);
    if (piece.kind === 'paragraph' && last?.kind === 'content') out.push({ kind: 'paragraphs', paragraphs: [piece] });
    else if (piece.kind === 'paragraph' && last && last.kind !== 'paragraph' && last.kind !== 'content') last.paragraphs.push(piece);
    else out.push(piece);
  }
  return out;
}

// ---- placing pieces at the cursor ----

function insertLeaves(editor: Editor, leaves: readonly BulletinText[]): void {
  const nonEmpty = leaves.filter((leaf) => leaf.text !== '');
  if (nonEmpty.length > 0) Transforms.insertNodes(editor, nonEmpty.map((leaf) => ({ ...leaf })), { select: true });
}

/** Paragraphs at the start of an article's or item's body; a blank body paragraph gives way to them. */
function insertBodyParagraphs(editor: Editor, containerPath: Path, pieces: ParagraphPiece[]): void {
  const container = Node.get(editor, containerPath) as Element;
  const start = container.children.findIndex((child) => isOfType(child, 'paragraph'));
  const at = containerPath.concat(start < 0 ? container.children.length : start);
  const onlyBlank = start >= 0 && container.children.length === start + 1 && isBlank(container.children[start]!);
  Transforms.insertNodes(editor, pieces.map(toParagraphNode), { at });
  if (onlyBlank) Transforms.removeNodes(editor, { at: containerPath.concat(start + pieces.length) });
  Transforms.select(editor, Editor.end(editor, containerPath.concat(at.at(-1)! + pieces.length - 1)));
}

/**
 * Paragraph pieces at the cursor, as Word pastes: the first joins the text before the cursor, the
 * last the text after it, the others stand between. In a title, subtitle or head the first line
 * joins it and the rest open the body below.
 */
function insertParagraphPieces(editor: Editor, pieces: ParagraphPiece[]): void {
  const entry = textBlockAt(editor);
  const [first, ...others] = pieces;
  if (!entry || !first) return;
  const [block, blockPath] = entry;
  if (block.type !== 'paragraph') {
    const [headLeaves, textLeaves] = others.length > 0 ? splitAtUnitColon(editor, blockPath, first.leaves) : [first.leaves, null];
    insertLeaves(editor, headLeaves);
    if (textLeaves) others.unshift(paragraphPiece(textLeaves));
    if (others.length > 0) insertBodyParagraphs(editor, Path.parent(blockPath), others);
    return;
  }
  if (isBlank(block) && first.heading !== undefined) Transforms.setNodes(editor, { heading: first.heading }, { at: blockPath });
  insertLeaves(editor, first.leaves);
  const last = others.pop();
  if (!last) return;
  Transforms.splitNodes(editor, { always: true });
  const tailPath = Path.next(blockPath);
  if (last.heading === undefined) Transforms.unsetNodes(editor, 'heading', { at: tailPath });
  else Transforms.setNodes(editor, { heading: last.heading }, { at: tailPath });
  if (others.length > 0) Transforms.insertNodes(editor, others.map(toParagraphNode), { at: tailPath });
  insertLeaves(editor, last.leaves);
}

/**
 * Lines pasted into a colon item's head whose first line completes a `单位：正文` head: that line's
 * text after the colon opens the item's text, before the other lines (the schema splits a head on its
 * own, but would put that text after them). Returns what goes into the head and what opens the text.
 */
function splitAtUnitColon(editor: Editor, headPath: Path, leaves: readonly BulletinText[]): [readonly BulletinText[], BulletinText[] | null] {
  const item = Node.parent(editor, headPath);
  if (!isOfType(item, 'news-item') || item.form !== 'colon' || !isOfType(Node.get(editor, headPath), 'item-head')) return [leaves, null];
  const before = Editor.string(editor, { anchor: Editor.start(editor, headPath), focus: editor.selection!.anchor });
  const split = unitHeadSplit(before + plainOf(leaves));
  if (!split || split.colon < before.length) return [leaves, null];
  const text = sliceLeaves(leaves, split.restStart - before.length);
  return [sliceLeaves(leaves, 0, split.headEnd - before.length), plainOf(text) !== '' ? text : null];
}

function itemNodeOf(piece: ItemPiece) {
  return newsItemNode(piece.form, piece.head, piece.paragraphs.length > 0 ? piece.paragraphs.map(toParagraphNode) : undefined);
}

function articleNodeOf(piece: ArticlePiece) {
  return articleNode(piece.title, piece.subtitle, piece.paragraphs.length > 0 ? piece.paragraphs.map(toParagraphNode) : undefined);
}

/** Inserts `node` after the block at `after`, or in its place when that block is still blank; returns where it went. */
function insertAfterOrReplace(editor: Editor, after: Path, node: Element): Path {
  if (isBlank(Node.get(editor, after))) {
    Transforms.removeNodes(editor, { at: after });
    Transforms.insertNodes(editor, node, { at: after });
    return after;
  }
  const at = Path.next(after);
  Transforms.insertNodes(editor, node, { at });
  return at;
}

/** Whole paragraphs after the cursor's paragraph (split at the cursor, or in place of it when blank), or atop the body from a title or head. */
function insertWholeParagraphs(editor: Editor, pieces: ParagraphPiece[]): void {
  const entry = textBlockAt(editor);
  if (!entry || pieces.length === 0) return;
  const [block, path] = entry;
  if (block.type !== 'paragraph') return insertBodyParagraphs(editor, Path.parent(path), pieces);
  const point = editor.selection!.anchor;
  let at = Path.next(path);
  if (isBlank(block)) {
    Transforms.removeNodes(editor, { at: path });
    at = path;
  } else if (Editor.isStart(editor, point, path)) {
    at = path;
  } else if (!Editor.isEnd(editor, point, path)) {
    Transforms.splitNodes(editor, { always: true });
  }
  Transforms.insertNodes(editor, pieces.map(toParagraphNode), { at });
  Transforms.select(editor, Editor.end(editor, at.slice(0, -1).concat(at.at(-1)! + pieces.length - 1)));
}

/**
 * Items after the cursor's item (in a section), articles after the cursor's article (else after the
 * last article), whole paragraphs after the cursor's paragraph; each next piece after the previous one.
 */
function insertContainerPieces(editor: Editor, pieces: ContainerPiece[]): void {
  const anchor = editor.selection!.anchor.path;
  const item = aboveOfType(editor, 'news-item');
  let itemAfter = item ? Editor.pathRef(editor, item[1]) : null;
  const articleIndex = isOfType(editor.children[anchor[0]!], 'article') ? anchor[0]! : editor.children.findLastIndex((child) => isOfType(child, 'article'));
  let articleAfter = Editor.pathRef(editor, [articleIndex]);
  for (const piece of pieces) {
    if (piece.kind === 'content') {
      // outside an article or item (a section's heading has no text to stand in) a table or figure has no place
      insertContentNode(editor, piece.node);
    } else if (piece.kind === 'paragraphs') {
      insertWholeParagraphs(editor, piece.paragraphs);
    } else if (piece.kind === 'item' && itemAfter?.current) {
      const at = insertAfterOrReplace(editor, itemAfter.current, itemNodeOf(piece));
      itemAfter.unref();
      itemAfter = Editor.pathRef(editor, at);
      Transforms.select(editor, Editor.end(editor, at));
    } else if (piece.kind === 'article' && articleAfter.current) {
      const at = insertAfterOrReplace(editor, articleAfter.current, articleNodeOf(piece));
      articleAfter.unref();
      articleAfter = Editor.pathRef(editor, at);
      Transforms.select(editor, Editor.end(editor, at));
    }
  }
  itemAfter?.unref();
  articleAfter.unref();
  dropBlankBelowContent(editor);
}

/** Places pasted pieces at the cursor; items are only made inside a news section, elsewhere they become paragraphs as they print. */
function insertPieces(editor: Editor, pieces: PastePiece[]): void {
  if (!editor.selection || pieces.length === 0) return;
  Editor.withoutNormalizing(editor, () => {
    deleteSelection(editor);
    if (inTextHolderOfTable(editor)) return insertIntoCell(editor, pieces);
    const inSection = aboveOfType(editor, 'news-section') !== undefined;
    const placed = attachParagraphs(inSection ? pieces : pieces.map((piece) => (piece.kind === 'item' ? { kind: 'paragraphs', paragraphs: itemAsParagraphs(piece) } : piece)));
    const firstContainer = placed.findIndex((piece) => piece.kind !== 'paragraph');
    const leading = (firstContainer < 0 ? placed : placed.slice(0, firstContainer)) as ParagraphPiece[];
    insertParagraphPieces(editor, leading);
    if (firstContainer >= 0) insertContainerPieces(editor, placed.slice(firstContainer) as ContainerPiece[]);
  });
}

/** Whether the caret is in a table's title or cell or a figure's caption, which hold one line of text. */
function inTextHolderOfTable(editor: Editor): boolean {
  const type = textBlockAt(editor)?.[0].type;
  return type === 'table-cell' || type === 'table-title' || type === 'figure-caption';
}

/** Pasted into a cell, title or caption: the text of every piece on the one line, pieces apart by a space, bold kept (in a cell). */
function insertIntoCell(editor: Editor, pieces: readonly PastePiece[]): void {
  const leaves: BulletinText[] = [];
  const lines = pieces.flatMap((piece) => (piece.kind === 'content' ? [[{ text: Node.string(piece.node) }]] : asParagraphs(piece).map((paragraph) => paragraph.leaves)));
  lines.forEach((line, index) => {
    if (index > 0) leaves.push({ text: ' ' });
    leaves.push(...line);
  });
  insertLeaves(editor, joinLeaves(leaves));
}

// ---- plain text ----

const squeeze = (text: string) => text.replace(/[\s【】［］[\]]/g, '');

/** A unit of pasted lines: its text as import cleaned and joined it, and that text with the source's bold (plain text has none). */
interface PastedUnit {
  unit: Unit;
  leaves: BulletinText[] | null;
}

/** Pieces of the units, placed at the cursor: shared by plain text and styled lines. */
function insertUnits(editor: Editor, units: readonly PastedUnit[]): void {
  const section = aboveOfType(editor, 'news-section');
  const item = aboveOfType(editor, 'news-item');
  const intoBlankItem = item !== undefined && isBlank(item[0]) && isOfType(textBlockAt(editor)?.[0], 'item-head');
  const pieces: PastePiece[] = [];
  for (const { unit, leaves } of units) {
    if (section && unit.kind === 'heading' && squeeze(unit.text) === squeeze(section[0].heading)) continue;
    const asItem = () => (leaves ? styledItemPiece(leaves) : itemPiece(unit.text));
    const isItem = section !== undefined && (unit.kind === 'item' || ((intoBlankItem && pieces.length === 0) || !section[0].marker) && asItem().form !== 'ownLine');
    pieces.push(isItem ? asItem() : leaves ? styledParagraph(leaves) : textParagraph(unit.text));
  }
  insertPieces(editor, pieces);
}

/**
 * Pastes plain text (from the clipboard) at the cursor, cleaned as import cleans it; `**` marks are
 * dropped, since plain text carries no bold. Returns false when there was nothing to paste or no cursor.
 */
export function insertPastedText(editor: Editor, text: string): boolean {
  const lines = cleanLines(text);
  if (lines.length === 0 || !editor.selection) return false;
  insertUnits(editor, unitsOfLines(lines).map((unit) => ({ unit, leaves: null })));
  return true;
}

const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029|\f/;

/** Leaves split where their text breaks lines, as plain text is split into lines. */
function splitLines(source: readonly BulletinText[]): BulletinText[][] {
  const lines: BulletinText[][] = [[]];
  for (const leaf of source) {
    leaf.text.split(LINE_BREAK).forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (part !== '') lines.at(-1)!.push({ ...leaf, text: part });
    });
  }
  return lines;
}

/**
 * Pastes lines of styled text (HTML from Word, WPS, LibreOffice or a web page, one line a paragraph) at
 * the cursor: cleaned, joined and made items exactly as the same text pasted plain, with bold kept
 * wherever it lands in paragraphs, and a bold lead of a ▲ line taken as the item's head.
 */
export function insertPastedLines(editor: Editor, pasted: readonly (readonly BulletinText[])[]): boolean {
  if (!editor.selection) return false;
  const lines: string[] = [];
  const styled: BulletinText[][] = [];
  for (const source of pasted.flatMap(splitLines)) {
    for (const line of cleanLines(plainOf(source))) {
      lines.push(line);
      styled.push(restyle(line, source));
    }
  }
  if (lines.length === 0) return false;
  let next = 0;
  const units = unitsOfLines(lines).map((unit) => {
    const source = styled.slice(next, next + unit.lines.length).flat();
    next += unit.lines.length;
    return { unit, leaves: restyle(unit.text, source) };
  });
  insertUnits(editor, units);
  return true;
}

// ---- Slate fragments ----

function leavesOf(node: Element): BulletinText[] {
  return node.children.filter(Text.isText).map((leaf) => (leaf.bold ? { text: leaf.text, bold: true } : { text: leaf.text }));
}

/** Any piece as the paragraphs it prints as: an article nested where it cannot stay keeps its title as a line. */
function asParagraphs(piece: PastePiece): ParagraphPiece[] {
  switch (piece.kind) {
    case 'content':
      return [paragraphPiece([{ text: Node.string(piece.node) }])];
    case 'paragraph':
      return [piece];
    case 'paragraphs':
      return piece.paragraphs;
    case 'item':
      return itemAsParagraphs(piece);
    case 'article':
      return [piece.title, piece.subtitle ?? ''].filter((line) => line !== '').map((line) => paragraphPiece([{ text: line }])).concat(piece.paragraphs);
  }
}

function paragraphsOfChildren(children: readonly Descendant[]): ParagraphPiece[] {
  return piecesOf(children).flatMap(asParagraphs);
}

/** Pieces of a fragment: whole articles and items stay whole; a part of one gives its paragraphs. */
function piecesOf(nodes: readonly Node[]): PastePiece[] {
  const pieces: PastePiece[] = [];
  for (const node of nodes) {
    if (Text.isText(node)) {
      pieces.push(paragraphPiece([{ ...node }]));
    } else if (isOfType(node, 'table') || isOfType(node, 'figure')) {
      pieces.push({ kind: 'content', node });
    } else if (isOfType(node, 'article') && isOfType(node.children[0], 'article-title')) {
      const subtitle = node.children.find((child) => child.type === 'article-subtitle');
      const body = node.children.filter((child) => child.type === 'paragraph');
      pieces.push({ kind: 'article', title: Node.string(node.children[0]), subtitle: subtitle && Node.string(subtitle), paragraphs: paragraphsOfChildren(body) });
    } else if (isOfType(node, 'news-item') && isOfType(node.children[0], 'item-head')) {
      pieces.push({ kind: 'item', form: node.form, head: Node.string(node.children[0]), paragraphs: paragraphsOfChildren(node.children.slice(1)) });
    } else if (isOfType(node, 'paragraph')) {
      pieces.push(paragraphPiece(leavesOf(node), node.heading));
    } else if (isTextBlock(node) || !node.children.some((child) => Element.isElement(child))) {
      pieces.push(paragraphPiece([{ text: Node.string(node) }]));
    } else {
      pieces.push(...piecesOf(node.children));
    }
  }
  return pieces;
}

/** The one text block a fragment holds, when it holds just one: such a fragment pastes as text. */
function singleTextBlock(fragment: readonly Node[]): Element | null {
  // text copied inside one cell or caption comes with its table or figure around it: it pastes as text too
  const blocks = [...Node.nodes({ children: fragment } as Node)].filter(([node]) => Element.isElement(node) && node.children.every(Text.isText));
  return blocks.length === 1 ? (blocks[0]![0] as Element) : null;
}

/** Pastes a fragment copied in this editor: bold kept, whole articles, items and tables (of more than one cell) placed as such. */
export function insertFragmentInStructure(editor: Editor, fragment: readonly Node[]): void {
  const single = singleTextBlock(fragment);
  const pieces = single ? [paragraphPiece(leavesOf(single), isOfType(single, 'paragraph') ? single.heading : undefined)] : piecesOf(fragment);
  insertPieces(editor, pieces);
}
