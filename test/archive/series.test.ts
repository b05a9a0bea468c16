// Series (刊物) through the API handlers: create with every setting, edit, list, archive (hide), unique names.
import { describe, expect, it } from 'vitest';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import { apiErrorOf, apiOf, tempArchive } from './helpers.ts';

describe('series', () => {
  it('keeps every setting of the model as created and as edited', async () => {
    const api = apiOf(await tempArchive());
    const settings = {
      ...defaultSeriesSettings('益阳市环保督察工作简报', '协调联络组', 'yearly-with-total'),
      docNumberPrefix: '益简字',
      sections: ['县市区工作动态', '市直部门工作动态'],
      newsMarker: false,
      distribution: { report: ['省督察组'], send: ['市委办'], issue: [] },
      layoutProfile: 'first-glyph' as const,
      fontProfile: 'system' as const,
      colophonOnEvenPage: true,
      leaders: [{ name: '张三', title: '市长' }],
      phrases: [{ correct: '生态环境保护', wrong: ['生态环保保护'] }],
    };
    const created = await api('series.create', { settings });
    expect(created.settings).toEqual(settings);
    expect(created.archived).toBe(false);
    expect(created.issueCount).toBe(0);
    const edited = await api('series.update', { id: created.id, settings: { ...settings, issuer: '督察办', sections: ['工作动态'] } });
    expect(edited.settings.issuer).toBe('督察办');
    expect(edited.settings.sections).toEqual(['工作动态']);
    expect((await api('series.list', {}))[0]!.settings).toEqual(edited.settings);
  });

  it('hides an archived series from the list unless asked, and shows it again when unarchived', async () => {
    const api = apiOf(await tempArchive());
    const a = await api('series.create', { settings: defaultSeriesSettings('甲简报') });
    await api('series.create', { settings: defaultSeriesSettings('乙简报') });
    await api('series.setArchived', { id: a.id, archived: true });
    expect((await api('series.list', {})).map((series) => series.settings.name)).toEqual(['乙简报']);
    expect((await api('series.list', { includeArchived: true })).map((series) => [series.settings.name, series.archived])).toEqual([
      ['乙简报', false],
      ['甲简报', true],
    ]);
    const next = await apiErrorOf(api('issues.next', { seriesId: a.id }));
    expect(next.message).toContain('已归档');
    await api('series.setArchived', { id: a.id, archived: false });
    expect(await api('series.list', {})).toHaveLength(2);
  });

  it('refuses a second series with the same name, on create and on rename, with a conflict in Chinese', async () => {
    const api = apiOf(await tempArchive());
    await api('series.create', { settings: defaultSeriesSettings('甲简报') });
    const other = await api('series.create', { settings: defaultSeriesSettings('乙简报') });
    const twice = await apiErrorOf(api('series.create', { settings: defaultSeriesSettings('甲简报') }));
    expect([twice.code, twice.message]).toEqual(['conflict', '已有名为“甲简报”的刊物，刊物名称不能重复']);
    const rename = await apiErrorOf(api('series.update', { id: other.id, settings: defaultSeriesSettings('甲简报') }));
    expect(rename.code).toBe('conflict');
    expect((await api('series.list', {})).map((series) => series.settings.name)).toEqual(['乙简报', '甲简报']);
  });

  it('answers not-found in Chinese for a series that does not exist', async () => {
    const api = apiOf(await tempArchive());
    const error = await apiErrorOf(api('series.update', { id: 99, settings: defaultSeriesSettings('甲简报') }));
    expect([error.code, error.message]).toEqual(['not-found', '找不到这个刊物，可能已被删除']);
  });
});
