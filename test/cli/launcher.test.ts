// bin/jianbao.mjs runs the JavaScript bin/build-cli.mjs built when every source it was built from is
// unchanged, and the TypeScript sources otherwise: shown on a copy of the repository (its own build, its
// own sources to edit; node_modules linked), so the real sources are never touched.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bulletinFixtures, repoRoot } from '../fixtures.ts';

const INSPECT_USAGE = '显示摘要或输出标准 JSON';
/** each test starts the command line several times, from source too (each start compiles it) */
const SLOW = 180_000;

/** A copy of what the command line is built from, with node_modules linked (whole, or all but `without`). */
function copyRepository(without: string[] = []): string {
  const root = mkdtempSync(join(tmpdir(), 'jianbao-launcher-'));
  for (const folder of ['bin', 'electron', 'shared']) cpSync(join(repoRoot, folder), join(root, folder), { recursive: true });
  cpSync(join(repoRoot, 'package.json'), join(root, 'package.json'));
  if (without.length === 0) {
    symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  } else {
    mkdirSync(join(root, 'node_modules'));
    for (const entry of readdirSync(join(repoRoot, 'node_modules'))) {
      if (!without.includes(entry)) symlinkSync(join(repoRoot, 'node_modules', entry), join(root, 'node_modules', entry));
    }
  }
  return root;
}

function run(root: string, script: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [join(root, 'bin', script), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const jianbao = (root: string, args: string[], env?: NodeJS.ProcessEnv) => run(root, 'jianbao.mjs', args, env);
const fromSource = { JIANBAO_FROM_SOURCE: '1' };

/** The built file of a source module (bin/build-cli.mjs names each by its path). */
const builtModule = (root: string, source: string) => join(root, 'dist-node', 'electron', `${source.replace(/\.ts$/, '').split('/').join('.')}.js`);

function replaceIn(path: string, from: string, to: string): void {
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

describe('the jianbao launcher', () => {
  let root: string;
  beforeAll(() => {
    root = copyRepository();
    const build = run(root, 'build-cli.mjs', []);
    expect(build.status, build.stdout + build.stderr).toBe(0);
    expect(build.stdout).toMatch(/^已构建命令行与浏览器模式（\d+ 个源文件，\d+ 毫秒）：dist-node\/\n$/);
  }, SLOW);

  it('the build gives the same help and the same inspect --json as the sources', () => {
    const fixture = bulletinFixtures()[2]!;
    for (const args of [['help'], ['inspect', fixture.path, '--json'], ['inspect', fixture.path], ['nonsense']]) {
      const built = jianbao(root, args);
      const source = jianbao(root, args, fromSource);
      expect(built.stdout.length + built.stderr.length, args.join(' ')).toBeGreaterThan(0);
      expect(built, args.join(' ')).toEqual(source);
    }
  }, SLOW);

  it('a fresh build is what runs, and a source touched without a change (a checkout) keeps it in use', () => {
    replaceIn(builtModule(root, 'electron/cli/commands/inspect.ts'), INSPECT_USAGE, `${INSPECT_USAGE}（构建版）`);
    expect(jianbao(root, ['help']).stdout).toContain('（构建版）');
    // the built files themselves are not part of the check: only the sources they came from are
    expect(jianbao(root, ['help'], fromSource).stdout).not.toContain('（构建版）');

    const source = join(root, 'electron/cli/commands/inspect.ts');
    const later = new Date(Date.now() + 60_000);
    utimesSync(source, later, later);
    expect(jianbao(root, ['help']).stdout).toContain('（构建版）');
  }, SLOW);

  it('an edited source is run from source, never the stale build, until the next build', () => {
    replaceIn(join(root, 'electron/cli/commands/inspect.ts'), INSPECT_USAGE, `${INSPECT_USAGE}（已修改）`);
    const edited = jianbao(root, ['help']);
    expect(edited.status).toBe(0);
    expect(edited.stdout).toContain('（已修改）');
    expect(edited.stdout).not.toContain('（构建版）');
    // not a terminal: the output is the command's own, with no note about the build
    expect(edited.stderr).toBe('');

    expect(run(root, 'build-cli.mjs', []).status).toBe(0);
    replaceIn(builtModule(root, 'electron/cli/commands/inspect.ts'), '（已修改）', '（已修改，已重新构建）');
    expect(jianbao(root, ['help']).stdout).toContain('（已修改，已重新构建）');
  }, SLOW);

  it('a source the build came from that is gone, or a build by another manifest format, is not used', () => {
    const manifestPath = join(root, 'dist-node', 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: number; files: Record<string, unknown> };
    expect(Object.keys(manifest.files)).toEqual(expect.arrayContaining(['electron/cli/main.ts', 'electron/web/main.ts', 'electron/services/import/read-worker.ts', 'electron/services/archive/file-check-worker.ts', 'bin/build-cli.mjs', 'node_modules/zod/package.json']));
    const staleReason = (manifestText: string) => {
      writeFileSync(manifestPath, manifestText);
      const probe = spawnSync(process.execPath, ['--input-type=module', '-e', `import { staleReason } from ${JSON.stringify(join(root, 'bin', 'launch.mjs'))}; console.log(staleReason() ?? '新')`], { encoding: 'utf8' });
      return probe.stdout.trim();
    };
    const original = JSON.stringify(manifest);
    expect(staleReason(original)).toBe('新');
    expect(staleReason(JSON.stringify({ ...manifest, files: { ...manifest.files, 'electron/gone.ts': { size: 1, mtimeMs: 1, sha1: '0' } } }))).toBe('源文件已删除：electron/gone.ts');
    expect(staleReason(JSON.stringify({ ...manifest, version: manifest.version + 1 }))).toBe('构建的格式已过时');
    expect(staleReason('{')).toBe('没有构建');
    staleReason(original);
  }, SLOW);
});

describe('npm install (the prepare script) without vite', () => {
  it('says in one line that the sources will run, does not fail the install, and the command line works from source', () => {
    const root = copyRepository(['vite']);
    const build = run(root, 'build-cli.mjs', [], { npm_lifecycle_event: 'prepare' });
    expect(build.status).toBe(0);
    expect(build.stdout).toMatch(/^未能构建命令行（.+），将直接运行 TypeScript 源代码（启动较慢）。\n$/);
    expect(existsSync(join(root, 'dist-node'))).toBe(false);
    // run by hand, the same failure is an error
    expect(run(root, 'build-cli.mjs', []).status).toBe(1);

    const help = jianbao(root, ['help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain(INSPECT_USAGE);
  }, SLOW);
});
