// `jianbao stats` as a clerk runs it (real processes on a real data folder): the JSON array of units, the
// table, the workbook written, and every bad input exiting 2 with one Chinese line and no file written.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../run-cli.ts';
import { bulletinFixtures } from '../fixtures.ts';
import { tempDir } from '../archive/helpers.ts';

const SERIES = '益阳市配合第二轮省生态环境保护例行督察工作简报';

function importedData(): string {
  const folder = tempDir();
  for (const fixture of bulletinFixtures()) writeFileSync(join(folder, `${fixture.name}.txt`), fixture.text);
  const data = tempDir();
  expect(runCli(['archive', 'import', folder, '--data', data]).status).toBe(0);
  return data;
}

function expectOneLineError(run: CliRun, text: RegExp) {
  expect(run.status).toBe(2);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(/^错误：/);
  expect(run.stderr).toMatch(text);
  expect(run.stderr).not.toMatch(/\bat\s|Error:/);
}

describe('jianbao stats', () => {
  const data = importedData();

  it('prints one JSON object per unit, 安化县 with its one ▲ item', () => {
    const run = runCli(['stats', '--series', SERIES, '--from', '2023-07-01', '--to', '2023-09-30', '--json', '--data', data]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const units = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(Array.isArray(units)).toBe(true);
    expect(units.find((unit) => unit.unit === '安化县')).toMatchObject({ unit: '安化县', articles: 0, items: 1, editorNotes: 0, instructions: 0, points: 1 });
    expect(Object.keys(units[0]!)).toEqual(['unit', 'group', 'articles', 'items', 'editorNotes', 'instructions', 'points', 'rank', 'previousPoints', 'change']);
  });

  it('prints a table by default and writes the workbook with --xlsx', () => {
    const table = runCli(['stats', '--series', SERIES, '--from', '2023-07-01', '--to', '2023-09-30', '--data', data]);
    expect(table.status).toBe(0);
    expect(table.stdout).toContain('2023年第三季度信息采用情况');
    expect(table.stdout).toMatch(/排名\s+单位\s+文章\s+动态\s+编者按\s+批示\s+得分\s+较上期/);
    expect(table.stdout).toMatch(/安化县\s+0\s+1\s+0\s+0\s+1\s+\+1/);
    const xlsx = join(tempDir(), '统计.xlsx');
    const written = runCli(['stats', '--series', SERIES, '--from', '2023-06-01', '--to', '2023-12-31', '--all', '--xlsx', xlsx, '--data', data]);
    expect(written.status).toBe(0);
    expect(written.stdout).toContain(`已导出：${xlsx}`);
    expect(existsSync(xlsx)).toBe(true);
  });

  it('exits 2 with one Chinese line on an unknown series, a start after the end, a bad date, or clashing outputs', () => {
    const out = join(tempDir(), '不应写出.xlsx');
    expectOneLineError(runCli(['stats', '--series', '没有的简报', '--from', '2023-07-01', '--to', '2023-09-30', '--xlsx', out, '--data', data]), /档案库中没有名为“没有的简报”的刊物/);
    expectOneLineError(runCli(['stats', '--series', SERIES, '--from', '2023-09-30', '--to', '2023-07-01', '--data', data]), /起始日期 2023-09-30 晚于结束日期 2023-07-01/);
    expectOneLineError(runCli(['stats', '--series', SERIES, '--from', '2023-02-30', '--to', '2023-07-01', '--data', data]), /起始日期不正确：2023-02-30/);
    expectOneLineError(runCli(['stats', '--series', SERIES, '--from', '七月', '--to', '2023-07-01', '--data', data]), /起始日期不正确/);
    expectOneLineError(runCli(['stats', '--series', SERIES, '--from', '2023-07-01', '--data', data]), /请用 --to 写出结束日期/);
    expectOneLineError(runCli(['stats', '--series', SERIES, '--from', '2023-07-01', '--to', '2023-09-30', '--json', '--xlsx', out, '--data', data]), /--json 与 --xlsx、--docx 只能选一种/);
    expect(existsSync(out)).toBe(false);
  });
});
