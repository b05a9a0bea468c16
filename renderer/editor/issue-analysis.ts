// What the side panels show of an issue that takes long on a 200-page issue: its proofreading findings and
// where its printed pages start. Pure, so that it can run in analysis.worker.ts, away from the keystrokes.
import type { Issue } from '../../shared/model/issue.ts';
import type { SeriesSettings } from '../../shared/model/series.ts';
import { proofreadIssue } from '../../shared/proofread/proofread.ts';
import type { Finding } from '../../shared/proofread/core/finding.ts';
import { issuePagePlan, type IssuePagePlan } from './page-plan.ts';

export interface IssueAnalysis {
  /** every finding, ignored ones included (findings-in-view.ts leaves those out) */
  findings: Finding[];
  /** null while the issue cannot be set (mid-edit): the editor keeps its last plan */
  plan: IssuePagePlan | null;
}

export function analyzeIssue(issue: Issue, settings: SeriesSettings): IssueAnalysis {
  let plan: IssuePagePlan | null = null;
  try {
    plan = issuePagePlan(issue, settings);
  } catch {
    plan = null;
  }
  return { findings: proofreadIssue(issue, settings), plan };
}
