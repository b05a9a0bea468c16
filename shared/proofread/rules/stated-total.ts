// Rule: a stated total that differs from the sum of its parts (共受理27件，其中已办结8件、阶段性办结17件、
// 未办结3件; 27件信访件：…; nested and bracketed breakdowns alike; see core/figures.ts for what a breakdown is).
// Parts adding up to more than the total are an error; to less, a warning (a part may be left unsaid),
// and nothing when the text says so (其余, 等). Approximate figures (约, 余, 近…) are at most a warning.
import { makeFinding, type Finding } from '../core/finding.ts';
import { breakdownsIn, type Breakdown, type Figure } from '../core/figures.ts';
import type { Rule } from '../core/rule.ts';
import type { TextUnit } from '../core/text-units.ts';

const ID = 'numbers.total';
/** how far approximate parts may run over an approximate total before it is worth a word (300余件 may be 350) */
const APPROXIMATE_SLACK = 0.2;

/** A value in the scale the total is written in: 35000 元 as 3.5万 when the total is 3.5万元. */
function shown(value: number, scaleOf: Figure): string {
  const scale = /亿$/.test(scaleOf.written) ? 1e8 : /万$/.test(scaleOf.written) ? 1e4 : 1;
  const scaled = Number((value / scale).toFixed(6));
  return `${scaled}${scale === 1e8 ? '亿' : scale === 1e4 ? '万' : ''}`;
}

function severityOf(breakdown: Breakdown, sum: number): 'error' | 'warning' | null {
  const { total, parts } = breakdown;
  const figures = [total, ...parts];
  const difference = Math.abs(sum - total.value) - 1e-9;
  // one figure's rounding is always allowed for; the roundings of all of them together only as a doubt
  if (difference <= Math.max(...figures.map((figure) => figure.rounding))) return null;
  if (total.approximate || parts.some((part) => part.approximate)) return sum > total.value * (1 + APPROXIMATE_SLACK) ? 'warning' : null;
  if (sum < total.value) return breakdown.openEnded || parts.length < 2 ? null : 'warning';
  if (difference <= figures.reduce((acc, figure) => acc + figure.rounding, 0)) return 'warning';
  return breakdown.guessed || breakdown.loose ? 'warning' : 'error';
}

function checkUnit(unit: TextUnit): Finding[] {
  const findings: Finding[] = [];
  for (const breakdown of breakdownsIn(unit.text)) {
    const { total, parts } = breakdown;
    const sum = parts.reduce((acc, part) => acc + part.value, 0);
    const severity = severityOf(breakdown, sum);
    if (!severity) continue;
    const terms = parts.map((part) => (/^[\d,.]+[万亿]*$/.test(part.written) ? part.written : shown(part.value, total))).join('+');
    const name = total.unit;
    findings.push(
      makeFinding({
        rule: ID,
        severity,
        ref: unit.ref,
        fieldText: unit.text,
        offset: total.offset,
        length: total.length,
        message: `分项之和${shown(sum, total)}${name}（${terms}）与总数${shown(total.value, total)}${name}不符${sum < total.value ? '；如有未列出的部分，可忽略此条' : ''}`,
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
