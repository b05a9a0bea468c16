import { describe, expect, it } from 'vitest';
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

  it('rejects an unknown status', () => {
    const result = validate(issueSchema, { ...valid, status: 'published' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toMatch(/^状态：/);
  });
});
