// Where the printed pages start, shown in the editor as Word's page view shows them: from the one page plan
// (shared/layout/typeset.ts) the print view and the PDF follow, worked out after typing pauses (never inside a
// keystroke), mapped back from the plan's lines to the Slate text where each page begins.
import { Node, type Descendant, type Path, type Point } from 'slate';
import type { Issue } from '../../shared/model/issue.ts';
import type { SeriesSettings } from '../../shared/model/series.ts';
import { typesetIssue, type BlockSource, type PagePlan, type TypesetIssue } from '../../shared/layout/typeset.ts';
import { bodyPartsOf } from './model/mapping.ts';

/** A body page after the first: the body part it starts in, and the character of that part's printed text it starts at. */
export interface PageStart {
  /** the page number printed on it */
  page: number;
  source: BlockSource;
  /** offset into the part's printed text (0: the page starts with the part) */
  offset: number;
}

/** The first line of every body page after the first, as the body part (and character) it prints. */
export function pageStartsOf(typeset: TypesetIssue): PageStart[] {
  const firstOnPage = new Map<number, { block: number; line: number }>();
  typeset.places.forEach((places, block) => {
    places.forEach((place, line) => {
      if (!firstOnPage.has(place.page)) firstOnPage.set(place.page, { block, line });
    });
  });
  const starts: PageStart[] = [];
  for (let index = 1; index < typeset.pages.bodyPages; index++) {
    const first = firstOnPage.get(index);
    if (!first) continue;
    let { block, line } = first;
    // a page that starts with blank lines (before a title) or the 导读: the mark goes on the next body part
    while (block < typeset.blocks.length && !sourceOf(typeset, block)) {
      block++;
      line = 0;
    }
    const printed = typeset.blocks[block];
    const source = sourceOf(typeset, block);
    if (!printed || !source) continue;
    // a table's or figure's lines are no text of the editor's: its page starts at the element itself
    const offset = line > 0 && printed.kind === 'paragraph' && (source.part === 'paragraph' || source.part === 'itemHead') && printed.laid?.[line] ? printed.laid[line]!.broken.start : 0;
    starts.push({ page: typeset.sheets[index]?.number ?? index + 1, source, offset });
  }
  return starts;
}

function sourceOf(typeset: TypesetIssue, block: number): BlockSource | undefined {
  const printed = typeset.blocks[block] as { source?: BlockSource } | undefined;
  return printed?.source;
}

/** The Slate paths of the body parts, indexed as the issue's body blocks (slateToIssue leaves out empty parts). */
interface BlockPaths {
  title?: Path;
  subtitle?: Path;
  /** the section itself (its heading is not text) */
  section?: Path;
  paragraphs: Path[];
  items: { head: Path | undefined; paragraphs: Path[] }[];
}

/** The body parts of the editor's value in the order and with the omissions of slateToIssue (mapping.ts's bodyPartsOf): a table or figure is one of the paragraphs. */
function bodyPathsOf(nodes: readonly Descendant[]): BlockPaths[] {
  return bodyPartsOf(nodes).map((part): BlockPaths => {
    if (part.type === 'news') {
      return { section: part.path, paragraphs: [], items: part.items.map((item) => ({ head: item.head?.path, paragraphs: item.paragraphs.map((paragraph) => paragraph.path) })) };
    }
    const subtitle = part.subtitle && Node.string(part.subtitle.node) !== '' ? { subtitle: part.subtitle.path } : {};
    return { ...(part.title ? { title: part.title.path } : {}), ...subtitle, paragraphs: part.paragraphs.map((paragraph) => paragraph.path), items: [] };
  });
}

/** The point `offset` characters into the text of the element at `path` (its last point when the text is shorter). */
export function pointIn(nodes: readonly Descendant[], path: Path, offset: number): Point | null {
  const root = { children: nodes } as unknown as Node;
  if (!Node.has(root, path)) return null;
  let rest = Math.max(0, offset);
  let last: Point | null = null;
  for (const [leaf, leafPath] of Node.texts(Node.get(root, path))) {
    const at = [...path, ...leafPath];
    if (rest < leaf.text.length) return { path: at, offset: rest };
    rest -= leaf.text.length;
    last = { path: at, offset: leaf.text.length };
  }
  return last;
}

