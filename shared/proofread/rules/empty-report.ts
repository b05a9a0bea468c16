// Rule: the colophon's 报 list is empty: a bulletin is always reported to someone.
import { makeFinding } from '../core/finding.ts';
import type { Rule } from '../core/rule.ts';

const ID = 'structure.empty-report';

export const emptyReportRule: Rule = {
  id: ID,
  label: '“报”送范围为空',
  check({ issue }) {
    if (issue.distribution.report.some((entry) => entry.trim().length > 0)) return [];
    return [makeFinding({ rule: ID, severity: 'error', ref: { field: 'report', entry: null }, fieldText: '', offset: 0, length: 0, message: '报尾的“报”送范围是空的' })];
  },
};
