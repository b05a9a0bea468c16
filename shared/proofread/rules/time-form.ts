// Rule: clock times in official text are written 19时30分, not 19点30时 (wrong) or 19点30分 / 19点30
// (colloquial); and 25时 or 19时70分 do not exist. Times with a colon (8:00-20:00) are left alone.
import { makeFinding, type Finding } from '../core/finding.ts';
import type { Rule } from '../core/rule.ts';

const ID = 'dates.time-form';
const S = '[ \\t\\u00a0]*';
/** hour, the unit after it (点 or 时), minute and the unit after the minute (时, 分 or none) */
const TIME = new RegExp(`(?<![\\d.])(\\d{1,2})${S}([点时])${S}(\\d{1,2})${S}(时|分|(?![\\d%％个点时分秒万千百]))`, 'g');

export const timeFormRule: Rule = {
  id: ID,
  label: '时间写法',
  check({ units }) {
    const findings: Finding[] = [];
    for (const unit of units) {
      if (!/[点时]/.test(unit.text)) continue;
      for (const match of unit.text.matchAll(TIME)) {
        const [whole, hourText, hourUnit, minuteText, minuteUnit] = match as unknown as [string, string, string, string, string];
        const hour = Number(hourText);
        const minute = Number(minuteText);
        const standard = `${hour}时${minuteText}分`;
        const flag = (severity: 'error' | 'warning', message: string, fix?: string) =>
          findings.push(makeFinding({ rule: ID, severity, ref: unit.ref, fieldText: unit.text, offset: match.index, length: whole.length, message, fix }));
        if (hourUnit === '时' && minuteUnit !== '分') continue;
        if (hour > 24 || minute > 59) flag('error', `没有${hour}时${minute}分这个时刻`);
        else if (hourUnit === '点' && minuteUnit === '时') flag('error', `时间“${whole}”写错了，应写作“${standard}”`, standard);
        else if (hourUnit === '点' && (minuteUnit === '分' || (minuteUnit === '' && minuteText.length === 2))) {
          flag('warning', `公文中时刻写作“${standard}”，不用“${whole}”`, standard);
        }
      }
    }
    return findings;
  },
};
