import { describe, expect, it } from 'vitest';
import { normalBody, normalizeIssue, normalRuns } from './normal-form.ts';
import { emptyIssue, issueSchema, type Block, type Issue } from './issue.ts';
import { parseBulletinText } from '../import/parse-bulletin.ts';
import { bulletinFixtures } from '../../test/fixtures.ts';
import { generateIssue } from '../../test/generate.ts';
import { scrambled } from '../../test/model-scramble.ts';

const SERIES = { name: '测试工作简报', issuer: '测试组', numbering: 'sequential' } as const;
const withBlocks = (blocks: Block[], series: Issue['series'] = SERIES): Issue => ({ ...emptyIssue(series, 1, '2024-03-05'), blocks });
const text = (value: string, bold?: boolean) => ({ runs: [bold === undefined ? { text: value } : { text: value, bold }] });

const samples: [string, Issue][] = [
  ...bulletinFixtures().map((fixture): [string, Issue] => [fixture.name, parseBulletinText(fixture.text).issue]),
  ['generated 2-page issue', generateIssue(2, 7)],
  ['generated 12-page issue', generateIssue(12, 3)],
];
const TEMPLATES = [[], ['县市区工作动态', '市直部门工作动态'], ['市直部门工作动态', '县市区工作动态', '其他动态']];

describe('the normal form of an issue', () => {
  it('puts one derived 导读 first, articles next in their order, then the template sections in template order, then the others in their order', () => {
    const issue = withBlocks([
      { type: 'news', heading: '其他动态', items: [{ head: '甲', form: 'colon', paragraphs: [text('一。')] }] },
      { type: 'article', title: '第一篇', paragraphs: [text('正文。')] },
      { type: 'lead', items: ['过时的导读'] },
      { type: 'news', heading: '市直部门工作动态', items: [{ head: '乙', form: 'colon', paragraphs: [text('二。')] }] },
      { type: 'article', title: ' 第二篇 ', subtitle: '副题', paragraphs: [text('正文。')] },
      { type: 'news', heading: '县市区工作动态', items: [{ head: '丙', form: 'colon', paragraphs: [text('三。')] }] },
    ]);
    const normal = normalizeIssue(issue, ['县市区工作动态', '市直部门工作动态']);
    expect(normal.blocks.map((block) => (block.type === 'article' ? block.title : block.type === 'news' ? block.heading : 'lead'))).toEqual([
      'lead',
      '第一篇',
      ' 第二篇 ',
      '县市区工作动态',
      '市直部门工作动态',
      '其他动态',
    ]);
    expect(normal.blocks[0]).toEqual({ type: 'lead', items: ['第一篇', '第二篇：副题', '县市区工作动态', '市直部门工作动态', '其他动态'] });
    // without a template the sections keep their own order
    expect(normalBody(issue.blocks).map((block) => (block.type === 'news' ? block.heading : block.title))).toEqual(['第一篇', ' 第二篇 ', '其他动态', '市直部门工作动态', '县市区工作动态']);
  });

  it('derives no 导读 items where the series prints none (printLead: false)', () => {
    const issue = withBlocks([{ type: 'lead', items: ['过时'] }, { type: 'article', title: '标题', paragraphs: [text('正文。')] }], { ...SERIES, printLead: false });
    expect(normalizeIssue(issue).blocks[0]).toEqual({ type: 'lead', items: [] });
    expect(normalizeIssue({ ...issue, blocks: issue.blocks.slice(1) }).blocks[0]).toEqual({ type: 'lead', items: [] });
  });

  it('merges sections that share a heading into the first, which keeps its ▲ mark', () => {
    const body = normalBody([
      { type: 'news', heading: '县市区工作动态', marker: false, items: [{ head: '甲', form: 'colon', paragraphs: [text('一。')] }] },
      { type: 'article', title: '文章', paragraphs: [] },
      { type: 'news', heading: '县市区工作动态', items: [{ head: '乙', form: 'runIn', paragraphs: [text('二。')] }] },
    ]);
    expect(body).toEqual([
      { type: 'article', title: '文章', paragraphs: [] },
      {
        type: 'news',
        heading: '县市区工作动态',
        marker: false,
        items: [
          { head: '甲', form: 'colon', paragraphs: [text('一。')] },
          { head: '乙', form: 'runIn', paragraphs: [text('二。')] },
        ],
      },
    ]);
  });

  it('leaves out empty paragraphs, items, sections and articles, and writes runs and optional fields as the editor does', () => {
    const body = normalBody([
      { type: 'article', title: '', subtitle: '', paragraphs: [{ runs: [] }, { runs: [{ text: '' }] }] },
      { type: 'article', title: '标题', subtitle: '', paragraphs: [{ runs: [{ text: '加', bold: true }, { text: '粗', bold: true }, { text: '', bold: true }, { text: '正', bold: false }, { text: '文' }] }] },
      { type: 'news', heading: '空栏目', items: [] },
      { type: 'news', heading: '县市区工作动态', marker: true, items: [{ head: '', paragraphs: [{ runs: [{ text: '' }] }] }, { head: '安化县', paragraphs: [{ runs: [{ text: '开会。' }], heading: 3 }] }] },
    ]);
    expect(body).toEqual([
      { type: 'article', title: '标题', paragraphs: [{ runs: [{ text: '加粗', bold: true }, { text: '正文' }] }] },
      { type: 'news', heading: '县市区工作动态', items: [{ head: '安化县', form: 'colon', paragraphs: [{ runs: [{ text: '开会。' }], heading: 3 }] }] },
    ]);
    expect(normalRuns([{ text: 'a', bold: false }, { text: 'b' }, { text: 'c', bold: true }])).toEqual([{ text: 'ab' }, { text: 'c', bold: true }]);
  });

  it('keeps everything outside the body as it is', () => {
    const [, issue] = samples[0]!;
    const normal = normalizeIssue({ ...issue, ignoredFindings: ['x'], copies: 30 });
    expect({ ...normal, blocks: [] }).toEqual({ ...issue, ignoredFindings: ['x'], copies: 30, blocks: [] });
  });

  it.each(samples)('is idempotent on %s and on scrambled versions of it, for every template, and stays a valid issue', (_name, issue) => {
    let changed = 0;
    for (const template of TEMPLATES) {
      for (const seed of [1, 2, 3, 4, 5]) {
        const input = seed === 1 ? issue : scrambled(issue, seed);
        const once = normalizeIssue(input, template);
        if (JSON.stringify(once) !== JSON.stringify(input)) changed++;
        expect(normalizeIssue(once, template)).toEqual(once);
        // an issue in normal form keeps its order when normalized without a template
        expect(normalizeIssue(once)).toEqual(once);
        expect(issueSchema.safeParse(once).error).toBeUndefined();
      }
    }
    // the scrambles are not in normal form
    expect(changed).toBeGreaterThanOrEqual(TEMPLATES.length * 4);
  });

  it.each(samples)('leaves %s, as import reads it, unchanged: it is in normal form already', (_name, issue) => {
    expect(normalizeIssue(issue)).toEqual(issue);
  });
});
