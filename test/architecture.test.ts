// The house rules of DESIGN.md that a grep can hold: shared/ stays free of Node and the DOM.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './fixtures.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const NODE_IMPORT = /from\s+['"](node:[^'"]+|fs|path|os|child_process|electron|better-sqlite3|react|react-dom|slate-react)['"]/;
const DOM_GLOBAL = /\b(document|window|localStorage|navigator|HTMLElement)\b\s*[.[]/;
const NODE_GLOBAL = /\b(process|Buffer|require|__dirname)\b\s*[.(]/;

describe('shared/', () => {
  const files = sourceFiles(join(repoRoot, 'shared'));

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((file) => [relative(repoRoot, file), file]))('%s imports neither Node nor the DOM', (_name, file) => {
    // comments may speak of the document or the window; only code counts
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
    expect(text).not.toMatch(NODE_IMPORT);
    expect(text).not.toMatch(DOM_GLOBAL);
    expect(text).not.toMatch(NODE_GLOBAL);
  });
});
