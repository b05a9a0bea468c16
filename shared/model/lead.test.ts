import { describe, expect, it } from 'vitest';
import { deriveLead, withDerivedLead } from './lead.ts';
import type { Block } from './issue.ts';

const blocks: Block[] = [
  { type: 'lead', items: ['stale'] },
  { type: 'article', title: '督察组召开座谈会', subtitle: '要求落实落地', paragraphs: [] },
  { type: 'news', heading: '县市区工作动态', items: [] },
  { type: 'article', title: '篮球友谊赛', paragraphs: [] },
];

describe('导读', () => {
  it('lists every article and news section in body order, with 标题：副标题 where there is a subtitle', () => {
    expect(deriveLead(blocks)).toEqual(['督察组召开座谈会：要求落实落地', '县市区工作动态', '篮球友谊赛']);
  });

  it('replaces a stale lead with the derived one, as the first block', () => {
    const result = withDerivedLead({ blocks });
    expect(result.blocks[0]).toEqual({ type: 'lead', items: ['督察组召开座谈会：要求落实落地', '县市区工作动态', '篮球友谊赛'] });
    expect(result.blocks.filter((block) => block.type === 'lead')).toHaveLength(1);
  });

  it('trims every item: titles, subtitles and news headings with spaces, full-width spaces or tabs around them', () => {
    const untrimmed: Block[] = [
      { type: 'article', title: '　督察组召开座谈会 ', subtitle: '\t要求落实落地　', paragraphs: [] },
      { type: 'news', heading: ' 县市区工作动态\u3000', items: [] },
      { type: 'article', title: '\n篮球友谊赛  ', paragraphs: [] },
    ];
    expect(deriveLead(untrimmed)).toEqual(['督察组召开座谈会：要求落实落地', '县市区工作动态', '篮球友谊赛']);
    expect(withDerivedLead({ blocks: untrimmed }).blocks[0]).toEqual({ type: 'lead', items: ['督察组召开座谈会：要求落实落地', '县市区工作动态', '篮球友谊赛'] });
  });

  it('ignores an empty subtitle', () => {
    expect(deriveLead([{ type: 'article', title: '标题', subtitle: '  ', paragraphs: [] }])).toEqual(['标题']);
  });
});
