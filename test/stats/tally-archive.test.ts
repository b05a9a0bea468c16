// The 信息采用 count over real archives (SQLite in temporary folders), through the contract's handlers: the
// fixtures imported as a clerk imports them and their ▲ items attributed, generated issues with many units
// and their aliases counted against a table worked out by hand, the workbook read back with exceljs, the
// 通报 rendered by LibreOffice, and bad input refused in Chinese with nothing changed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../electron/api/dispatch.ts';
import { createServiceHandlers } from '../../electron/api/services.ts';
import type { Block, Issue, NewsItem } from '../../shared/model/issue.ts';
import type { Unit } from '../../shared/model/series.ts';
import { bulletinFixtures } from '../fixtures.ts';
import { generateIssue } from '../generate.ts';
import { makeSeries, tempArchive, tempDir } from '../archive/helpers.ts';
import { convertWithLibreOffice, pdfPageTexts } from '../export/render-tools.ts';
import { servicesApiOf } from './helpers.ts';

const base64 = (text: string) => Buffer.from(text).toString('base64');
const line = (row: { unit: string; articles: number; items: number; editorNotes: number; instructions: number; points: number; rank: number }) =>
  [row.unit, row.articles, row.items, row.editorNotes, row.instructions, row.points, row.rank];

async function importedFixtures() {
  const archive = await tempArchive();
  const api = servicesApiOf(archive);
  for (const fixture of bulletinFixtures()) await api('import.file', { name: `${fixture.name}.txt`, base64: base64(fixture.text) });
  const series = await api('series.list', {});
  const named = (part: string) => series.find((record) => record.settings.name.includes(part))!;
  return { archive, api, huitoukan: named('回头看'), second: named('第二轮') };
}

describe('the fixtures, imported', () => {
  it('attribute the ▲ items to the units their heads name: 安化县, and the headlines of 高新区 and 资阳区', async () => {
    const { api, huitoukan, second } = await importedFixtures();
    const q3 = await api('stats.tally', { seriesId: second.id, from: '2023-07-01', to: '2023-09-30' });
    expect(q3.period.label).toBe('2023年第三季度');
    expect(q3.totals.issues).toBe(1);
    const anhua = q3.rows.find((row) => row.unit === '安化县')!;
    expect(line(anhua)).toEqual(['安化县', 0, 1, 0, 0, 1, anhua.rank]);
    expect(anhua.entries.map((entry) => [entry.numberText, entry.date, entry.kind, entry.title.slice(0, 4)])).toEqual([['第13期', '2023-07-12', 'item', '安化县：']]);

    const sept2020 = await api('stats.tally', { seriesId: huitoukan.id, from: '2020-09-01', to: '2020-09-30' });
    const items = sept2020.rows.filter((row) => row.items > 0).map((row) => [row.unit, row.items, row.entries[0]!.title]);
    expect(items).toEqual(
      expect.arrayContaining([
        ['高新区', 1, '高新区较真碰硬，坚决推进问题整改'],
        ['资阳区', 1, '资阳区扎实开展生态环境问题督查整改'],
      ]),
    );
  });

  it('with the series’ units list, count only its units and list the rest for the clerk', async () => {
    const { api, second } = await importedFixtures();
    const units: Unit[] = [
      { name: '安化县', aliases: ['安化'], group: '县市区' },
      { name: '资阳区', aliases: [], group: '县市区' },
      { name: '市生态环境局', aliases: ['益阳市生态环境局'], group: '市直部门' },
    ];
    await api('series.update', { id: second.id, settings: { ...second.settings, units } });
    const report = await api('stats.tally', { seriesId: second.id, from: '2023-06-01', to: '2023-07-31' });
    expect(report.unitsListed).toBe(true);
    expect(report.rows.map((row) => [row.unit, row.items, row.points, row.rank])).toEqual([
      ['安化县', 1, 1, 1],
      ['市生态环境局', 1, 1, 1],
      ['资阳区', 0, 0, 3],
    ]);
    // every article and the other ▲ items of 第1期 and 第13期 wait for the clerk, none is counted twice
    expect(report.totals.counted + report.totals.pending).toBe(5 + 5);
    expect(report.pending.every((pending) => pending.why === 'unknown')).toBe(true);
  });
});

