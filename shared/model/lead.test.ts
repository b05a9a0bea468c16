import { describe, expect, it } from 'vitest';
import { deriveLead, printedLeadOf, printsLead, withDerivedLead } from './lead.ts';
import { emptyIssue } from './issue.ts';
import { defaultSeriesSettings, issueSeriesOf, seriesSettingsSchema } from './series.ts';
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

  it('lists a subtitle printed after a dash without the dash: 标题：副标题, never 标题：——副标题', () => {
    expect(deriveLead([{ type: 'article', title: '以“四下基层”推动问题整改见实效', subtitle: '——关于城东街道信访积案化解情况的调研', paragraphs: [] }])).toEqual([
      '以“四下基层”推动问题整改见实效：关于城东街道信访积案化解情况的调研',
    ]);
  });

  it('ignores an empty subtitle', () => {
    expect(deriveLead([{ type: 'article', title: '标题', subtitle: '  ', paragraphs: [] }])).toEqual(['标题']);
  });
});

describe('a series that prints no 导读 (不印导读)', () => {
  const series = { name: '测试工作简报', issuer: '测试组', numbering: 'sequential' } as const;

  it('prints a 导读 unless the issue\'s series says printLead: false', () => {
    expect(printsLead(emptyIssue(series, 1, '2024-01-01'))).toBe(true);
    expect(printsLead(emptyIssue({ ...series, printLead: undefined }, 1, '2024-01-01'))).toBe(true);
    expect(printsLead(emptyIssue({ ...series, printLead: false }, 1, '2024-01-01'))).toBe(false);
    expect(printsLead({})).toBe(true);
  });

  it('keeps a lead block with no items as the first block, so the block list has the same shape', () => {
    const result = withDerivedLead({ series: { ...series, printLead: false }, blocks });
    expect(result.blocks).toEqual([{ type: 'lead', items: [] }, ...blocks.slice(1)]);
    expect(printedLeadOf(result)).toEqual([]);
    expect(printedLeadOf(withDerivedLead({ series, blocks }))).toEqual(['督察组召开座谈会：要求落实落地', '县市区工作动态', '篮球友谊赛']);
  });

  it('takes the switch from the series settings into a new issue, written only as false', () => {
    expect(issueSeriesOf(defaultSeriesSettings('测试工作简报'))).not.toHaveProperty('printLead');
    expect(issueSeriesOf({ ...defaultSeriesSettings('测试工作简报'), printLead: false })).toMatchObject({ printLead: false });
  });

  it('reads settings stored before the switch existed as printing a 导读', () => {
    const { printLead: _, ...older } = defaultSeriesSettings('测试工作简报');
    const read = seriesSettingsSchema.parse(JSON.parse(JSON.stringify(older)));
    expect(read.printLead).toBe(true);
    expect(seriesSettingsSchema.parse({ ...older, printLead: false }).printLead).toBe(false);
  });
});
