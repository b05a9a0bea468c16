// Rule: “” ‘’ 《》 （） 【】 that open without closing or close without opening, within one text.
// Quotations inside quotations nest; a quotation running over several paragraphs, which by custom
// opens every paragraph with “ and closes only the last, is not flagged.
import { isLatin } from '../core/characters.ts';
import { makeFinding, type Finding } from '../core/finding.ts';
import type { Rule } from '../core/rule.ts';
import type { TextUnit } from '../core/text-units.ts';

const ID = 'punctuation.unpaired';

const CLOSER_OF: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '（': '）', '【': '】' };
const OPENER_OF: Record<string, string> = Object.fromEntries(Object.entries(CLOSER_OF).map(([open, close]) => [close, open]));
const ANY_MARK = /[“”‘’《》（）【】]/;
const NAMES: Record<string, string> = {
  '“': '左双引号“',
  '”': '右双引号”',
  '‘': '左单引号‘',
  '’': '右单引号’',
  '《': '左书名号《',
  '》': '右书名号》',
  '（': '左括号（',
  '）': '右括号）',
  '【': '左方头括号【',
  '】': '右方头括号】',
};

function unpaired(text: string): { index: number; mark: string; opening: boolean }[] {
  const stack: { index: number; mark: string }[] = [];
  const open: Record<string, number> = {};
  const wrong: { index: number; mark: string; opening: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const mark = text[i]!;
    if (CLOSER_OF[mark]) {
      stack.push({ index: i, mark });
      open[mark] = (open[mark] ?? 0) + 1;
      continue;
    }
    const opener = OPENER_OF[mark];
    if (!opener) continue;
    // ’ between Latin letters is an apostrophe (China’s)
    if (mark === '’' && isLatin(text[i - 1]) && isLatin(text[i + 1])) continue;
    if (!open[opener]) {
      wrong.push({ index: i, mark, opening: false });
      continue;
    }
    // marks opened inside this pair and never closed
    for (let top = stack.pop()!; top.mark !== opener; top = stack.pop()!) {
      open[top.mark]!--;
      wrong.push({ ...top, opening: true });
    }
    open[opener]!--;
  }
  for (const entry of stack) wrong.push({ ...entry, opening: true });
  return wrong;
}

/** The next paragraph of the same article or ▲ item opens with “. */
function quotationCarriesOn(previous: TextUnit, next: TextUnit | undefined): boolean {
  if (next === undefined || !next.text.trimStart().startsWith('“')) return false;
  const [a, b] = [previous.ref, next.ref];
  if (a.field === 'paragraph' && b.field === 'paragraph') return a.block === b.block;
  if (a.field === 'itemParagraph' && b.field === 'itemParagraph') return a.block === b.block && a.item === b.item;
  return false;
}

export const unpairedMarksRule: Rule = {
  id: ID,
  label: '成对标点不配对',
  check({ units }) {
    const findings: Finding[] = [];
    units.forEach((unit, index) => {
      if (!ANY_MARK.test(unit.text)) return;
      const wrong = unpaired(unit.text);
      const carriesOn = quotationCarriesOn(unit, units[index + 1]);
      for (const { index: at, mark, opening } of wrong) {
        // a “ left open at the start of a paragraph, when the next paragraph opens with “ too
        if (carriesOn && mark === '“' && opening && at === unit.text.length - unit.text.trimStart().length) continue;
        const message = opening ? `${NAMES[mark]}没有对应的${NAMES[CLOSER_OF[mark]!]}` : `${NAMES[mark]}前面没有对应的${NAMES[OPENER_OF[mark]!]}`;
        findings.push(makeFinding({ rule: ID, severity: 'error', ref: unit.ref, fieldText: unit.text, offset: at, length: 1, message }));
      }
    });
    return findings;
  },
};
