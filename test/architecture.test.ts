// The house rules (docs/architecture.md) held against the real source of electron/, renderer/ and shared/,
// read with TypeScript's parser (test/import-graph.ts), one test a rule; and for each rule a made-up
// violation its check must catch, so that no rule passes only because its check sees nothing.
import { describe, expect, it } from 'vitest';
import { CHINESE_FONT_SIZES_PT, ELEMENTS, PAGE_PROFILES, PARAGRAPH_STYLES, pageGeometry } from '../shared/layout/profiles.ts';
import { MM_PER_INCH, PT_PER_INCH, TWIPS_PER_PT } from '../shared/layout/units.ts';
import type { LayoutProfileName } from '../shared/model/series.ts';
import { repoRoot } from './fixtures.ts';
import { findCycles, parseSource, readSources, type Graph, type SourceFile } from './import-graph.ts';
import {
  fileCycles,
  folderCycles,
  layoutLiterals,
  layoutNumbers,
  rendererRuntimeElectronImports,
  serviceLayerViolations,
  sharedPlatformViolations,
  sqlOutsideArchive,
} from './house-rules.ts';

const sources = readSources(repoRoot);
/** made-up files, parsed as the real ones are */
const made = (files: Record<string, string>): SourceFile[] => Object.entries(files).map(([path, text]) => parseSource(path, text));

/** The .docx exporter and the files that make the print view (and the PDF printed from it). */
const LAYOUT_USERS = (path: string) =>
  path === 'electron/services/export/docx.ts' ||
  path === 'electron/services/export/pdf.ts' ||
  path === 'electron/main/pdf-export.ts' ||
  path.startsWith('shared/print/') ||
  path === 'renderer/editor/PrintPreviewDialog.tsx';
const LAYOUT_NUMBERS = layoutNumbers([
  CHINESE_FONT_SIZES_PT,
  PAGE_PROFILES,
  ELEMENTS,
  PARAGRAPH_STYLES,
  (Object.keys(PAGE_PROFILES) as LayoutProfileName[]).map(pageGeometry),
  [MM_PER_INCH, PT_PER_INCH, TWIPS_PER_PT],
]);

describe('the source read', () => {
  it('has the files of all three floors, with their imports', () => {
    for (const floor of ['electron/', 'renderer/', 'shared/']) expect(sources.filter((file) => file.path.startsWith(floor)).length, floor).toBeGreaterThan(10);
    expect(sources.some((file) => file.path.endsWith('.test.ts'))).toBe(false);
    const app = sources.find((file) => file.path === 'renderer/app/App.tsx')!;
    expect(app.imports.some((edge) => edge.target === 'renderer/archive/ArchiveScreen.tsx' && edge.runtime)).toBe(true);
  });

  it('tells type-only imports from run-time ones, and finds export … from and import()', () => {
    const [file] = made({
      'renderer/x.ts': [
        "import type { A } from './a.ts';",
        "import { type B } from './b.ts';",
        "import { c, type C } from './c.ts';",
        "export type { D } from './d.ts';",
        "export { e } from './e.ts';",
        "const f = () => import('./f.ts');",
        "let g: import('./g.ts').G;",
        "import './h.ts';",
      ].join('\n'),
    });
    expect(file!.imports.map((edge) => [edge.target, edge.runtime])).toEqual([
      ['renderer/a.ts', false],
      ['renderer/b.ts', false],
      ['renderer/c.ts', true],
      ['renderer/d.ts', false],
      ['renderer/e.ts', true],
      ['renderer/f.ts', true],
      ['renderer/g.ts', false],
      ['renderer/h.ts', true],
    ]);
  });
});

