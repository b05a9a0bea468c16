// The archive's commands as a clerk runs them (real processes on a real data folder): import, list,
// search, backup, restore, bundle; --data and JIANBAO_DATA; every error exit code 2 with one Chinese line.
import Database from 'better-sqlite3';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../run-cli.ts';
import { bulletinFixtures } from '../fixtures.ts';
import { tempDir } from './helpers.ts';
import { outcomeLine } from '../../electron/cli/commands/archive.ts';

const fixtures = bulletinFixtures();

function expectOneLineError(run: CliRun, text: string | RegExp) {
  expect(run.status).toBe(2);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(/^错误：/);
  expect(run.stderr).toMatch(text);
  expect(run.stderr).not.toMatch(/\bat\s|Error:/);
}

function bulletinFolder(): string {
  const folder = tempDir();
  for (const fixture of fixtures) writeFileSync(join(folder, `${fixture.name}.txt`), fixture.text);
  return folder;
}

describe('jianbao archive / search / backup / restore / bundle', () => {
  it('imports a folder, lists it, and searches it with filters, in text and as JSON', () => {
    const data = tempDir();
    const run = runCli(['archive', 'import', bulletinFolder(), '--data', data]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('[3/3] 已导入');
    // each file with the facts the app's review shows: series, 期号, date
    expect(run.stdout).toMatch(/\[3\/3\] 已导入 .*yiyang-2023-13\.txt → 益阳市配合第二轮省生态环境保护例行督察工作简报 第13期（2023年7月12日）/);
    expect(run.stdout).toContain('共 3 个文件：导入 3 期，跳过 0 个，未导入 0 个');
    expect(run.stdout).toContain('  益阳市配合第二轮省生态环境保护例行督察工作简报：2 期（第1期、第13期）');

    const list = JSON.parse(runCli(['archive', 'list', '--json', '--data', data]).stdout);
    expect(list.map((series: { settings: { name: string }; issues: unknown[] }) => [series.settings.name, series.issues.length])).toEqual([
      ['益阳市配合省生态环保督察“回头看”工作简报', 1],
      ['益阳市配合第二轮省生态环境保护例行督察工作简报', 2],
    ]);
    expect(runCli(['archive', 'list', '--data', data]).stdout).toContain('  第13期　2023年7月12日');

    const hits = JSON.parse(runCli(['search', '督察', '--year', '2023', '--json', '--data', data]).stdout);
    expect(hits.map((hit: { numberText: string }) => hit.numberText).sort()).toEqual(['第13期', '第1期']);
    const text = runCli(['search', '南县', '督察', '--series', '益阳市配合第二轮省生态环境保护例行督察工作简报', '--data', data]);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^找到 \d+ 期：/);
    expect(text.stdout).toContain('「');
    expectOneLineError(runCli(['search', '督察', '--series', '没有这个刊物', '--data', data]), '档案库中没有名为“没有这个刊物”的刊物');
  });

  it('reports what the reader guessed under the file, skips a duplicate with its reason, and counts files with hints in the summary', () => {
    const data = tempDir();
    const folder = tempDir();
    writeFileSync(join(folder, 'a-无期号.txt'), `${fixtures[2]!.expected.series.name}\n\n关于做好督察整改工作的通知\n\n各县市区要按照要求认真做好督察整改工作，确保各项任务落实到位。\n`);
    writeFileSync(join(folder, 'b-第13期.txt'), fixtures[2]!.text);
    writeFileSync(join(folder, 'c-又一份第13期.txt'), fixtures[2]!.text);
    const run = runCli(['archive', 'import', folder, '--data', data]);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    const first = lines.findIndex((line) => line.startsWith('[1/3] 已导入'));
    expect(lines[first]).toMatch(/a-无期号\.txt → 益阳市配合第二轮省生态环境保护例行督察工作简报 第1期（\d{4}年\d{1,2}月\d{1,2}日）$/);
    expect(lines.slice(first + 1).join('\n')).toMatch(/^ {4}提示：未找到期号/);
    expect(run.stdout).toMatch(/\[3\/3\] 已跳过 .*c-又一份第13期\.txt：档案中已有益阳市配合第二轮省生态环境保护例行督察工作简报2023年的第13期（2023年7月12日），未重复导入/);
    expect(run.stdout).toContain('共 3 个文件：导入 2 期，跳过 1 个，未导入 0 个');
    expect(run.stdout).toContain('  其中 1 期有提示，请打开核对');
  });

  it('lists the lines the reader set aside as web-page content under the file', () => {
    const line = outcomeLine({ file: '网页.txt', status: 'imported', issueId: 1, seriesName: '测试工作简报', numberText: '第2期', date: '2024-03-05', warnings: [], setAside: ['当前位置：首页 > 工作动态', '【打印本页】【关闭窗口】'] }, 1, 1);
    expect(line.split('\n')).toEqual(['[1/1] 已导入 网页.txt → 测试工作简报 第2期（2024年3月5日）', '    已略去网页内容：当前位置：首页 > 工作动态', '    已略去网页内容：【打印本页】【关闭窗口】']);
  });

  it('uses JIANBAO_DATA when --data is not given', () => {
    const data = tempDir();
    expect(runCli(['archive', 'import', join(fixtures[0]!.path)], { JIANBAO_DATA: data }).status).toBe(0);
    expect(existsSync(join(data, 'archive.sqlite'))).toBe(true);
  });

  it('reports files that fail one per line, imports the rest, and ends with exit code 2 and one line', () => {
    const folder = bulletinFolder();
    writeFileSync(join(folder, 'broken.docx'), '不是 zip');
    const data = tempDir();
    const run = runCli(['archive', 'import', folder, '--data', data]);
    expectOneLineError(run, '有 1 个文件未能导入');
    expect(run.stdout).toContain('未导入');
    expect(run.stdout).toContain('broken.docx：Word 文档的内容不是 zip 压缩格式');
    expect(run.stdout).toContain('导入 3 期');
  });

  it('backs up, keeps N, backs up to another folder, and restores a backup', () => {
    const data = tempDir();
    runCli(['archive', 'import', fixtures[0]!.path, '--data', data]);
    const backup = runCli(['backup', '--keep', '2', '--data', data]);
    expect(backup.status).toBe(0);
    expect(backup.stdout).toContain('以后保留最近 2 份手动备份');
    const name = /(jianbao-\d{8}-\d{6}-\d{3}-manual\.sqlite)/.exec(backup.stdout)![1]!;
    const usb = tempDir();
    expect(runCli(['backup', '--to', usb, '--data', data]).stdout).toContain(usb);
    expect(readdirSync(usb)).toHaveLength(1);

    runCli(['archive', 'import', fixtures[1]!.path, '--data', data]);
    const restore = runCli(['restore', name, '--data', data]);
    expect(restore.stderr).toBe('');
    expect(restore.stdout).toMatch(/^已从 .* 恢复档案库；恢复前的档案库已备份为 jianbao-.*-restore\.sqlite/);
    expect(JSON.parse(runCli(['archive', 'list', '--json', '--data', data]).stdout)).toHaveLength(1);
    expectOneLineError(runCli(['restore', 'nope.sqlite', '--data', data]), '找不到备份文件：nope.sqlite');
    // a folder named as the backup: said in words, not with SQLite's code
    expectOneLineError(runCli(['restore', usb, '--data', data]), /不能用于恢复（这不是文件，是文件夹或设备），档案库未作改动/);
  });

  it('moves a series to another data folder with a bundle file', () => {
    const from = tempDir();
    runCli(['archive', 'import', bulletinFolder(), '--data', from]);
    const file = join(tempDir(), '督察.jianbao');
    const exported = runCli(['bundle', 'export', file, '--series', '益阳市配合第二轮省生态环境保护例行督察工作简报', '--data', from]);
    expect(exported.stdout).toContain('已导出档案包');
    const to = tempDir();
    const imported = runCli(['bundle', 'import', file, '--data', to]);
    expect(imported.stdout).toContain('新增或更新 2 期，未变 0 期，新建刊物 1 个，冲突 0 期');
    expectOneLineError(runCli(['bundle', 'import', fixtures[0]!.path, '--data', to]), '档案包的内容不是 zip 压缩格式');
  });

  it('refuses an archive from a newer version, and writes to a damaged one, each with one line', () => {
    const newer = tempDir();
    runCli(['archive', 'list', '--data', newer]);
    const db = new Database(join(newer, 'archive.sqlite'));
    db.pragma('user_version = 999');
    db.close();
    expectOneLineError(runCli(['archive', 'list', '--data', newer]), '来自更新版本的简报');

    const damaged = tempDir();
    writeFileSync(join(damaged, 'archive.sqlite'), Buffer.alloc(4096, 0x5a));
    expectOneLineError(runCli(['archive', 'import', fixtures[0]!.path, '--data', damaged]), /档案库文件 .*archive\.sqlite 已损坏/);
    expectOneLineError(runCli(['search', '--data', damaged]), '请写出要检索的词');
    expectOneLineError(runCli(['archive', 'frob', '--data', damaged]), 'jianbao archive import');
  });
});
