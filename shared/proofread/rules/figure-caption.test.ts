import { describe, expect, it } from 'vitest';
import { figureCaptionRule, readsAsCaption } from './figure-caption.ts';
import { articleWith, bulletin, content, figure, news, runRule, table } from '../../../test/proofread/build.ts';
import { textAt } from '../core/location.ts';

const run = (...elements: Parameters<typeof articleWith> extends [string, ...infer Rest] ? Rest : never) => {
  const issue = bulletin([articleWith('督察组现场检查', ...elements)]);
  return { issue, findings: runRule(figureCaptionRule, issue) };
};

describe('figures and their captions', () => {
  it('passes a photo with its caption, and a caption paragraph right under a photo', () => {
    expect(run('7月11日，督察组赴南县检查。', figure('图为督察组在南县检查畜禽养殖场')).findings).toEqual([]);
    expect(run(figure(''), '图为督察组在南县检查畜禽养殖场').findings.map((finding) => finding.message)).toEqual([expect.stringMatching(/^图片缺少图注/)]);
  });

  it('flags a photo whose caption is empty, at its caption', () => {
    const { issue, findings } = run('7月11日，督察组赴南县检查。', figure(''));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', location: { field: 'caption', block: 1, paragraph: 1, offset: 0, length: 0 }, text: '' });
    expect(findings[0]!.message).toMatch(/^图片缺少图注/);
    expect(textAt(issue, findings[0]!.location)).toBe('');
  });

  it('flags a caption paragraph with no photo above it, where it is', () => {
    const { issue, findings } = run('7月11日，督察组赴南县检查。', '图为督察组在南县检查畜禽养殖场', table({ header: ['县', '件数'], rows: [['南县', '3']] }), '图1：督察组召开座谈会');
    expect(findings.map((finding) => [finding.location, finding.text])).toEqual([
      [{ field: 'paragraph', block: 1, paragraph: 1, offset: 0, length: 15 }, '图为督察组在南县检查畜禽养殖场'],
      [{ field: 'paragraph', block: 1, paragraph: 3, offset: 0, length: 11 }, '图1：督察组召开座谈会'],
    ]);
    expect(findings[0]!.message).toMatch(/^图注没有对应的图片/);
    expect(textAt(issue, findings[1]!.location)).toBe('图1：督察组召开座谈会');
  });

  it('reads a paragraph under a blank one under a photo as that photo’s', () => {
    expect(run(figure('图为座谈会现场'), '', '图为督察组在南县检查').findings).toEqual([]);
  });

  it('does the same in a ▲ item', () => {
    const issue = bulletin([news('县市区工作动态', { head: '南县', text: '督察组赴南县检查。' })]);
    const section = issue.blocks[1]!;
    if (section.type !== 'news') throw new Error('news expected');
    section.items[0]!.paragraphs.push(...content(figure(' '), '（图为现场检查）'));
    expect(runRule(figureCaptionRule, issue).map((finding) => finding.location)).toEqual([{ field: 'itemCaption', block: 1, item: 0, paragraph: 1, offset: 0, length: 1 }]);
  });

  it('knows a caption by how it opens and by its length, not by the word 图 anywhere', () => {
    for (const caption of ['图为督察组现场检查', '上图为座谈会现场', '图：现场检查', '图1 督察组现场检查', '图一：座谈会', '（图为现场检查）', '图２为座谈会现场']) {
      expect(readsAsCaption(caption), caption).toBe(true);
    }
    for (const text of ['图书馆开展环保宣传', '图片资料已归档', '地图显示点位', '图为'.padEnd(120, '检查'), '图12345件']) {
      expect(readsAsCaption(text), text).toBe(false);
    }
  });
});
