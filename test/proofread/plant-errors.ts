// The planted-error corpus: real paragraphs of the fixtures (../shared/fixtures and test/fixtures/unseen)
// with one error of a known kind planted in each, by a seeded random choice, and the measurement of how
// many of them proofreading finds with the rule of that kind at the planted place, beside the findings
// on the untouched text.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Converter } from 'opencc-js/cn2t';
import { parseBulletinText } from '../../shared/import/parse-bulletin.ts';
import type { Issue } from '../../shared/model/issue.ts';
import type { Finding } from '../../shared/proofread/core/finding.ts';
import { textUnitsOf } from '../../shared/proofread/core/text-units.ts';
import { FUNCTION_CHARACTERS, wordsOf } from '../../shared/proofread/core/words.ts';
import { proofreadIssue } from '../../shared/proofread/proofread.ts';
import { bulletinFixtures, repoRoot } from '../fixtures.ts';
import { seededRandom } from '../generate.ts';
import { BREAKDOWN_SENTENCES } from './breakdown-sentences.ts';
import { withParagraphs } from './build.ts';

export type PlantedKind = 'breakdown' | 'traditional' | 'doubled' | 'date' | 'half-width' | 'doc-number-year' | 'unpaired';

/** the rule expected to find each kind, and the kind's name in the tables */
export const KINDS: Record<PlantedKind, { rule: string; label: string }> = {
  breakdown: { rule: 'numbers.total', label: '分项与总数不符' },
  traditional: { rule: 'characters.traditional', label: '繁体字' },
  doubled: { rule: 'characters.doubled', label: '字词重复' },
  date: { rule: 'dates.impossible', label: '不存在的日期' },
  'half-width': { rule: 'punctuation.half-width', label: '半角标点' },
  'doc-number-year': { rule: 'dates.doc-number-year', label: '文号年份' },
  unpaired: { rule: 'punctuation.unpaired', label: '成对标点缺一半' },
};

export interface Plant {
  kind: PlantedKind;
  /** the issue with the error in it */
  issue: Issue;
  /** where the error is: in the issue's one article's paragraph 0, or in the document number */
  field: 'paragraph' | 'docNumber';
  start: number;
  end: number;
  /** the planted text around the error, for the report of a miss */
  excerpt: string;
}

export interface CorpusText {
  name: string;
  issue: Issue;
  paragraphs: string[];
}

/** The fixtures' issues and their body paragraphs, untouched. */
export function corpusTexts(): CorpusText[] {
  const unseenDir = join(repoRoot, 'test', 'fixtures', 'unseen');
  const sources = [
    ...bulletinFixtures().map((fixture) => ({ name: fixture.name, text: fixture.text })),
    ...readdirSync(unseenDir)
      .filter((file) => file.endsWith('.txt'))
      .sort()
      .map((file) => ({ name: `unseen/${file.replace(/\.txt$/, '')}`, text: readFileSync(join(unseenDir, file), 'utf8') })),
  ];
  return sources.map(({ name, text }) => {
    const issue = parseBulletinText(text).issue;
    const paragraphs = textUnitsOf(issue)
      .filter((unit) => unit.kind === 'body')
      .map((unit) => unit.text);
    return { name, issue, paragraphs };
  });
}

type Random = () => number;
const pick = <T>(items: readonly T[], random: Random): T => items[Math.floor(random() * items.length)]!;

function excerptOf(text: string, start: number, end: number): string {
  return `${text.slice(Math.max(0, start - 12), start)}【${text.slice(start, end)}】${text.slice(end, end + 12)}`;
}

function inParagraph(kind: PlantedKind, text: string, start: number, end: number): Plant {
  return { kind, issue: withParagraphs(text), field: 'paragraph', start, end, excerpt: excerptOf(text, start, end) };
}

const HAN = /\p{Script=Han}/u;
const toTraditional = Converter({ from: 'cn', to: 'tw' });

/** One character of the paragraph written as the Taiwan standard writes it, where that differs. */
function plantTraditional(text: string, random: Random): Plant | null {
  const converted = toTraditional(text);
  if (converted.length !== text.length) return null;
  const places = [...text].flatMap((char, index) => (converted[index] !== char && HAN.test(char) ? [index] : []));
  if (places.length === 0) return null;
  const at = pick(places, random);
  return inParagraph('traditional', text.slice(0, at) + converted[at] + text.slice(at + 1), at, at + 1);
}

