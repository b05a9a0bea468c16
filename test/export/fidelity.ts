// Fidelity of the two renders to the plan and to each other: the issues that stress line and page breaking
// (long titles, titles ending a page, many ▲ items, digits and Latin words, a colophon on its own page), the
// line-by-line comparison of two `pdftotext` renders, and the checks that no heading ends or splits a page
// and that every character of the issue prints. Used by render.test.ts and by `npm run bench:fidelity`.
import { parseBulletinText } from '../../shared/import/parse-bulletin.ts';
import { withDerivedLead } from '../../shared/model/lead.ts';
import { issueSchema, type ArticleBlock, type Issue, type NewsBlock } from '../../shared/model/issue.ts';
import { elementPlainText } from '../../shared/model/content.ts';
import { issueToPlainText } from '../../shared/text/plain-text.ts';
import type { TypesetIssue } from '../../shared/layout/typeset.ts';
import { bulletinFixtures } from '../fixtures.ts';
import { generateIssue } from '../generate.ts';
import { textLines } from './render-tools.ts';

export interface FidelityIssue {
  name: string;
  issue: Issue;
}

const squeezeAll = (text: string) => text.replace(/[\s\u3000]+/g, '');

/** Issues written to stress the typesetter, from the fixtures' real text. */
export function fidelityIssues(): FidelityIssue[] {
  const base = parseBulletinText(bulletinFixtures().find((fixture) => fixture.name === 'yiyang-2023-13')!.text).issue;
  const articles = base.blocks.filter((block): block is ArticleBlock => block.type === 'article');
  const news = generateIssue(12).blocks.filter((block): block is NewsBlock => block.type === 'news').flatMap((block) => block.items);
  const checked = (issue: Issue) => issueSchema.parse(withDerivedLead(issue));
  const body = articles[0]!.paragraphs;
  const longTitles: ArticleBlock[] = [
    { type: 'article', title: '省第四生态环境保护督察组下沉资阳区调研督察', paragraphs: body },
    { type: 'article', title: '益阳市召开全市配合第二轮省生态环境保护督察工作部署会议并要求各地迅速行动起来压实责任', paragraphs: body.slice(0, 2) },
    { type: 'article', title: '省第四生态环境保护督察组\n下沉资阳区调研督察', subtitle: '要求确保大气污染防治攻坚战各项工作任务落实落地', paragraphs: body.slice(0, 1) },
  ];
  // titles that would fall at the foot of a page: after bodies of one to eight lines more each time
  const endingPage: ArticleBlock[] = Array.from({ length: 8 }, (_, index) => ({
    type: 'article',
    title: index % 2 ? '省第四生态环境保护督察组下沉资阳区调研督察' : '“燃”动风采！一起来围观这场篮球友谊赛',
    paragraphs: [{ runs: [{ text: body.map((paragraph) => elementPlainText(paragraph)).join('').slice(0, 60 + 28 * (index + 3)) }] }],
  }));
  const digits: ArticleBlock = {
    type: 'article',
    title: '2023年PM2.5平均浓度同比下降12.5%',
    paragraphs: [
      { runs: [{ text: '7月11日至7月25日，全市共受理群众信访举报件1326件，办结1288件，办结率97.1%；其中涉及大气类436件、水类298件、噪声类215件、土壤类87件、生态类59件，分别占32.9%、22.5%、16.2%、6.6%和4.4%。' }] },
      { runs: [{ text: '督察组采用GIS遥感比对和VOCs在线监测等手段，对PM10、PM2.5和O3超标时段开展溯源分析，形成COVID-19防控期间的执法指引2份，部署“双随机、一公开”检查176家次。' }] },
      { runs: [{ text: '截至2023年7月12日18时，益阳市已完成整改问题58个，立案查处环境违法案件23起，罚款金额共计356.8万元，责令整改企业142家，约谈党政领导干部17人，问责9人。' }] },
    ],
  };
  const manyItems: NewsBlock = { type: 'news', heading: '县市区工作动态', items: Array.from({ length: 40 }, (_, index) => news[index % news.length]!) };
  return [
    { name: 'long-titles', issue: checked({ ...base, blocks: [...longTitles, ...articles.slice(1)] }) },
    { name: 'titles-ending-pages', issue: checked({ ...base, blocks: endingPage }) },
    { name: 'digits-and-latin', issue: checked({ ...base, blocks: [digits, ...articles.slice(0, 1)] }) },
    { name: 'many-news-items', issue: checked({ ...base, blocks: [articles[0]!, manyItems] }) },
    {
      name: 'colophon-own-page',
      issue: checked({ ...base, blocks: articles, distribution: { ...base.distribution, send: Array.from({ length: 30 }, (_, index) => `第${index + 1}协作单位办公室`) } }),
    },
  ];
}

