// The figures of a paragraph as offices state them (27件, 1,520台, 3.5万元, 十二家, 300余人, 38.2%),
// its clauses and sentences, and the breakdowns in it: a total followed by 其中, a colon, …中， or
// brackets holding its parts (or, as a guess, 共… and parts with none of these), then the run of
// clauses that give its parts in the same unit, breakdowns inside breakdowns included.
import { CHINESE_NUMERAL_CHARS, decimalsOf, readNumber, withAsciiDigits } from '../../text/chinese-numbers.ts';

/** Counting and measuring units, longest first so that 人次 is not read as 人. */
const UNITS = [
  '人次', '台次', '户次', '车次', '架次', '家次', '件次', '批次', '平方米', '平方公里', '立方米', '公里', '公顷', '千米', '元',
  '件', '家', '人', '名', '个', '起', '宗', '次', '项', '条', '户', '批', '处', '场', '篇', '份', '所', '座', '辆', '台', '套',
  '吨', '例', '封', '艘', '亩', '轮', '张', '本', '册', '部', '支', '只', '头', '株', '棵', '间', '栋', '幢', '米', '类', '种', '块', '口',
];
const NUMBER = `(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?|[${CHINESE_NUMERAL_CHARS}]+`;
/** the number first, so that the search can skip quickly to where a digit or numeral is; 约, 近… before it are read apart */
const FIGURE = new RegExp(`(${NUMBER})(余|多)?(万亿|万|亿)?(余|多)?(?:(${UNITS.join('|')})(左右|以上|以下|以内|上下)?|\\s*([%％]))`, 'g');
const CHINESE_PERCENT = new RegExp(`百分之([${CHINESE_NUMERAL_CHARS}]+)`, 'g');
const APPROXIMATE_BEFORE = /(?:将近|接近|大约|超过|约|近|超|逾)$/;
/** what makes a number an ordinal, a range or a date rather than a count: 第十一批, 1-11批, 1至3件 */
const ORDINAL_OR_RANGE_BEFORE = new RegExp(`(?:第|[\\d${CHINESE_NUMERAL_CHARS}]\\s*[-—－–~～至到])\\s*$`);
const RANGE_AFTER = new RegExp(`^\\s*[-—－–~～至到]\\s*[\\d${CHINESE_NUMERAL_CHARS}]`);
/** 3个月, 2个百分点, 一个个: a unit that is part of a longer word */
const NOT_A_UNIT_AFTER = /^(?:月|小时|工作日|星期|季度|年度|百分点|方面|环节|阶段)/;
const APPROXIMATE_WORDS = new Set(['约', '近', '将近', '接近', '大约', '超过', '超', '逾', '余', '多', '左右', '以上', '以下', '以内', '上下']);

export interface Figure {
  /** the value in the unit: 3.5万元 is 35000 元 */
  value: number;
  /** 件, 人次, 元…; % for a percentage */
  unit: string;
  /** the span of the number and its unit (and of 约, 余… around them) in the text */
  offset: number;
  length: number;
  /** the number as written, with its 万 or 亿: 8, 3.5万, 十二 */
  written: string;
  /** 约, 近, 余, 多, 超, 以上, 左右: the figure is not exact */
  approximate: boolean;
  /** how far the true value may lie from `value` because the figure is rounded (2.3万吨: 500 吨); 0 for a count */
  rounding: number;
}

/** A whole number is taken as written (5亿元 is five hundred million, not 4.5 to 5.5亿), decimals as rounded. */
function roundingOf(written: string, multiplier: number): number {
  const decimals = decimalsOf(written);
  if (decimals === 0) return 0;
  return (0.5 * multiplier) / 10 ** decimals;
}

function percentFigure(ascii: string, at: number, length: number, written: string): Figure | null {
  const value = readNumber(written);
  if (value === null || ORDINAL_OR_RANGE_BEFORE.test(ascii.slice(Math.max(0, at - 4), at))) return null;
  return { value, unit: '%', offset: at, length, written, approximate: false, rounding: 0.5 / 10 ** decimalsOf(written) };
}

