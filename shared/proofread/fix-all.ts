// Fixing all of a kind: findings grouped by what is wrong (半角逗号, 字词重复), the certain fixes of a
// group that can be applied together, and an issue with many fixes applied at once.
import type { Issue } from '../model/issue.ts';
import { applyFix, StaleFindingError } from './apply-fix.ts';
import type { Finding } from './core/finding.ts';
import { pathOf } from './core/location.ts';
import { RULES } from './rules/index.ts';
import { HALF_WIDTH_MARK_NAMES, halfWidthPunctuationRule } from './rules/half-width-punctuation.ts';

export interface FindingGroup {
  /** the rule, or rule and mark for half-width punctuation: one group per kind a clerk would name */
  key: string;
  /** in Chinese, e.g. 半角逗号 */
  label: string;
  findings: Finding[];
  /** the group's findings whose fix is certain and which can be applied together */
  fixable: Finding[];
}

const HALF_WIDTH_RULE = halfWidthPunctuationRule.id;
const RULE_LABELS = new Map(RULES.map((rule) => [rule.id, rule.label]));

/** The kind of a finding: its rule, and for a half-width mark which mark, since a clerk fixes commas as commas. */
function kindOf(finding: Finding): { key: string; label: string } {
  const label = RULE_LABELS.get(finding.rule) ?? finding.rule;
  if (finding.rule !== HALF_WIDTH_RULE) return { key: finding.rule, label };
  const mark = finding.text.length > 1 ? '省略号' : HALF_WIDTH_MARK_NAMES[finding.text];
  return mark ? { key: `${finding.rule}|${mark}`, label: `半角${mark}` } : { key: finding.rule, label };
}

const spanKey = (finding: Finding) => pathOf(finding.location).join('.');

/**
 * The findings with a fix that can all be applied together: where two fixes overlap (a mark flagged by
 * two rules), the one first in the list wins and the other waits for the next check.
 */
export function compatibleFixes(findings: readonly Finding[]): Finding[] {
  const taken = new Map<string, [number, number][]>();
  const chosen: Finding[] = [];
  for (const finding of findings) {
    if (finding.fix === undefined) continue;
    const { offset, length } = finding.location;
    const spans = taken.get(spanKey(finding)) ?? [];
    // spans touching end to end are fine; an empty span inside or at the edge of another is not
    if (spans.some(([start, end]) => offset < end && offset + length > start || (length === 0 && offset >= start && offset <= end))) continue;
    spans.push([offset, offset + length]);
    taken.set(spanKey(finding), spans);
    chosen.push(finding);
  }
  return chosen;
}

/** The findings grouped by kind, groups in the order their first finding comes, findings in the order given. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const { key, label } = kindOf(finding);
    const group = groups.get(key) ?? { key, label, findings: [], fixable: [] };
    group.findings.push(finding);
    groups.set(key, group);
  }
  for (const group of groups.values()) group.fixable = compatibleFixes(group.findings);
  return [...groups.values()];
}

export interface FixesApplied {
  issue: Issue;
  applied: Finding[];
  /** with a fix that could not be applied: overlapping another, or its text changed */
  skipped: Finding[];
}

/** The issue with every compatible fix among `findings` applied; the old issue is left untouched. */
export function applyFixes(issue: Issue, findings: readonly Finding[]): FixesApplied {
  const fixes = compatibleFixes(findings);
  const chosen = new Set(fixes);
  const skipped = findings.filter((finding) => finding.fix !== undefined && !chosen.has(finding));
  const byText = new Map<string, Finding[]>();
  for (const finding of fixes) byText.set(spanKey(finding), [...(byText.get(spanKey(finding)) ?? []), finding]);
  const applied: Finding[] = [];
  let fixed = issue;
  for (const group of byText.values()) {
    // from the end of each text backwards, so that a fix never moves the span of one still to come
    for (const finding of group.sort((a, b) => b.location.offset - a.location.offset)) {
      try {
        fixed = applyFix(fixed, finding);
        applied.push(finding);
      } catch (error) {
        if (!(error instanceof StaleFindingError)) throw error;
        skipped.push(finding);
      }
    }
  }
  return { issue: fixed, applied, skipped };
}

/** 半角逗号 19处、字词重复 2处: what was fixed, by kind, in the order of the kinds. */
export function describeFixCounts(findings: readonly Finding[]): string {
  return groupFindings(findings)
    .map((group) => `${group.label} ${group.findings.length}处`)
    .join('、');
}
