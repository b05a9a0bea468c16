// Chinese full-text search on a real archive: trigram terms, one- and two-character terms through the
// pair index (trigram MATCH alone finds nothing for them), all terms required, filters, ranking,
// snippets, and the index kept in step with saves, revision restores, deletes and restores.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../electron/services/archive/archive.ts';
import { insertIssue } from '../../electron/services/archive/issues.ts';
import { storedIssue } from '../../electron/services/archive/stored-issue.ts';
import { SNIPPET_MARK } from '../../shared/api/records.ts';
import type { IssueStatus } from '../../shared/model/issue.ts';
import { apiOf, issueWith, makeSeries, tempArchive, type IssueText } from './helpers.ts';

let archive: Archive;
let api: ReturnType<typeof apiOf>;
const ids: Record<string, number> = {};
let seriesA: number;
let seriesB: number;

function put(key: string, seriesId: number, text: IssueText, status: IssueStatus = 'draft') {
  ids[key] = insertIssue(archive, seriesId, storedIssue({ ...issueWith(text), status }), '测试');
}

const found = async (query: string, filters: Record<string, unknown> = {}) =>
  (await api('search', { query, ...filters })).map((hit) => Object.entries(ids).find(([, id]) => id === hit.issueId)![0]);

beforeAll(async () => {
  archive = await tempArchive();
  api = apiOf(archive);
  seriesA = makeSeries(archive, '甲工作简报').id;
  seriesB = makeSeries(archive, '乙工作简报').id;
  put('nanxian', seriesA, { number: 1, date: '2023-05-01', title: '南县召开督察整改推进会', text: '南县督察整改工作取得阶段性成效，PM2.5浓度下降。' }, 'issued');
  put('taojiang', seriesA, { number: 2, date: '2024-03-01', title: '桃江县环境治理', text: '桃江县开展河道整治，督察组现场查看。' });
  put('shizhi', seriesB, { number: 1, date: '2024-06-01', title: '市直部门动态', text: '市生态环境局召开会议。南方电网检修线路。' });
});