// ---- generated issues: many units, their aliases, a confirmed attribution, a 编者按 and a 批示

const UNITS: Unit[] = [
  { name: '安化县', aliases: ['安化'], group: '县市区' },
  { name: '桃江县', aliases: ['桃江'], group: '县市区' },
  { name: '南县', aliases: [], group: '县市区' },
  { name: '沅江市', aliases: ['沅江'], group: '县市区' },
  { name: '赫山区', aliases: [], group: '县市区' },
  { name: '资阳区', aliases: ['资阳'], group: '县市区' },
  { name: '大通湖区', aliases: [], group: '县市区' },
  { name: '高新区', aliases: ['益阳高新区'], group: '县市区' },
  { name: '市生态环境局', aliases: ['市环境局', '益阳市生态环境局'], group: '市直部门' },
  { name: '市水利局', aliases: [], group: '市直部门' },
  { name: '市农业农村局', aliases: [], group: '市直部门' },
];

const HEADS: [string, string[]][] = [
  ['2023-07-03', ['安化县', '安化', '桃江县', '赫山区、资阳区', '市环境局', '南县']],
  ['2023-08-07', ['沅江', '安化县', '市生态环境局', '大通湖区', '高新区较真碰硬，坚决推进问题整改', '桃江']],
  ['2023-09-04', ['资阳', '赫山区', '市水利局', '安化县', '益阳市生态环境局', '南县']],
];

function generatedIssue(seed: number, date: string, heads: string[], extra: Block[] = []): Issue {
  const body = generateIssue(2, seed);
  const items = heads.map((head): NewsItem => ({ head, form: head.length > 8 ? 'runIn' : 'colon', paragraphs: [{ runs: [{ text: '召开专题会议，部署整改工作。' }] }] }));
  const blocks = body.blocks.map((block) => (block.type === 'news' ? { ...block, items } : block));
  return { ...body, date, year: Number(date.slice(0, 4)), blocks: [...blocks.slice(0, 1), ...extra, ...blocks.slice(1)] };
}

const WATER_ARTICLE: Block = {
  type: 'article',
  title: '市水利局扎实推进河湖长制',
  paragraphs: [{ runs: [{ text: '编者按：河湖长制是守护一方碧水的关键之举。' }] }, { runs: [{ text: '今年以来，各地压实河湖长责任。' }] }],
  sources: { units: ['市水利局'], confirmed: true },
  instruction: '经验做法值得推广。——市长',
};

async function generatedArchive() {
  const archive = await tempArchive();
  const api = servicesApiOf(archive);
  const series = makeSeries(archive, '测试工作简报');
  await api('series.update', { id: series.id, settings: { ...series.settings, units: UNITS } });
  const file = async (issue: Issue, status: 'draft' | 'issued') => {
    const next = await api('issues.next', { seriesId: series.id, date: issue.date });
    await api('issues.save', { id: next.id, baseRevision: next.revision, issue: { ...issue, series: next.issue.series, number: next.issue.number, status: 'draft' } });
    if (status === 'issued') {
      await api('issues.setStatus', { id: next.id, status: 'reviewed' });
      await api('issues.setStatus', { id: next.id, status: 'issued' });
    }
  };
  for (const [index, [date, heads]] of HEADS.entries()) await file(generatedIssue(index + 1, date, heads, index === 2 ? [WATER_ARTICLE] : []), 'issued');
  await file(generatedIssue(9, '2023-09-20', ['安化县']), 'draft');
  await file(generatedIssue(10, '2023-06-15', ['安化县', '桃江县']), 'issued');
  return { archive, api, seriesId: series.id };
}

