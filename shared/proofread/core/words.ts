// Chinese words, as the platform's word segmenter (Intl.Segmenter, ICU's dictionary, in Node and in
// Chromium alike) divides them. Segmenting reads about 200,000 characters a second, too slow for every
// text on every keystroke, so the rules segment only the clause around a place a cheap scan picked out.
export interface Word {
  text: string;
  start: number;
  end: number;
  /** a word, not punctuation or a space */
  isWord: boolean;
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Where a clause ends: the segmenter is given the clause, never the whole paragraph. */
const CLAUSE_MARK = /[，。、；：？！“”‘’（）《》【】〔〕「」『』…—\s,.;:?!()"'\n]/;
/** how far a clause is read either way from the place in question: enough for the words around it */
const CLAUSE_REACH = 10;

/** the segmentation of the clauses segmented last, which recur as the clerk types and in repeated wordings */
const recent = new Map<string, readonly Omit<Word, 'text'>[]>();
const RECENT_CLAUSES = 2000;

function segmented(clause: string): readonly Omit<Word, 'text'>[] {
  let words = recent.get(clause);
  if (words) return words;
  words = [...segmenter.segment(clause)].map(({ segment, index, isWordLike }) => ({ start: index, end: index + segment.length, isWord: isWordLike === true }));
  if (recent.size >= RECENT_CLAUSES) recent.delete(recent.keys().next().value!);
  recent.set(clause, words);
  return words;
}

/** The words of text[from, to), their offsets counted in `text`. */
export function wordsOf(text: string, from = 0, to = text.length): Word[] {
  const clause = text.slice(from, to);
  return segmented(clause).map(({ start, end, isWord }) => ({ text: clause.slice(start, end), start: from + start, end: from + end, isWord }));
}

/** The clause around [start, end): from just after the last clause mark before it to the first one after it, at most CLAUSE_REACH characters each way. */
export function clauseAround(text: string, start: number, end: number): { from: number; to: number } {
  let from = start;
  while (from > 0 && start - from < CLAUSE_REACH && !CLAUSE_MARK.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && to - end < CLAUSE_REACH && !CLAUSE_MARK.test(text[to]!)) to++;
  return { from, to };
}

/** The words of the clause around [start, end). */
export function wordsAround(text: string, start: number, end: number): Word[] {
  const { from, to } = clauseAround(text, start, end);
  return wordsOf(text, from, to);
}

/**
 * Single characters of the closed classes (particles, prepositions, conjunctions, a few adverbs) that
 * never double in standard Chinese: 的的 is a slip, where 常常 or 看看 is a word.
 */
export const FUNCTION_CHARACTERS: ReadonlySet<string> = new Set('的了是在和与及把被并而或也对将为从于之其向以由但就都又还');
