// What the search index holds of an issue (titles and heads; body text and colophon), the character
// pairs that let one- and two-character terms be found, how a query splits into terms, and snippets.
import type { Issue } from '../../../shared/model/issue.ts';
import { elementPlainText } from '../../../shared/model/content.ts';
import { SNIPPET_MARK } from '../../../shared/api/records.ts';

export interface SearchText {
  /** article titles and subtitles, news section headings and item heads, the document number */
  titles: string;
  /** paragraphs of articles and news items (a table's cells, a figure's caption), then the colophon (recipients, issuing unit) */
  body: string;
}

export function searchTextOf(issue: Issue): SearchText {
  const titles: string[] = [];
  const body: string[] = [];
  if (issue.docNumber) titles.push(issue.docNumber);
  for (const block of issue.blocks) {
    if (block.type === 'article') {
      titles.push(block.title);
      if (block.subtitle) titles.push(block.subtitle);
      body.push(...block.paragraphs.map(elementPlainText));
    } else if (block.type === 'news') {
      titles.push(block.heading);
      for (const item of block.items) {
        titles.push(item.head);
        body.push(...item.paragraphs.map(elementPlainText));
      }
    }
  }
  const { report, send, issue: issueTo } = issue.distribution;
  body.push(...report, ...send, ...issueTo);
  if (issue.printed) body.push(issue.printed.by);
  return { titles: titles.join('\n'), body: body.join('\n') };
}

const WORD_RUN = /[\p{L}\p{N}]+/gu;
const WORD_TERM = /^[\p{L}\p{N}]+$/u;

/**
 * The text as space-separated tokens for the pair index: every two adjacent letters or digits, and the
 * last one of each run alone, so each character position starts a token. A two-character term is then
 * one token; a one-character term is a prefix of one.
 */
export function characterPairs(text: string): string {
  const tokens: string[] = [];
  for (const run of text.toLowerCase().match(WORD_RUN) ?? []) {
    const chars = [...run];
    for (let i = 0; i < chars.length - 1; i++) tokens.push(chars[i]! + chars[i + 1]!);
    tokens.push(chars[chars.length - 1]!);
  }
  return tokens.join(' ');
}

export interface QueryTerms {
  /** three characters or more: the trigram index */
  long: string[];
  /** one or two letters or digits: the pair index */
  short: string[];
  /** one or two characters with punctuation in them: neither index holds them, so a scan */
  scan: string[];
  all: string[];
}

const MAX_TERMS = 16;

export function readQuery(query: string): QueryTerms {
  const all = [...new Set(query.split(/[\s\u3000]+/u).filter((term) => term.length > 0))].slice(0, MAX_TERMS);
  const terms: QueryTerms = { long: [], short: [], scan: [], all };
  for (const term of all) {
    if ([...term].length >= 3) terms.long.push(term);
    else if (WORD_TERM.test(term)) terms.short.push(term.toLowerCase());
    else terms.scan.push(term);
  }
  return terms;
}

/** An FTS5 string literal: the term matched as it is, whatever operators or quotes it contains. */
export function ftsString(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

/** The pair-index query for a short term: the pair itself, or any token a single character begins. */
export function pairQuery(term: string): string {
  return [...term].length === 1 ? `${ftsString(term)}*` : ftsString(term);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SNIPPET_BEFORE = 20;
const SNIPPET_WIDTH = 80;

const isLowSurrogate = (text: string, index: number) => {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
};

/** A passage around the first match (body first, else titles) with every term in it between SNIPPET_MARK. */
export function snippetOf(text: SearchText, terms: readonly string[]): string {
  const pattern = new RegExp(terms.map(escapeRegExp).join('|'), 'giu');
  for (const source of [text.body, text.titles]) {
    pattern.lastIndex = 0;
    const first = pattern.exec(source);
    if (!first) continue;
    let start = Math.max(0, first.index - SNIPPET_BEFORE);
    let end = Math.min(source.length, start + SNIPPET_WIDTH);
    if (isLowSurrogate(source, start)) start--;
    if (isLowSurrogate(source, end)) end++;
    const passage = source.slice(start, end).replace(/\n/g, ' ').replace(pattern, (match) => `${SNIPPET_MARK.open}${match}${SNIPPET_MARK.close}`);
    return `${start > 0 ? '…' : ''}${passage}${end < source.length ? '…' : ''}`;
  }
  return '';
}
