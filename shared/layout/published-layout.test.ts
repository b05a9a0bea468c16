// The plan against bulletins as printed: test/fixtures/printed/ holds paragraphs of the published bulletins broken
// by hand where WPS/Word print their line ends under docs/format.md's rules (28 cells a line, 26 after the first
// line's indent, a closing mark hung as a 29th character, digits at half width with a quarter em of autospace).
// The typesetter must end the same lines; the share of identical lines is printed per fixture.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyIssue, type Issue } from '../model/issue.ts';
import { typesetIssue } from './typeset.ts';
import { repoRoot } from '../../test/fixtures.ts';

const printedDir = join(repoRoot, 'test', 'fixtures', 'printed');

/** The paragraphs of a printed fixture, each as its printed lines. */
function printedParagraphs(file: string): string[][] {
  const lines = readFileSync(join(printedDir, file), 'utf8').split(/\r?\n/).filter((line) => !line.startsWith('#'));
  const paragraphs: string[][] = [[]];
  for (const line of lines) {
    if (line.trim() === '') paragraphs.push([]);
    else paragraphs.at(-1)!.push(line);
  }
  return paragraphs.filter((paragraph) => paragraph.length > 0);
}

function planLines(paragraphs: readonly string[][]): string[][] {
  const base = emptyIssue({ name: '测试工作简报', issuer: '测试协调联络组', numbering: 'sequential' }, 1, '2023-07-12');
  const issue: Issue = { ...base, blocks: [{ type: 'article', title: '标题', paragraphs: paragraphs.map((lines) => ({ runs: [{ text: lines.join('') }] })) }] };
  const typeset = typesetIssue(issue, { layoutProfile: 'gbt9704', fontProfile: 'office', colophonOnEvenPage: false });
  return typeset.blocks.flatMap((block) => (block.kind === 'paragraph' && block.style === 'body' ? [block.laid.map((line) => line.broken.text.trimEnd())] : []));
}

describe('line ends as the published bulletins print them', () => {
  const files = readdirSync(printedDir).filter((file) => file.endsWith('.txt')).sort();
  it('has printed fixtures', () => expect(files.length).toBeGreaterThanOrEqual(2));
  for (const file of files) {
    it(`reproduces the printed line ends of ${file}`, () => {
      const printed = printedParagraphs(file);
      const planned = planLines(printed);
      expect(planned.length).toBe(printed.length);
      let same = 0;
      let total = 0;
      const differences: string[] = [];
      printed.forEach((lines, paragraph) => {
        lines.forEach((line, index) => {
          total++;
          if (planned[paragraph]![index] === line) same++;
          else differences.push(`段${paragraph + 1}行${index + 1}: 印 ${line} | 排 ${planned[paragraph]![index] ?? '（无）'}`);
        });
      });
      const share = same / total;
      console.log(`${file}: ${same}/${total} lines as printed (${(share * 100).toFixed(1)} %)${differences.length ? `\n  ${differences.join('\n  ')}` : ''}`);
      expect(share).toBeGreaterThanOrEqual(0.9);
    });
  }
});
