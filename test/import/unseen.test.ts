// Bulletins the reader was not written against, brought by an outside tester: web pages with ●/◆/■
// sections and half-width punctuation, hard-wrapped text with and without typed indents and with
// digits, a numbered 导读 over a 一、 section and an article after it, a dash subtitle, an issuer on its
// own line above a bare 印发 date, a site footer cut by the wrap; and two PDFs of one of them (LibreOffice's
// of a plain .docx with no indents, and Jianbao's own print). Each file's facts were read off the file
// by hand into `*.expected.json`; for the text files, nothing of the body is dropped.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBulletinBytes } from '../../electron/services/import/read-file.ts';
import { issueToPlainText } from '../../shared/text/plain-text.ts';
import { missingChars } from '../char-multiset.ts';
import { expectFacts } from '../expected-facts.ts';
import { repoRoot, type ExpectedFacts } from '../fixtures.ts';

const dir = join(repoRoot, 'test', 'fixtures', 'unseen');
type Expected = ExpectedFacts & { distribution: { issue: string[] }; totalNumber: number | null; copies: number | null };
const files = readdirSync(dir)
  .filter((file) => /\.(txt|pdf)$/.test(file))
  .sort()
  .map((file) => ({ file, bytes: readFileSync(join(dir, file)), expected: JSON.parse(readFileSync(join(dir, file.replace(/\.\w+$/, '.expected.json')), 'utf8')) as Expected }));

/**
 * The body of a bulletin as typed: after the masthead's (last) date line, before the colophon, without the 导读
 * heading. Numbers and marks before 导读 entries, sections and items are structure, and a half-width
 * colon or full stop is read as the full-width one (the test takes those out of what may be missing).
 */
function bodyOf(text: string): string {
  const lines = text.split(/\r\n|\r|\n/);
  const dateLine = lines.findLastIndex((line, index) => index < 12 && /\d{4}\s*年|二〇/.test(line) && !/印发/.test(line));
  const colophon = lines.findIndex((line) => /^\s*(?:报送|抄报|抄送|分送|主送|报|送|发)\s*[：:]/.test(line));
  return lines
    .slice(dateLine + 1, colophon < 0 ? undefined : colophon)
    .filter((line) => !/^\s*(?:【?导\s*读】?|本期要目|目\s*录)\s*$/.test(line))
    .join('\n');
}

describe.each(files)('$file', ({ file, bytes, expected }) => {
  it('reads every fact: masthead, 导读, titles and subtitles, sections and their items, colophon', async () => {
    const { issue } = await readBulletinBytes(bytes, file);
    expectFacts(issue, expected);
    expect(issue.distribution.issue).toEqual(expected.distribution.issue);
    expect({ totalNumber: issue.totalNumber, copies: issue.copies }).toEqual({ totalNumber: expected.totalNumber, copies: expected.copies });
  });

  it.runIf(file.endsWith('.txt'))('drops no character of the body, only page numbers, marks and the web page’s chrome it lists', async () => {
    const read = await readBulletinBytes(bytes, file);
    const kept = `${issueToPlainText(read.issue)}${read.setAside.join('')}`;
    expect(missingChars(bodyOf(new TextDecoder().decode(bytes)), kept).replace(/[●◆■▲★【】*0-9.、一二三四五六七八九十:,;()]/g, '')).toBe('');
  });
});
