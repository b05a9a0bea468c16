// Rule: fixed phrases written in a known mistaken form (布署 for 部署, 青山绿水就是金山银山), from the
// series' list and the built-in one (the series wins where both list the same wrong form). A wrong form
// of two characters that the segmenter reads as the end of one word and the start of the next (标签|属于
// holds no 签属, 大幅|射程 no 幅射) is not there.
import { DEFAULT_PHRASES } from '../core/default-phrases.ts';
import { makeFinding, type Finding } from '../core/finding.ts';
import type { Phrase, Rule } from '../core/rule.ts';
import { wordsAround } from '../core/words.ts';

const ID = 'phrases.fixed';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** wrong form → standard form, one search pattern for all wrong forms (longest first) */
function compile(phrases: readonly Phrase[]): { correctOf: Map<string, string>; pattern: RegExp } | null {
  const correctOf = new Map<string, string>();
  for (const { correct, wrong } of phrases) {
    for (const form of wrong) if (form !== correct && form.length > 0) correctOf.set(form, correct);
  }
  if (correctOf.size === 0) return null;
  const forms = [...correctOf.keys()].sort((a, b) => b.length - a.length);
  return { correctOf, pattern: new RegExp(forms.map(escape).join('|'), 'g') };
}

/** The wrong form at `index` is part of the standard form written correctly there (a wrong form may sit inside a right one). */
function insideCorrect(text: string, index: number, length: number, correct: string): boolean {
  const from = Math.max(0, index + length - correct.length);
  const around = text.slice(from, index + correct.length);
  for (let at = around.indexOf(correct); at !== -1; at = around.indexOf(correct, at + 1)) {
    if (from + at <= index && from + at + correct.length >= index + length) return true;
  }
  return false;
}

/** The two characters at `index` belong to two words, each running on beyond them. */
function straddlesTwoWords(text: string, index: number, length: number): boolean {
  if (length !== 2) return false;
  const words = wordsAround(text, index, index + length);
  const first = words.find((word) => word.start <= index && word.end > index);
  const second = words.find((word) => word.start <= index + 1 && word.end > index + 1);
  return first !== undefined && second !== undefined && first !== second && first.isWord && second.isWord && first.start < index && second.end > index + length;
}

export const fixedPhrasesRule: Rule = {
  id: ID,
  label: '固定用语',
  check({ units, settings }) {
    const compiled = compile([...(settings.builtInPhrases ?? DEFAULT_PHRASES), ...(settings.phrases ?? [])]);
    if (!compiled) return [];
    const findings: Finding[] = [];
    for (const unit of units) {
      for (const match of unit.text.matchAll(compiled.pattern)) {
        const correct = compiled.correctOf.get(match[0])!;
        if (insideCorrect(unit.text, match.index, match[0].length, correct) || straddlesTwoWords(unit.text, match.index, match[0].length)) continue;
        findings.push(
          makeFinding({
            rule: ID,
            severity: 'error',
            ref: unit.ref,
            fieldText: unit.text,
            offset: match.index,
            length: match[0].length,
            message: `“${match[0]}”应写作“${correct}”`,
            fix: correct,
          }),
        );
      }
    }
    return findings;
  },
};
