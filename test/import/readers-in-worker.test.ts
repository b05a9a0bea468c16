// One way in for untrusted files: outside the reading worker, nothing in electron/ calls the in-thread
// readers (readBulletinFile, readBulletinBytes, bulletinFromDocx) or loads a format's library; they go through
// import/read-in-worker.ts, whose worker (import/read-worker.ts) is the only caller.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../fixtures.ts';

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx|mjs)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('reading untrusted files', () => {
  const files = sources(join(repoRoot, 'electron')).map((path) => ({ path: relative(repoRoot, path).replaceAll('\\', '/'), text: readFileSync(path, 'utf8') }));

  it('calls the in-thread readers only from the reading worker', () => {
    const callers = files.filter(({ text }) => /\b(readBulletinFile|readBulletinBytes|bulletinFromDocx)\b/.test(text)).map(({ path }) => path);
    expect(callers.sort()).toEqual(['electron/services/import/docx.ts', 'electron/services/import/read-file.ts', 'electron/services/import/read-worker.ts']);
  });

  it('loads the formats\' libraries (XML, PDF, .doc) only in the format readers, which only the worker runs', () => {
    const loaders = files.filter(({ text }) => /(?:from\s*|import\()\s*['"](?:@xmldom\/xmldom|pdfjs-dist[^'"]*|word-extractor[^'"]*)['"]/.test(text)).map(({ path }) => path);
    expect(loaders.sort()).toEqual(['electron/services/import/doc.ts', 'electron/services/import/docx-paragraphs.ts', 'electron/services/import/pdf.ts']);
  });
});
