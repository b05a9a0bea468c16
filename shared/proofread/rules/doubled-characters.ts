// Rule: a function word typed twice (的的, 了了, 在在). Only words that do not double in standard
// Chinese are checked, and each has the words that legitimately begin with it (对对方, 在在建项目,
// 的的确确, 不了了之), so that a word followed by a word starting with the same character is not flagged.
import { makeFinding, type Finding } from '../core/finding.ts';
import type { Rule } from '../core/rule.ts';

const ID = 'characters.doubled';

/** character → characters that may follow the doubled pair because the second one starts a word */
const WORD_STARTS: Record<string, string> = {
  的: '确',
  了: '解结却然如之',
  是: '否非',
  在: '建职岗线校场编任内于册逃押读家望即此外',
  和: '谐平美睦气解',
  与: '会',
  及: '时早格',
  把: '关握手脉',
  被: '告动迫害',
  并: '重存列购入',
  而: '且已言后',
  或: '者许缺',
  也: '许',
  对: '方象接照标比待外口策话应于此手岸面立冲称抗',
  将: '近来领士',
  为: '民主止此人了何期首',
  从: '业事严而中前来小',
};

const DOUBLED = new RegExp(`([${Object.keys(WORD_STARTS).join('')}])\\1+`, 'g');

export const doubledCharactersRule: Rule = {
  id: ID,
  label: '字词重复',
  check({ units }) {
    const findings: Finding[] = [];
    for (const unit of units) {
      for (const match of unit.text.matchAll(DOUBLED)) {
        const char = match[1]!;
        const next = unit.text[match.index + match[0].length];
        if (match[0].length === 2 && next !== undefined && WORD_STARTS[char]!.includes(next)) continue;
        if (char === '了' && unit.text[match.index - 1] === '不') continue;
        findings.push(
          makeFinding({
            rule: ID,
            severity: 'warning',
            ref: unit.ref,
            fieldText: unit.text,
            offset: match.index,
            length: match[0].length,
            message: `“${char}”字重复了`,
            fix: char,
          }),
        );
      }
    }
    return findings;
  },
};
