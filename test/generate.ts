// Generated bulletins for extremes and benchmarks, built from the fixtures' real sentences with the
// numbers and names varied, so that size grows without the text becoming one repeated string.
import { parseBulletinText } from '../shared/import/parse-bulletin.ts';
import { issueToPlainText } from '../shared/text/plain-text.ts';
import { deriveLead } from '../shared/model/lead.ts';
import type { ArticleBlock, ContentElement, Figure, ImageRef, Issue, NewsBlock, Table } from '../shared/model/issue.ts';
import { elementPlainText } from '../shared/model/content.ts';
import { bulletinFixtures } from './fixtures.ts';

/** Characters on a full page of body text: 22 lines of 28. */
export const CHARS_PER_PAGE = 22 * 28;

const COUNTIES = ['安化县', '桃江县', '南县', '沅江市', '赫山区', '资阳区', '大通湖区', '高新区'];

/** A small deterministic random source (mulberry32), so generated data is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let parsedFixtures: readonly Issue[] | null = null;
/** The fixtures read once per process: a generated archive of 100,000 issues would read them again each time. */
function fixtureIssues(): readonly Issue[] {
  parsedFixtures ??= bulletinFixtures().map((fixture) => parseBulletinText(fixture.text).issue);
  return parsedFixtures;
}

function vary(text: string, random: () => number): string {
  return text
    .replace(/\d+月\d+日/g, () => `${1 + Math.floor(random() * 12)}月${1 + Math.floor(random() * 28)}日`)
    .replace(/安化县|桃江县|南县|沅江市/g, () => COUNTIES[Math.floor(random() * COUNTIES.length)]!);
}

function varyParagraph(paragraph: ContentElement, random: () => number): ContentElement {
  if (paragraph.type !== undefined) return structuredClone(paragraph);
  return { ...paragraph, runs: paragraph.runs.map((run) => ({ ...run, text: vary(run.text, random) })) };
}

const charsOf = (paragraphs: readonly ContentElement[]) => paragraphs.reduce((sum, p) => sum + elementPlainText(p).length + 28, 0);

/** A statistics table as offices print them: counties down the side, counts and a rate across, a 合计 row. */
export function sampleTable(rows: number, seed = 1, { mergedHeader = true }: { mergedHeader?: boolean } = {}): Table {
  const random = seededRandom(seed);
  const cell = (text: string) => ({ runs: [{ text }] });
  const body = Array.from({ length: rows }, (_, index) => {
    const assigned = 5 + Math.floor(random() * 60);
    const done = Math.floor(assigned * (0.6 + random() * 0.4));
    const name = COUNTIES[index % COUNTIES.length]! + (index >= COUNTIES.length ? `${Math.floor(index / COUNTIES.length) + 1}片区` : '');
    return [cell(name), cell(String(assigned)), cell(String(done)), cell(String(assigned - done)), cell(`${Math.round((100 * done) / assigned)}%`)];
  });
  const sum = (column: number) => String(body.reduce((total, row) => total + Number(row[column]!.runs[0]!.text), 0));
  const header = mergedHeader
    ? [
        [{ ...cell('县市区'), rowSpan: 2 }, { ...cell('信访件办理情况'), colSpan: 3 }, { ...cell('办结率'), rowSpan: 2 }],
        [cell('交办件数'), cell('办结件数'), cell('在办件数')],
      ]
    : [[cell('县市区'), cell('交办件数'), cell('办结件数'), cell('在办件数'), cell('办结率')]];
  return {
    type: 'table',
    title: `表${seed}  各县市区信访件办理情况`,
    columns: [{ align: 'left' }, { align: 'right' }, { align: 'right' }, { align: 'right' }, { align: 'center' }],
    header,
    rows: body,
    total: [cell('合计'), cell(sum(1)), cell(sum(2)), cell(sum(3)), cell('')],
  };
}

/** A photo with its caption, for an image stored under `image`. */
export function sampleFigure(image: ImageRef, caption = '图为市信访局工作人员在安化县开展信访积案化解督导。', widthPercent = 80): Figure {
  return { type: 'figure', image, caption, widthPercent };
}

/** The issue with a table after the first paragraph of every `every`-th article and a photo after its second. */
export function withTablesAndFigures(issue: Issue, image: ImageRef, { every = 2, rows = 8 }: { every?: number; rows?: number } = {}): Issue {
  let article = 0;
  const blocks = issue.blocks.map((block) => {
    if (block.type !== 'article' || article++ % every !== 0) return block;
    const paragraphs = [...block.paragraphs];
    paragraphs.splice(Math.min(1, paragraphs.length), 0, sampleTable(rows, article));
    paragraphs.splice(Math.min(3, paragraphs.length), 0, sampleFigure(image));
    return { ...block, paragraphs };
  });
  return { ...issue, blocks };
}

/** An issue of about `pages` full pages: the fixtures' articles and news items, varied, repeated. */
export function generateIssue(pages: number, seed = 1): Issue {
  const random = seededRandom(seed);
  const sources = fixtureIssues();
  const articles = sources.flatMap((issue) => issue.blocks.filter((block): block is ArticleBlock => block.type === 'article'));
  const items = sources.flatMap((issue) => issue.blocks.filter((block): block is NewsBlock => block.type === 'news').flatMap((block) => block.items));
  const base = sources[2]!;
  const body: (ArticleBlock | NewsBlock)[] = [];
  let chars = 0;
  const target = pages * CHARS_PER_PAGE;
  let index = 0;
  while (chars < target * 0.8) {
    const article = articles[index % articles.length]!;
    const varied: ArticleBlock = { ...article, title: vary(article.title, random), paragraphs: article.paragraphs.map((p) => varyParagraph(p, random)) };
    body.push(varied);
    chars += charsOf(varied.paragraphs);
    index++;
  }
  const section: NewsBlock = { type: 'news', heading: '县市区工作动态', items: [] };
  while (chars < target) {
    const item = items[section.items.length % items.length]!;
    const varied = { ...item, head: vary(item.head, random), paragraphs: item.paragraphs.map((p) => varyParagraph(p, random)) };
    section.items.push(varied);
    chars += charsOf(varied.paragraphs);
  }
  body.push(section);
  // a copy of its own: the fixtures read once are shared, and a test may change what it is given
  return structuredClone({ ...base, status: 'draft', blocks: [{ type: 'lead', items: deriveLead(body) }, ...body] });
}

/** The plain text of a generated issue, as import would meet it. */
export function generateBulletinText(pages: number, seed = 1): string {
  return issueToPlainText(generateIssue(pages, seed));
}
