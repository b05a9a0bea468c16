// Helpers for the model's Node tests: building bodies tersely, an outline to compare documents as
// text, and putting the cursor next to a piece of text.
import { createEditor, Editor, Element, Node, Text, Transforms, type Descendant, type Path, type Point } from 'slate';
import { createBulletinEditor } from '../../renderer/editor/model/editor.ts';
import { articleNode, newsItemNode, newsSectionNode, paragraphNode } from '../../renderer/editor/model/nodes.ts';
import { withBulletinSchema } from '../../renderer/editor/model/schema.ts';
import type { ArticleElement, NewsItemElement, NewsSectionElement, ParagraphElement } from '../../renderer/editor/model/types.ts';

export const TEMPLATE = ['县市区工作动态', '市直部门工作动态'];

export const para = (text: string): ParagraphElement => paragraphNode([{ text }]);

export const article = (title: string, ...paragraphs: string[]): ArticleElement =>
  articleNode(title, undefined, paragraphs.length > 0 ? paragraphs.map(para) : undefined);

export const item = (head: string, ...paragraphs: string[]): NewsItemElement =>
  newsItemNode('colon', head, paragraphs.length > 0 ? paragraphs.map(para) : undefined);

export const section = (heading: string, ...items: NewsItemElement[]): NewsSectionElement =>
  newsSectionNode(heading, true, items.length > 0 ? items : undefined);

/** A bulletin editor holding `children`, normalized, with the given template. */
export function editorWith(children: unknown[], sections: readonly string[] = TEMPLATE): Editor {
  const editor = createBulletinEditor(() => sections);
  editor.children = structuredClone(children) as Descendant[];
  Editor.normalize(editor, { force: true });
  return editor;
}

const LABELS: Record<string, string> = {
  article: 'article',
  'article-title': 'title',
  'article-subtitle': 'subtitle',
  'item-head': 'head',
  paragraph: 'p',
  'news-item': 'item',
  'news-section': 'section',
};

function leafText(leaf: Text): string {
  return leaf.bold ? `**${leaf.text}**` : leaf.text;
}

/**
 * The document as indented lines, e.g. `article`, `  title 标题`, `  p2 （一）…`, `section 县市区工作动态`,
 * `  item colon`, `    head 安化县`; bold leaves show as **x**. Unknown types show their type.
 */
export function outline(nodes: readonly Node[], depth = 0): string[] {
  return nodes.flatMap((node) => {
    const indent = '  '.repeat(depth);
    if (Text.isText(node)) return [`${indent}text ${leafText(node)}`];
    if (!Element.isElement(node)) return [];
    const label = LABELS[node.type] ?? String(node.type);
    if (node.children.every(Text.isText)) {
      const level = node.type === 'paragraph' && node.heading ? String(node.heading) : '';
      return [`${indent}${label}${level} ${node.children.map(leafText).join('')}`.trimEnd()];
    }
    const detail = node.type === 'news-section' ? ` ${node.heading}` : node.type === 'news-item' ? ` ${node.form}` : '';
    return [`${indent}${label}${detail}`, ...outline(node.children, depth + 1)];
  });
}

/** The point just before (or, with `after`, just after) the `occurrence`-th appearance of `text`. */
export function pointAt(editor: Editor, text: string, after = false, occurrence = 0): Point {
  let seen = 0;
  for (const [leaf, path] of Node.texts(editor)) {
    let from = 0;
    for (let index = leaf.text.indexOf(text, from); index >= 0; index = leaf.text.indexOf(text, from)) {
      if (seen++ === occurrence) return { path, offset: after ? index + text.length : index };
      from = index + 1;
    }
  }
  throw new Error(`text not found: ${text}`);
}

export function cursorBefore(editor: Editor, text: string, occurrence = 0): void {
  Transforms.select(editor, pointAt(editor, text, false, occurrence));
}

export function cursorAfter(editor: Editor, text: string, occurrence = 0): void {
  Transforms.select(editor, pointAt(editor, text, true, occurrence));
}

/** The cursor at the start (or end) of the text block at `path`. */
export function cursorIn(editor: Editor, path: Path, edge: 'start' | 'end' = 'start'): void {
  Transforms.select(editor, edge === 'start' ? Editor.start(editor, path) : Editor.end(editor, path));
}

