// The fields the 信息采用 count reads: an article's or item's `sources` and `instruction`, and a series'
// `units` and `scoring`; old issues and settings stay valid, new ones are held to their limits, and the
// normal form keeps them, tidied.
import { describe, expect, it } from 'vitest';
import { emptyIssue, issueSchema, type Issue } from './issue.ts';
import { normalizeIssue } from './normal-form.ts';
import { DEFAULT_SCORING, defaultSeriesSettings, seriesSettingsSchema } from './series.ts';
import { validate } from './validate.ts';

const p = (text: string) => ({ runs: [{ text }] });

function issueWith(extra: Record<string, unknown>, where: 'article' | 'item' = 'article'): Issue {
  const base = emptyIssue({ name: '测试工作简报', issuer: '测试组', numbering: 'sequential' }, 1, '2023-07-12');
  const block = where === 'article' ? { type: 'article', title: '标题', paragraphs: [p('正文。')], ...extra } : { type: 'news', heading: '县市区工作动态', items: [{ head: '安化县', form: 'colon', paragraphs: [p('正文。')], ...extra }] };
  return { ...base, blocks: [{ type: 'lead', items: [] }, block as Issue['blocks'][number]] };
}

describe('sources and instruction on articles and items', () => {
  it('accepts an issue without them, and with them on an article and on an item', () => {
    expect(validate(issueSchema, issueWith({})).ok).toBe(true);
    for (const where of ['article', 'item'] as const) {
      expect(validate(issueSchema, issueWith({ sources: { units: ['安化县', '市水利局'], confirmed: true }, instruction: '请各地学习借鉴。' }, where)).ok, where).toBe(true);
    }
  });

  it('refuses a repeated unit, an empty list, more than 20 units, a name over 50 characters and a 批示 over 500, in Chinese', () => {
    const refused = (extra: Record<string, unknown>) => {
      const result = validate(issueSchema, issueWith(extra));
      return result.ok ? '' : result.errors.map((error) => error.message).join('；');
    };
    expect(refused({ sources: { units: ['安化县', '安化县'], confirmed: true } })).toContain('来源单位不能重复');
    expect(refused({ sources: { units: [], confirmed: false } })).toContain('至少写一个来源单位');
    expect(refused({ sources: { units: Array.from({ length: 21 }, (_, i) => `单位${i}`), confirmed: true } })).toContain('来源单位');
    expect(refused({ sources: { units: ['局'.repeat(51)], confirmed: true } })).toContain('来源单位');
    expect(refused({ instruction: '批'.repeat(501) })).toContain('领导批示');
    expect(refused({ sources: { units: ['安化县'] } })).toContain('是否已确认');
  });

  it('keeps them in normal form, names trimmed and each once, an empty 批示 left out', () => {
    const normal = normalizeIssue(issueWith({ sources: { units: [' 安化县 ', '市水利局'], confirmed: false }, instruction: '  请学习。 ' }, 'item'));
    const block = normal.blocks[1];
    expect(block?.type === 'news' && block.items[0]).toEqual({ head: '安化县', form: 'colon', paragraphs: [p('正文。')], sources: { units: ['安化县', '市水利局'], confirmed: false }, instruction: '请学习。' });
    const bare = normalizeIssue(issueWith({ sources: { units: [' '], confirmed: true }, instruction: ' ' }));
    expect(bare.blocks[1]).toEqual({ type: 'article', title: '标题', paragraphs: [p('正文。')] });
    expect(normalizeIssue(normal)).toEqual(normal);
  });
});

describe('units and scoring in the series settings', () => {
  it('reads settings stored before them with no units and the default scoring', () => {
    const { units: _units, scoring: _scoring, ...older } = defaultSeriesSettings('测试工作简报');
    const result = validate(seriesSettingsSchema, older);
    expect(result.ok && [result.value.units, result.value.scoring]).toEqual([[], DEFAULT_SCORING]);
    expect(DEFAULT_SCORING).toEqual({ article: 3, item: 1, editorNote: 1, instruction: 2 });
  });

  it('keeps the office’s order of units with their aliases and groups', () => {
    const units = [
      { name: '桃江县', aliases: [], group: '县市区' as const },
      { name: '安化县', aliases: ['安化'], group: '县市区' as const },
      { name: '市生态环境局', aliases: ['市环境局'], group: '市直部门' as const },
    ];
    const result = validate(seriesSettingsSchema, { ...defaultSeriesSettings('测试工作简报'), units });
    expect(result.ok && result.value.units).toEqual(units);
  });

  it('refuses two units of one name, a group it does not know, more than 500 units, and points beyond 0–100 or with two decimals', () => {
    const refused = (extra: Record<string, unknown>) => !validate(seriesSettingsSchema, { ...defaultSeriesSettings('测试工作简报'), ...extra }).ok;
    expect(refused({ units: [{ name: '安化县', aliases: [], group: '县市区' }, { name: '安化县', aliases: [], group: '其他' }] })).toBe(true);
    expect(refused({ units: [{ name: '安化县', aliases: [], group: '乡镇' }] })).toBe(true);
    expect(refused({ units: Array.from({ length: 501 }, (_, i) => ({ name: `单位${i}`, aliases: [], group: '其他' })) })).toBe(true);
    expect(refused({ scoring: { ...DEFAULT_SCORING, article: 101 } })).toBe(true);
    expect(refused({ scoring: { ...DEFAULT_SCORING, item: 0.25 } })).toBe(true);
    expect(refused({ scoring: { ...DEFAULT_SCORING, item: 0.5, article: 2.5 } })).toBe(false);
  });

  it('refuses a name with a line break, a one-character alias and an alias that is another unit’s name, in Chinese', () => {
    const withUnits = (units: unknown) => seriesSettingsSchema.safeParse({ ...defaultSeriesSettings('测试工作简报'), units });
    const messages = (units: unknown) => {
      const result = withUnits(units);
      return result.success ? [] : result.error.issues.map((issue) => issue.message);
    };
    expect(messages([{ name: '市\n水利局', aliases: [], group: '市直部门' }])).toContain('单位名称不能含换行或控制字符');
    expect(messages([{ name: '南县', aliases: ['南'], group: '县市区' }])).toContain('单位简称至少两个字');
    expect(messages([{ name: '南县', aliases: ['安化县'], group: '县市区' }, { name: '安化县', aliases: [], group: '县市区' }])).toContain('单位简称不能与名单中某个单位的全称相同');
    expect(withUnits([{ name: '安化县', aliases: ['安化'], group: '县市区' }]).success).toBe(true);
  });
});
