// Entry of the reading worker when running from the TypeScript sources (CLI, browser mode, tests): a
// worker thread does not inherit the parent's tsx hooks, so it registers tsx, then loads read-worker.ts.
// The packaged app runs the bundled dist-electron/electron/read-worker.js instead (bin/build-electron.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./read-worker.ts');