describe('generated issues with many units and aliases', () => {
  it('count each unit by name and alias, a shared item for each unit, and points and ranks as worked out by hand', async () => {
    const { api, seriesId } = await generatedArchive();
    const report = await api('stats.tally', { seriesId, from: '2023-07-01', to: '2023-09-30' });
    // 市水利局: its item (1) and the article confirmed to it (3) with 编者按 (+1) and 批示 (+2) = 7
    // 安化县: 安化县 ×3 and 安化 ×1 = 4; 市生态环境局: 市环境局, 市生态环境局, 益阳市生态环境局 = 3
    // 赫山区 and 资阳区 each count the item they share; ties take the office's order
    expect(report.rows.map(line)).toEqual([
      ['市水利局', 1, 1, 1, 1, 7, 1],
      ['安化县', 0, 4, 0, 0, 4, 2],
      ['市生态环境局', 0, 3, 0, 0, 3, 3],
      ['桃江县', 0, 2, 0, 0, 2, 4],
      ['南县', 0, 2, 0, 0, 2, 4],
      ['赫山区', 0, 2, 0, 0, 2, 4],
      ['资阳区', 0, 2, 0, 0, 2, 4],
      ['沅江市', 0, 1, 0, 0, 1, 8],
      ['大通湖区', 0, 1, 0, 0, 1, 8],
      ['高新区', 0, 1, 0, 0, 1, 8],
      ['市农业农村局', 0, 0, 0, 0, 0, 11],
    ]);
    expect(report.rows.find((row) => row.unit === '安化县')!.change).toBe(3);
    expect(report.rows.find((row) => row.unit === '桃江县')!.change).toBe(1);
    expect(report.totals).toMatchObject({ issues: 3, items: 19, articles: 1, points: 25, counted: 19 });
    // the generated articles name no listed unit: each waits for the clerk, none is counted
    expect(report.pending.every((pending) => pending.kind === 'article')).toBe(true);

    const withDrafts = await api('stats.tally', { seriesId, from: '2023-07-01', to: '2023-09-30', status: 'all' });
    expect(withDrafts.rows.find((row) => row.unit === '安化县')!.items).toBe(5);
  });

  it('counts an attribution confirmed after a first count, and forgets a report moved to the recycle bin', async () => {
    const { api, seriesId } = await generatedArchive();
    const first = await api('stats.tally', { seriesId, from: '2023-07-01', to: '2023-09-30' });
    const [summary] = (await api('issues.list', { seriesId, year: 2023 })).filter((each) => each.date === '2023-07-03');
    const record = await api('issues.get', { id: summary!.id });
    await api('issues.setStatus', { id: record.id, status: 'draft', reason: '补充来源单位' });
    const reopened = await api('issues.get', { id: record.id });
    const blocks = reopened.issue.blocks.map((block) =>
      block.type === 'news' ? { ...block, items: block.items.map((each, index) => (index === 0 ? { ...each, sources: { units: ['南县'], confirmed: true } } : each)) } : block,
    );
    const saved = await api('issues.save', { id: record.id, baseRevision: reopened.revision, issue: { ...reopened.issue, blocks } });
    await api('issues.setStatus', { id: record.id, status: 'reviewed' });
    await api('issues.setStatus', { id: saved.record.id, status: 'issued' });
    const second = await api('stats.tally', { seriesId, from: '2023-07-01', to: '2023-09-30' });
    const points = (report: typeof first, unit: string) => report.rows.find((row) => row.unit === unit)!.points;
    expect([points(second, '安化县'), points(second, '南县')]).toEqual([points(first, '安化县') - 1, points(first, '南县') + 1]);
    expect(second.rows.find((row) => row.unit === '南县')!.entries.some((entry) => entry.confirmed)).toBe(true);

    await api('issues.setStatus', { id: record.id, status: 'draft', reason: '改为删除' });
    await api('issues.delete', { id: record.id });
    const third = await api('stats.tally', { seriesId, from: '2023-07-01', to: '2023-09-30' });
    expect(third.totals.issues).toBe(2);
  });

  it('writes the workbook: 信息采用情况 with a bold header, set widths and a line per unit, and 明细 with every counted report', async () => {
    const { api, seriesId } = await generatedArchive();
    const file = await api('stats.xlsx', { seriesId, from: '2023-07-01', to: '2023-09-30' });
    expect(file.fileName).toBe('测试工作简报2023年第三季度信息采用情况.xlsx');
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as never);
    const summary = workbook.getWorksheet('信息采用情况')!;
    const values = (row: number) => (summary.getRow(row).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['序号', '单位', '文章', '动态', '编者按', '批示', '得分', '排名', '较上期']);
    expect(summary.getRow(1).font?.bold).toBe(true);
    expect(summary.getColumn(2).width).toBeGreaterThan(summary.getColumn(1).width!);
    expect(values(2)).toEqual([1, '市水利局', 1, 1, 1, 1, 7, 1, 7]);
    expect(values(3)).toEqual([2, '安化县', 0, 4, 0, 0, 4, 2, 3]);
    expect(values(13).slice(1, 7)).toEqual(['合计', 1, 19, 1, 1, 25]);
    const details = workbook.getWorksheet('明细')!;
    expect(details.rowCount).toBe(1 + 20);
    expect((details.getRow(2).values as unknown[]).slice(1, 5)).toEqual(['市水利局', '第3期', '2023年9月4日', '文章']);
  });

  it('writes the 通报 as Word that LibreOffice renders with its title, rule, table, issuer and date', async () => {
    const { api, seriesId } = await generatedArchive();
    const file = await api('stats.docx', { seriesId, from: '2023-07-01', to: '2023-09-30' });
    expect(file.fileName).toBe('测试工作简报2023年第三季度信息采用情况通报.docx');
    const folder = join(tempDir(), 'docx');
    mkdirSync(folder);
    const docx = join(folder, 'stats.docx');
    writeFileSync(docx, Buffer.from(file.base64, 'base64'));
    convertWithLibreOffice([docx], folder);
    const text = pdfPageTexts(join(folder, 'stats.pdf')).join('').replace(/\s+/g, '');
    expect(text).toContain('2023年第三季度信息采用情况通报');
    expect(text).toContain('2023年第三季度（2023年7月1日至2023年9月30日），《测试工作简报》共编发3期');
    expect(text).toContain('序号单位文章动态编者按批示得分排名较上期');
    expect(text).toContain('1市水利局111171+72安化县040042+3');
    expect(text).toContain('测试协调联络组');
  }, 120_000);
});