describe('house rules', () => {
  it('shared/ imports neither Node nor the DOM (nor Electron, SQLite or React)', () => {
    expect(sharedPlatformViolations(sources)).toEqual([]);
  });

  it('no import cycles between files (type-only imports count)', () => {
    expect(fileCycles(sources)).toEqual([]);
  });

  it('no import cycles between folders (a folder is the directory of a file)', () => {
    expect(folderCycles(sources)).toEqual([]);
  });

  it('renderer/ never imports electron/ at run time (import type is allowed)', () => {
    expect(rendererRuntimeElectronImports(sources)).toEqual([]);
  });

  it('services (electron/services/) never import electron/api, electron/main, electron/cli, electron/web, React or the electron module', () => {
    expect(serviceLayerViolations(sources)).toEqual([]);
  });

  it('SQL only in electron/services/archive/: no SQL string elsewhere, better-sqlite3 imported only there', () => {
    expect(sqlOutsideArchive(sources)).toEqual([]);
  });

  it('layout numbers only in shared/layout/: the .docx exporter and the print view write no mm, pt, twips or font size of their own', () => {
    const users = sources.filter((file) => LAYOUT_USERS(file.path));
    expect(users.map((file) => file.path)).toContain('electron/services/export/docx.ts');
    expect(users.map((file) => file.path)).toContain('shared/print/render-print-html.ts');
    expect(layoutLiterals(users, LAYOUT_NUMBERS)).toEqual([]);
  });
});