/** Where a page starts in the editor: the element whose text it starts in, and the point, when mid-paragraph. */
export interface PageMark {
  page: number;
  /** the title, subtitle, item head, paragraph or news section the page starts in */
  element: Path;
  /** the character the page starts at, when the page starts inside the element's text (a paragraph running on) */
  inside: Point | null;
}

/** Maps the plan's page starts onto the editor's value. */
export function pageMarksOf(starts: readonly PageStart[], nodes: readonly Descendant[]): PageMark[] {
  const blocks = bodyPathsOf(nodes);
  const marks: PageMark[] = [];
  for (const start of starts) {
    const block = blocks[start.source.block];
    if (!block) continue;
    const { part, item, paragraph } = start.source;
    const owner = item !== undefined ? block.items[item] : undefined;
    let element: Path | undefined;
    let offset = start.offset;
    if (part === 'title') element = block.title;
    else if (part === 'subtitle') element = block.subtitle;
    else if (part === 'sectionHeading') element = block.section;
    else if (part === 'itemHead') {
      element = owner?.head;
      offset = Math.max(0, offset - (start.source.marker ?? 0));
    } else {
      const prefix = start.source.prefix ?? 0;
      if (owner && offset < prefix && owner.head) {
        // the page starts inside a head run in before the item's first paragraph
        element = owner.head;
        offset = Math.max(0, offset - (start.source.marker ?? 0));
      } else {
        element = (owner ? owner.paragraphs : block.paragraphs)[paragraph ?? 0];
        offset -= prefix;
      }
    }
    if (!element) continue;
    marks.push({ page: start.page, element, inside: offset > 0 ? pointIn(nodes, element, offset) : null });
  }
  return marks;
}

/** The plan's figures and where each page starts, before they are mapped onto an editor's value. */
export interface IssuePagePlan {
  totalPages: number;
  bodyPages: number;
  colophon: PagePlan['colophon'];
  blankPages: number;
  starts: PageStart[];
}

/** What the editor shows of the plan. */
export interface EditorPagePlan extends Omit<IssuePagePlan, 'starts'> {
  marks: PageMark[];
}

export type PagePlanSettings = Pick<SeriesSettings, 'layoutProfile' | 'fontProfile' | 'colophonOnEvenPage'>;

/** The plan of an issue, typeset as the print view and the PDF typeset it. */
export function issuePagePlan(issue: Issue, settings: PagePlanSettings): IssuePagePlan {
  const typeset = typesetIssue(issue, settings);
  return {
    totalPages: typeset.pages.totalPages,
    bodyPages: typeset.pages.bodyPages,
    colophon: typeset.pages.colophon,
    blankPages: typeset.pages.blankPagesBeforeColophon,
    starts: pageStartsOf(typeset),
  };
}

/** The plan mapped onto the editor's value the issue was read from. */
export function planOnto({ starts, ...figures }: IssuePagePlan, nodes: readonly Descendant[]): EditorPagePlan {
  return { ...figures, marks: pageMarksOf(starts, nodes) };
}

/** The plan of the issue as the editor holds it now, mapped onto the editor's value (the same snapshot). */
export function editorPagePlan(issue: Issue, nodes: readonly Descendant[], settings: PagePlanSettings): EditorPagePlan {
  return planOnto(issuePagePlan(issue, settings), nodes);
}

/** The note beside the page count: where the colophon goes when it does not share the body's last page. */
export function colophonNote(plan: Pick<EditorPagePlan, 'colophon' | 'blankPages'>): string | null {
  if (plan.colophon === 'own-page' || plan.colophon === 'own-pages') {
    const pages = plan.colophon === 'own-pages' ? '多页' : '一页';
    return `版记单独占${pages}${plan.blankPages > 0 ? `（前加空白页 ${plan.blankPages} 页）` : ''}`;
  }
  return null;
}
