// Rule: a word or phrase typed twice in a row (的的, 进一步进一步, 加强监管加强监管), read as words by the
// segmenter, so that a word that merely begins with the character before it (对对方, 的的确确) and a
// reduplicated word (常常, 看看, 认认真真) are not taken for one. A doubled phrase, a doubled word of three or
// more characters and a doubled function character are errors with a fix; a doubled two-character word
// may be a verb said twice on purpose (研究研究), and a doubled character the segmenter could not place
// (在在建项目) may be right: those are warnings to look at, without a fix.
import { makeFinding, type Finding, type Severity } from '../core/finding.ts';
import type { Rule } from '../core/rule.ts';
import type { TextUnit } from '../core/text-units.ts';
import { FUNCTION_CHARACTERS, wordsAround, type Word } from '../core/words.ts';

const ID = 'characters.doubled';

/** the longest copy looked for, in UTF-16 units: a phrase of a few words */
const LONGEST_COPY = 10;
/** more copies than this in a row are a pattern or a pasted blob, not a slip of the keyboard */
const MOST_COPIES = 3;

interface Doubling {
  copy: string;
  copies: number;
  /** null: not a slip (a reduplicated word, a word beginning with the character before it, or a long run of copies) */
  severity: Severity | null;
}

const HAN_ONLY = /^\p{Script=Han}+$/u;

/** The words of text[from, to) when the segmenter puts word boundaries at both ends, else null. */
function wordsBetween(words: readonly Word[], from: number, to: number): Word[] | null {
  const first = words.findIndex((word) => word.start === from);
  if (first === -1) return null;
  const inside: Word[] = [];
  for (let i = first; i < words.length && words[i]!.end <= to; i++) inside.push(words[i]!);
  return inside.length > 0 && inside.at(-1)!.end === to && inside.every((word) => word.isWord) ? inside : null;
}

/** 的 and 了 begin only words the segmenter knows (的确, 了解, 了结) */
const PARTICLES = '的了';

/** measure words and time words that Chinese doubles to say "every" (件件有着落, 户户见面, 周周通报, 月月考核) */
const EVERY_DOUBLED = new Set('件件户户周周月月年年天天日日人人家家村村事事处处时时步步层层个个条条项项样样份份次次回回段段句句字字'.split('').filter((_, i) => i % 2 === 0));

const loneHan = (word: Word | undefined) => word !== undefined && word.isWord && word.text.length === 1;

function severityOf(copy: readonly Word[], before: Word | undefined, after: Word | undefined): Severity | null {
  if (copy.length >= 2 || copy[0]!.text.length >= 3) return 'error';
  if (copy[0]!.text.length === 2) return 'warning';
  // one character the segmenter left alone: a function character is a slip unless the segmenter could
  // not read on past it either (在在建项目: 在|在|建, its dictionary lacks 在建 and 整改 alike), except the
  // particles, which begin no word it lacks; any other character is only worth a look, and not
  // where the segmenter read its neighbours as single characters too (益阳市市直单位: 益|阳|市|市|直), nor
  // in the second half of an AABB form (家家户户: 家家|户|户)
  const char = copy[0]!.text;
  // after a number (12件件) the measure word is typed twice
  if (EVERY_DOUBLED.has(char)) return /[\d〇零一二两三四五六七八九十百千万]$/.test(before?.text ?? '') ? 'warning' : null;
  if (FUNCTION_CHARACTERS.has(char)) return PARTICLES.includes(char) || !loneHan(after) ? 'error' : 'warning';
  const aabb = before !== undefined && before.text.length === 2 && before.text[0] === before.text[1];
  return aabb || loneHan(before) || loneHan(after) ? null : 'warning';
}

/** The copies of text[start, start + length) from `start` on, and the severity of the doubling where the segmenter reads them as words said again. */
function doublingAt(text: string, start: number, length: number): Doubling {
  const copy = text.slice(start, start + length);
  let copies = 2;
  while (text.startsWith(copy, start + copies * length)) copies++;
  if (copies > MOST_COPIES) return { copy, copies, severity: null };
  const end = start + copies * length;
  const words = wordsAround(text, start, end);
  const first = wordsBetween(words, start, start + length);
  if (!first) return { copy, copies: 1, severity: null };
  for (let k = 1; k < copies; k++) {
    const next = wordsBetween(words, start + k * length, start + (k + 1) * length);
    if (!next || next.length !== first.length || next.some((word, i) => word.text !== first[i]!.text)) {
      if (k === 1) return { copy, copies: 1, severity: null };
      copies = k;
      break;
    }
  }
  const before = words.findLast((word) => word.end <= start);
  const after = words.find((word) => word.start >= start + copies * length);
  return { copy, copies, severity: severityOf(first, before, after) };
}

function checkUnit(unit: TextUnit): Finding[] {
  const text = unit.text;
  const findings: Finding[] = [];
  for (let start = 0; start < text.length - 1; start++) {
    // below U+3400 there is no Han character (ASCII, Chinese marks, kana): the place is passed over at once
    if (text.charCodeAt(start) < 0x3400) continue;
    for (let length = 1; length <= LONGEST_COPY && start + 2 * length <= text.length; length++) {
      // a cheap test first: most places repeat nothing
      if (text.charCodeAt(start) !== text.charCodeAt(start + length) || !text.startsWith(text.slice(start, start + length), start + length)) continue;
      if (!HAN_ONLY.test(text.slice(start, start + length))) break;
      let doubling = doublingAt(text, start, length);
      // a reduplicated word typed twice (个个个个) is two copies of the word, not four of the character
      if (doubling.copies > MOST_COPIES && doubling.copies <= 2 * MOST_COPIES && doubling.copies % 2 === 0) doubling = doublingAt(text, start, (length * doubling.copies) / 2);
      const { copy, copies, severity } = doubling;
      if (copies > MOST_COPIES) {
        // the whole run is passed over at once, so that a blob of repeats is read in one pass
        start += copies * copy.length - 1;
        break;
      }
      if (!severity) continue;
      const certain = severity === 'error';
      findings.push(
        makeFinding({
          rule: ID,
          severity,
          ref: unit.ref,
          fieldText: text,
          offset: start,
          length: copies * copy.length,
          message: certain ? `“${copy}”重复了，应只写一次` : `“${copy}”连写了${copies}次，如不是有意叠用，请删去重复的部分`,
          fix: certain ? copy : undefined,
        }),
      );
      start += copies * copy.length - 1;
      break;
    }
  }
  return findings;
}

export const doubledCharactersRule: Rule = {
  id: ID,
  label: '字词重复',
  check: ({ units }) => units.flatMap(checkUnit),
};
