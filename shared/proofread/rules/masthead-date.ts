// Rule: the masthead date must not be later than the 印发 date of the colophon, and normally equals it.
import { formatChineseDate } from '../../format/chinese.ts';
import { makeFinding } from '../core/finding.ts';
import type { Rule } from '../core/rule.ts';

const ID = 'dates.masthead-printed';

export const mastheadDateRule: Rule = {
  id: ID,
  label: '报头日期与印发日期',
  check({ issue }) {
    if (!issue.printed || issue.printed.date === issue.date) return [];
    const masthead = formatChineseDate(issue.date);
    const printed = formatChineseDate(issue.printed.date);
    const later = issue.date > issue.printed.date;
    return [
      makeFinding({
        rule: ID,
        severity: later ? 'error' : 'warning',
        ref: { field: 'date' },
        fieldText: issue.date,
        offset: 0,
        length: issue.date.length,
        message: later ? `报头日期${masthead}晚于印发日期${printed}` : `报头日期${masthead}与印发日期${printed}不一致`,
      }),
    ];
  },
};
