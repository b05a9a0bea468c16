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

  it('flags a stale 导读 item and offers the title it should read', () => {
    const issue = bulletin(body);
    const stale: Issue = { ...issue, blocks: [{ type: 'lead', items: ['督察组召开调度会', '县市区工作动态'] }, ...issue.blocks.slice(1)] };
    const [finding] = runRule(rule, stale);
    expect(finding!.location).toEqual({ field: 'leadItem', block: 0, item: 0, offset: 0, length: 8 });
    expect(finding!.fix).toBe('督察组召开座谈会');
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
