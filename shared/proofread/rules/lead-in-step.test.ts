import { describe, expect, it } from 'vitest';
import { leadInStepRule as rule } from './lead-in-step.ts';
import { article, bulletin, fixtureIssues, news, runRule } from '../../../test/proofread/build.ts';
import type { Issue } from '../../model/issue.ts';

const body = [article('督察组召开座谈会', '正文。'), news('县市区工作动态', { head: '安化县', text: '正文。' })];

describe('导读 in step with the body', () => {
  it('accepts a derived 导读, as in every fixture', () => {
    expect(runRule(rule, bulletin(body))).toEqual([]);
    for (const { issue } of fixtureIssues()) expect(runRule(rule, issue)).toEqual([]);
  });

  it('flags a stale 导读 item at the title it is derived from, with no fix: nothing edits the 导读, saving derives it again', () => {
    const issue = bulletin(body);
    const stale: Issue = { ...issue, blocks: [{ type: 'lead', items: ['督察组召开调度会', '县市区工作动态'] }, ...issue.blocks.slice(1)] };
    const [finding] = runRule(rule, stale);
    expect(finding!.location).toEqual({ field: 'title', block: 1, offset: 0, length: 8 });
    expect(finding!.text).toBe('督察组召开座谈会');
    expect(finding!.message).toContain('督察组召开调度会');
    expect(finding).not.toHaveProperty('fix');
    // a stale entry of a news section points at the section's heading
    const staleSection: Issue = { ...issue, blocks: [{ type: 'lead', items: ['督察组召开座谈会', '县区动态'] }, ...issue.blocks.slice(1)] };
    expect(runRule(rule, staleSection).map((f) => f.location)).toEqual([{ field: 'heading', block: 2, offset: 0, length: 7 }]);
  });

  it('never makes a finding whose fix edits the 导读, so that applying a fix cannot be undone by the next save', () => {
    const issue = bulletin(body);
    const rest = issue.blocks.slice(1);
    for (const items of [['督察组召开调度会', '县市区工作动态'], ['督察组召开座谈会'], ['督察组召开座谈会', '县市区工作动态', '多余'], []]) {
      for (const finding of runRule(rule, { ...issue, blocks: [{ type: 'lead', items }, ...rest] })) expect(finding.fix).toBeUndefined();
    }
    // a missing entry points at the title it would be derived from
    expect(runRule(rule, { ...issue, blocks: [{ type: 'lead', items: ['督察组召开座谈会'] }, ...rest] }).map((f) => f.location)).toEqual([{ field: 'heading', block: 2, offset: 0, length: 7 }]);
  });

  it('flags a missing item, an extra item, a missing 导读 and a 导读 after the body', () => {
    const issue = bulletin(body);
    const rest = issue.blocks.slice(1);
    expect(runRule(rule, { ...issue, blocks: [{ type: 'lead', items: ['督察组召开座谈会'] }, ...rest] }).map((finding) => finding.message)).toEqual(['导读缺少“县市区工作动态”']);
    expect(runRule(rule, { ...issue, blocks: [{ type: 'lead', items: ['督察组召开座谈会', '县市区工作动态', '多余'] }, ...rest] }).map((finding) => finding.text)).toEqual(['多余']);
    expect(runRule(rule, { ...issue, blocks: rest }).map((finding) => finding.message)).toEqual(['缺少导读']);
    expect(runRule(rule, { ...issue, blocks: [...rest, issue.blocks[0]!] }).map((finding) => finding.message)).toEqual(['导读应在正文之前']);
  });

  it('asks nothing of the 导读 in a series that prints none (不印导读): no lead, an empty one or a stale one', () => {
    const issue = bulletin(body, { series: { ...bulletin(body).series, printLead: false } });
    expect(issue.blocks[0]).toEqual({ type: 'lead', items: [] });
    const rest = issue.blocks.slice(1);
    expect(runRule(rule, issue)).toEqual([]);
    expect(runRule(rule, { ...issue, blocks: rest })).toEqual([]);
    expect(runRule(rule, { ...issue, blocks: [{ type: 'lead', items: ['督察组召开调度会'] }, ...rest] })).toEqual([]);
    // the same issue in a series that prints one is asked for it
    expect(runRule(rule, { ...issue, series: { ...issue.series, printLead: undefined } }).map((finding) => finding.message)).toEqual(['导读缺少“督察组召开座谈会”', '导读缺少“县市区工作动态”']);
  });
});
