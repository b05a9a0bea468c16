// Rule: sentence marks doubled (。。 ！！ ，，) or clashing (，。 ；，) where one mark belongs.
// ？！ and ！？ may stand together; …… and —— are single marks of two characters.
import { makeFinding, type Finding } from '../core/finding.ts';
import type { Rule } from '../core/rule.ts';

const ID = 'punctuation.doubled';
const RUN = /[，、。；：？！]{2,}/g;
const ALLOWED = new Set(['？！', '！？']);

export const doubledPunctuationRule: Rule = {
  id: ID,
  label: '标点重复或冲突',
  check({ units }) {
    const findings: Finding[] = [];
    for (const unit of units) {
      for (const match of unit.text.matchAll(RUN)) {
        const run = match[0];
        if (ALLOWED.has(run)) continue;
        const same = [...run].every((mark) => mark === run[0]);
        findings.push(
          makeFinding({
            rule: ID,
            severity: 'error',
            ref: unit.ref,
            fieldText: unit.text,
            offset: match.index,
            length: run.length,
            message: same ? `标点“${run[0]}”重复了` : `标点“${run}”连用，只应保留一个`,
            fix: same ? run[0] : undefined,
          }),
        );
      }
    }
    return findings;
  },
};
