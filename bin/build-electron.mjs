#!/usr/bin/env node
// Builds the Electron main process, the reading worker and the preload into dist-electron/electron/
// (main.js and read-worker.js as ESM side by side, the sandboxed preload as one CommonJS file that
// requires nothing but `electron`). The renderer is built separately into dist/renderer/
// (vite build --config renderer/vite.config.ts).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** `node bin/build-electron.mjs [DIR]`: DIR (default dist-electron) gets electron/main.js, electron/read-worker.js and electron/preload.cjs */
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

// The reading worker (electron/services/import/read-worker.ts): files to import are read in a worker thread
// with memory and time limits; main.js finds it beside itself (read-in-worker.ts, readWorkerEntry). One
// file: its lazily loaded readers (docx) are inlined rather than split into chunks.
await build({
  ...common,
  build: {
    ssr: join(root, 'electron/services/import/read-worker.ts'),
    outDir,
    emptyOutDir: false,
    target: 'es2020',
    sourcemap: false,
    minify: false,
    rollupOptions: { external: ['electron'], output: { format: 'es', entryFileNames: 'read-worker.js', codeSplitting: false } },
  },
});

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