describe('bad input', () => {
  it('is refused in Chinese and changes nothing: from after to, a date that does not exist, an unknown series', async () => {
    const { archive, api, seriesId } = await generatedArchive();
    const dispatch = createDispatch(createServiceHandlers(archive).handlers);
    const before = JSON.stringify([await api('issues.list', { seriesId }), await api('series.list', {})]);
    const refusals: [unknown, string, RegExp][] = [
      [{ seriesId, from: '2023-09-30', to: '2023-07-01' }, 'invalid-input', /起始日期晚于结束日期/],
      [{ seriesId, from: '2023-02-30', to: '2023-07-01' }, 'invalid-input', /不是存在的日期/],
      [{ seriesId, from: '2023/07/01', to: '2023-07-31' }, 'invalid-input', /日期应写成 YYYY-MM-DD/],
      [{ seriesId: 9999, from: '2023-07-01', to: '2023-07-31' }, 'not-found', /找不到这个刊物/],
      [{ seriesId, from: '2023-07-01', to: '2023-07-31', status: 'draft' }, 'invalid-input', /[\u4e00-\u9fff]/],
    ];
    for (const method of ['stats.tally', 'stats.xlsx', 'stats.docx'] as const) {
      for (const [payload, code, message] of refusals) {
        const response = await dispatch(method, payload);
        expect(response.ok, `${method} ${JSON.stringify(payload)}`).toBe(false);
        if (!response.ok) {
          expect(response.error.code).toBe(code);
          expect(response.error.message).toMatch(message);
        }
      }
    }
    expect(JSON.stringify([await api('issues.list', { seriesId }), await api('series.list', {})])).toBe(before);
  });
});
