import { describe, expect, it } from 'vitest';
import { applyFix, replaceInParagraph, StaleFindingError } from './apply-fix.ts';
import { proofreadIssue } from './proofread.ts';
import type { Issue } from '../model/issue.ts';
import { elementPlainText } from '../model/content.ts';
import { article, bulletin, news } from '../../test/proofread/build.ts';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const paragraph = { runs: [{ text: '市委' }, { text: ',市', bold: true }, { text: '政府' }] };

describe('replacing a span of a paragraph', () => {
  it('keeps each run’s formatting and puts the replacement in the run where the span starts', () => {
    expect(replaceInParagraph(paragraph, 2, 1, '，')).toEqual({ runs: [{ text: '市委' }, { text: '，市', bold: true }, { text: '政府' }] });
    expect(replaceInParagraph(paragraph, 1, 3, 'X')).toEqual({ runs: [{ text: '市X' }, { text: '政府' }] });
    expect(replaceInParagraph(paragraph, 6, 0, '。')).toEqual({ runs: [{ text: '市委' }, { text: ',市', bold: true }, { text: '政府。' }] });
    expect(replaceInParagraph({ runs: [] }, 0, 0, '文')).toEqual({ runs: [{ text: '文' }] });
  });
});

describe('applying a fix', () => {
  const issue: Issue = deepFreeze(
    bulletin([{ ...article('标题'), paragraphs: [paragraph] }, news('县市区工作动态', { head: '安化县', text: '9月19日19点30时，召开会议' })], { docNumber: '益简字【2022】42号', year: 2023 }),
  );

  it('returns a new issue with the span replaced and leaves the old one as it was', () => {
    const findings = proofreadIssue(issue);
    const comma = findings.find((finding) => finding.rule === 'punctuation.half-width')!;
    const fixed = applyFix(issue, comma);
    expect(fixed.blocks[1]).toEqual({ type: 'article', title: '标题', paragraphs: [{ runs: [{ text: '市委' }, { text: '，市', bold: true }, { text: '政府' }] }] });
    expect(issue.blocks[1]).toEqual({ type: 'article', title: '标题', paragraphs: [paragraph] });
    expect(fixed.blocks[2]).toBe(issue.blocks[2]);
  });

  it('fixes a news item and the document number', () => {
    let fixed = issue;
    for (const rule of ['dates.time-form', 'dates.doc-number-form', 'dates.doc-number-year']) {
      fixed = applyFix(fixed, proofreadIssue(fixed).find((finding) => finding.rule === rule)!);
    }
    expect(fixed.docNumber).toBe('益简字〔2023〕42号');
    const section = fixed.blocks[2]!;
    expect(section.type === 'news' && elementPlainText(section.items[0]!.paragraphs[0]!)).toBe('9月19日19时30分，召开会议');
  });

  it('refuses, in Chinese, a finding whose text has changed and one without a fix', () => {
    const findings = proofreadIssue(issue);
    const comma = findings.find((finding) => finding.rule === 'punctuation.half-width')!;
    const fixed = applyFix(issue, comma);
    expect(() => applyFix(fixed, comma)).toThrow(StaleFindingError);
    expect(() => applyFix(fixed, comma)).toThrow(/已改动/);
    const bodiless = bulletin([article('标题')]);
    const [noFix] = proofreadIssue(bodiless);
    expect(noFix!.rule).toBe('structure.empty-article');
    expect(() => applyFix(bodiless, noFix!)).toThrow(/没有可自动应用的修改/);
  });
});

describe('fixes and the 导读', () => {
  it('fixes a title, and the 导读 derived from it follows at once', () => {
    const issue = deepFreeze(bulletin([article('督察組召开座谈会', '正文。'), news('县市区工作动态', { head: '安化县', text: '正文。' })]));
    const finding = proofreadIssue(issue).find((f) => f.location.field === 'title' && f.fix !== undefined);
    expect(finding).toBeDefined();
    const fixed = applyFix(issue, finding!);
    expect(fixed.blocks[1]).toMatchObject({ title: '督察组召开座谈会' });
    expect(fixed.blocks[0]).toEqual({ type: 'lead', items: ['督察组召开座谈会', '县市区工作动态'] });
    expect(proofreadIssue(fixed).filter((f) => f.rule === 'structure.lead')).toEqual([]);
  });

  it('refuses a fix of a 导读 entry: the 导读 is derived, and the next save would undo it', () => {
    const issue = bulletin([article('标题', '正文。')]);
    const finding = { rule: 'structure.lead', severity: 'error', location: { field: 'leadItem', block: 0, item: 0, offset: 0, length: 2 }, text: '标题', message: '', fix: '别的', key: 'k' } as const;
    expect(() => applyFix(issue, finding)).toThrow();
  });
});