describe('search', () => {
  it('finds terms of three characters or more through the trigram index', async () => {
    expect(await found('督察整改')).toEqual(['nanxian']);
    expect(await found('生态环境局')).toEqual(['shizhi']);
  });

  it('finds two-character terms, which trigram MATCH alone silently misses', async () => {
    const trigramOnly = archive.db.prepare(`SELECT count(*) FROM search_text WHERE search_text MATCH '"南县"'`).pluck().get();
    expect(trigramOnly).toBe(0);
    expect(await found('南县')).toEqual(['nanxian']);
    expect(await found('督察')).toEqual(expect.arrayContaining(['nanxian', 'taojiang']));
    expect(await found('督察')).toHaveLength(2);
    expect(await found('南方')).toEqual(['shizhi']);
  });

  it('finds one-character terms, including the last character of a passage', async () => {
    expect(await found('桃')).toEqual(['taojiang']);
    expect((await found('。')).sort()).toEqual(['nanxian', 'shizhi', 'taojiang']);
    expect(await found('冬')).toEqual([]);
    expect(await found('路')).toEqual(['shizhi']);
  });

  it('requires every space-separated term to match, mixing long, short and punctuated terms', async () => {
    expect(await found('南县 督察')).toEqual(['nanxian']);
    expect(await found('督察　市直')).toEqual([]);
    expect(await found('督察组 桃江')).toEqual(['taojiang']);
    expect(await found('，督 河道')).toEqual(['taojiang']);
    expect(await found('，督')).toEqual(['taojiang']);
  });

  it('matches latin letters without regard to case, and treats query syntax as plain text', async () => {
    expect(await found('pm2.5')).toEqual(['nanxian']);
    expect(await found('pm')).toEqual(['nanxian']);
    // no issue here holds these characters as written: read as FTS5 syntax (a prefix, a column filter, NEAR, NOT)
    // or with the syntax dropped, 南县"* and ^督察 would find the issues that hold 南县 and 督察
    for (const query of ['"', 'AND OR NOT', 'NEAR(', '*', '南县"*', '^督察', '督察 NOT 南县', 'titles:督察']) expect(await found(query), query).toEqual([]);
    expect(await found('   ')).toEqual([]);

    // and an issue that holds them as written is found by them, and only it
    const literal = await tempArchive();
    const literalApi = apiOf(literal);
    const series = makeSeries(literal).id;
    const plain = insertIssue(literal, series, storedIssue(issueWith({ number: 1, title: '南县督察工作', text: '南县督察整改推进，AND、OR 与 NOT 都不是检索语法。' })), '测试');
    const written = insertIssue(literal, series, storedIssue(issueWith({ number: 2, title: '检索写法说明', text: '文中写有"南县"*、^督察、NEAR(督察 整改)和 titles:督察 几种写法。' })), '测试');
    const hits = async (query: string) => (await literalApi('search', { query })).map((hit) => hit.issueId);
    for (const query of ['"', '*', '^', '南县"*', '"南县"', '^督察', 'NEAR(督察', 'titles:督察']) expect(await hits(query), query).toEqual([written]);
    expect(await hits('AND OR')).toEqual([plain]);
    expect(await hits('AND OR NOT')).toEqual([plain]);
    expect(await hits('督察 NOT')).toEqual([plain]);
    expect((await hits('南县 督察')).sort()).toEqual([plain, written].sort());
  });

  it('filters by series, year, status and date range', async () => {
    expect(await found('督察', { seriesId: seriesB })).toEqual([]);
    expect(await found('召开', { seriesId: seriesB })).toEqual(['shizhi']);
    expect(await found('督察', { year: 2024 })).toEqual(['taojiang']);
    expect(await found('督察', { status: 'issued' })).toEqual(['nanxian']);
    expect(await found('召开', { from: '2023-06-01', to: '2024-12-31' })).toEqual(['shizhi']);
  });

  it('returns issue, series, 期号, date, status, title and a snippet with the match marked', async () => {
    const [hit] = await api('search', { query: '河道' });
    expect(hit).toEqual({
      issueId: ids.taojiang,
      seriesId: seriesA,
      seriesName: '甲工作简报',
      numberText: '第2期',
      date: '2024-03-01',
      status: 'draft',
      title: '桃江县环境治理',
      snippet: `桃江县开展${SNIPPET_MARK.open}河道${SNIPPET_MARK.close}整治，督察组现场查看。`,
    });
    const [titleOnly] = await api('search', { query: '推进会' });
    expect(titleOnly!.snippet).toContain(`${SNIPPET_MARK.open}推进会${SNIPPET_MARK.close}`);
  });

  it('ranks by relevance (every term in a title before matches in the text), then newest first', async () => {
    const ranked = await tempArchive();
    const rankedApi = apiOf(ranked);
    const series = makeSeries(ranked).id;
    const add = (number: number, date: string, title: string, text: string) => insertIssue(ranked, series, storedIssue(issueWith({ number, date, title, text })), '测试');
    const once = add(1, '2024-01-01', '工作动态', '各地推进秸秆禁烧工作，成效明显，群众满意度持续提升。');
    const often = add(2, '2023-01-01', '秸秆禁烧专项督查', '秸秆禁烧是重点，秸秆禁烧要常抓。');
    const older = add(3, '2022-01-01', '工作动态', '各地推进秸秆禁烧工作，成效明显，群众满意度持续提升。');
    expect((await rankedApi('search', { query: '秸秆禁烧' })).map((hit) => hit.issueId)).toEqual([often, once, older]);
    expect((await rankedApi('search', { query: '禁烧' })).map((hit) => hit.issueId)).toEqual([often, once, older]);
    expect((await rankedApi('search', { query: '禁烧 督查' })).map((hit) => hit.issueId)).toEqual([often]);
    expect((await rankedApi('search', { query: '禁烧 工作动态' })).map((hit) => hit.issueId)).toEqual([once, older]);
    expect((await rankedApi('search', { query: '禁烧', limit: 2 })).map((hit) => hit.issueId)).toEqual([often, once]);
  });

  it('keeps the index in step with saves, revision restores, deletes and restores from the bin', async () => {
    const record = await api('issues.get', { id: ids.taojiang! });
    const edited = { ...record.issue, blocks: [record.issue.blocks[0]!, { type: 'article' as const, title: '桃江县环境治理', paragraphs: [{ runs: [{ text: '桃江县推进矿山复绿。' }] }] }] };
    await api('issues.save', { id: ids.taojiang!, baseRevision: record.revision, issue: edited });
    expect(await found('河道')).toEqual([]);
    expect(await found('矿山复绿')).toEqual(['taojiang']);
    expect(await found('复绿')).toEqual(['taojiang']);

    await api('revisions.restore', { issueId: ids.taojiang!, revision: record.revision });
    expect(await found('河道')).toEqual(['taojiang']);
    expect(await found('复绿')).toEqual([]);

    await api('issues.delete', { id: ids.taojiang! });
    expect(await found('河道')).toEqual([]);
    expect(await found('河道 整治')).toEqual([]);
    await api('issues.restore', { id: ids.taojiang! });
    expect(await found('河道')).toEqual(['taojiang']);
  });
});
