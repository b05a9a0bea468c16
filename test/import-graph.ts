// The import graph of the app's own source (electron/, renderer/, shared/), read with TypeScript's parser:
// every import, export … from, dynamic import() and import('…') type, each marked whether it survives to
// run time. test/architecture.test.ts checks the house rules against it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  /** the module as written: './x.ts', 'react', 'node:fs' */
  specifier: string;
  /** the importing file's repo-relative path resolved, for a relative specifier; null for a package */
  target: string | null;
  /** false for `import type`, `export type … from`, `import { type A }` alone and `import('…')` types */
  runtime: boolean;
  line: number;
}

export interface SourceFile {
  /** repo-relative, with forward slashes: 'renderer/app/App.tsx' */
  path: string;
  text: string;
  ast: ts.SourceFile;
  imports: ImportEdge[];
}

export const SOURCE_ROOTS = ['electron', 'renderer', 'shared'];

const SOURCE = /\.(ts|tsx|mts|cts)$/;
const TEST = /\.(test|bench)\.tsx?$/;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(path);
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const posix = (path: string) => path.split(sep).join('/');

/** Parses one file's text; `path` is repo-relative and only names it. */
export function parseSource(path: string, text: string, root = ''): SourceFile {
  const ast = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const imports: ImportEdge[] = [];
  const add = (node: ts.Node, specifier: string, runtime: boolean) => {
    const line = ast.getLineAndCharacterOfPosition(node.getStart(ast)).line + 1;
    imports.push({ specifier, target: resolveTarget(path, specifier, root), runtime, line });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node, node.moduleSpecifier.text, !typeOnlyImport(node));
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const typeOnly =
        node.isTypeOnly ||
        (node.exportClause !== undefined && ts.isNamedExports(node.exportClause) && node.exportClause.elements.length > 0 && node.exportClause.elements.every((e) => e.isTypeOnly));
      add(node, node.moduleSpecifier.text, !typeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      add(node, node.moduleReference.expression.text, !node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [first] = node.arguments;
      if (first && ts.isStringLiteralLike(first)) add(node, first.text, true);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node, node.argument.literal.text, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(ast);
  return { path, text, ast, imports };
}

function typeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // a bare `import './x.ts'` runs the module
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

function resolveTarget(from: string, specifier: string, root: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const joined = posix(join(dirname(from), specifier));
  if (!root) return joined;
  // a specifier without an extension (rare here) resolves as the bundler would
  for (const candidate of [joined, `${joined}.ts`, `${joined}.tsx`, `${joined}/index.ts`, `${joined}/index.tsx`]) {
    const full = resolve(root, candidate);
    if (existsSync(full) && statSync(full).isFile()) return candidate;
  }
  return joined;
}

/** Every source file under the roots, tests and benches left out unless asked for. */
export function readSources(root: string, options: { roots?: string[]; tests?: boolean } = {}): SourceFile[] {
  const roots = options.roots ?? SOURCE_ROOTS;
  return roots
    .flatMap((dir) => (existsSync(join(root, dir)) ? walk(join(root, dir)) : []))
    .map((full) => posix(relative(root, full)))
    .filter((path) => options.tests || !TEST.test(path))
    .sort()
    .map((path) => parseSource(path, readFileSync(join(root, path), 'utf8'), root));
}

export type Graph = Map<string, string[]>;

/** File → the files it imports (within the given files), optionally run-time imports only. */
export function fileGraph(files: SourceFile[], options: { runtimeOnly?: boolean } = {}): Graph {
  const known = new Set(files.map((file) => file.path));
  const graph: Graph = new Map();
  for (const file of files) {
    const targets = file.imports
      .filter((edge) => edge.target !== null && known.has(edge.target) && (!options.runtimeOnly || edge.runtime))
      .map((edge) => edge.target!);
    graph.set(file.path, [...new Set(targets)]);
  }
  return graph;
}

/** Folder (a file's directory) → the other folders its files import. */
export function folderGraph(graph: Graph): Graph {
  const folders: Graph = new Map();
  for (const [file, targets] of graph) {
    const from = posix(dirname(file));
    const set = new Set(folders.get(from) ?? []);
    for (const target of targets) {
      const to = posix(dirname(target));
      if (to !== from) set.add(to);
    }
    folders.set(from, [...set]);
  }
  return folders;
}

/** The cycles of a graph, one per strongly connected component of more than one node (or a self-loop),
 *  each given as a path that returns to its start: ['a', 'b', 'a']. */
export function findCycles(graph: Graph): string[][] {
  // Tarjan's strongly connected components, then one concrete cycle through each
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const strongConnect = (node: string) => {
    indices.set(node, index);
    low.set(node, index);
    index++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        strongConnect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, indices.get(next)!));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      components.push(component);
    }
  };
  for (const node of [...graph.keys()].sort()) if (!indices.has(node)) strongConnect(node);

  const cycles: string[][] = [];
  for (const component of components) {
    const members = new Set(component);
    const start = [...component].sort()[0]!;
    if (component.length === 1 && !(graph.get(start) ?? []).includes(start)) continue;
    cycles.push(shortestCycle(graph, start, members));
  }
  return cycles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

function shortestCycle(graph: Graph, start: string, members: Set<string>): string[] {
  // breadth-first from start's successors back to start, inside the component
  const previous = new Map<string, string>();
  const queue: string[] = [];
  for (const next of graph.get(start) ?? []) {
    if (!members.has(next)) continue;
    if (next === start) return [start, start];
    if (!previous.has(next)) {
      previous.set(next, start);
      queue.push(next);
    }
  }
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of graph.get(node) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [node];
        for (let at = node; at !== start; ) {
          at = previous.get(at)!;
          path.unshift(at);
        }
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}
