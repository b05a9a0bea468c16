// Checks a parsed issue against a fixture's *.expected.json, one expect per fact, titles compared
// with white space removed (printed titles break over lines).
import { expect } from 'vitest';
import { elementPlainText } from '../shared/model/content.ts';
import type { Issue } from '../shared/model/issue.ts';
import { paragraphText } from '../shared/model/issue.ts';
import { squeeze, type ExpectedFacts } from './fixtures.ts';

export function expectFacts(issue: Issue, expected: ExpectedFacts): void {
  expect(issue.series).toEqual(expected.series);
  expect(issue.number).toBe(expected.number);
  expect(issue.year).toBe(expected.year);
  expect(issue.date).toBe(expected.date);
  expect(issue.docNumber).toBe(expected.docNumber);

  const lead = issue.blocks.find((block) => block.type === 'lead');
  expect(lead?.items.map(squeeze)).toEqual(expected.lead.map(squeeze));

  const articles = issue.blocks.filter((block) => block.type === 'article');
  expect(articles.map((article) => squeeze(article.title))).toEqual(expected.articles.map((article) => squeeze(article.title)));
  expected.articles.forEach((wanted, index) => {
    const article = articles[index]!;
    expect(article.subtitle === undefined ? undefined : squeeze(article.subtitle)).toBe(wanted.subtitle === undefined ? undefined : squeeze(wanted.subtitle));
    expect(squeeze(elementPlainText(article.paragraphs[0]!)).startsWith(squeeze(wanted.firstParagraphStartsWith))).toBe(true);
  });

  const news = issue.blocks.filter((block) => block.type === 'news');
  expect(news.map((section) => ({ heading: section.heading, heads: section.items.map((item) => squeeze(item.head)) }))).toEqual(
    expected.news.map((section) => ({ heading: section.heading, heads: section.heads.map(squeeze) })),
  );

  expect(issue.distribution.report).toEqual(expected.distribution.report);
  expect(issue.distribution.send).toEqual(expected.distribution.send);
  expect(issue.printed).toEqual(expected.printed);
}
