import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulletinFixtures } from '../fixtures.ts';
import { expectFacts } from '../expected-facts.ts';
import { runCli } from '../run-cli.ts';
import { encodeGbk, asPdfExtraction } from '../bulletin-variants.ts';
import { issueSchema } from '../../shared/model/issue.ts';

const temp = mkdtempSync(join(tmpdir(), 'jianbao-inspect-'));

describe('jianbao inspect', () => {
  it.each(bulletinFixtures())('prints canonical JSON for $name in which every expected fact holds', (fixture) => {
    const run = runCli(['inspect', fixture.path, '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const issue = JSON.parse(run.stdout);
    expect(issueSchema.safeParse(issue).success).toBe(true);
    expect(Object.keys(issue)).toEqual(['format', 'series', 'number', 'year', 'totalNumber', 'date', 'docNumber', 'status', 'blocks', 'distribution', 'printed', 'copies']);
    expectFacts(issue, fixture.expected);
  });

  it('reads a GBK-encoded, hard-wrapped extraction of a fixture', () => {
    const fixture = bulletinFixtures()[1]!;
    const path = join(temp, 'gbk.txt');
    writeFileSync(path, encodeGbk(asPdfExtraction(fixture.text)));
    const run = runCli(['inspect', path, '--json']);
    expect(run.status).toBe(0);
    expectFacts(JSON.parse(run.stdout), fixture.expected);
  });

  it('prints a short Chinese summary without --json', () => {
    const run = runCli(['inspect', bulletinFixtures()[2]!.path]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('期号：第13期');
    expect(run.stdout).toContain('日期：2023年7月12日');
    expect(run.stdout).toContain('文章：3篇');
    expect(run.stdout).toContain('【县市区工作动态】1条');
    expect(run.stdout).toContain('报：10个单位　送：3个单位');
  });

  it.each([
    ['a missing file', () => join(temp, 'nope.txt'), '找不到文件'],
    ['a binary file', () => { const p = join(temp, 'x.bin'); writeFileSync(p, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 0, 3])); return p; }, '不是文本文件'],
    ['an empty file', () => { const p = join(temp, 'empty.txt'); writeFileSync(p, ''); return p; }, '文件是空的'],
    ['a folder', () => temp, '文件夹'],
    ['broken JSON', () => { const p = join(temp, 'bad.json'); writeFileSync(p, '{"format":'); return p; }, '不是有效的 JSON'],
    ['JSON that is not an issue', () => { const p = join(temp, 'other.json'); writeFileSync(p, '{"format":"jianbao/issue@1","number":"x"}'); return p; }, '不是有效的简报 JSON'],
  ])('exits 2 with one Chinese line and no stack trace for %s', (_name, makePath, reason) => {
    const run = runCli(['inspect', makePath()]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(reason);
    expect(run.stderr).not.toMatch(/\bat\s|Error:/);
  });

  it('exits 2 with a Chinese line for an unknown option or command', () => {
    for (const args of [['inspect', '--bogus', 'x'], ['frobnicate']]) {
      const run = runCli(args);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^错误：/);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
