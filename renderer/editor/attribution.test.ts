// The chip and the picker's choices, on Slate elements as the mapping makes them.
import { describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/model/series.ts';
import { suggestSources } from '../../shared/stats/attribution.ts';
import { unitMatcher } from '../../shared/stats/unit-names.ts';
import { articleNode, newsItemNode, paragraphNode } from './model/nodes.ts';
import type { NewsItemElement } from './model/types.ts';
import { attributableOf, attributedName, chipOf, pickerOptions } from './attribution.ts';

const UNITS: Unit[] = [
  { name: '安化县', aliases: ['安化'], group: '县市区' },
  { name: '桃江县', aliases: [], group: '县市区' },
  { name: '高新区', aliases: ['高新'], group: '县市区' },
  { name: '高新技术产业园', aliases: ['高新'], group: '其他' },
  { name: '市水利局', aliases: ['水利局'], group: '市直部门' },
];
const matcher = unitMatcher(UNITS);
const paragraph = (text: string) => ({ ...paragraphNode(), children: [{ text }] });
const item = (head: string, text: string, extra: Partial<NewsItemElement> = {}): NewsItemElement => ({ ...newsItemNode('colon', head, [paragraph(text)]), ...extra });
const article = articleNode('全市防汛工作有序推进', undefined, [paragraph('近日，市水利局召开防汛会商会。')]);

describe('chipOf', () => {
  it('shows confirmed units plainly, stored or suggested ones as 待确认, and none when nothing names a unit', () => {
    expect(chipOf(item('安化县', '开展巡查。', { sources: { units: ['桃江县'], confirmed: true } }), matcher)).toMatchObject({ state: 'confirmed', units: ['桃江县'] });
    expect(chipOf(item('安化县', '开展巡查。', { sources: { units: ['桃江县'], confirmed: false } }), matcher)).toMatchObject({ state: 'suggested', units: ['桃江县'] });
    expect(chipOf(item('安化', '开展巡查。'), matcher)).toMatchObject({ state: 'suggested', units: ['安化县'] });
    expect(chipOf(article, matcher)).toMatchObject({ state: 'suggested', units: ['市水利局'] });
    expect(chipOf(item('各县市区立即部署', '各地迅速行动。'), matcher).state).toBe('none');
  });

  it('reads an element as the model’s item or article', () => {
    expect(attributableOf(item('安化县', '开展巡查。'))).toEqual({ head: '安化县', form: 'colon', paragraphs: [{ runs: [{ text: '开展巡查。' }] }] });
    expect(attributableOf(article)).toMatchObject({ type: 'article', title: '全市防汛工作有序推进' });
    expect(attributedName(item('', '开展巡查。'))).toBe('（无标题的动态）');
  });
});

describe('pickerOptions', () => {
  const suggestion = (element: NewsItemElement) => suggestSources(attributableOf(element), matcher);

  it('offers the suggestion first, each unit of an ambiguous one alone, then the whole list', () => {
    const options = pickerOptions({ stored: undefined, suggestion: suggestion(item('高新', '开展督查。')), units: UNITS, query: '' });
    expect(options.map((option) => option.label)).toEqual(['高新区、高新技术产业园', '高新区', '高新技术产业园', '安化县', '桃江县', '市水利局']);
    expect(options[0]!.note).toBe('识别结果（有歧义）');
  });

  it('puts what is stored before the suggestion', () => {
    const options = pickerOptions({ stored: { units: ['桃江县'], confirmed: true }, suggestion: suggestion(item('安化县', '开展巡查。')), units: UNITS, query: '' });
    expect(options.slice(0, 2).map((option) => [option.label, option.note])).toEqual([['桃江县', '当前'], ['安化县', '识别结果']]);
  });

  it('filters the list by name or alias as the clerk types, those starting with it first, and offers a name not on it', () => {
    const none = suggestSources(attributableOf(item('', '')), matcher);
    expect(pickerOptions({ stored: undefined, suggestion: none, units: UNITS, query: '高新' }).map((option) => option.label)).toEqual(['高新区', '高新技术产业园']);
    expect(pickerOptions({ stored: undefined, suggestion: none, units: UNITS, query: '县' }).map((option) => option.label)).toEqual(['安化县', '桃江县', '县']);
    expect(pickerOptions({ stored: undefined, suggestion: none, units: UNITS, query: '水利' }).map((option) => option.label)).toEqual(['市水利局', '水利']);
    expect(pickerOptions({ stored: undefined, suggestion: none, units: UNITS, query: '赫山区' })).toEqual([{ units: ['赫山区'], label: '赫山区', note: '不在单位名单中' }]);
    expect(pickerOptions({ stored: undefined, suggestion: none, units: [], query: '赫山区' })[0]!.note).toBe('新单位');
  });

  it('reads several names split at 、 as one choice, aliases as their units', () => {
    const none = suggestSources(attributableOf(item('', '')), matcher);
    expect(pickerOptions({ stored: undefined, suggestion: none, units: UNITS, query: '安化、桃江县' })).toEqual([{ units: ['安化县', '桃江县'], label: '安化、桃江县', note: '多个单位' }]);
  });
});