describe('each check catches what breaks its rule', () => {
  it('shared/: a Node import, a DOM global, a Node global', () => {
    const files = made({
      'shared/a.ts': "import { readFileSync } from 'node:fs';",
      'shared/b.ts': 'export const width = () => window.innerWidth;',
      'shared/c.ts': 'export const cwd = () => process.cwd();',
      'shared/d.ts': '// the document and the window, in a comment\nexport const ok = 1;',
    });
    expect(sharedPlatformViolations(files)).toEqual(['shared/a.ts:1 imports node:fs', 'shared/b.ts uses the DOM (window.)', 'shared/c.ts uses a Node global (process.)']);
  });

  it('file cycles, with the cycle’s path; a chain without one passes', () => {
    const cyclic = made({
      'shared/a.ts': "import { b } from './b.ts';",
      'shared/b.ts': "import type { C } from './c.ts';",
      'shared/c.ts': "export { a } from './a.ts';",
      'shared/d.ts': "import { a } from './a.ts';",
    });
    expect(fileCycles(cyclic)).toEqual(['shared/a.ts → shared/b.ts → shared/c.ts → shared/a.ts']);
    expect(fileCycles(made({ 'shared/a.ts': "import './b.ts';", 'shared/b.ts': "import './c.ts';", 'shared/c.ts': '' }))).toEqual([]);
  });

  it('folder cycles, with the folders’ path, though no file imports itself', () => {
    const files = made({
      'renderer/app/App.tsx': "import { ArchiveScreen } from '../archive/ArchiveScreen.tsx';",
      'renderer/archive/ArchiveScreen.tsx': "import { navigate } from '../app/route.ts';",
      'renderer/app/route.ts': '',
    });
    expect(fileCycles(files)).toEqual([]);
    expect(folderCycles(files)).toEqual(['renderer/app → renderer/archive → renderer/app']);
    // a parent folder and its child are two folders
    expect(folderCycles(made({ 'shared/p/index.ts': "import './rules/r.ts';", 'shared/p/rules/r.ts': "import '../rule.ts';", 'shared/p/rule.ts': '' }))).toEqual(['shared/p → shared/p/rules → shared/p']);
  });

  it('cycle finding gives one shortest cycle per tangle, and self-imports', () => {
    const graph: Graph = new Map([
      ['a', ['b']],
      ['b', ['c', 'a']],
      ['c', ['a']],
      ['d', ['d']],
      ['e', []],
    ]);
    expect(findCycles(graph)).toEqual([
      ['a', 'b', 'a'],
      ['d', 'd'],
    ]);
  });

  it('the renderer: a run-time import of electron/ or the electron module fails, import type passes', () => {
    const files = made({
      'renderer/a.ts': "import { openServices } from '../electron/api/services.ts';",
      'renderer/b.ts': "import type { Services } from '../electron/api/services.ts';",
      'renderer/c.ts': "import { ipcRenderer } from 'electron';",
      'renderer/d.ts': "const load = () => import('../electron/web/server.ts');",
    });
    expect(rendererRuntimeElectronImports(files)).toEqual([
      'renderer/a.ts:1 imports ../electron/api/services.ts at run time',
      'renderer/c.ts:1 imports electron at run time',
      'renderer/d.ts:1 imports ../electron/web/server.ts at run time',
    ]);
  });

  it('services: the front ends, React and Electron fail, other services and shared/ pass', () => {
    const files = made({
      'electron/services/export/a.ts': "import { main } from '../../main/index.ts';",
      'electron/services/import/b.ts': "import type { Services } from '../../api/services.ts';",
      'electron/services/archive/c.ts': "import { app } from 'electron';\nimport { useState } from 'react';",
      'electron/services/files/d.ts': "import { runCli } from '../../cli/main.ts';\nimport { serve } from '../../web/server.ts';",
      'electron/services/export/e.ts': "import { openArchive } from '../archive/archive.ts';\nimport { typeset } from '../../../shared/layout/typeset.ts';",
    });
    expect(serviceLayerViolations(files)).toEqual([
      'electron/services/export/a.ts:1 imports ../../main/index.ts',
      'electron/services/import/b.ts:1 imports ../../api/services.ts',
      'electron/services/archive/c.ts:1 imports electron',
      'electron/services/archive/c.ts:2 imports react',
      'electron/services/files/d.ts:1 imports ../../cli/main.ts',
      'electron/services/files/d.ts:2 imports ../../web/server.ts',
    ]);
  });

  it('SQL: statements in strings and templates outside the archive fail, better-sqlite3 too; prose and the archive pass', () => {
    const files = made({
      'electron/services/export/a.ts': "const q = 'SELECT id, title FROM issues WHERE id = ?';",
      'electron/api/b.ts': 'const q = `INSERT INTO series (name) VALUES (${1})`;',
      'renderer/c.ts': "db.exec('CREATE TABLE notes (id INTEGER)');\nconst d = 'DELETE FROM notes';\nconst u = 'UPDATE notes SET x = 1';",
      'shared/d.ts': "import Database from 'better-sqlite3';",
      'renderer/e.ts': "const hint = 'Select the issues from the list, then update them';\nconst label = '选择 SELECT';",
      'electron/services/archive/f.ts': "import Database from 'better-sqlite3';\nconst q = 'SELECT * FROM issues';",
    });
    expect(sqlOutsideArchive(files)).toEqual([
      'electron/services/export/a.ts:1 has SQL: "SELECT id, title FROM issues WHERE id = ?"',
      'electron/api/b.ts:1 has SQL: "INSERT INTO series (name) VALUES ("',
      'renderer/c.ts:1 has SQL: "CREATE TABLE notes (id INTEGER)"',
      'renderer/c.ts:2 has SQL: "DELETE FROM notes"',
      'renderer/c.ts:3 has SQL: "UPDATE notes SET x = 1"',
      'shared/d.ts:1 imports better-sqlite3',
    ]);
  });

  it('layout numbers: margins, font sizes, line pitch, unit factors and CSS lengths in mm or pt fail; counts, indexes, radixes and px pass', () => {
    expect([...LAYOUT_NUMBERS]).toEqual(expect.arrayContaining([37, 35, 28, 26, 34.6, 32.6, 210, 297, 16, 22, 28.95, 579, 25.4, 72, 20]));
    const files = made({
      'electron/services/export/docx.ts': [
        'const margin = mmToTwips(37);',
        'const body = { size: 16 * 2 };',
        'const line = 28.95;',
        'const spacing = twips / 20;',
        'const indent = -5;',
        'const levels = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((level) => level * 100);',
      ].join('\n'),
      'shared/print/render-print-html.ts': [
        'const css = `.jb-sheet { padding-top: 37mm; font-size: ${size}pt; }`;',
        "const title = 'font-size: 22pt';",
        "const screen = 'body { padding: 12px 0; }';",
        'const hex = code.toString(16).padStart(4, "0");',
      ].join('\n'),
    });
    expect(layoutLiterals(files, LAYOUT_NUMBERS)).toEqual([
      'electron/services/export/docx.ts:1 writes the layout number 37 itself',
      'electron/services/export/docx.ts:2 writes the layout number 16 itself',
      'electron/services/export/docx.ts:3 writes the layout number 28.95 itself',
      'electron/services/export/docx.ts:4 writes the layout number 20 itself',
      'shared/print/render-print-html.ts:1 writes the length 37mm itself',
      'shared/print/render-print-html.ts:2 writes the length 22pt itself',
    ]);
  });
});
