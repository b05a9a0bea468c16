// Rule: the year in the document number must be the issue's year (a number carried over from last
// year's template is the usual cause).
import { docNumberParts } from '../../format/doc-number.ts';
import { makeFinding } from '../core/finding.ts';
import type { Rule } from '../core/rule.ts';

const ID = 'dates.doc-number-year';

export const docNumberYearRule: Rule = {
  id: ID,
  label: '文号年份',
  check({ issue }) {
    const text = issue.docNumber;
    const year = text ? docNumberParts(text)?.year : undefined;
    if (!text || !year || Number(year.text) === issue.year) return [];
    return [
      makeFinding({
        rule: ID,
        severity: 'error',
        ref: { field: 'docNumber' },
        fieldText: text,
        offset: year.start,
        length: year.end - year.start,
        message: `文号中的年份${year.text}与本期的年份${issue.year}不一致`,
        fix: String(issue.year),
      }),
    ];
  },
};
