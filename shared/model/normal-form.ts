// The normal form of an issue: the one shape the archive stores, the editor shows and saves, and the
// print layout reads, so that an issue opened and saved unchanged stays byte for byte the same. Rules:
//   1. one 导读 block, first: derived from the titles (lead.ts), no items where the series prints none;
//   2. the body in editor and print order: the articles in their order, then the news sections, the
//      ones of the series template in template order, the others after them in their own order; two
//      sections with one heading are one (the later one's items join the first, which keeps its ▲ mark);
//   3. empty parts left out: a paragraph without text, a table without any row, an item without head or text, a section without
//      items, an article without title, subtitle or text;
//   4. runs as the editor keeps them: empty runs left out, neighbours of one style joined, `bold` only as
//      true; optional fields only where they say something: `subtitle` when not empty, `marker` only
//      as false, every item's `form` written (colon when it had none); an attribution (`sources`) with its
//      unit names trimmed, each once, left out when none is left; a 批示 (`instruction`) trimmed, only when
//      not empty.
//   5. tables and figures as the editor writes them: a table's title only when not blank, cells' runs as in
//      rule 4, `colSpan`/`rowSpan` only from 2, `total` only when there is one; a figure's caption trimmed.
// normalizeIssue is idempotent, and normalizing with another template (or none) keeps the order of an
// issue already in normal form, except that template sections move to the new template's order.
import type { ArticleBlock, Block, ContentElement, Figure, Issue, NewsBlock, NewsItem, Sources, Table, TableCell } from './issue.ts';
import { withDerivedLead } from './lead.ts';

export type BodyBlock = ArticleBlock | NewsBlock;

/** A run as the normal form writes it (assignable to a Run and to an editor text leaf). */
export interface NormalRun {
  text: string;
  bold?: true;
}

/** Empty runs left out, neighbours with the same style joined into one run, `bold` written only as true. */
export function normalRuns(runs: readonly { text: string; bold?: boolean | undefined }[]): NormalRun[] {
  const out: NormalRun[] = [];
  for (const run of runs) {
    if (run.text === '') continue;
    const bold = run.bold === true;
    const last = out.at(-1);
    if (last && (last.bold === true) === bold) last.text += run.text;
    else out.push(bold ? { text: run.text, bold: true } : { text: run.text });
  }
  return out;
}

/** The content that says something: paragraphs that have text, tables with rows, every figure; each in normal form. */
export function normalParagraphs(paragraphs: readonly ContentElement[]): ContentElement[] {
  const out: ContentElement[] = [];
  for (const element of paragraphs) {
    if (element.type === 'table') {
      const table = normalTable(element);
      if (table) out.push(table);
      continue;
    }
    if (element.type === 'figure') {
      out.push(normalFigure(element));
      continue;
    }
    const runs = normalRuns(element.runs);
    if (runs.length === 0) continue;
    out.push(element.heading !== undefined ? { runs, heading: element.heading } : { runs });
  }
  return out;
}

function normalCell(cell: TableCell): TableCell {
  const out: TableCell = { runs: normalRuns(cell.runs) };
  if (cell.colSpan !== undefined && cell.colSpan >= 2) out.colSpan = cell.colSpan;
  if (cell.rowSpan !== undefined && cell.rowSpan >= 2) out.rowSpan = cell.rowSpan;
  return out;
}

function normalTable(table: Table): Table | null {
  if (table.header.length === 0 && table.rows.length === 0 && !table.total) return null;
  const rows = (list: readonly (readonly TableCell[])[]) => list.map((row) => row.map(normalCell));
  const title = table.title?.trim() ?? '';
  return {
    type: 'table',
    ...(title !== '' ? { title: table.title } : {}),
    columns: table.columns.map((column) => ({ align: column.align })),
    header: rows(table.header),
    rows: rows(table.rows),
    ...(table.total ? { total: table.total.map(normalCell) } : {}),
  };
}

function normalFigure(figure: Figure): Figure {
  const { id, format, width, height } = figure.image;
  return { type: 'figure', image: { id, format, width, height }, caption: figure.caption.trim(), widthPercent: figure.widthPercent };
}

/** The attribution and 批示 of an article or item as the normal form writes them (rule 4), absent ones left out. */
export function normalAttribution({ sources, instruction }: { sources?: Sources | undefined; instruction?: string | undefined }): { sources?: Sources; instruction?: string } {
  const out: { sources?: Sources; instruction?: string } = {};
  const units = [...new Set((sources?.units ?? []).map((unit) => unit.trim()).filter((unit) => unit !== ''))];
  if (sources && units.length > 0) out.sources = { units, confirmed: sources.confirmed };
  const note = instruction?.trim() ?? '';
  if (note !== '') out.instruction = note;
  return out;
}

function normalArticle(block: ArticleBlock): ArticleBlock | null {
  const paragraphs = normalParagraphs(block.paragraphs);
  const subtitle = block.subtitle ?? '';
  if (block.title === '' && subtitle === '' && paragraphs.length === 0) return null;
  const article: ArticleBlock = subtitle !== '' ? { type: 'article', title: block.title, subtitle, paragraphs } : { type: 'article', title: block.title, paragraphs };
  return { ...article, ...normalAttribution(block) };
}

function normalItem(item: NewsItem): NewsItem | null {
  const paragraphs = normalParagraphs(item.paragraphs);
  if (item.head === '' && paragraphs.length === 0) return null;
  return { head: item.head, form: item.form ?? 'colon', paragraphs, ...normalAttribution(item) };
}

/**
 * The body blocks in normal form (rules 2–4), the 导读 left out: articles, then the sections of
 * `sections` (the series template) in its order, then other sections in the order they first appear.
 */
export function normalBody(blocks: readonly Block[], sections: readonly string[] = []): BodyBlock[] {
  const articles: ArticleBlock[] = [];
  const byHeading = new Map<string, { marker: boolean; items: NewsItem[] }>();
  for (const block of blocks) {
    if (block.type === 'article') {
      const article = normalArticle(block);
      if (article) articles.push(article);
    } else if (block.type === 'news') {
      const section = byHeading.get(block.heading) ?? { marker: block.marker !== false, items: [] };
      byHeading.set(block.heading, section);
      for (const item of block.items) {
        const normal = normalItem(item);
        if (normal) section.items.push(normal);
      }
    }
  }
  const template = [...new Set(sections)];
  const headings = [...template.filter((heading) => byHeading.has(heading)), ...[...byHeading.keys()].filter((heading) => !template.includes(heading))];
  const news = headings.flatMap((heading): NewsBlock[] => {
    const { marker, items } = byHeading.get(heading)!;
    if (items.length === 0) return [];
    return [marker ? { type: 'news', heading, items } : { type: 'news', heading, marker: false, items }];
  });
  return [...articles, ...news];
}

/**
 * The issue in normal form (see the rules above); `sections` is the series template the editor orders
 * the news sections by. Everything outside the body (masthead, colophon, ignored findings) is kept as it is.
 */
export function normalizeIssue(issue: Issue, sections: readonly string[] = []): Issue {
  return withDerivedLead({ ...issue, blocks: normalBody(issue.blocks, sections) });
}
