// The reader on the fixtures' own parts composed into the layouts other offices print (test/import/layouts.ts):
// every masthead, 导读, section and item form, lost titles, web-page chrome, half-width marks and hard wraps,
// each checked for the facts it holds and for not one character of the body dropped.
import { describe, expect, it } from 'vitest';
import { elementPlainText } from '../../shared/model/content.ts';
import { parseBulletinText } from '../../shared/import/parse-bulletin.ts';
import { comparable } from '../../shared/import/matchers.ts';
import { paragraphText, type ArticleBlock, type Issue, type NewsBlock } from '../../shared/model/issue.ts';
import { issueToPlainText } from '../../shared/text/plain-text.ts';
import { bulletinFixtures } from '../fixtures.ts';
import { missingChars } from '../char-multiset.ts';
import { compose, type Expected, type Layout } from './layouts.ts';

const fixtures = bulletinFixtures().map((fixture) => ({ name: fixture.name, issue: parseBulletinText(fixture.text).issue }));

const layouts: Layout[] = [
  { name: '期号 in Chinese numerals', masthead: 'chinese-numeral' },
  { name: '期号 spaced', masthead: 'spaced-number' },
  { name: '期号 on the series-name line', masthead: 'number-in-name-line' },
  { name: 'yearly numbering with the running total in brackets', masthead: 'yearly-with-total' },
  { name: 'running total in half-width brackets on its own line', masthead: 'total-on-own-line' },
  { name: 'issuer glued to the date', issuerDate: 'glued' },
  { name: 'issuer and date on two lines', issuerDate: 'two-lines' },
  { name: 'issuer over two lines', issuerDate: 'issuer-over-two-lines' },
  { name: 'date in Chinese numerals', issuerDate: 'chinese-date' },
  { name: 'issuer and date on the 期号 line', issuerDate: 'on-number-line' },
  { name: 'date before the issuer', issuerDate: 'date-first' },
  { name: 'issuer (某某编) above the 期号, date beside it', issuerDate: 'issuer-above-number' },
  // (unmarked headlines on their own line and an article title after them look alike in plain text: only unit-led items here)
  { name: 'an article after the news section, no 导读, items led by their unit', lead: 'none', articleAfterNews: true, itemMark: 'none', itemHead: 'as-read' },
  { name: 'a series named …专报', seriesEnding: '专报' },
  { name: 'a series named …动态', seriesEnding: '动态', masthead: 'number-in-name-line' },
  { name: 'a series named …快报', seriesEnding: '快报', issuerDate: 'glued' },
  { name: '导读 numbered 1.', lead: 'numbered' },
  { name: '导读 numbered 一、', lead: 'chinese-numbered' },
  { name: '导读 entries bare under the heading', lead: 'bare' },
  { name: '导读 entries broken over two lines', lead: 'star-wrapped' },
  { name: 'no 导读', lead: 'none' },
  { name: 'titles glued to the paragraph before', titles: 'glued-to-previous' },
  { name: 'titles glued to their text', titles: 'glued-to-text' },
  { name: 'sections marked ●', sectionMark: '●' },
  { name: 'sections marked ◆', sectionMark: '◆' },
  { name: 'sections marked ■', sectionMark: '■' },
  { name: 'sections numbered 一、', sectionMark: '一、' },
  { name: 'items marked ●', itemMark: '●' },
  { name: 'items numbered', itemMark: 'number' },
  { name: 'items unmarked', itemMark: 'none' },
  { name: 'heads run in after a wide space', itemHead: 'run-in-space' },
  { name: 'heads on their own line', itemHead: 'own-line' },
  { name: 'web-page chrome before and after', chrome: true },
  { name: 'half-width punctuation throughout', halfWidth: true },
  { name: 'an article after the news section, no 导读', lead: 'none', articleAfterNews: true },
  { name: 'an article after the news section, with 导读', articleAfterNews: true },
  { name: 'hard-wrapped at 28 with indented first lines', wrap: 28 },
  { name: 'hard-wrapped at 31, no 导读, Chinese 期号', wrap: 31, lead: 'none', masthead: 'chinese-numeral' },
  { name: 'web chrome, glued issuer, half-width, yearly total', chrome: true, issuerDate: 'glued', halfWidth: true, masthead: 'yearly-with-total' },
];

const same = (text: string | undefined) => (text === undefined ? undefined : comparable(text));

function factsOf(issue: Issue) {
  const articles = issue.blocks.filter((block): block is ArticleBlock => block.type === 'article');
  const sections = issue.blocks.filter((block): block is NewsBlock => block.type === 'news');
  return {
    seriesName: same(issue.series.name),
    issuer: same(issue.series.issuer),
    number: issue.number,
    totalNumber: issue.totalNumber,
    date: issue.date,
    lead: issue.blocks.find((block) => block.type === 'lead')!.items.map((item) => same(item)),
    printLead: issue.series.printLead !== false,
    articles: articles.map((article) => ({
      title: same(article.title),
      ...(article.subtitle ? { subtitle: same(article.subtitle) } : {}),
      firstParagraph: same(elementPlainText(article.paragraphs[0] ?? { runs: [] }).slice(0, 20)),
    })),
    sections: sections.map((section) => ({ heading: same(section.heading), heads: section.items.map((item) => same(item.head)) })),
    report: issue.distribution.report.length,
    send: issue.distribution.send.length,
  };
}

function wanted(expected: Expected) {
  return {
    seriesName: same(expected.seriesName),
    issuer: same(expected.issuer),
    number: expected.number,
    totalNumber: expected.totalNumber,
    date: expected.date,
    lead: expected.lead.map((item) => same(item)),
    printLead: expected.printLead,
    articles: expected.articles.map((article) => ({
      title: same(article.title),
      ...(article.subtitle ? { subtitle: same(article.subtitle) } : {}),
      firstParagraph: same(article.firstParagraph),
    })),
    sections: expected.sections.map((section) => ({ heading: same(section.heading), heads: section.heads.map((head) => same(head)) })),
    report: expected.report,
    send: expected.send,
  };
}

const fits = (issue: Issue, layout: Layout) =>
  !(layout.articleAfterNews && layout.itemMark === 'none') ||
  issue.blocks.every((block) => block.type !== 'news' || block.items.every((item) => item.form !== 'ownLine'));

describe.each(fixtures)('fixture $name in other layouts', (fixture) => {
  it.each(layouts.filter((layout) => fits(fixture.issue, layout)).map((layout) => [layout.name, layout] as const))('reads every fact when %s', (_name, layout) => {
    const { text, expected } = compose(fixture.issue, layout);
    const read = parseBulletinText(text);
    expect(factsOf(read.issue)).toEqual(wanted(expected));
    expect(read.setAside).toEqual(expected.setAside);
  });

  it.each(layouts.map((layout) => [layout.name, layout] as const))('drops no character of the body when %s', (_name, layout) => {
    const { text, body } = compose(fixture.issue, layout);
    const read = parseBulletinText(text);
    const kept = `${issueToPlainText(read.issue)}${read.setAside.join('')}`;
    // the numbers and marks the layout puts before 导读 entries, sections and items are structure, not body
    const numbered = layout.lead === 'numbered' || layout.lead === 'chinese-numbered' || layout.itemMark === 'number' || layout.sectionMark === '一、';
    // and a half-width colon after a unit's name or in a 导读 entry is read as the full-width one it stands for
    const marks = new RegExp(`[●◆■▲★【】*${numbered ? '0-9.、一二三四五六七八九十' : ''}${layout.halfWidth ? ':' : ''}]`, 'g');
    expect(missingChars(body, kept).replace(marks, '')).toBe('');
  });
});
