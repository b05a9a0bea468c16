#!/usr/bin/env node
// Builds the Electron main process, its two workers and the preload into dist-electron/electron/
// (main.js, read-worker.js and file-check-worker.js as ESM side by side, the sandboxed preload as one CommonJS file that
// requires nothing but `electron`). The renderer is built separately into dist/renderer/
// (vite build --config renderer/vite.config.ts).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** `node bin/build-electron.mjs [DIR]`: DIR (default dist-electron) gets electron/main.js, electron/read-worker.js, electron/file-check-worker.js and electron/preload.cjs */
const outDir = join(resolve(root, process.argv[2] ?? 'dist-electron'), 'electron');
const common = { configFile: false, root, logLevel: 'warn', mode: 'production' };

// Main: our TypeScript bundled, packages left to node_modules (better-sqlite3 is native).
await build({
  ...common,
  build: {
    ssr: join(root, 'electron/main/index.ts'),
    outDir,
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    minify: false,
    rollupOptions: { external: ['electron'], output: { format: 'es', entryFileNames: 'main.js' } },
  },
});

// The workers: files to import are read in a worker thread with memory and time limits
// (electron/services/import/read-worker.ts), and the archive's large tables are checked after it opens in
// another (electron/services/archive/file-check-worker.ts); main.js finds each beside itself
// (readWorkerEntry, fileCheckWorkerEntry). One file each: the reader's lazily loaded readers (docx) are
// inlined rather than split into chunks.
for (const [source, output] of [
  ['electron/services/import/read-worker.ts', 'read-worker.js'],
  ['electron/services/archive/file-check-worker.ts', 'file-check-worker.js'],
]) {
  await build({
    ...common,
    build: {
      ssr: join(root, source),
      outDir,
      emptyOutDir: false,
      target: 'es2020',
      sourcemap: false,
      minify: false,
      rollupOptions: { external: ['electron'], output: { format: 'es', entryFileNames: output, codeSplitting: false } },
    },
  });
}

// Preload: a sandboxed preload cannot load modules, so everything but `electron` goes into one file.
await build({
  ...common,
  ssr: { noExternal: true },
  build: {
    ssr: join(root, 'electron/preload/index.ts'),
    outDir,
    emptyOutDir: false,
    target: 'chrome140',
    sourcemap: false,
    minify: false,
    rollupOptions: { external: ['electron'], output: { format: 'cjs', entryFileNames: 'preload.cjs' } },
  },
});
