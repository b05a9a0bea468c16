// Generated bulletins for extremes and benchmarks, built from the fixtures' real sentences with the
// numbers and names varied, so that size grows without the text becoming one repeated string.
import { parseBulletinText } from '../shared/import/parse-bulletin.ts';
import { issueToPlainText } from '../shared/text/plain-text.ts';
import { deriveLead } from '../shared/model/lead.ts';
import type { ArticleBlock, Issue, NewsBlock, Paragraph } from '../shared/model/issue.ts';
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

function varyParagraph(paragraph: Paragraph, random: () => number): Paragraph {
  return { ...paragraph, runs: paragraph.runs.map((run) => ({ ...run, text: vary(run.text, random) })) };
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
    chars += varied.paragraphs.reduce((sum, p) => sum + p.runs.reduce((s, r) => s + r.text.length, 0) + 28, 0);
    index++;
  }
  const section: NewsBlock = { type: 'news', heading: '县市区工作动态', items: [] };
  while (chars < target) {
    const item = items[section.items.length % items.length]!;
    const varied = { ...item, head: vary(item.head, random), paragraphs: item.paragraphs.map((p) => varyParagraph(p, random)) };
    section.items.push(varied);
    chars += varied.paragraphs.reduce((sum, p) => sum + p.runs.reduce((s, r) => s + r.text.length, 0) + 28, 0);
  }
  body.push(section);
  // a copy of its own: the fixtures read once are shared, and a test may change what it is given
  return structuredClone({ ...base, status: 'draft', blocks: [{ type: 'lead', items: deriveLead(body) }, ...body] });
}

/** The plain text of a generated issue, as import would meet it. */
export function generateBulletinText(pages: number, seed = 1): string {
  return issueToPlainText(generateIssue(pages, seed));
}
