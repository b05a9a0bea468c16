import { describe, expect, it } from 'vitest';
import type { ImportPreview, SeriesRecord } from '../../shared/api/records.ts';
import { emptyIssue, type Issue } from '../../shared/model/issue.ts';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import { confirmInput, draftOf, draftProblem, duplicateNotice, notFoundMarks, overviewOf, withDate } from './import-review.ts';

const series = (id: number, name: string): SeriesRecord => ({
  id,
  settings: defaultSeriesSettings(name),
  archived: false,
  issueCount: 0,
  years: [],
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
});

const issue: Issue = {
  ...emptyIssue({ name: '甲工作简报', issuer: '甲办', numbering: 'sequential' }, 13, '2023-07-12'),
  blocks: [
    { type: 'lead', items: [] },
    { type: 'article', title: '督察组召开座谈会', subtitle: '要求落实落地', paragraphs: [] },
    { type: 'article', title: '督察组下沉调研', paragraphs: [] },
    { type: 'news', heading: '县市区工作动态', items: [{ head: '安化县', paragraphs: [] }, { head: '南县', paragraphs: [] }] },
  ],
  distribution: { report: ['省督察组', '市委', '市政府'], send: ['市直各单位'], issue: [] },
  copies: 60,
};

const preview = (over: Partial<ImportPreview> = {}): ImportPreview => ({
  file: '甲.txt',
  via: 'text',
  issue,
  warnings: [],
  setAside: [],
  found: { seriesName: true, number: true, date: true, docNumber: false },
  series: { id: 1, name: '甲工作简报' },
  duplicate: null,
  ...over,
});

describe('the review of an imported file', () => {
  it('starts from the series the preview names: the existing one, else a new one under the masthead name', () => {
    expect(draftOf(preview()).target).toEqual({ kind: 'existing', seriesId: 1 });
    expect(draftOf(preview({ series: { id: null, name: '甲工作简报' } })).target).toEqual({ kind: 'new', name: '甲工作简报' });
  });

  it('files a new name that a series now has (an earlier file of the import made it) into that series, else asks for the new series', () => {
    const draft = { issue, target: { kind: 'new', name: ' 甲工作简报 ' } } as const;
    expect(confirmInput('甲.txt', draft, [series(1, '甲工作简报')])).toEqual({ file: '甲.txt', issue, seriesId: 1 });
    expect(confirmInput('甲.txt', draft, [series(2, '乙工作简报')])).toEqual({ file: '甲.txt', issue, newSeriesName: '甲工作简报' });
  });

  it('cannot be filed without a series name, or into a series that is gone', () => {
    expect(draftProblem({ issue, target: { kind: 'new', name: '  ' } }, [])).toMatch(/新刊物的名称/);
    expect(draftProblem({ issue, target: { kind: 'existing', seriesId: 9 } }, [series(1, '甲工作简报')])).toMatch(/已不存在/);
    expect(draftProblem({ issue, target: { kind: 'existing', seriesId: 1 } }, [series(1, '甲工作简报')])).toBeNull();
  });

  it('says the file would be skipped only while it goes where the preview looked with the same year and number', () => {
    const taken = preview({ duplicate: '档案中已有甲工作简报2023年的第13期（2023年7月12日），未重复导入' });
    const all = [series(1, '甲工作简报'), series(2, '乙工作简报')];
    expect(duplicateNotice(taken, draftOf(taken), all)).toBe(taken.duplicate);
    expect(duplicateNotice(taken, { ...draftOf(taken), issue: { ...issue, number: 14 } }, all)).toBeNull();
    expect(duplicateNotice(taken, { ...draftOf(taken), target: { kind: 'existing', seriesId: 2 } }, all)).toBeNull();
  });

  it('marks the facts the text did not give', () => {
    expect(notFoundMarks({ seriesName: true, number: false, date: true, docNumber: false })).toEqual({ number: '未在文中找到，请核对', docNumber: '未在文中找到，请核对' });
  });

  it('sums up titles with subtitles, sections with their item counts, the colophon and the copies', () => {
    expect(overviewOf(issue)).toEqual({
      articles: [{ title: '督察组召开座谈会', subtitle: '要求落实落地' }, { title: '督察组下沉调研' }],
      sections: [{ heading: '县市区工作动态', items: 2 }],
      colophon: '报 3 个单位，送 1 个',
      copies: '共印 60 份',
    });
    expect(overviewOf({ ...issue, distribution: { report: [], send: [], issue: [] }, copies: null })).toMatchObject({ colophon: null, copies: null });
  });

  it('lets the year follow a new date for sequential numbering only, as the editor does', () => {
    expect(withDate(issue, '2024-01-08')).toMatchObject({ date: '2024-01-08', year: 2024 });
    const yearly = { ...issue, series: { ...issue.series, numbering: 'yearly-with-total' as const }, totalNumber: 40 };
    expect(withDate(yearly, '2024-01-08')).toMatchObject({ date: '2024-01-08', year: 2023 });
  });
});