/** Every figure of a text, in order; ordinals, ranges and numbers without a unit are left out. */
export function figuresIn(text: string): Figure[] {
  const ascii = withAsciiDigits(text);
  const figures: Figure[] = [];
  for (const match of ascii.matchAll(FIGURE)) {
    const [whole, number, approxInner, multiplierWord, approxOuter, unit, after, percentMark] = match;
    const at = match.index;
    const end = at + whole.length;
    if (percentMark !== undefined) {
      if (multiplierWord === undefined && approxInner === undefined && approxOuter === undefined) {
        const figure = percentFigure(ascii, at, whole.length, number!);
        if (figure) figures.push(figure);
      }
      continue;
    }
    const multiplier = multiplierWord ? (multiplierWord === '万' ? 1e4 : multiplierWord === '亿' ? 1e8 : 1e12) : 1;
    const base = readNumber(number!);
    if (base === null) continue;
    if (ORDINAL_OR_RANGE_BEFORE.test(ascii.slice(Math.max(0, at - 4), at)) || RANGE_AFTER.test(ascii.slice(end, end + 4))) continue;
    if (/[\d.,]$/.test(ascii.slice(Math.max(0, at - 1), at))) continue;
    const rest = ascii.slice(end, end + 4);
    if (NOT_A_UNIT_AFTER.test(rest) || rest.startsWith(unit!)) continue;
    const before = APPROXIMATE_BEFORE.exec(ascii.slice(Math.max(0, at - 2), at))?.[0];
    const approximate = before !== undefined || [approxInner, approxOuter, after].some((word) => word !== undefined && APPROXIMATE_WORDS.has(word));
    const start = at - (before?.length ?? 0);
    figures.push({
      value: base * multiplier,
      unit: unit!,
      offset: start,
      length: end - start,
      written: `${number}${multiplierWord ?? ''}`,
      approximate,
      rounding: roundingOf(number!, multiplier),
    });
  }
  if (ascii.includes('百分之')) {
    for (const match of ascii.matchAll(CHINESE_PERCENT)) {
      const figure = percentFigure(ascii, match.index, match[0].length, match[1]!);
      if (figure) figures.push(figure);
    }
    figures.sort((a, b) => a.offset - b.offset);
  }
  return figures;
}

export interface Clause {
  start: number;
  end: number;
  /** the clause's text, brackets and what they hold blanked out */
  text: string;
  /** the mark that ends it: ，、；： or '' at the end of the sentence */
  endMark: string;
  figures: Figure[];
  /** the clause opens with 其中 */
  opensBreakdown: boolean;
}

export interface Sentence {
  start: number;
  end: number;
  clauses: Clause[];
}

const BRACKETS: Record<string, string> = { '（': '）', '(': ')', '【': '】', '〔': '〕', '[': ']' };
const BLANK = '\u3000';
const CLAUSE_MARKS = new Set(['，', '、', '；', '：', ',', ';', ':']);
/** the marks that end a clause or a sentence (a half-width point only where it is no decimal point), and 其中 */
const MARKS = /[，、；：,;:。！？!?.]|其中/g;

