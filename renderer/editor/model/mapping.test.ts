import { describe, expect, it } from 'vitest';
import { parseBulletinText } from '../../../shared/import/parse-bulletin.ts';
import { deriveLead, withDerivedLead } from '../../../shared/model/lead.ts';
import type { ArticleBlock, Issue, NewsBlock } from '../../../shared/model/issue.ts';
import { bulletinFixtures } from '../../../test/fixtures.ts';
import { generateIssue } from '../../../test/generate.ts';
import { bodyBlocksOf, issueToSlate, leadItemsOf, slateToIssue } from './mapping.ts';
import { article, editorWith, item, outline, para, section, structureProblems } from '../../../test/editor/model-helpers.ts';

const fixtureIssues = bulletinFixtures().map((fixture) => [fixture.name, parseBulletinText(fixture.text).issue] as const);
const generated = [
  ['generated 2-page issue', generateIssue(2, 7)],
  ['generated 40-page issue', generateIssue(40, 3)],
] as const;

function sectionsOf(issue: Issue): string[] {
  return issue.blocks.flatMap((block) => (block.type === 'news' ? [block.heading] : []));
}

function withBody(blocks: (ArticleBlock | NewsBlock)[]): Issue {
  return withDerivedLead({ ...fixtureIssues[2]![1], blocks });
}

describe('issueToSlate → slateToIssue', () => {
  it.each([...fixtureIssues, ...generated])('gives back %s unchanged, with its sections as the template or with none', (_name, issue) => {
    expect(slateToIssue(issueToSlate(issue, sectionsOf(issue)), issue)).toEqual(withDerivedLead(issue));
    expect(slateToIssue(issueToSlate(issue, []), issue)).toEqual(withDerivedLead(issue));
  });

  it.each([...fixtureIssues, ...generated])('gives back %s unchanged when the template has sections the issue lacks', (_name, issue) => {
    const template = ['市直部门工作动态', ...sectionsOf(issue), '其他动态'];
    const nodes = issueToSlate(issue, template);
    expect(slateToIssue(nodes, issue)).toEqual(withDerivedLead(issue));
  });

  it.each([...fixtureIssues, ...generated])('maps %s to a value the schema leaves untouched', (_name, issue) => {
    const template = sectionsOf(issue);
    const editor = editorWith(issueToSlate(issue, template), template);
    expect(editor.operations).toEqual([]);
    expect(structureProblems(editor.children, template)).toEqual([]);
  });

  it('keeps subtitles, sub-heading levels, bold runs, item forms and an unmarked section', () => {
    const issue = withBody([
      {
        type: 'article',
        title: '标题',
        subtitle: '副标题',
        paragraphs: [{ runs: [{ text: '一、总体情况' }], heading: 1 }, { runs: [{ text: '加粗', bold: true }, { text: '正文' }] }],
      },
      {
        type: 'news',
        heading: '县市区工作动态',
        marker: false,
        items: [
          { head: '安化县', form: 'colon', paragraphs: [{ runs: [{ text: '7月11日，开会。' }] }] },
          { head: '标题式条目', form: 'ownLine', paragraphs: [{ runs: [{ text: '第一段。' }] }, { runs: [{ text: '第二段。' }] }] },
          { head: '桃江县抓整改', form: 'runIn', paragraphs: [] },
        ],
      },
    ]);
    expect(slateToIssue(issueToSlate(issue, ['县市区工作动态']), issue)).toEqual(issue);
  });
});

describe('issueToSlate', () => {
  it('puts articles first, then template sections in template order, then sections outside the template', () => {
    const issue = withBody([
      { type: 'news', heading: '其他动态', items: [{ head: '甲', form: 'colon', paragraphs: [] }] },
      { type: 'article', title: '文章', paragraphs: [] },
      { type: 'news', heading: '市直部门工作动态', items: [{ head: '乙', form: 'colon', paragraphs: [] }] },
    ]);
    const top = issueToSlate(issue, ['县市区工作动态', '市直部门工作动态']).map((node) => outline([node])[0]);
    expect(top).toEqual(['article', 'section 县市区工作动态', 'section 市直部门工作动态', 'section 其他动态']);
  });

  it('gives a template section the issue lacks one empty item', () => {
    const [, section] = issueToSlate(withBody([{ type: 'article', title: '文章', paragraphs: [] }]), ['县市区工作动态']);
    expect(outline([section!])).toEqual(['section 县市区工作动态', '  item colon', '    head', '    p']);
  });

  it('makes blocks that share a heading one section, items in order', () => {
    const issue = withBody([
      { type: 'news', heading: '县市区工作动态', items: [{ head: '甲', form: 'colon', paragraphs: [] }] },
      { type: 'news', heading: '县市区工作动态', items: [{ head: '乙', form: 'colon', paragraphs: [] }] },
    ]);
    const sections = issueToSlate(issue, []).slice(1);
    expect(sections.flatMap((node) => outline([node]))).toEqual(['section 县市区工作动态', '  item colon', '    head 甲', '    p', '  item colon', '    head 乙', '    p']);
  });

  it('gives an issue without articles one empty article, which slateToIssue drops again', () => {
    const issue = withBody([{ type: 'news', heading: '县市区工作动态', items: [{ head: '甲', form: 'colon', paragraphs: [] }] }]);
    const nodes = issueToSlate(issue, ['县市区工作动态']);
    expect(outline([nodes[0]!])).toEqual(['article', '  title', '  p']);
    expect(slateToIssue(nodes, issue)).toEqual(issue);
  });

  it('reads an item without a form as a colon item and a section without marker as marked', () => {
    const issue = withBody([{ type: 'news', heading: '县市区工作动态', items: [{ head: '甲', paragraphs: [] }] }]);
    const [, section] = issueToSlate(issue, []);
    expect(section).toMatchObject({ marker: true, children: [{ form: 'colon' }] });
  });

  it('uses the series setting for the marker of a section the issue lacks', () => {
    const [, section] = issueToSlate(withBody([]), ['县市区工作动态'], false);
    expect(section).toMatchObject({ type: 'news-section', marker: false });
  });
});

