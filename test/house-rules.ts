// The house rules as checks over the parsed source (test/import-graph.ts): each takes the files (real or
// made up for a test) and returns its violations, one line each naming the file, so that
// test/architecture.test.ts can hold the tree to every rule and prove each check can fail.
import ts from 'typescript';
import { fileGraph, findCycles, folderGraph, type SourceFile } from './import-graph.ts';

// --- shared/ stays free of Node and the DOM

const NODE_IMPORT = /^(node:.+|fs|path|os|child_process|worker_threads|electron|better-sqlite3|react|react-dom|slate-react)(\/.*)?$/;
const DOM_GLOBAL = /\b(document|window|localStorage|navigator|HTMLElement)\b\s*[.[]/;
const NODE_GLOBAL = /\b(process|Buffer|require|__dirname)\b\s*[.(]/;

export function sharedPlatformViolations(files: readonly SourceFile[]): string[] {
  return files
    .filter((file) => file.path.startsWith('shared/'))
    .flatMap((file) => {
      // comments may speak of the document or the window; only code counts
      const code = file.text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
      return [
        ...file.imports.filter((edge) => NODE_IMPORT.test(edge.specifier)).map((edge) => `${file.path}:${edge.line} imports ${edge.specifier}`),
        ...(DOM_GLOBAL.test(code) ? [`${file.path} uses the DOM (${DOM_GLOBAL.exec(code)![0]})`] : []),
        ...(NODE_GLOBAL.test(code) ? [`${file.path} uses a Node global (${NODE_GLOBAL.exec(code)![0]})`] : []),
      ];
    });
}

// --- no import cycles, between files or between folders

/** Every cycle among the files' imports (type-only ones too), as its path: a.ts → b.ts → a.ts. */
export function fileCycles(files: readonly SourceFile[]): string[] {
  return findCycles(fileGraph([...files])).map((cycle) => cycle.join(' → '));
}

/** Every cycle among folders (a file's directory), as its path of folders. */
export function folderCycles(files: readonly SourceFile[]): string[] {
  return findCycles(folderGraph(fileGraph([...files]))).map((cycle) => cycle.join(' → '));
}

// --- the renderer never imports electron/ at run time

/** Vite's config runs in Node at build time and is no part of the page. */
const RENDERER_BUILD_FILES = new Set(['renderer/vite.config.ts']);

export function rendererRuntimeElectronImports(files: readonly SourceFile[]): string[] {
  return files
    .filter((file) => file.path.startsWith('renderer/') && !RENDERER_BUILD_FILES.has(file.path))
    .flatMap((file) =>
      file.imports
        .filter((edge) => edge.runtime && (edge.target?.startsWith('electron/') || edge.specifier === 'electron' || edge.specifier.startsWith('electron/')))
        .map((edge) => `${file.path}:${edge.line} imports ${edge.specifier} at run time`),
    );
}

// --- services never reach up to the front ends, React or Electron

const SERVICE_FORBIDDEN_FOLDERS = ['electron/api/', 'electron/main/', 'electron/cli/', 'electron/web/'];
const SERVICE_FORBIDDEN_PACKAGES = /^(electron|react|react-dom|slate-react)(\/.*)?$/;

export function serviceLayerViolations(files: readonly SourceFile[]): string[] {
  return files
    .filter((file) => file.path.startsWith('electron/services/'))
    .flatMap((file) =>
      file.imports
        .filter((edge) => (edge.target !== null && SERVICE_FORBIDDEN_FOLDERS.some((folder) => edge.target!.startsWith(folder))) || SERVICE_FORBIDDEN_PACKAGES.test(edge.specifier))
        .map((edge) => `${file.path}:${edge.line} imports ${edge.specifier}`),
    );
}

// --- SQL only in the archive service

export const ARCHIVE_FOLDER = 'electron/services/archive/';

/** SQL as this code base writes it: keywords in capitals, the shape of a statement. */
const SQL = /\b(?:SELECT\s+(?:DISTINCT\s+)?(?:\*|[\w.]+(?:\s*,\s*[\w.]+)*|COUNT\s*\()[\s\S]*?\bFROM\b|INSERT\s+(?:OR\s+[A-Z]+\s+)?INTO\b|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b|CREATE\s+(?:UNIQUE\s+|VIRTUAL\s+)?(?:TABLE|INDEX|TRIGGER|VIEW)\b|DROP\s+(?:TABLE|INDEX|TRIGGER|VIEW)\b|ALTER\s+TABLE\b|PRAGMA\s+\w+)/;

function stringsOf(file: SourceFile): { text: string; line: number }[] {
  const found: { text: string; line: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      found.push({ text: node.text, line: file.ast.getLineAndCharacterOfPosition(node.getStart(file.ast)).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(file.ast);
  return found;
}

export function sqlOutsideArchive(files: readonly SourceFile[]): string[] {
  return files
    .filter((file) => !file.path.startsWith(ARCHIVE_FOLDER))
    .flatMap((file) => [
      ...stringsOf(file)
        .filter((literal) => SQL.test(literal.text))
        .map((literal) => `${file.path}:${literal.line} has SQL: ${JSON.stringify(literal.text.slice(0, 60))}`),
      ...file.imports.filter((edge) => edge.specifier === 'better-sqlite3').map((edge) => `${file.path}:${edge.line} imports better-sqlite3`),
    ]);
}

// --- layout numbers only in shared/layout/

/**
 * The numbers that are print layout's, from shared/layout's own tables (passed in): page sizes and margins in
 * mm, font sizes in pt, line pitches in twips and pt, the unit conversions. Small whole numbers (|n| < 10) and
 * 100 are left out: they are counts, indexes and percentages as often as measurements.
 */
export function layoutNumbers(tables: readonly unknown[]): Set<number> {
  const numbers = new Set<number>();
  const walk = (value: unknown) => {
    if (typeof value === 'number' && Number.isFinite(value)) {
      if (!(Number.isInteger(value) && Math.abs(value) < 10) && value !== 100) numbers.add(Number(value.toFixed(6)));
    } else if (value && typeof value === 'object') {
      for (const item of Object.values(value)) walk(item);
    }
  };
  for (const table of tables) walk(table);
  return numbers;
}

/** A length written as CSS in mm or pt (the print view takes these from cssMm/cssPt of the layout's numbers). */
const CSS_PRINT_LENGTH = /(?<![\w.$])-?\d+(?:\.\d+)?(?:mm|pt)\b/;

/** Arguments that are radixes (`toString(16)`, `parseInt(text, 16)`), never measurements. */
function isRadix(node: ts.Node): boolean {
  const call = node.parent;
  if (!call || !ts.isCallExpression(call)) return false;
  const callee = call.expression;
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
  return (name === 'toString' && call.arguments[0] === node) || (name === 'parseInt' && call.arguments[1] === node);
}

export function layoutLiterals(files: readonly SourceFile[], numbers: ReadonlySet<number>): string[] {
  return files.flatMap((file) => {
    const found: string[] = [];
    const at = (node: ts.Node) => `${file.path}:${file.ast.getLineAndCharacterOfPosition(node.getStart(file.ast)).line + 1}`;
    const visit = (node: ts.Node) => {
      if (ts.isNumericLiteral(node) && !isRadix(node)) {
        const negative = ts.isPrefixUnaryExpression(node.parent) && node.parent.operator === ts.SyntaxKind.MinusToken;
        const value = Number(node.text) * (negative ? -1 : 1);
        if (numbers.has(Number(value.toFixed(6)))) found.push(`${at(node)} writes the layout number ${value} itself`);
      } else if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
        const length = CSS_PRINT_LENGTH.exec(node.text);
        if (length) found.push(`${at(node)} writes the length ${length[0]} itself`);
      }
      ts.forEachChild(node, visit);
    };
    visit(file.ast);
    return found;
  });
}
