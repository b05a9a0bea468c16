#!/usr/bin/env node
// Builds the command line, browser mode's server and the reading worker into plain JavaScript in
// dist-node/electron/ (cli.js, web.js, read-worker.js, one file for each source module they import), and
// writes dist-node/manifest.json: every source file that went in, with its size, mtime and hash, which
// bin/launch.mjs compares at each start so an edited source is never silently ignored.
// Run by `npm install` (the `prepare` script) and by hand; any failure leaves no build and one line
// saying that the sources will be run instead, and the install goes on (exit code 0).
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_DIR, ENTRIES, MANIFEST_FILE, MANIFEST_VERSION } from './launch.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The built file's name of a source module of ours; null for packages (they stay in node_modules). */
function moduleFileName(projectRoot, id) {
  if (!isAbsolute(id) || id.includes('node_modules') || id.includes('\0')) return null;
  return relative(projectRoot, id).replace(/\.[cm]?[jt]sx?$/, '').split(/[\\/]/).join('.');
}

/**
 * A file as the build reads it, for the manifest: its size and mtime taken before its bytes are read, so a
 * file edited while the build runs is recorded older than it is (and found stale), never the reverse.
 */
function recordFile(projectRoot, files, id) {
  const stat = statSync(id);
  const bytes = readFileSync(id);
  files[relative(projectRoot, id).split('\\').join('/')] = { size: stat.size, mtimeMs: stat.mtimeMs, sha1: createHash('sha1').update(bytes).digest('hex') };
  return bytes.toString('utf8');
}

/**
 * Builds into `<projectRoot>/dist-node` (by way of a temporary folder renamed into place, so a start
 * meanwhile sees the old build or the new one, never half of one). Returns the number of sources.
 */
export async function buildCli(projectRoot = root) {
  const { build } = await import('vite');
  const finalDir = join(projectRoot, BUILD_DIR);
  const workDir = `${finalDir}.building-${process.pid}`;
  rmSync(workDir, { recursive: true, force: true });
  // what makes the build fresh: every source read into it, this script (another could build them
  // differently) and the version of the package bundled with them
  const files = {};
  recordFile(projectRoot, files, fileURLToPath(import.meta.url));
  recordFile(projectRoot, files, join(projectRoot, 'node_modules', 'zod', 'package.json'));
  try {
    await build({
      configFile: false,
      root: projectRoot,
      logLevel: 'warn',
      mode: 'production',
      // zod is 220 small ES modules: bundled into one file (npm.zod.js) it loads in a third of the time
      ssr: { noExternal: ['zod'] },
      plugins: [{ name: 'jianbao-manifest', enforce: 'pre', load: (id) => (moduleFileName(projectRoot, id) ? recordFile(projectRoot, files, id) : null) }],
      build: {
        // the packages but zod stay in node_modules (better-sqlite3 is native, pdfjs-dist finds its data
        // files beside itself). electron/ two levels down keeps the paths the sources compute from
        // import.meta.url (`../..` is the repository) true.
        ssr: true,
        outDir: join(workDir, 'electron'),
        emptyOutDir: true,
        target: 'node20',
        sourcemap: false,
        minify: false,
        copyPublicDir: false,
        reportCompressedSize: false,
        rollupOptions: {
          input: Object.fromEntries(Object.entries(ENTRIES).map(([name, path]) => [name, join(projectRoot, path)])),
          external: ['electron'],
          output: {
            format: 'es',
            entryFileNames: '[name].js',
            chunkFileNames: '[name].js',
            // one file per source module, named by its path (electron/cli/main.ts: electron.cli.main.js): a
            // module loads what its source imports and no more, as under tsx, so a command that does
            // not need docx or SQLite does not load them. All in one folder, two levels down.
            codeSplitting: {
              includeDependenciesRecursively: false,
              groups: [
                { debugName: 'one file per module', name: (id) => moduleFileName(projectRoot, id) },
                { name: 'npm.zod', test: /node_modules[\\/]zod[\\/]/ },
              ],
            },
          },
        },
      },
    });
    const count = Object.keys(files).length - 2;
    if (count === 0) throw new Error('没有读到任何源文件');
    writeFileSync(join(workDir, MANIFEST_FILE), `${JSON.stringify({ version: MANIFEST_VERSION, files }, null, 1)}\n`);
    rmSync(finalDir, { recursive: true, force: true });
    renameSync(workDir, finalDir);
    return count;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  try {
    const count = await buildCli();
    console.log(`已构建命令行与浏览器模式（${count} 个源文件，${Math.round(performance.now() - started)} 毫秒）：${BUILD_DIR}/`);
  } catch (error) {
    rmSync(join(root, BUILD_DIR), { recursive: true, force: true });
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    console.log(`未能构建命令行（${reason}），将直接运行 TypeScript 源代码（启动较慢）。`);
    // during `npm install` a failed build must not fail the install: the sources run instead
    if (process.env.npm_lifecycle_event !== 'prepare') process.exitCode = 1;
  }
}
