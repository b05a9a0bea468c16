import { describe, expect, it } from 'vitest';
import { emptyItemRule as rule } from './empty-item.ts';
import { bulletin, content, figure, fixtureIssues, news, runRule, table } from '../../../test/proofread/build.ts';
import type { NewsBlock } from '../../model/issue.ts';

describe('empty ▲ item', () => {
  it('flags an item with a head and no text, and an item with nothing, at the head', () => {
    const findings = runRule(rule, bulletin([news('县市区工作动态', { head: '安化县', text: '7月11日，安化县督导养殖场整改。' }, { head: '桃江县' }, { head: '', text: ' ' })]));
    expect(findings.map((finding) => [finding.location, finding.message])).toEqual([
      [{ field: 'head', block: 1, item: 1, offset: 0, length: 3 }, '▲条目“桃江县”后面没有内容'],
      [{ field: 'head', block: 1, item: 2, offset: 0, length: 0 }, '这个▲条目是空的'],
    ]);
  });

  it('counts a photo, or a table with text, as the item’s content, and a table of empty cells as none', () => {
    const issue = bulletin([news('县市区工作动态', { head: '安化县' }, { head: '桃江县' }, { head: '南县' })]);
    const [photo, filled, blank] = (issue.blocks[1] as NewsBlock).items;
    photo!.paragraphs = content(figure(''));
    filled!.paragraphs = content(table({ header: ['乡镇', '件数'], rows: [['东坪镇', '3']] }));
    blank!.paragraphs = content(table({ header: ['', ''], rows: [['', '']] }));
    expect(runRule(rule, issue).map((finding) => finding.text)).toEqual(['南县']);
  });

  it('finds nothing in the fixtures', () => {
    for (const { issue } of fixtureIssues()) expect(runRule(rule, issue)).toEqual([]);
  });
});