export function selectBetween(editor: Editor, anchor: Point, focus: Point): void {
  Transforms.select(editor, { anchor, focus });
}

/** The outline line of the text block holding the cursor. */
export function cursorBlock(editor: Editor): string {
  const entry = Editor.above(editor, { match: (node) => Element.isElement(node) && node.children.every(Text.isText) });
  return entry ? outline([entry[0]])[0]! : '';
}

/** A plain Slate editor with only the bulletin schema (no history, no key handling), normalized. */
export function schemaEditorWith(children: unknown[], sections: readonly string[] = TEMPLATE): Editor {
  const editor = withBulletinSchema(createEditor(), () => sections);
  editor.children = structuredClone(children) as Descendant[];
  Editor.normalize(editor, { force: true });
  return editor;
}

const ALLOWED_KEYS: Record<string, readonly string[]> = {
  article: ['type', 'children'],
  'article-title': ['type', 'children'],
  'article-subtitle': ['type', 'children'],
  'item-head': ['type', 'children'],
  paragraph: ['type', 'children', 'heading'],
  'news-item': ['type', 'children', 'form'],
  'news-section': ['type', 'children', 'heading', 'marker'],
  table: ['type', 'children', 'columns'],
  'table-title': ['type', 'children'],
  'table-row': ['type', 'children', 'role'],
  'table-cell': ['type', 'children', 'colSpan', 'rowSpan'],
  figure: ['type', 'children', 'image', 'widthPercent'],
  'figure-caption': ['type', 'children'],
};

function textBlockProblems(node: Element, where: string): string[] {
  const problems: string[] = [];
  if (node.children.length === 0) problems.push(`${where}: no text leaf`);
  for (const leaf of node.children) {
    if (!Text.isText(leaf)) problems.push(`${where}: holds an element`);
    else if (Object.keys(leaf).some((key) => key !== 'text' && key !== 'bold')) problems.push(`${where}: leaf style other than bold`);
    else if ('bold' in leaf && (leaf.bold !== true || (node.type !== 'paragraph' && node.type !== 'table-cell'))) problems.push(`${where}: bold not allowed here`);
  }
  if (node.type === 'paragraph' && node.heading !== undefined && ![1, 2, 3, 4].includes(node.heading)) problems.push(`${where}: bad heading level`);
  return problems;
}

function elementProblems(node: Descendant, where: string): string[] {
  if (!Element.isElement(node)) return [`${where}: text outside a block`];
  const allowed = ALLOWED_KEYS[node.type];
  if (!allowed) return [`${where}: unknown type ${String(node.type)}`];
  const extra = Object.keys(node).filter((key) => !allowed.includes(key));
  return extra.length > 0 ? [`${where}: extra properties ${extra.join(',')}`] : [];
}

/** A table's shape: its title first, rows in the order header, body, 合计 (one at most), each body and 合计 row one cell per column. */
function tableProblems(node: Element, where: string): string[] {
  if (node.type !== 'table') return [];
  const problems: string[] = [];
  if (!Array.isArray(node.columns) || node.columns.length === 0 || node.columns.some((align) => !['left', 'center', 'right'].includes(align))) problems.push(`${where}: bad columns`);
  const order = { header: 0, body: 1, total: 2 } as Record<string, number>;
  let last = 0;
  let totals = 0;
  node.children.forEach((child, index) => {
    const at = `${where}/${index}`;
    problems.push(...elementProblems(child, at));
    if (index === 0) {
      if (child.type !== 'table-title') problems.push(`${at}: ${child.type} where the table's title belongs`);
      else problems.push(...textBlockProblems(child, at));
      return;
    }
    if (child.type !== 'table-row') return problems.push(`${at}: ${child.type} in a table`);
    const rank = order[child.role];
    if (rank === undefined) problems.push(`${at}: bad role`);
    else if (rank < last) problems.push(`${at}: ${child.role} row out of order`);
    else last = rank;
    if (child.role === 'total') totals++;
    if (child.role !== 'header' && child.children.length !== node.columns.length) problems.push(`${at}: ${child.children.length} cells for ${node.columns.length} columns`);
    child.children.forEach((cell, k) => {
      problems.push(...elementProblems(cell, `${at}/${k}`));
      if (Element.isElement(cell) && cell.type === 'table-cell') problems.push(...textBlockProblems(cell, `${at}/${k}`));
      else problems.push(`${at}/${k}: not a cell`);
    });
  });
  if (totals > 1) problems.push(`${where}: ${totals} total rows`);
  if (!node.children.some((child) => child.type === 'table-row')) problems.push(`${where}: no row`);
  return problems;
}