/** A word of the paragraph (as the segmenter reads it) typed twice: a word of two or more characters, or a function character. */
function plantDoubled(text: string, random: Random): Plant | null {
  const words = wordsOf(text).filter((word) => word.isWord && /^\p{Script=Han}+$/u.test(word.text) && (word.text.length >= 2 || FUNCTION_CHARACTERS.has(word.text)));
  if (words.length === 0) return null;
  const word = pick(words, random);
  return inParagraph('doubled', text.slice(0, word.end) + word.text + text.slice(word.end), word.start, word.end + word.text.length);
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A date of the paragraph made one that does not exist: 2月30日, 4月31日, 13月5日, 6月32日. */
function plantDate(text: string, random: Random): Plant | null {
  const dates = [...text.matchAll(/(\d{1,2})月(\d{1,2})日/g)].filter((match) => Number(match[1]) >= 1 && Number(match[1]) <= 12);
  if (dates.length === 0) return null;
  const date = pick(dates, random);
  const month = Number(date[1]);
  const impossible = pick(
    [
      () => `${month}月${DAYS_IN_MONTH[month - 1]! + 1 + Math.floor(random() * (31 - DAYS_IN_MONTH[month - 1]!))}日`,
      () => `${13 + Math.floor(random() * 7)}月${date[2]}日`,
      () => `${month}月${32 + Math.floor(random() * 8)}日`,
      () => `2月${30 + Math.floor(random() * 2)}日`,
    ],
    random,
  )();
  const start = date.index;
  return inParagraph('date', text.slice(0, start) + impossible + text.slice(start + date[0].length), start, start + impossible.length);
}

const HALF_WIDTH: Record<string, string> = { '，': ',', '；': ';', '：': ':' };

/** A full-width comma, semicolon or colon between Chinese characters made half-width. */
function plantHalfWidth(text: string, random: Random): Plant | null {
  const places = [...text.matchAll(/[，；：]/g)].filter((match) => HAN.test(text[match.index - 1] ?? '') && HAN.test(text[match.index + 1] ?? '')).map((match) => match.index);
  if (places.length === 0) return null;
  const at = pick(places, random);
  return inParagraph('half-width', text.slice(0, at) + HALF_WIDTH[text[at]!] + text.slice(at + 1), at, at + 1);
}

const PAIRS = [['“', '”'], ['《', '》'], ['（', '）']] as const;

/** The paired marks of the paragraph: each opening mark with its closing one, nested pairs included. */
function pairsIn(text: string): [number, number][] {
  const pairs: [number, number][] = [];
  for (const [open, close] of PAIRS) {
    const stack: number[] = [];
    for (let i = 0; i < text.length; i++) {
      if (text[i] === open) stack.push(i);
      else if (text[i] === close && stack.length > 0) pairs.push([stack.pop()!, i]);
    }
  }
  return pairs;
}

/** One mark of a pair of “”, 《》 or （） taken out; the error is at the mark left without its partner. */
function plantUnpaired(text: string, random: Random): Plant | null {
  const pairs = pairsIn(text);
  if (pairs.length === 0) return null;
  const [open, close] = pick(pairs, random);
  if (random() < 0.5) {
    const planted = text.slice(0, close) + text.slice(close + 1);
    return inParagraph('unpaired', planted, open, open + 1);
  }
  const planted = text.slice(0, open) + text.slice(open + 1);
  return inParagraph('unpaired', planted, close - 1, close);
}

/** Whole-number figures with a unit: 受理27件 */
const FIGURE = /(\d+)(件|个|起|家|处|人|名|户|项|条|次)/g;

/** A part of a breakdown (a total stated and its parts, which add up to it) changed so that they no longer do. */
function plantBreakdown(text: string, random: Random): Plant | null {
  const sentence = [...text.matchAll(/[^。；]+/g)].find((match) => /共|合计|总计|累计|其中|：/.test(match[0]) && addsUp(match[0]));
  if (!sentence) return null;
  const figures = [...sentence[0].matchAll(FIGURE)];
  const part = pick(figures.slice(1), random);
  const value = Number(part[1]);
  const changed = value + (random() < 0.5 && value > 1 ? -1 : 1) * (1 + Math.floor(random() * Math.min(9, Math.max(1, value - 1))));
  const start = sentence.index + part.index;
  const planted = text.slice(0, start) + changed + text.slice(start + part[1]!.length);
  const totalStart = sentence.index + figures[0]!.index;
  return inParagraph('breakdown', planted, totalStart, start + String(changed).length);
}

/** The first figure is the total and the later ones with its unit add up to it. */
function addsUp(sentence: string): boolean {
  const figures = [...sentence.matchAll(FIGURE)];
  if (figures.length < 3) return false;
  const [total, ...parts] = figures;
  return parts.every((part) => part[2] === total![2]) && parts.reduce((sum, part) => sum + Number(part[1]), 0) === Number(total![1]);
}

/** The document number's year made another year (a number carried over from an earlier template). */
function plantDocNumberYears(issue: Issue): Plant[] {
  const docNumber = issue.docNumber;
  const year = docNumber ? /(\d{4})/.exec(docNumber) : null;
  if (!docNumber || !year) return [];
  return [-3, -2, -1, 1, 2, 3].map((offset) => {
    const wrong = String(issue.year + offset);
    const planted = docNumber.slice(0, year.index) + wrong + docNumber.slice(year.index + 4);
    return { kind: 'doc-number-year', issue: { ...issue, docNumber: planted }, field: 'docNumber', start: year.index, end: year.index + 4, excerpt: planted } as Plant;
  });
}

const PARAGRAPH_PLANTERS: [PlantedKind, (text: string, random: Random) => Plant | null][] = [
  ['traditional', plantTraditional],
  ['doubled', plantDoubled],
  ['date', plantDate],
  ['half-width', plantHalfWidth],
  ['unpaired', plantUnpaired],
  ['breakdown', plantBreakdown],
];

/**
 * Every plant of the corpus: for each paragraph of the fixtures and each kind that fits it, `perParagraph`
 * plants from the seed; breakdowns also in the sentences of breakdown-sentences.ts, the fixtures having
 * few; the document number's year in every issue that has one.
 */
export function plantErrors(seed: number, perParagraph = 2): Plant[] {
  const random = seededRandom(seed);
  const texts = corpusTexts();
  const paragraphs = [...texts.flatMap((text) => text.paragraphs), ...BREAKDOWN_SENTENCES];
  const plants: Plant[] = [];
  for (const paragraph of paragraphs) {
    for (const [, plant] of PARAGRAPH_PLANTERS) {
      for (let i = 0; i < perParagraph; i++) {
        const planted = plant(paragraph, random);
        if (planted) plants.push(planted);
      }
    }
  }
  for (const { issue } of texts) plants.push(...plantDocNumberYears(issue));
  return plants;
}

/** A finding of the plant's rule that touches the planted span. */
function foundBy(plant: Plant, findings: readonly Finding[]): boolean {
  return findings.some((finding) => {
    if (finding.rule !== KINDS[plant.kind].rule || finding.location.field !== plant.field) return false;
    const { offset, length } = finding.location;
    return offset < plant.end && offset + Math.max(length, 1) > plant.start;
  });
}

export interface KindResult {
  kind: PlantedKind;
  planted: number;
  found: number;
  recall: number;
  missed: string[];
}

/** Recall per kind over the corpus of `seed`. */
export function measureRecall(seed: number, perParagraph = 2): KindResult[] {
  const results = new Map<PlantedKind, KindResult>();
  for (const kind of Object.keys(KINDS) as PlantedKind[]) results.set(kind, { kind, planted: 0, found: 0, recall: 0, missed: [] });
  for (const plant of plantErrors(seed, perParagraph)) {
    const result = results.get(plant.kind)!;
    result.planted++;
    if (foundBy(plant, proofreadIssue(plant.issue))) result.found++;
    else result.missed.push(plant.excerpt);
  }
  for (const result of results.values()) result.recall = result.planted === 0 ? 0 : result.found / result.planted;
  return [...results.values()];
}

export interface UntouchedFinding {
  source: string;
  finding: Finding;
}

/** The findings on the untouched paragraphs: each paragraph proofread alone, as the plants are. */
export function untouchedFindings(): UntouchedFinding[] {
  return corpusTexts().flatMap(({ name, paragraphs }) =>
    paragraphs.flatMap((paragraph) =>
      proofreadIssue(withParagraphs(paragraph))
        .filter((finding) => finding.location.field === 'paragraph')
        .map((finding) => ({ source: name, finding })),
    ),
  );
}