export interface LineComparison {
  lines: number;
  identical: number;
  share: number;
  /** the lines of `a` with no identical line in `b` */
  differing: string[];
}

/** Longest common subsequence of two lists of lines: which lines of `a` are printed identically in `b`. */
function commonLines(a: readonly string[], b: readonly string[]): boolean[] {
  const table = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  }
  const matched = new Array<boolean>(a.length).fill(false);
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      matched[i] = true;
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return matched;
}

/** Compares two renders line by line, page by page (white space aside): how many lines of `a` print identically in `b`. */
export function compareRenders(a: readonly string[][], b: readonly string[][]): LineComparison {
  let lines = 0;
  let identical = 0;
  const differing: string[] = [];
  a.forEach((page, index) => {
    const other = b[index] ?? [];
    const matched = commonLines(page, other);
    lines += page.length;
    matched.forEach((hit, line) => (hit ? identical++ : differing.push(page[line]!)));
  });
  return { lines, identical, share: lines === 0 ? 1 : identical / lines, differing };
}

/** The text lines of each page of a `pdftotext -layout` render, white space removed, page numbers left out. */
export function renderLines(pages: readonly string[]): string[][] {
  return pages.map((page) => textLines(page).map(squeezeAll).filter((line) => line.length > 0));
}

/** The lines of each page as the plan set them (the colophon left out: its rows are wrapped by each program). */
export function planLines(typeset: TypesetIssue): string[][] {
  const pages: string[][] = typeset.sheets.map(() => []);
  typeset.blocks.forEach((block, index) => {
    const places = typeset.places[index]!;
    if (block.kind === 'issuerLine') {
      const page = pages[places[0]!.page]!;
      if (block.sameLine) page.push(squeezeAll(block.left + block.right));
      else page.push(squeezeAll(block.left), squeezeAll(block.right));
      return;
    }
    if (block.kind !== 'paragraph') return;
    block.laid.forEach((line, lineIndex) => {
      const text = squeezeAll(line.runs.map((run) => run.text).join(''));
      if (text) pages[places[lineIndex]!.page]!.push(text);
    });
  });
  return pages;
}

/** With the colophon's lines left out of a render (they follow `报：` on the last page). */
export function withoutColophon(pages: readonly string[][]): string[][] {
  return pages.map((page) => {
    const at = page.findIndex((line) => /^(报|送|发)：/.test(line));
    return at < 0 ? [...page] : page.slice(0, at);
  });
}

/** Headings as printed: each planned heading's lines, in order. */
export function plannedHeadings(typeset: TypesetIssue): string[][] {
  return typeset.blocks
    .filter((block) => block.kind === 'paragraph' && block.keepWithNext && block.style !== 'blank' && block.style !== 'masthead' && block.style !== 'issueNumber' && block.style !== 'docNumber')
    .map((block) => (block.kind === 'paragraph' ? block.laid.map((line) => squeezeAll(line.runs.map((run) => run.text).join(''))) : []))
    .filter((lines) => lines.length > 0 && lines.every((line) => line.length > 0));
}

/** Headings of a render that end a page or are split across pages: each problem as a sentence. Headings are found in order. */
export function headingProblems(pages: readonly string[][], headings: readonly string[][]): string[] {
  const problems: string[] = [];
  const flat = pages.flatMap((lines, page) => lines.map((line, index) => ({ line, page, last: index === lines.length - 1 })));
  let cursor = 0;
  for (const heading of headings) {
    const first = flat.findIndex((entry, index) => index >= cursor && entry.line === heading[0]);
    if (first < 0) {
      problems.push(`heading not found: ${heading.join('/')}`);
      continue;
    }
    const lines = flat.slice(first, first + heading.length);
    cursor = first + heading.length;
    if (lines.map((entry) => entry.line).join('') !== heading.join('') || lines.some((entry) => entry.page !== lines[0]!.page)) {
      problems.push(`page ${lines[0]!.page + 1}: heading split: ${heading.join('/')}`);
    } else if (lines.at(-1)!.last && lines.at(-1)!.page < pages.length - 1) {
      problems.push(`page ${lines[0]!.page + 1}: heading at the foot: ${heading.join('/')}`);
    }
  }
  return problems;
}

/** The characters of the issue that a render does not print (white space aside; counted, so a lost comma shows). */
export function missingCharacters(issue: Issue, pages: readonly string[]): string[] {
  const have = new Map<string, number>();
  for (const char of squeezeAll(pages.join(''))) have.set(char, (have.get(char) ?? 0) + 1);
  const missing: string[] = [];
  for (const char of squeezeAll(issueToPlainText(issue))) {
    const left = have.get(char) ?? 0;
    if (left === 0) missing.push(char);
    else have.set(char, left - 1);
  }
  return missing;
}
