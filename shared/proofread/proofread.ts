// The proofreading entry: runs every rule over an issue and returns the findings in reading order.
import type { Issue } from '../model/issue.ts';
import type { Finding } from './core/finding.ts';
import { readingOrder } from './core/location.ts';
import type { ProofreadSettings } from './core/rule.ts';
import { RULES } from './rules/index.ts';
import { textUnitsOf } from './core/text-units.ts';

function compareOrder(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

export function proofreadIssue(issue: Issue, settings: ProofreadSettings = {}): Finding[] {
  const context = { issue, units: textUnitsOf(issue), settings };
  const findings = RULES.flatMap((rule) => rule.check(context));
  const order = new Map(findings.map((finding) => [finding, readingOrder(finding.location)]));
  return findings.sort((a, b) => compareOrder(order.get(a)!, order.get(b)!) || a.rule.localeCompare(b.rule));
}