const ANY_BRACKET = /[（(【〔[]/;

/** The text with every bracket and what it holds blanked (the same length), and the spans of the outermost brackets' insides. */
function blankBrackets(text: string): { text: string; insides: { start: number; end: number }[] } {
  if (!ANY_BRACKET.test(text)) return { text, insides: [] };
  const insides: { start: number; end: number }[] = [];
  const open: { close: string; at: number }[] = [];
  let blanked = '';
  let copied = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text[at]!;
    if (BRACKETS[char]) open.push({ close: BRACKETS[char]!, at });
    else if (open.length > 0 && char === open[open.length - 1]!.close) {
      const opened = open.pop()!.at;
      if (open.length === 0) {
        insides.push({ start: opened + 1, end: at });
        blanked += text.slice(copied, opened) + BLANK.repeat(at + 1 - opened);
        copied = at + 1;
      }
    }
  }
  return { text: blanked + text.slice(copied), insides };
}

/** A half-width comma or point between digits is a thousands separator or a decimal point, not punctuation. */
function isInsideNumber(text: string, at: number): boolean {
  return /\d/.test(text[at - 1] ?? '') && /\d/.test(text[at + 1] ?? '');
}

/** The sentences and clauses of a text; figures inside brackets belong to no clause (see breakdownsIn). */
export function sentencesOf(text: string, allFigures: readonly Figure[] = figuresIn(text)): Sentence[] {
  const { text: blanked } = blankBrackets(text);
  const sentences: Sentence[] = [];
  let clauses: Clause[] = [];
  let sentenceStart = 0;
  let clauseStart = 0;
  let nextFigure = 0;
  const endClause = (end: number, endMark: string) => {
    const clauseText = blanked.slice(clauseStart, end);
    const figures: Figure[] = [];
    while (nextFigure < allFigures.length && allFigures[nextFigure]!.offset < end) {
      const figure = allFigures[nextFigure++]!;
      if (figure.offset >= clauseStart && blanked[figure.offset] !== BLANK) figures.push(figure);
    }
    if (clauseText.trim() !== '' || endMark !== '') {
      const lead = clauseText.length - clauseText.trimStart().length;
      clauses.push({ start: clauseStart, end, text: clauseText, endMark, figures, opensBreakdown: /^其中(?!的)/.test(clauseText.slice(lead)) });
    }
    clauseStart = end + 1;
  };
  const endSentence = (end: number) => {
    if (clauses.length > 0) sentences.push({ start: sentenceStart, end, clauses });
    clauses = [];
    sentenceStart = end + 1;
  };
  for (const mark of blanked.matchAll(MARKS)) {
    const at = mark.index;
    const char = mark[0];
    if (char === '其中') {
      // 其中 inside a clause (受理27件其中已办结8件) starts a clause of its own
      if (at > clauseStart && !/^其中(?:的|[，,。；;：:]|$)/.test(blanked.slice(at, at + 3))) {
        endClause(at, '');
        clauseStart = at;
      }
    } else if (CLAUSE_MARKS.has(char)) {
      if (!(char === ',' && isInsideNumber(blanked, at))) endClause(at, char);
    } else if (char !== '.' || (!isInsideNumber(blanked, at) && !/\d/.test(blanked[at - 1] ?? ''))) {
      endClause(at, '');
      endSentence(at);
    }
  }
  endClause(blanked.length, '');
  endSentence(blanked.length);
  return sentences;
}

export interface Breakdown {
  total: Figure;
  parts: Figure[];
  /** the text says the parts listed are not all (其余, 其他, 等) */
  openEnded: boolean;
  /** the breakdown is inferred, not stated: its total is in the sentence before (…395件。其中，…), or no 其中, colon or bracket marks its parts (共上报64项，已完成45项，正在推进19项) */
  guessed: boolean;
  /** the parts are clauses apart (其中，已办结8件，阶段性办结17件，…), not one list: where they pass the total, the last may count something else */
  loose: boolean;
}

/** breakdowns inside breakdowns go no deeper than this (real text has two levels, three at most) */
const DEEPEST_NESTING = 3;
const OPEN_ENDED = /其余|其他|其它|剩余|余下|另有|等/;

function isPercentOnly(clause: Clause): boolean {
  return clause.figures.length > 0 && clause.figures.every((figure) => figure.unit === '%');
}

function countFigures(clause: Clause): Figure[] {
  return clause.figures.filter((figure) => figure.unit !== '%');
}

/**
 * The parts that follow a total, from clause `from` on: clauses whose first count is in the total's
 * unit, until a clause in another unit, a clause with no figure, or the end of the sentence. A 其中 among
 * them breaks down the part before it, up to a semicolon or until its parts reach that part.
 */
function collectParts(clauses: readonly Clause[], from: number, total: Figure, depth: number, found: Breakdown[]): { parts: Figure[]; next: number; openEnded: boolean; loose: boolean } {
  const inner = depth > 0;
  const parts: Figure[] = [];
  let openEnded = false;
  let loose = false;
  let sum = 0;
  let at = from;
  let names = 0;
  /** a comma or semicolon stood between two parts: they are clauses, not one list joined by 、 */
  let clausesApart = false;
  /** the clauses that gave parts (赫山区、资阳区各5件 is one clause, two parts) */
  let partClauses = 0;
  while (at < clauses.length) {
    const clause = clauses[at]!;
    if (at > from && clause.opensBreakdown && parts.length > 0) {
      if (depth >= DEEPEST_NESTING) break;
      const nested = collectParts(clauses, clauseAfterOpener(clauses, at), parts[parts.length - 1]!, depth + 1, found);
      if (nested.parts.length >= 2) found.push({ total: parts[parts.length - 1]!, parts: nested.parts, openEnded: nested.openEnded, guessed: false, loose: nested.loose });
      at = nested.next;
      continue;
    }
    if (isPercentOnly(clause)) {
      at++;
      continue;
    }
    const counts = countFigures(clause);
    if (counts.length === 0) {
      if (OPEN_ENDED.test(clause.text)) openEnded = true;
      // a name listed before a clause that gives the number of each (赫山区、资阳区各5件)
      if (clause.endMark === '、' && clause.text.trim().length <= 12) {
        names++;
        at++;
        continue;
      }
      break;
    }
    const first = counts[0]!;
    if (first.unit !== total.unit) break;
    if (OPEN_ENDED.test(clause.text)) openEnded = true;
    const each = /各$/.test(clause.text.slice(0, first.offset - clause.start).trim()) ? names + 1 : 1;
    for (let i = 0; i < each; i++) parts.push(first);
    names = 0;
    sum += first.value * each;
    partClauses++;
    at++;
    if (inner && (clause.endMark === '；' || clause.endMark === ';' || sum >= total.value)) break;
    if (clause.endMark === '、') continue;
    // where a list or a run of clauses ends: the breakdown ends when its parts reach the total, when they
    // were one list joined by 、 (已整改32处 after 重大6处、一般30处 is another count), or when they pass
    // the total as clauses apart (then perhaps only because a clause after them counts something else)
    if (Math.abs(sum - total.value) < 1e-9 || (partClauses >= 2 && !clausesApart)) break;
    if (sum > total.value) {
      // 其中重大6处，已整改32处: with one part before it, the clause that passes the total may count something else
      loose = clausesApart && parts.length - each < 2;
      break;
    }
    clausesApart = true;
  }
  return { parts, next: at, openEnded, loose };
}

/** The first clause of the parts after an opener: the opener itself when it holds a figure or a name (其中已办结8件, 其中赫山区、…), else the next. */
function clauseAfterOpener(clauses: readonly Clause[], opener: number): number {
  const clause = clauses[opener]!;
  return clause.figures.length > 0 || clause.endMark === '、' ? opener : opener + 1;
}

/** how far back a total and how far ahead the first part are looked for, in counts and clauses */
const REACH = 40;

/** The last count in `unit` before clause `before` of the sentence, or, when the sentence has none before it, in the sentence before. */
function lastCountBefore(sentences: readonly Sentence[], sentenceIndex: number, before: number, unit: string): { total: Figure; earlier: boolean } | null {
  const search = (clauses: readonly Clause[], end: number): { found: Figure | null; any: boolean } => {
    let seen = 0;
    for (let at = end - 1; at >= 0 && seen < REACH; at--) {
      const counts = countFigures(clauses[at]!);
      for (let i = counts.length - 1; i >= 0 && seen < REACH; i--, seen++) if (counts[i]!.unit === unit) return { found: counts[i]!, any: true };
    }
    return { found: null, any: seen > 0 };
  };
  const own = search(sentences[sentenceIndex]!.clauses, before);
  if (own.any || sentenceIndex === 0) return own.found ? { total: own.found, earlier: false } : null;
  // in the sentence before, a count after 共 or 合计 is the total (共受理395件，办结380件。其中，…), else its last count
  const previous = sentences[sentenceIndex - 1]!.clauses.slice(-REACH);
  const summed = previous.map(countAfterSumWord).find((figure) => figure?.unit === unit);
  const earlier = summed ?? search(previous, previous.length).found;
  return earlier ? { total: earlier, earlier: true } : null;
}

function firstPartUnit(clauses: readonly Clause[], from: number): string | null {
  for (let at = from; at < Math.min(clauses.length, from + REACH); at++) {
    const counts = countFigures(clauses[at]!);
    if (counts.length > 0) return counts[0]!.unit;
    if (!isPercentOnly(clauses[at]!) && clauses[at]!.endMark !== '、') return null;
  }
  return null;
}

/** 共, 合计…: a word that states a total, in the clause before the count (各县市区共上报整改任务64项) */
const SUM_WORD = /共计|合计|总计|累计|总共|一共|(?<!公)共(?!同|享|建|治|商|识|性|青|产|赢|鸣|担|育|融|筑|谋)/;
/** …的36件信访件中，: a clause that names a total as the whole the next clauses divide */
const WHOLE_BEFORE_PARTS = /中\s*$/;

/** The count of a clause that its next clauses break down: before a colon, or before 中 at its end. */
function leadInTotal(clause: Clause): Figure | null {
  const counts = countFigures(clause);
  const last = counts[counts.length - 1];
  if (!last || clause.opensBreakdown) return null;
  if (clause.endMark === '：' || clause.endMark === ':') return last;
  const after = clause.text.slice(last.offset + last.length - clause.start);
  return WHOLE_BEFORE_PARTS.test(after) && !/[\d]|集中$|其中$/.test(after) && after.length <= 12 ? last : null;
}

/** The count a 共 or 合计 in the clause stands before. */
function countAfterSumWord(clause: Clause): Figure | null {
  const word = SUM_WORD.exec(clause.text);
  if (!word) return null;
  return countFigures(clause).find((figure) => figure.offset - clause.start > word.index) ?? null;
}

/** The total of a clause with 共 or 合计 that parts follow without 其中 or a colon. */
function summedTotal(clause: Clause, next: Clause | undefined): Figure | null {
  if (!next || next.opensBreakdown || clause.opensBreakdown) return null;
  return countAfterSumWord(clause);
}

function breakdownsOfSentences(sentences: readonly Sentence[]): Breakdown[] {
  const found: Breakdown[] = [];
  sentences.forEach((sentence, sentenceIndex) => {
    const { clauses } = sentence;
    let at = 0;
    while (at < clauses.length) {
      const clause = clauses[at]!;
      let stated: { total: Figure; from: number; guessed: boolean } | null = null;
      const leadIn = leadInTotal(clause);
      const summed = leadIn ? null : summedTotal(clause, clauses[at + 1]);
      if (clause.opensBreakdown) {
        const from = clauseAfterOpener(clauses, at);
        const unit = firstPartUnit(clauses, from);
        const before = unit === null ? null : lastCountBefore(sentences, sentenceIndex, at, unit);
        if (before) stated = { total: before.total, from, guessed: before.earlier };
      } else if (leadIn ?? summed) {
        const total = (leadIn ?? summed)!;
        if (firstPartUnit(clauses, at + 1) === total.unit) stated = { total, from: at + 1, guessed: !leadIn };
      }
      if (!stated) {
        at++;
        continue;
      }
      const { parts, next, openEnded, loose } = collectParts(clauses, stated.from, stated.total, 0, found);
      // one part is a breakdown too when 其中 says so and it is more than the whole (检查企业46家，其中合格50家)
      const onePartTooMany = parts.length === 1 && clause.opensBreakdown && !stated.guessed && parts[0]!.value > stated.total.value;
      // a colon says that what follows is the parts, whatever marks part them
      const colon = leadIn !== null && (clause.endMark === '：' || clause.endMark === ':');
      if (parts.length >= 2 || onePartTooMany) found.push({ total: stated.total, parts, openEnded, guessed: stated.guessed, loose: loose && !colon });
      at = Math.max(next, at + 1);
    }
  });
  return found;
}

/** Every breakdown of a text, bracketed ones included (来信10件（其中重复件2件、新件8件）, 共计48件（赫山区14件、…）). */
export function breakdownsIn(text: string): Breakdown[] {
  if (!/其中|[：:（(]|中|共|计/.test(text)) return [];
  const figures = figuresIn(text);
  const counts = figures.filter((figure) => figure.unit !== '%');
  // a total and a part at least (one part is a breakdown only when it is more than the whole)
  if (counts.length < 2) return [];
  const found = breakdownsOfSentences(sentencesOf(text, figures));
  const insides = blankBrackets(text).insides.filter((inside) => !/^\s*(?:含|包括|包含|另|不含|其余|其他)/.test(text.slice(inside.start, inside.start + 8)));
  if (insides.length === 0) return found;
  const countEndingAt = new Map(counts.map((figure) => [figure.offset + figure.length, figure]));
  for (const inside of insides) {
    const owner = countEndingAt.get(inside.start - 1);
    if (!owner) continue;
    const clauses = (sentencesOf(text.slice(inside.start, inside.end))[0]?.clauses ?? []).map((clause) => ({
      ...clause,
      start: clause.start + inside.start,
      end: clause.end + inside.start,
      figures: clause.figures.map((figure) => ({ ...figure, offset: figure.offset + inside.start })),
    }));
    const opened = clauses[0]?.opensBreakdown === true;
    const { parts, next, openEnded, loose } = collectParts(clauses, opened ? clauseAfterOpener(clauses, 0) : 0, owner, 0, []);
    // without 其中, the brackets must hold nothing but the parts (共计48件（赫山区14件、资阳区10件…）)
    if (parts.length >= 2 && (opened || next === clauses.length)) found.push({ total: owner, parts, openEnded, guessed: false, loose });
  }
  return found;
}
