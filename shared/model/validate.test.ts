import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueSchema, emptyIssue } from './issue.ts';
import { validate } from './validate.ts';
import { bulletinFixtures } from '../../test/fixtures.ts';
import { parseBulletinText } from '../import/parse-bulletin.ts';

const valid = parseBulletinText(bulletinFixtures()[0]!.text).issue;

describe('issue validation', () => {
  it('accepts a parsed fixture and an empty new issue', () => {
    expect(validate(issueSchema, valid).ok).toBe(true);
    expect(validate(issueSchema, emptyIssue({ name: '简报', issuer: '办公室', numbering: 'sequential' }, 1, '2024-01-02')).ok).toBe(true);
  });

  it('names the field in Chinese when an article title is not text', () => {
    const broken = structuredClone(valid) as unknown as { blocks: { title?: unknown }[] };
    broken.blocks[1]!.title = 42;
    const result = validate(issueSchema, broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.path).toBe('blocks.1.title');
    expect(result.errors[0]!.message).toMatch(/^正文的第2项的标题：/);
    expect(result.errors[0]!.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('names an API payload’s issue 简报 and the distribution’s issue 发, and the types zod names in English in Chinese', () => {
    const broken = structuredClone(valid) as unknown as { blocks: { title?: unknown }[]; distribution: { issue: unknown } };
    broken.blocks[1]!.title = 42;
    broken.distribution.issue = 'x';
    const result = validate(z.strictObject({ issue: issueSchema }), { issue: broken }, '请求内容');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.errors.map((error) => error.message);
    expect(messages).toContainEqual(expect.stringMatching(/^简报的正文的第2项的标题：.*期望 文字，实际接收 数字/));
    expect(messages).toContainEqual(expect.stringMatching(/^简报的报送范围的发：/));
    for (const message of messages) expect(message).not.toMatch(/\b(?:string|number|int|undefined)\b/);
  });

  it('rejects an impossible date, an unknown field and a yearly issue without a total, each in Chinese', () => {
    const broken = { ...structuredClone(valid), date: '2023-02-30', extra: 1, series: { ...valid.series, numbering: 'yearly-with-total' }, totalNumber: null };
    const result = validate(issueSchema, broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.errors.map((error) => error.message).join('\n');
    expect(messages).toContain('日期：不是存在的日期');
    expect(messages).toContain('extra');
    expect(messages).toContain('总期号');
    for (const error of result.errors) expect(error.message).not.toMatch(/Invalid|expected/);
  });

  it('refuses a body far larger than any bulletin (each paragraph within its limit), naming the limit in Chinese', () => {
    const paragraph = { runs: [{ text: '字'.repeat(100_000) }] };
    const withParagraphs = (count: number) => ({
      ...structuredClone(valid),
      blocks: [{ type: 'lead', items: [] }, { type: 'article', title: '大', paragraphs: Array.from({ length: count }, () => paragraph) }],
    });
    const result = validate(issueSchema, withParagraphs(31));
    expect(result.ok ? [] : result.errors.map((error) => error.message)).toEqual(['正文：正文超过 300 万字，不像一期简报']);
    expect(validate(issueSchema, withParagraphs(29)).ok).toBe(true);
  });

  it('rejects an unknown status', () => {
    const result = validate(issueSchema, { ...valid, status: 'published' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toMatch(/^状态：/);
  });
});