function figureProblems(node: Element, where: string): string[] {
  if (node.type !== 'figure') return [];
  const problems: string[] = [];
  if (node.children.length !== 1 || node.children[0]!.type !== 'figure-caption') problems.push(`${where}: not one caption`);
  else problems.push(...elementProblems(node.children[0]!, `${where}/0`), ...textBlockProblems(node.children[0]!, `${where}/0`));
  if (!/^[0-9a-f]{64}$/.test(node.image?.id ?? '')) problems.push(`${where}: bad image`);
  if (!Number.isInteger(node.widthPercent) || node.widthPercent < 20 || node.widthPercent > 100) problems.push(`${where}: bad width`);
  return problems;
}

function containerProblems(node: Element, where: string, first: string, second: string | null): string[] {
  const problems: string[] = [];
  node.children.forEach((child, index) => {
    const at = `${where}/${index}`;
    problems.push(...elementProblems(child, at));
    if (!Element.isElement(child)) return;
    const expected = index === 0 ? [first] : index === 1 && second ? [second, 'paragraph', 'table', 'figure'] : ['paragraph', 'table', 'figure'];
    if (!expected.includes(child.type)) problems.push(`${at}: ${child.type} where ${expected.join(' or ')} belongs`);
    else if (child.type === 'table') problems.push(...tableProblems(child, at));
    else if (child.type === 'figure') problems.push(...figureProblems(child, at));
    else problems.push(...textBlockProblems(child, at));
  });
  if (!node.children.some((child) => Element.isElement(child) && child.type === 'paragraph')) problems.push(`${where}: no paragraph`);
  const lastChild = node.children.at(-1);
  if (lastChild && Element.isElement(lastChild) && (lastChild.type === 'table' || lastChild.type === 'figure')) problems.push(`${where}: ends with a ${lastChild.type}`);
  return problems;
}

/** Everything about the body that breaks the bulletin's structure, as readable lines (none when valid). */
export function structureProblems(nodes: readonly Descendant[], template: readonly string[] = TEMPLATE): string[] {
  const problems: string[] = [];
  const headings: string[] = [];
  let seenSection = false;
  nodes.forEach((node, index) => {
    const where = `/${index}`;
    problems.push(...elementProblems(node, where));
    if (!Element.isElement(node)) return;
    if (node.type === 'article') {
      if (seenSection) problems.push(`${where}: article after a section`);
      problems.push(...containerProblems(node, where, 'article-title', 'article-subtitle'));
    } else if (node.type === 'news-section') {
      seenSection = true;
      headings.push(node.heading);
      if (typeof node.marker !== 'boolean') problems.push(`${where}: marker not boolean`);
      if (node.children.length === 0) problems.push(`${where}: no item`);
      node.children.forEach((child, k) => {
        problems.push(...elementProblems(child, `${where}/${k}`));
        if (Element.isElement(child) && child.type !== 'news-item') problems.push(`${where}/${k}: ${child.type} in a section`);
        else if (Element.isElement(child)) {
          if (!['colon', 'runIn', 'ownLine'].includes(child.form)) problems.push(`${where}/${k}: bad form`);
          problems.push(...containerProblems(child, `${where}/${k}`, 'item-head', null));
        }
      });
    } else {
      problems.push(`${where}: ${node.type} at the top level`);
    }
  });
  if (!nodes.some((node) => Element.isElement(node) && node.type === 'article')) problems.push('no article');
  const expectedOrder = [...template, ...headings.filter((heading) => !template.includes(heading))];
  if (headings.join('|') !== expectedOrder.join('|')) problems.push(`sections ${headings.join(',')} instead of ${expectedOrder.join(',')}`);
  return problems;
}
