// Small issues for the proofreading tests: an article or a news section around the sentences under
// test, the parsed fixtures, and running one rule the way proofreadIssue does.
import { emptyIssue, plainParagraph, type ArticleBlock, type ContentElement, type Figure, type Issue, type NewsBlock, type Table, type TableCell } from '../../shared/model/issue.ts';
import { withDerivedLead } from '../../shared/model/lead.ts';
import { parseBulletinText } from '../../shared/import/parse-bulletin.ts';
import type { Finding } from '../../shared/proofread/core/finding.ts';
import type { ProofreadSettings, Rule } from '../../shared/proofread/core/rule.ts';
import { textUnitsOf } from '../../shared/proofread/core/text-units.ts';
import { bulletinFixtures } from '../fixtures.ts';

export const SERIES = { name: '益阳市配合第二轮省生态环境保护例行督察工作简报', issuer: '益阳市配合第二轮省生态环境保护督察协调联络组', numbering: 'sequential' } as const;

export function article(title: string, ...paragraphs: string[]): ArticleBlock {
  return { type: 'article', title, paragraphs: paragraphs.map(plainParagraph) };
}

export function news(heading: string, ...items: { head: string; text?: string }[]): NewsBlock {
  return { type: 'news', heading, items: items.map(({ head, text }) => ({ head, form: 'colon', paragraphs: text === undefined ? [] : [plainParagraph(text)] })) };
}

const cells = (texts: readonly string[]): TableCell[] => texts.map((text) => ({ runs: text === '' ? [] : [{ text }] }));

/** A table as the normal form writes it: one header row unless given more, the first column flush left, the others right. */
export function table({ title, header, rows, total }: { title?: string; header: readonly (readonly string[])[] | readonly string[]; rows: readonly (readonly string[])[]; total?: readonly string[] }): Table {
  const headerRows = (header.length > 0 && typeof header[0] === 'string' ? [header] : header) as readonly (readonly string[])[];
  const columns = Math.max(headerRows[0]?.length ?? 0, rows[0]?.length ?? 0, total?.length ?? 0);
  return {
    type: 'table',
    ...(title ? { title } : {}),
    columns: Array.from({ length: columns }, (_, index) => ({ align: index === 0 ? ('left' as const) : ('right' as const) })),
    header: headerRows.map(cells),
    rows: rows.map(cells),
    ...(total ? { total: cells(total) } : {}),
  };
}

const IMAGE_ID = 'ab'.repeat(32);

/** A photo (an image id that need not be in any archive: proofreading reads no bytes) with its caption. */
export function figure(caption: string): Figure {
  return { type: 'figure', image: { id: IMAGE_ID, format: 'jpeg', width: 1600, height: 1200 }, caption, widthPercent: 80 };
}

/** Content as an article or item holds it: strings become text paragraphs, tables and figures stay. */
export function content(...elements: (string | ContentElement)[]): ContentElement[] {
  return elements.map((element) => (typeof element === 'string' ? plainParagraph(element) : element));
}

/** An article with text paragraphs, tables and figures in the order given. */
export function articleWith(title: string, ...elements: (string | ContentElement)[]): ArticleBlock {
  return { type: 'article', title, paragraphs: content(...elements) };
}

/** An issue of 2023 with the given body, a derived 导读 and a 报 list. */
export function bulletin(body: (ArticleBlock | NewsBlock)[], overrides: Partial<Issue> = {}): Issue {
  const base: Issue = { ...emptyIssue(SERIES, 13, '2023-07-12'), distribution: { report: ['市委办公室'], send: [], issue: [] } };
  return withDerivedLead({ ...base, ...overrides, blocks: body });
}

/** An issue whose one article has these paragraphs. */
export function withParagraphs(...paragraphs: string[]): Issue {
  return bulletin([article('督察组召开座谈会', ...paragraphs)]);
}

export function runRule(rule: Rule, issue: Issue, settings: ProofreadSettings = {}): Finding[] {
  return rule.check({ issue, units: textUnitsOf(issue), settings });
}

/** The flagged texts of one rule in the paragraphs given. */
export function flagged(rule: Rule, ...paragraphs: string[]): string[] {
  return runRule(rule, withParagraphs(...paragraphs)).map((finding) => finding.text);
}

export function fixtureIssues(): { name: string; issue: Issue }[] {
  return bulletinFixtures().map((fixture) => ({ name: fixture.name, issue: parseBulletinText(fixture.text).issue }));
}