describe('slateToIssue', () => {
  const base = fixtureIssues[2]![1];

  it('takes masthead, distribution, status and colophon from the base issue and derives a fresh 导读', () => {
    const stale: Issue = { ...base, blocks: [{ type: 'lead', items: ['旧导读'] }, ...base.blocks.slice(1)] };
    const result = slateToIssue([article('新标题', '正文。')], stale);
    expect(result).toEqual({ ...stale, blocks: [{ type: 'lead', items: ['新标题'] }, { type: 'article', title: '新标题', paragraphs: [{ runs: [{ text: '正文。' }] }] }] });
  });

  it('drops empty paragraphs, items, sections and articles but keeps an article whose only text is a paragraph', () => {
    const nodes = [
      article('', ''),
      article('', '无标题的段落。'),
      article('标题', '', '正文。', ''),
      section('县市区工作动态', item('', ''), item('安化县', ''), item('', '无单位的段落。')),
      section('市直部门工作动态', item('', '')),
    ];
    expect(bodyBlocksOf(nodes)).toEqual([
      { type: 'article', title: '', paragraphs: [{ runs: [{ text: '无标题的段落。' }] }] },
      { type: 'article', title: '标题', paragraphs: [{ runs: [{ text: '正文。' }] }] },
      {
        type: 'news',
        heading: '县市区工作动态',
        items: [
          { head: '安化县', form: 'colon', paragraphs: [] },
          { head: '', form: 'colon', paragraphs: [{ runs: [{ text: '无单位的段落。' }] }] },
        ],
      },
    ]);
  });

  it('joins neighbouring leaves of the same style into one run and drops empty leaves', () => {
    const paragraph = { type: 'paragraph', children: [{ text: '一' }, { text: '' }, { text: '二' }, { text: '粗', bold: true }, { text: '体', bold: true }, { text: '尾' }] };
    const [block] = bodyBlocksOf([{ type: 'article', children: [{ type: 'article-title', children: [{ text: 'T' }] }, paragraph] }] as never);
    expect((block as ArticleBlock).paragraphs).toEqual([{ runs: [{ text: '一二' }, { text: '粗体', bold: true }, { text: '尾' }] }]);
  });

  it('omits an empty subtitle', () => {
    const nodes = [{ type: 'article', children: [{ type: 'article-title', children: [{ text: '标题' }] }, { type: 'article-subtitle', children: [{ text: '' }] }, para('正文')] }];
    expect(bodyBlocksOf(nodes as never)).toEqual([{ type: 'article', title: '标题', paragraphs: [{ runs: [{ text: '正文' }] }] }]);
  });
});

describe('leadItemsOf', () => {
  it.each([...fixtureIssues, ...generated])('agrees with the 导读 slateToIssue derives for %s', (_name, issue) => {
    const nodes = issueToSlate(issue, ['市直部门工作动态', ...sectionsOf(issue)]);
    expect(leadItemsOf(nodes)).toEqual(deriveLead(slateToIssue(nodes, issue).blocks));
  });

  it('lists 标题：副标题, leaves out empty articles and sections, and lists a section once it has text', () => {
    const nodes = [
      { type: 'article', children: [{ type: 'article-title', children: [{ text: '标题' }] }, { type: 'article-subtitle', children: [{ text: '副标题' }] }, para('')] },
      article(''),
      section('县市区工作动态', item('', '')),
      section('市直部门工作动态', item('', '有字')),
    ];
    expect(leadItemsOf(nodes as never)).toEqual(['标题：副标题', '市直部门工作动态']);
    expect(leadItemsOf(nodes as never)).toEqual(deriveLead(bodyBlocksOf(nodes as never)));
  });
});
