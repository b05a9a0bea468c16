// Suggestions of whose report an article or item is: every kind of evidence, aliases, several units,
// ambiguity, and the shape of a unit's name when the series has no units list.
import { describe, expect, it } from 'vitest';
import type { ArticleBlock, NewsItem } from '../model/issue.ts';
import type { Unit } from '../model/series.ts';
import { suggestSources } from './attribution.ts';

const UNITS: Unit[] = [
  { name: '安化县', aliases: ['安化'], group: '县市区' },
  { name: '桃江县', aliases: [], group: '县市区' },
  { name: '高新区', aliases: ['益阳高新区', '高新'], group: '县市区' },
  { name: '高新技术产业园', aliases: ['高新'], group: '其他' },
  { name: '市生态环境局', aliases: ['市环境局', '益阳市生态环境局'], group: '市直部门' },
  { name: '市水利局', aliases: [], group: '市直部门' },
];

const p = (text: string) => ({ runs: [{ text }] });
const item = (head: string, form: NewsItem['form'], ...texts: string[]): NewsItem => ({ head, form, paragraphs: texts.map(p) });
const article = (...texts: string[]): ArticleBlock => ({ type: 'article', title: '工作动态', paragraphs: texts.map(p) });

describe('suggestSources', () => {
  it('takes a colon item’s head as its unit, and every unit of a head that lists several', () => {
    expect(suggestSources(item('安化县', 'colon', '7月11日，安化县相关领导率队督导。'), UNITS)).toMatchObject({ units: ['安化县'], ambiguous: false });
    expect(suggestSources(item('安化县、桃江县', 'colon', '两县联合开展巡查。'), UNITS).units).toEqual(['安化县', '桃江县']);
    expect(suggestSources(item('甲县、乙区', 'colon', '联合开展巡查。'), []).units).toEqual(['甲县', '乙区']);
  });

  it('takes the unit a headline starts with (高新区较真碰硬，坚决推进问题整改 → 高新区)', () => {
    const headline = item('高新区较真碰硬，坚决推进问题整改', 'runIn', '9月19日19点30时，高新区工委委员召集会议。');
    expect(suggestSources(headline, UNITS)).toMatchObject({ units: ['高新区'], ambiguous: false, reason: '据动态标题“高新区”' });
    expect(suggestSources(headline, []).units).toEqual(['高新区']);
  });

  it('takes no province body as a reporting unit without a list: a visiting 省…督察组 is who the report is about', () => {
    expect(suggestSources(article('7月11日，省第四生态环境保护督察组召开专题座谈会。'), []).units).toEqual([]);
    expect(suggestSources(article('7月11日，市水利局召开专题座谈会。'), []).units).toEqual(['市水利局']);
  });

  it('merges aliases into the unit they stand for (安化 → 安化县, 市环境局 → 市生态环境局)', () => {
    expect(suggestSources(item('安化', 'colon', '开展巡查。'), UNITS).units).toEqual(['安化县']);
    expect(suggestSources(item('市环境局', 'colon', '开展巡查。'), UNITS).units).toEqual(['市生态环境局']);
    expect(suggestSources(article('6月21日，益阳市生态环境局召开部署会。'), UNITS).units).toEqual(['市生态环境局']);
  });

  it('reads the unit at the start of the first paragraph after its date or time', () => {
    expect(suggestSources(article('近日，市水利局召开防汛会商会。'), UNITS).units).toEqual(['市水利局']);
    expect(suggestSources(article('9月18日下午至19日上午，桃江县开展督查。'), UNITS).units).toEqual(['桃江县']);
    expect(suggestSources(article('6月21至26日，市水利局、安化县分别召开部署会。'), UNITS).units).toEqual(['市水利局', '安化县']);
  });

  it('reads a byline at the end in each way offices write one', () => {
    for (const byline of ['（市水利局供稿）', '（供稿：市水利局）', '（市水利局 供稿）', '(供稿单位：市水利局)']) {
      expect(suggestSources(article('为做好防汛工作，全市上下积极行动。', `工作有序推进。${byline}`), UNITS), byline).toMatchObject({ units: ['市水利局'], ambiguous: false });
    }
    expect(suggestSources(article('为做好工作，各地积极行动。', '（安化县委办 供稿）'), UNITS).units).toEqual(['安化县']);
    expect(suggestSources(article('为做好工作，各地积极行动。', '（安化县委办 供稿）'), []).units).toEqual(['安化县委办']);
  });

  it('calls it ambiguous when a name is two units’ alias, or when the byline names another unit', () => {
    const shared = suggestSources(item('高新', 'colon', '开展巡查。'), UNITS);
    expect(shared).toMatchObject({ ambiguous: true, units: ['高新区', '高新技术产业园'] });
    expect(shared.reason).toContain('“高新”可指高新区、高新技术产业园');
    const conflict = suggestSources(article('7月11日，桃江县召开会议。', '（市水利局供稿）'), UNITS);
    expect(conflict).toMatchObject({ units: ['桃江县'], ambiguous: true });
    expect(conflict.reason).toContain('但文末署名为市水利局');
  });

  it('finds no unit where none is named, and says which name the list lacks', () => {
    expect(suggestSources(item('各县市区立即部署迎检工作', 'ownLine', '6月26日，各地迅速组织召开动员部署会。'), UNITS)).toMatchObject({ units: [], ambiguous: false });
    expect(suggestSources(item('市直单位召开部署会', 'ownLine', '会议要求提高站位。'), [])).toMatchObject({ units: [] });
    expect(suggestSources(item('益阳市召开部署会', 'ownLine', '会议要求提高站位。'), UNITS).reason).toBe('“益阳市”不在单位名单中');
    expect(suggestSources(article('为深入贯彻落实，全市上下行动起来。'), []).units).toEqual([]);
  });

  it('without a list takes unit-like names: a place, a body of a level, a place’s body', () => {
    expect(suggestSources(article('7月11日，益阳市生态环境局开展执法检查。'), []).units).toEqual(['益阳市生态环境局']);
    expect(suggestSources(article('近日，市发展和改革委员会召开会议。'), []).units).toEqual(['市发展和改革委员会']);
    expect(suggestSources(article('7月11日，安化县相关领导率队赴小淹镇督导。'), []).units).toEqual(['安化县']);
  });
});
