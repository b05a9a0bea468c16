// An article's and an item's attribution (sources) and 批示 (instruction), and a series' units and scoring,
// survive every way an issue travels: save, revision, restore, bundle to another archive, and the editor's
// Slate mapping with its text edited.
import { Editor, Transforms } from 'slate';
import { describe, expect, it } from 'vitest';
import type { Issue, NewsItem } from '../../shared/model/issue.ts';
import { defaultSeriesSettings } from '../../shared/model/series.ts';
import { issueToSlate, slateToIssue } from '../../renderer/editor/model/mapping.ts';
import { createBulletinEditor } from '../../renderer/editor/model/editor.ts';
import { apiOf, fixtureIssue, makeSeries, tempArchive } from '../archive/helpers.ts';

const SOURCES = { units: ['安化县', '市水利局'], confirmed: true };
const INSTRUCTION = '请各县市区学习借鉴。';

/** The last fixture with its first article and first item attributed and given a 批示. */
function attributed(issue: Issue): Issue {
  let article = false;
  let item = false;
  const blocks = issue.blocks.map((block) => {
    if (block.type === 'article' && !article) {
      article = true;
      return { ...block, sources: { units: ['市水利局'], confirmed: false }, instruction: INSTRUCTION };
    }
    if (block.type === 'news' && !item) {
      item = true;
      return { ...block, items: block.items.map((each, index): NewsItem => (index === 0 ? { ...each, sources: SOURCES, instruction: INSTRUCTION } : each)) };
    }
    return block;
  });
  return { ...issue, blocks };
}

function attributionsOf(issue: Issue) {
  return issue.blocks.flatMap((block) =>
    block.type === 'article' ? [[block.title, block.sources, block.instruction]] : block.type === 'news' ? block.items.map((each) => [each.head, each.sources, each.instruction]) : [],
  ).filter(([, sources, instruction]) => sources !== undefined || instruction !== undefined);
}

describe('attributions travel unchanged', () => {
  it('through save, the revision kept, a restore of it, and a bundle into another archive', async () => {
    const archive = await tempArchive();
    const api = apiOf(archive);
    const series = makeSeries(archive, '益阳市配合第二轮省生态环境保护例行督察工作简报');
    const units = [{ name: '安化县', aliases: ['安化'], group: '县市区' as const }, { name: '市水利局', aliases: [], group: '市直部门' as const }];
    await api('series.update', { id: series.id, settings: { ...series.settings, units, scoring: { article: 2.5, item: 1, editorNote: 0.5, instruction: 2 } } });
    const draft = await api('issues.next', { seriesId: series.id, date: '2023-07-12' });
    const content = attributed({ ...fixtureIssue(2), series: draft.issue.series, number: draft.issue.number, date: '2023-07-12', status: 'draft' });
    const expected = attributionsOf(content);
    expect(expected).toHaveLength(2);

    const saved = await api('issues.save', { id: draft.id, baseRevision: draft.revision, issue: content });
    expect(attributionsOf(saved.record.issue)).toEqual(expected);
    expect(attributionsOf((await api('issues.get', { id: draft.id })).issue)).toEqual(expected);
    expect(attributionsOf(await api('revisions.get', { issueId: draft.id, revision: saved.record.revision }))).toEqual(expected);
    // saving the same content again stores nothing new
    expect((await api('issues.save', { id: draft.id, baseRevision: saved.record.revision, issue: saved.record.issue })).changed).toBe(false);

    const plain = await api('issues.save', { id: draft.id, baseRevision: saved.record.revision, issue: { ...content, blocks: fixtureIssue(2).blocks } });
    expect(attributionsOf(plain.record.issue)).toEqual([]);
    const restored = await api('revisions.restore', { issueId: draft.id, revision: saved.record.revision });
    expect(attributionsOf(restored.issue)).toEqual(expected);
    await api('issues.setStatus', { id: draft.id, status: 'reviewed' });
    await api('issues.setStatus', { id: draft.id, status: 'issued' });

    const bundle = await api('bundle.export', { seriesId: series.id });
    const other = apiOf(await tempArchive());
    expect(await other('bundle.import', { base64: bundle.base64 })).toMatchObject({ imported: 1, conflicts: [] });
    const [otherSeries] = await other('series.list', {});
    expect([otherSeries!.settings.units, otherSeries!.settings.scoring]).toEqual([units, { article: 2.5, item: 1, editorNote: 0.5, instruction: 2 }]);
    const [summary] = await other('issues.list', { seriesId: otherSeries!.id });
    expect(attributionsOf((await other('issues.get', { id: summary!.id })).issue)).toEqual(expected);
  });

  it('through the editor’s Slate mapping, and while the text around them is edited', () => {
    const issue = attributed(fixtureIssue(2));
    const sections = issue.blocks.flatMap((block) => (block.type === 'news' ? [block.heading] : []));
    expect(attributionsOf(slateToIssue(issueToSlate(issue, sections), issue))).toEqual(attributionsOf(issue));

    const editor = createBulletinEditor(() => sections);
    editor.children = issueToSlate(issue, sections);
    Editor.normalize(editor, { force: true });
    // type into the first article's first paragraph and into the first item's head
    Transforms.insertText(editor, '（改）', { at: Editor.end(editor, [0, 1]) });
    const itemAt = editor.children.findIndex((node) => 'type' in node && node.type === 'news-section');
    Transforms.insertText(editor, '新', { at: Editor.end(editor, [itemAt, 0, 0]) });
    const edited = slateToIssue(editor.children, issue);
    expect(attributionsOf(edited).map(([, sources, instruction]) => [sources, instruction])).toEqual(attributionsOf(issue).map(([, sources, instruction]) => [sources, instruction]));
  });

  it('keeps series settings without units valid, as stored by an earlier version', async () => {
    const archive = await tempArchive();
    const api = apiOf(archive);
    const { units: _units, scoring: _scoring, ...older } = defaultSeriesSettings('较早的工作简报');
    const created = await api('series.create', { settings: older });
    expect([created.settings.units, created.settings.scoring]).toEqual([[], { article: 3, item: 1, editorNote: 1, instruction: 2 }]);
  });
});
