// Rule: a stated total that differs from the sum of the parts listed right after it
// (共收到12件，其中A区5件，B县4件，C市2件). Only a clear breakdown is checked: 其中 or a colon after the
// total, then at least two parts in the same unit, and nothing else until the end of the sentence.
// Parts adding up to more than the total are an error; to less, a warning (a part may be left unsaid).
import { makeFinding, type Finding } from '../core/finding.ts';
import type { Rule } from '../core/rule.ts';
import type { TextUnit } from '../core/text-units.ts';

const ID = 'numbers.total';
const UNITS = '人次|批次|万元|亿元|件|个|人|起|条|家|次|批|处|份|项|宗|户|名|封|例|所|座|辆|吨|台|套|元|天|场|篇|期|艘|亩|公里';
const NUMBER = '\\d+(?:\\.\\d+)?';
const TOTAL = new RegExp(`(?:共|合计|总计|累计|总共|一共)[^，。；：、\\d]{0,12}?(?<![\\d.])(${NUMBER})(${UNITS})`, 'g');
const BREAKDOWN_START = /^(?:[，,]?\s*其中[：:，,]?|[：:])/;
/** a breakdown runs no longer than this; a longer one is cut off here and, not ending in a part, not checked */
const LONGEST_BREAKDOWN = 1000;
const BRACKETED = /（[^（）]*）|\([^()]*\)/g;

interface Part {
  value: number;
  text: string;
}

/** The parts of a breakdown, or null when the clauses up to the end of the sentence are not all parts in `unit`. */
function partsOf(sentence: string, unit: string): Part[] | null {
  const clauses = sentence.replace(BRACKETED, '').split(/[，、；,;]/).map((clause) => clause.trim());
  const pattern = new RegExp(`^([^\\d]{1,20}?)(${NUMBER})(${UNITS})([^\\d]{0,8})$`);
  const parts: Part[] = [];
  for (const clause of clauses) {
    if (clause.length === 0) continue;
    const match = pattern.exec(clause);
    if (!match || match[3] !== unit) return null;
    parts.push({ value: Number(match[2]), text: clause });
  }
  return parts;
}

function checkUnit(unit: TextUnit): Finding[] {
  const text = unit.text;
  if (!/共|合计|总计|累计/.test(text)) return [];
  const findings: Finding[] = [];
  for (const match of text.matchAll(TOTAL)) {
    const totalEnd = match.index + match[0].length;
    const start = BREAKDOWN_START.exec(text.slice(totalEnd));
    if (!start) continue;
    const listStart = totalEnd + start[0].length;
    const tail = text.slice(listStart, listStart + LONGEST_BREAKDOWN);
    const sentenceEnd = tail.search(/[。！？]/);
    const parts = partsOf(sentenceEnd === -1 ? tail : tail.slice(0, sentenceEnd), match[2]!);
    if (!parts || parts.length < 2) continue;
    const total = Number(match[1]);
    const sum = parts.reduce((acc, part) => acc + part.value, 0);
    if (Math.abs(sum - total) < 1e-9) continue;
    const numberAt = match.index + match[0].length - match[1]!.length - match[2]!.length;
    const unitName = match[2]!;
    findings.push(
      makeFinding({
        rule: ID,
        severity: sum > total ? 'error' : 'warning',
        ref: unit.ref,
        fieldText: text,
        offset: numberAt,
        length: match[1]!.length + unitName.length,
        message: `总数${total}${unitName}与其后所列分项之和${Number(sum.toFixed(6))}${unitName}（${parts.map((part) => part.value).join('+')}）不符${sum < total ? '；如有未列出的部分，可忽略此条' : ''}`,
      }),
    );
  }
  return findings;
}

export const statedTotalRule: Rule = {
  id: ID,
  label: '总数与分项之和',
  check: ({ units }) => units.flatMap(checkUnit),
};
